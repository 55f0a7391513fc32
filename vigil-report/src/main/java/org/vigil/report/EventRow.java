package org.vigil.report;

import java.time.LocalDate;
import org.vigil.model.Area;
import org.vigil.model.ThreatDomain;

/**
 * A notable event for the report (actor types only, never persons).
 *
 * @param date the day it happened
 * @param area the state
 * @param domain the threat domain
 * @param category the PLOVER category
 * @param fatalities reported deaths
 * @param summary the public one-line summary
 */
public record EventRow(
    LocalDate date,
    Area area,
    ThreatDomain domain,
    String category,
    int fatalities,
    String summary) {

  public EventRow {
    if (date == null || area == null || domain == null) {
      throw new IllegalArgumentException("EventRow needs a date, an area and a domain");
    }
    category = category == null ? "" : category;
    summary = summary == null ? "" : summary;
    if (fatalities < 0) {
      throw new IllegalArgumentException("Fatalities must be >= 0, found " + fatalities);
    }
  }
}

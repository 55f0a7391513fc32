package org.vigil.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A security event from public records. Events name actor types ("militant group", "police"), never
 * persons.
 *
 * @param id store id (0 before it is stored)
 * @param date the day it happened
 * @param area the country code
 * @param latitude WGS84 latitude, NaN when unknown
 * @param longitude WGS84 longitude, NaN when unknown
 * @param ploverCategory PLOVER event category (e.g. ASSAULT, PROTEST, SEIZE)
 * @param contexts PLOVER contexts (e.g. terrorism, drugs)
 * @param actorTypes source and target actor types
 * @param fatalities reported deaths, 0 when none or unknown
 * @param domain the threat domain it informs
 * @param summary a one-line public summary
 * @param source the public source (document address or title)
 * @param ownership owner and classification
 */
public record Event(
    long id,
    LocalDate date,
    String area,
    double latitude,
    double longitude,
    String ploverCategory,
    List<String> contexts,
    List<String> actorTypes,
    int fatalities,
    ThreatDomain domain,
    String summary,
    String source,
    Ownership ownership) {
  public Event {
    if (date == null || area == null || ploverCategory == null || ownership == null) {
      throw new IllegalArgumentException("Event needs date, area, PLOVER category and ownership");
    }
    if (fatalities < 0) {
      throw new IllegalArgumentException("Event fatalities must be >= 0, found " + fatalities);
    }
    contexts = contexts == null ? List.of() : List.copyOf(contexts);
    actorTypes = actorTypes == null ? List.of() : List.copyOf(actorTypes);
    summary = summary == null ? "" : summary;
    source = source == null ? "" : source;
  }

  /** True when the source names itself synthetic ({@link DemoSource#synthetic}). */
  public boolean synthetic() {
    return DemoSource.synthetic(source);
  }
}

package org.vigil.app.programme;

import java.time.LocalDate;
import java.util.List;

/**
 * One line of the programme list.
 *
 * @param code the programme code
 * @param titleEn English title
 * @param titleRu Russian title
 * @param start first day
 * @param end last day
 * @param parties parties' area codes
 * @param activeVersion the version in force, 0 when none is approved
 * @param latestVersion the newest version (a draft when greater than the active one)
 * @param drafts drafts awaiting a decision
 * @param objectives number of objectives
 * @param measures number of measures
 * @param kpis number of KPIs
 */
public record ProgrammeSummary(
    String code,
    String titleEn,
    String titleRu,
    LocalDate start,
    LocalDate end,
    List<String> parties,
    int activeVersion,
    int latestVersion,
    int drafts,
    int objectives,
    int measures,
    int kpis) {
  public ProgrammeSummary {
    parties = List.copyOf(parties);
  }
}

package org.vigil.analytics.programme;

import java.time.LocalDate;
import java.util.List;

/**
 * How a programme stands on a date, for the whole programme, per objective and per state.
 *
 * @param programme the programme code
 * @param asOf the date
 * @param total the whole programme
 * @param objectives one row per objective
 * @param states one row per party
 */
public record Scorecard(
    String programme, LocalDate asOf, Row total, List<Row> objectives, List<Row> states) {
  public Scorecard {
    objectives = List.copyOf(objectives);
    states = List.copyOf(states);
  }

  /**
   * One line of a scorecard.
   *
   * @param key "ALL", an objective code or a state's area code
   * @param label a readable name
   * @param measures measures counted
   * @param done measures done
   * @param late measures late
   * @param behind measures behind schedule (late or trailing their time)
   * @param kpis KPIs counted
   * @param kpisMet KPIs whose latest value already meets the target
   * @param kpiProgress mean progress from baseline to target of the latest values, each clipped to
   *     0..1; NaN when no KPI has a value
   * @param reportsDue reporting duties whose due date has passed or that were met
   * @param reportsOnTime reports that arrived on time
   * @param reportsLate reports that arrived late
   * @param reportsMissing reports overdue
   * @param compliance on-time share of the duties due, NaN when none is due
   */
  public record Row(
      String key,
      String label,
      int measures,
      int done,
      int late,
      int behind,
      int kpis,
      int kpisMet,
      double kpiProgress,
      int reportsDue,
      int reportsOnTime,
      int reportsLate,
      int reportsMissing,
      double compliance) {}
}

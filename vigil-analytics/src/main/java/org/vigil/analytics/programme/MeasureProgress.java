package org.vigil.analytics.programme;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.model.programme.ImplementationReport;
import org.vigil.model.programme.Measure;
import org.vigil.model.programme.MeasureStatus;
import org.vigil.model.programme.Programme;

/**
 * How far a measure has come on a date, from its plan and its parties' latest reports.
 *
 * @param measure the measure code
 * @param status the status the programme version decided
 * @param percentDone mean of the involved parties' latest reported percent done, NaN when none
 *     reported
 * @param expectedPercent the share of the measure's planned time that has passed, in percent
 * @param late past its deadline and not done, or reported delayed by a party
 * @param behind late, or done less than the time passed calls for (by more than the slack)
 * @param reportingParties the parties whose reports are counted
 */
public record MeasureProgress(
    String measure,
    MeasureStatus status,
    double percentDone,
    double expectedPercent,
    boolean late,
    boolean behind,
    List<String> reportingParties) {

  /** Percentage points a measure may trail its elapsed time before it counts as behind. */
  public static final double SLACK = 15;

  public MeasureProgress {
    reportingParties = List.copyOf(reportingParties);
  }

  /**
   * Progress of every measure of a programme on a date, counting reports submitted by the end of
   * that day (UTC).
   */
  public static List<MeasureProgress> of(
      Programme p, List<ImplementationReport> reports, LocalDate asOf) {
    List<MeasureProgress> out = new ArrayList<>();
    for (Measure m : p.measures()) {
      out.add(of(m, latestByParty(m, reports, asOf), asOf));
    }
    return out;
  }

  static MeasureProgress of(Measure m, Map<String, ImplementationReport> latest, LocalDate asOf) {
    double percent =
        latest.values().stream()
            .mapToInt(ImplementationReport::percentDone)
            .average()
            .orElse(Double.NaN);
    boolean reportedDelayed =
        latest.values().stream().anyMatch(r -> r.status() == MeasureStatus.DELAYED);
    boolean done = m.status() == MeasureStatus.DONE || m.status() == MeasureStatus.CANCELLED;
    boolean late = !done && (m.lateOn(asOf) || reportedDelayed);
    double expected = 100 * m.elapsedShare(asOf);
    boolean trailing = !done && !Double.isNaN(percent) && percent < expected - SLACK;
    return new MeasureProgress(
        m.code(),
        m.status(),
        percent,
        expected,
        late,
        late || trailing,
        List.copyOf(latest.keySet()));
  }

  /** Each involved party's latest report on a measure submitted by the end of {@code asOf}. */
  static Map<String, ImplementationReport> latestByParty(
      Measure m, List<ImplementationReport> reports, LocalDate asOf) {
    var cutoff = asOf.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Map<String, ImplementationReport> latest = new LinkedHashMap<>();
    reports.stream()
        .filter(r -> r.measure().equals(m.code()) && m.involves(r.party()))
        .filter(r -> r.submittedAt().isBefore(cutoff))
        .sorted(
            Comparator.comparing((ImplementationReport r) -> r.period().end())
                .thenComparing(ImplementationReport::submittedAt)
                .thenComparingLong(ImplementationReport::id))
        .forEach(r -> latest.put(r.party(), r));
    return latest;
  }
}

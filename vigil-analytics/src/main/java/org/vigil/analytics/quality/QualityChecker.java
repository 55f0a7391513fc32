package org.vigil.analytics.quality;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.vigil.analytics.anomaly.Anomaly;
import org.vigil.analytics.anomaly.AnomalyDetector;
import org.vigil.analytics.anomaly.AnomalySpec;
import org.vigil.analytics.stats.Robust;
import org.vigil.model.Observation;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * Runs the quality rules over one state's dataset. Input per indicator: every vintage of every
 * value (as the repository's {@code vintages} returns them); the latest vintage is the value, the
 * first vintage's time is when it was reported. Thread-safe (stateless).
 */
public final class QualityChecker {
  static final int WEEKLY_DEADLINE_DAYS = 14;
  static final int DAILY_DEADLINE_DAYS = 7;

  private QualityChecker() {}

  /**
   * One indicator's history for one area.
   *
   * @param indicator indicator code
   * @param frequency the indicator's frequency
   * @param vintages every vintage of every period, any order
   */
  public record IndicatorHistory(
      String indicator, Frequency frequency, List<Observation> vintages) {
    public IndicatorHistory {
      vintages = List.copyOf(vintages);
    }
  }

  /** Checks one area's dataset. */
  public static QualityReport check(
      String area, String dataset, List<IndicatorHistory> histories, QualitySpec spec) {
    List<QualityIssue> issues = new ArrayList<>();
    List<QualityReport.IndicatorQuality> per = new ArrayList<>();
    Map<String, TreeMap<Period, Double>> latest = new TreeMap<>();
    for (IndicatorHistory h : histories) {
      TreeMap<Period, List<Observation>> byPeriod = new TreeMap<>();
      for (Observation o : h.vintages()) {
        byPeriod.computeIfAbsent(o.period(), p -> new ArrayList<>()).add(o);
      }
      byPeriod.values().forEach(l -> l.sort(Comparator.comparing(Observation::recordedAt)));
      TreeMap<Period, Double> values = new TreeMap<>();
      byPeriod.forEach((p, l) -> values.put(p, l.get(l.size() - 1).value()));
      latest.put(h.indicator(), values);
      per.add(reporting(area, h, byPeriod, spec, issues));
      bounds(area, h.indicator(), values, spec, issues);
      outliers(area, h.indicator(), values, spec, issues);
      revisions(area, h.indicator(), byPeriod, spec, issues);
    }
    for (QualitySpec.ConsistencyRule r : spec.consistency()) {
      consistency(area, r, latest, issues);
    }
    issues.sort(
        Comparator.comparing(QualityIssue::severity)
            .reversed()
            .thenComparing(QualityIssue::indicator)
            .thenComparing(QualityIssue::period));
    int expected = per.stream().mapToInt(QualityReport.IndicatorQuality::expected).sum();
    int present = per.stream().mapToInt(QualityReport.IndicatorQuality::present).sum();
    int onTime = per.stream().mapToInt(QualityReport.IndicatorQuality::onTime).sum();
    return new QualityReport(
        area,
        dataset,
        per,
        issues,
        expected == 0 ? 1.0 : Math.min(1.0, present / (double) expected),
        present == 0 ? Double.NaN : onTime / (double) present);
  }

  /**
   * Instant by which a period's value is due: {@code days} after the period's end, but at most 14
   * days after a week and 7 days after a day (a weekly or daily series 45 days late has lost its
   * point).
   */
  static Instant deadline(Period p, int days) {
    int d =
        switch (p.frequency()) {
          case WEEKLY -> Math.min(days, WEEKLY_DEADLINE_DAYS);
          case DAILY -> Math.min(days, DAILY_DEADLINE_DAYS);
          default -> days;
        };
    return p.end().plusDays(1L + d).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  private static QualityReport.IndicatorQuality reporting(
      String area,
      IndicatorHistory h,
      TreeMap<Period, List<Observation>> byPeriod,
      QualitySpec spec,
      List<QualityIssue> issues) {
    if (byPeriod.isEmpty()) {
      issues.add(
          new QualityIssue(
              QualityIssue.Rule.COMPLETENESS,
              QualityIssue.Severity.ERROR,
              h.indicator(),
              area,
              "",
              "No values reported at all: expected a "
                  + h.frequency().name().toLowerCase(Locale.ROOT)
                  + " series; load the state's data"));
      return new QualityReport.IndicatorQuality(h.indicator(), 0, 0, 0, Double.NaN);
    }
    Period first = byPeriod.firstKey();
    int expected = 0;
    List<String> missing = new ArrayList<>();
    for (Period p = first; deadline(p, spec.deadlineDays()).isBefore(spec.asOf()); p = p.plus(1)) {
      expected++;
      List<Observation> v = byPeriod.get(p);
      if (v == null || Double.isNaN(v.get(v.size() - 1).value())) {
        missing.add(p.toString());
      }
    }
    int present = expected - missing.size();
    int onTime = 0;
    List<Double> delays = new ArrayList<>();
    for (Map.Entry<Period, List<Observation>> e : byPeriod.entrySet()) {
      Instant firstSeen = e.getValue().get(0).recordedAt();
      if (firstSeen.equals(Instant.EPOCH)) {
        continue;
      }
      double days =
          Duration.between(
                      e.getKey().end().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                      firstSeen)
                  .toHours()
              / 24.0;
      delays.add(days);
      if (!firstSeen.isAfter(deadline(e.getKey(), spec.deadlineDays()))) {
        onTime++;
      }
    }
    double share = expected == 0 ? 1 : present / (double) expected;
    if (share < spec.minCompleteness()) {
      issues.add(
          new QualityIssue(
              QualityIssue.Rule.COMPLETENESS,
              QualityIssue.Severity.WARNING,
              h.indicator(),
              area,
              "",
              String.format(
                  Locale.ROOT,
                  "%d of %d expected values present (%.0f%%, expected at least %.0f%%); missing: %s",
                  present,
                  expected,
                  share * 100,
                  spec.minCompleteness() * 100,
                  abbreviate(missing))));
    }
    int late = delays.size() - onTime;
    if (late > 0) {
      issues.add(
          new QualityIssue(
              QualityIssue.Rule.TIMELINESS,
              QualityIssue.Severity.INFO,
              h.indicator(),
              area,
              "",
              String.format(
                  Locale.ROOT,
                  "%d of %d values first reported after the %d-day deadline (median delay %.0f"
                      + " days)",
                  late,
                  delays.size(),
                  spec.deadlineDays(),
                  Robust.median(delays.stream().mapToDouble(Double::doubleValue).toArray()))));
    }
    double med = Robust.median(delays.stream().mapToDouble(Double::doubleValue).toArray());
    return new QualityReport.IndicatorQuality(h.indicator(), expected, present, onTime, med);
  }

  private static String abbreviate(List<String> periods) {
    return periods.size() <= 6
        ? String.join(", ", periods)
        : String.join(", ", periods.subList(0, 6)) + " and " + (periods.size() - 6) + " more";
  }

  private static void bounds(
      String area,
      String ind,
      TreeMap<Period, Double> values,
      QualitySpec spec,
      List<QualityIssue> issues) {
    QualitySpec.Bounds b = spec.bounds().get(ind);
    if (b == null) {
      return;
    }
    values.forEach(
        (p, v) -> {
          if (!Double.isNaN(v) && (v < b.min() || v > b.max())) {
            issues.add(
                new QualityIssue(
                    QualityIssue.Rule.OUT_OF_BOUNDS,
                    QualityIssue.Severity.ERROR,
                    ind,
                    area,
                    p.toString(),
                    "Value "
                        + v
                        + " is outside the allowed range ["
                        + b.min()
                        + ", "
                        + b.max()
                        + "]; correct it or widen the bounds"));
          }
        });
  }

  private static void outliers(
      String area,
      String ind,
      TreeMap<Period, Double> values,
      QualitySpec spec,
      List<QualityIssue> issues) {
    if (values.size() < 8) {
      return;
    }
    TimeSeries s = TimeSeries.fromPoints(values);
    AnomalySpec a =
        AnomalySpec.DEFAULT
            .withMethods(java.util.EnumSet.of(Anomaly.Method.ROBUST_Z))
            .withZThreshold(spec.outlierZ());
    for (Anomaly an : AnomalyDetector.detect(s, a)) {
      issues.add(
          new QualityIssue(
              QualityIssue.Rule.OUTLIER,
              QualityIssue.Severity.WARNING,
              ind,
              area,
              an.period().toString(),
              "Possible outlier: " + an.description()));
    }
  }

  private static void revisions(
      String area,
      String ind,
      TreeMap<Period, List<Observation>> byPeriod,
      QualitySpec spec,
      List<QualityIssue> issues) {
    byPeriod.forEach(
        (p, l) -> {
          for (int k = 1; k < l.size(); k++) {
            double before = l.get(k - 1).value();
            double after = l.get(k).value();
            double base = Math.max(Math.abs(before), 1e-9);
            double rel = Math.abs(after - before) / base;
            if (rel > spec.revisionThreshold() && !withinCountNoise(before, after)) {
              issues.add(
                  new QualityIssue(
                      QualityIssue.Rule.REVISION,
                      QualityIssue.Severity.WARNING,
                      ind,
                      area,
                      p.toString(),
                      String.format(
                          Locale.ROOT,
                          "Revised from %s to %s (%.0f%%, flagged above %.0f%%) by batch %d at %s",
                          before,
                          after,
                          rel * 100,
                          spec.revisionThreshold() * 100,
                          l.get(k).batch(),
                          l.get(k).recordedAt())));
            }
          }
        });
  }

  /**
   * A revision of a count (both values whole) by no more than two Poisson standard deviations of
   * the earlier value (2 sqrt(n), at least 2): routine in provisional counts of small series (2
   * revised to 1 is "50%"), so not a data-quality finding.
   */
  static boolean withinCountNoise(double before, double after) {
    boolean counts = before == Math.rint(before) && after == Math.rint(after) && before >= 0;
    return counts && Math.abs(after - before) <= Math.max(2, 2 * Math.sqrt(before));
  }

  private static void consistency(
      String area,
      QualitySpec.ConsistencyRule r,
      Map<String, TreeMap<Period, Double>> latest,
      List<QualityIssue> issues) {
    TreeMap<Period, Double> total = latest.get(r.total());
    if (total == null) {
      return;
    }
    total.forEach(
        (p, t) -> {
          double sum = 0;
          for (String part : r.parts()) {
            TreeMap<Period, Double> s = latest.get(part);
            Double v = s == null ? null : s.get(p);
            if (v == null || Double.isNaN(v)) {
              return;
            }
            sum += v;
          }
          if (!Double.isNaN(t) && sum > t * (1 + r.tolerance()) + 1e-9) {
            issues.add(
                new QualityIssue(
                    QualityIssue.Rule.CONSISTENCY,
                    QualityIssue.Severity.ERROR,
                    r.total(),
                    area,
                    p.toString(),
                    String.format(
                        Locale.ROOT,
                        "%s = %s is less than the sum of its parts %s = %s; expected total >= sum",
                        r.total(),
                        t,
                        String.join(" + ", r.parts()),
                        sum)));
          }
        });
  }
}

package org.vigil.analytics.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigil.analytics.anomaly.Anomaly;
import org.vigil.analytics.anomaly.AnomalyDetector;
import org.vigil.analytics.anomaly.AnomalySpec;
import org.vigil.analytics.trend.TrendAnalyser;
import org.vigil.analytics.trend.TrendResult;
import org.vigil.analytics.trend.TrendSpec;
import org.vigil.forecast.Forecast;
import org.vigil.forecast.ForecastSpec;
import org.vigil.forecast.Forecaster;
import org.vigil.model.programme.Kpi;
import org.vigil.model.programme.KpiDirection;
import org.vigil.model.programme.Measure;
import org.vigil.model.programme.Programme;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * Plan drift: the probability that a KPI meets its target by its deadline, from the forecast
 * engine's predictive distribution of the KPI's indicator series.
 *
 * <p>The series is forecast from its last observation to the deadline period and some years past
 * it. At every step the distribution is rebuilt from the forecast's quantiles ({@link
 * QuantileDistribution}: linear between quantiles, normal tails) and the probability that the value
 * lies on the right side of the target (moved by the tolerance) is read off. The probability at the
 * deadline decides: below the threshold the KPI is at risk, and the engine proposes a target
 * attainable at the proposal confidence (the matching quantile at the deadline), the first later
 * deadline whose probability reaches the threshold, and the measures behind schedule that serve the
 * KPI.
 *
 * <p>Pure and deterministic: same inputs and spec, same result. Thread-safe.
 */
public final class DriftEngine {
  private DriftEngine() {}

  /**
   * Drift of every KPI of a programme; {@code series} gives each KPI's series (may lack some). KPIs
   * that share a series share one forecast, made to the furthest horizon any of them needs.
   */
  public static List<KpiDrift> assess(
      Programme p,
      java.util.Map<String, TimeSeries> series,
      List<MeasureProgress> progress,
      DriftSpec spec) {
    java.util.Map<TimeSeries, Integer> steps = new java.util.HashMap<>();
    for (Kpi k : p.kpis()) {
      TimeSeries s = series.get(k.code());
      if (s != null && s.countPresent() > 0) {
        steps.merge(s, stepsNeeded(k, s.trim(), spec), Math::max);
      }
    }
    java.util.Map<TimeSeries, Object> forecasts = new java.util.HashMap<>();
    List<KpiDrift> out = new ArrayList<>();
    for (Kpi k : p.kpis()) {
      TimeSeries s = series.get(k.code());
      if (s == null) {
        out.add(
            noData(
                k,
                spec,
                "no values of "
                    + k.indicator()
                    + " in "
                    + k.area()
                    + " (none stored, or none the caller may read)"));
        continue;
      }
      out.add(
          assess(
              p,
              k,
              s,
              progress,
              spec,
              (y, n) -> forecasts.computeIfAbsent(s, x -> tryForecast(y, spec, steps.get(s)))));
    }
    return out;
  }

  /** Drift of one KPI of a programme. */
  public static KpiDrift assess(
      Programme p, Kpi k, TimeSeries series, List<MeasureProgress> progress, DriftSpec spec) {
    return assess(p, k, series, progress, spec, (y, n) -> tryForecast(y, spec, n));
  }

  /** A forecast of {@code y} at least {@code steps} ahead, or the exception that prevented it. */
  private interface ForecastSource {
    Object get(TimeSeries y, int steps);
  }

  private static Object tryForecast(TimeSeries y, DriftSpec spec, int steps) {
    try {
      return Forecaster.forecast(y, forecastSpec(spec, y, steps));
    } catch (RuntimeException e) {
      return e;
    }
  }

  private static int stepsNeeded(Kpi k, TimeSeries y, DriftSpec spec) {
    Period deadline = inFrequency(k.deadline(), y.frequency());
    int h = (int) Math.max(1, y.end().until(deadline));
    return h + spec.extensionYears() * y.frequency().periodsPerYear();
  }

  private static KpiDrift assess(
      Programme p,
      Kpi k,
      TimeSeries series,
      List<MeasureProgress> progress,
      DriftSpec spec,
      ForecastSource source) {
    if (series.countPresent() == 0) {
      return noData(k, spec, "the series of " + k.indicator() + " in " + k.area() + " is empty");
    }
    TimeSeries y = series.trim();
    Period deadline = inFrequency(k.deadline(), y.frequency());
    Period last = y.end();
    if (deadline.compareTo(last) <= 0) {
      return resolved(k, y, deadline, spec);
    }
    int h = (int) last.until(deadline);
    int steps = stepsNeeded(k, y, spec);
    Object made = source.get(y, steps);
    if (made instanceof RuntimeException e) {
      return noData(k, spec, "forecast failed: " + e.getMessage());
    }
    Forecast f = (Forecast) made;
    List<QuantileDistribution> dists = new ArrayList<>();
    List<Double> probs = f.quantileProbabilities();
    for (int step = 1; step <= steps; step++) {
      dists.add(QuantileDistribution.of(probs, column(f, probs, step)));
    }
    QuantileDistribution atDeadline = dists.get(h - 1);
    double pMeet = meetProbability(k, atDeadline);
    DriftStatus status = pMeet >= spec.threshold() ? DriftStatus.ON_TRACK : DriftStatus.AT_RISK;
    DriftEvidence evidence = evidence(k, y, f, dists, spec);
    List<String> notes = new ArrayList<>();
    notes.add(
        String.format(
            Locale.ROOT,
            "%s: %.0f%% probability that %s in %s is %s %s by %s (median forecast %s)",
            k.code(),
            100 * pMeet,
            k.indicator(),
            k.area(),
            k.direction() == KpiDirection.AT_MOST ? "at most" : "at least",
            fmt(k.direction().threshold(k.target(), k.tolerance())),
            deadline,
            fmt(atDeadline.median())));
    List<AdjustmentProposal> proposals =
        status == DriftStatus.AT_RISK
            ? propose(p, k, last, h, dists, progress, spec, notes)
            : List.of();
    return new KpiDrift(
        k.code(),
        k.indicator(),
        k.area(),
        k.direction(),
        k.target(),
        k.tolerance(),
        deadline,
        status,
        pMeet,
        spec.threshold(),
        atDeadline.median(),
        last,
        y.get(y.size() - 1),
        evidence,
        proposals,
        notes);
  }

  /** P(the KPI is met) under a predictive distribution. */
  static double meetProbability(Kpi k, QuantileDistribution d) {
    double c = d.cdf(k.direction().threshold(k.target(), k.tolerance()));
    return k.direction() == KpiDirection.AT_MOST ? c : 1 - c;
  }

  /** The period of frequency {@code f} that ends the deadline period. */
  static Period inFrequency(Period deadline, Frequency f) {
    return deadline.frequency() == f ? deadline : Period.containing(deadline.end(), f);
  }

  private static ForecastSpec forecastSpec(DriftSpec spec, TimeSeries y, int steps) {
    boolean nonNegative = true;
    for (double v : y.values()) {
      nonNegative &= Double.isNaN(v) || v >= 0;
    }
    return spec.forecast().toBuilder()
        .horizon(steps)
        .levels(DriftSpec.LEVELS)
        .nonNegative(nonNegative)
        .build();
  }

  private static double[] column(Forecast f, List<Double> probs, int step) {
    double[] v = new double[probs.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = f.quantile(probs.get(i))[step - 1];
    }
    for (int i = 1; i < v.length; i++) {
      v[i] = Math.max(v[i], v[i - 1]);
    }
    return v;
  }

  private static List<AdjustmentProposal> propose(
      Programme p,
      Kpi k,
      Period last,
      int h,
      List<QuantileDistribution> dists,
      List<MeasureProgress> progress,
      DriftSpec spec,
      List<String> notes) {
    List<AdjustmentProposal> out = new ArrayList<>();
    out.add(targetProposal(k, dists.get(h - 1), spec));
    deadlineProposal(k, last, dists, spec, notes).ifPresent(out::add);
    List<String> behind = new ArrayList<>();
    for (Measure m : p.measuresServing(k.code())) {
      progress.stream()
          .filter(mp -> mp.measure().equals(m.code()) && mp.behind() && !m.reinforced())
          .findFirst()
          .ifPresent(mp -> behind.add(m.code()));
    }
    if (!behind.isEmpty()) {
      out.add(
          new AdjustmentProposal(
              k.code() + "-REINFORCE",
              ProposalKind.REINFORCE,
              k.code(),
              "Reinforce "
                  + String.join(", ", behind)
                  + ": behind schedule and serving "
                  + k.code(),
              Double.NaN,
              "",
              meetProbability(k, dists.get(h - 1)),
              behind));
    } else {
      notes.add("no measure serving " + k.code() + " is behind schedule");
    }
    return out;
  }

  private static AdjustmentProposal targetProposal(Kpi k, QuantileDistribution d, DriftSpec spec) {
    double c = spec.proposalConfidence();
    boolean atMost = k.direction() == KpiDirection.AT_MOST;
    double q = d.quantile(atMost ? c : 1 - c);
    double newTarget = roundAway(atMost ? q - k.tolerance() : q + k.tolerance(), atMost);
    Kpi changed = k.withTarget(newTarget);
    double pNew = meetProbability(changed, d);
    return new AdjustmentProposal(
        k.code() + "-TARGET",
        ProposalKind.TARGET,
        k.code(),
        String.format(
            Locale.ROOT,
            "Set the %s target to %s (attainable with %.0f%% confidence) instead of %s",
            k.code(),
            fmt(newTarget),
            100 * pNew,
            fmt(k.target())),
        newTarget,
        "",
        pNew,
        List.of());
  }

  private static java.util.Optional<AdjustmentProposal> deadlineProposal(
      Kpi k, Period last, List<QuantileDistribution> dists, DriftSpec spec, List<String> notes) {
    Frequency seriesFreq = last.frequency();
    for (Period d = k.deadline().plus(1); ; d = d.plus(1)) {
      int step = (int) last.until(inFrequency(d, seriesFreq));
      if (step > dists.size()) {
        notes.add(
            "no deadline within "
                + spec.extensionYears()
                + " years past "
                + k.deadline()
                + " reaches "
                + Math.round(100 * spec.threshold())
                + "%");
        return java.util.Optional.empty();
      }
      double pd = meetProbability(k, dists.get(step - 1));
      if (pd >= spec.threshold()) {
        return java.util.Optional.of(
            new AdjustmentProposal(
                k.code() + "-DEADLINE",
                ProposalKind.DEADLINE,
                k.code(),
                String.format(
                    Locale.ROOT,
                    "Move the %s deadline from %s to %s (%.0f%% probability)",
                    k.code(),
                    k.deadline(),
                    d,
                    100 * pd),
                Double.NaN,
                d.toString(),
                pd,
                List.of()));
      }
    }
  }

  private static DriftEvidence evidence(
      Kpi k, TimeSeries y, Forecast f, List<QuantileDistribution> dists, DriftSpec spec) {
    List<DriftEvidence.Point> history = new ArrayList<>();
    for (int i = Math.max(0, y.size() - spec.historyLength()); i < y.size(); i++) {
      history.add(new DriftEvidence.Point(y.periodAt(i), y.get(i)));
    }
    List<DriftEvidence.Step> steps = new ArrayList<>();
    for (int i = 0; i < dists.size(); i++) {
      QuantileDistribution d = dists.get(i);
      steps.add(
          new DriftEvidence.Step(
              f.start().plus(i),
              d.median(),
              d.quantile(0.1),
              d.quantile(0.9),
              d.quantile(0.025),
              d.quantile(0.975),
              meetProbability(k, d)));
    }
    List<String> diagnostics = new ArrayList<>(f.diagnostics());
    String trendText;
    double slope;
    try {
      TrendResult t = TrendAnalyser.analyse(y, TrendSpec.DEFAULT, "");
      trendText = t.statement();
      slope = t.slopePerYear();
      diagnostics.addAll(t.diagnostics());
    } catch (RuntimeException e) {
      trendText = "trend not available: " + e.getMessage();
      slope = Double.NaN;
    }
    return new DriftEvidence(
        history, f.model(), steps, trendText, slope, anomalies(y, diagnostics), diagnostics);
  }

  /**
   * Unusual values, from the analytics anomaly detector's robust z-score (residuals from Sen's
   * trend and seasonal medians); the cheap method, so drift does not fit more models.
   */
  static List<Anomaly> anomalies(TimeSeries y, List<String> diagnostics) {
    try {
      return AnomalyDetector.detect(
          y, AnomalySpec.DEFAULT.withMethods(java.util.Set.of(Anomaly.Method.ROBUST_Z)));
    } catch (RuntimeException e) {
      diagnostics.add("anomalies not available: " + e.getMessage());
      return List.of();
    }
  }

  private static KpiDrift resolved(Kpi k, TimeSeries y, Period deadline, DriftSpec spec) {
    int i = (int) y.start().until(deadline);
    double v = i >= 0 ? y.get(i) : Double.NaN;
    if (Double.isNaN(v)) {
      return noData(k, spec, "the deadline " + deadline + " has passed and has no value");
    }
    boolean met = k.met(v);
    return new KpiDrift(
        k.code(),
        k.indicator(),
        k.area(),
        k.direction(),
        k.target(),
        k.tolerance(),
        deadline,
        met ? DriftStatus.MET : DriftStatus.MISSED,
        met ? 1.0 : 0.0,
        spec.threshold(),
        Double.NaN,
        y.end(),
        y.get(y.size() - 1),
        DriftEvidence.none("deadline passed"),
        List.of(),
        List.of(
            k.code()
                + ": the value "
                + fmt(v)
                + " in "
                + deadline
                + (met ? " met" : " missed")
                + " the target "
                + fmt(k.target())));
  }

  private static KpiDrift noData(Kpi k, DriftSpec spec, String reason) {
    return new KpiDrift(
        k.code(),
        k.indicator(),
        k.area(),
        k.direction(),
        k.target(),
        k.tolerance(),
        k.deadline(),
        DriftStatus.NO_DATA,
        Double.NaN,
        spec.threshold(),
        Double.NaN,
        k.deadline(),
        Double.NaN,
        DriftEvidence.none(reason),
        List.of(),
        List.of(k.code() + ": " + reason));
  }

  /** Rounds to three significant digits, away from ambition (up for AT_MOST targets). */
  static double roundAway(double x, boolean up) {
    if (x == 0 || !Double.isFinite(x)) {
      return x;
    }
    double scale = Math.pow(10, Math.floor(Math.log10(Math.abs(x))) - 2);
    return (up ? Math.ceil(x / scale) : Math.floor(x / scale)) * scale;
  }

  static String fmt(double x) {
    if (Double.isNaN(x)) {
      return "n/a";
    }
    return java.math.BigDecimal.valueOf(x)
        .round(new java.math.MathContext(4))
        .stripTrailingZeros()
        .toPlainString();
  }
}

package org.vigil.bench.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.demo.DemoData;
import org.vigil.app.forecast.RegionalForecast;
import org.vigil.app.forecast.RegionalForecasts;
import org.vigil.forecast.CountDistribution;
import org.vigil.forecast.Forecast;
import org.vigil.forecast.ForecastMethod;
import org.vigil.forecast.ForecastSpec;
import org.vigil.forecast.Forecaster;
import org.vigil.forecast.eval.Metrics;
import org.vigil.model.AccessContext;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Indicator;
import org.vigil.model.Observation;
import org.vigil.report.Counts;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * Two holdout experiments on the demo's planted monthly series (the last {@code holdout} months of
 * each series are hidden, forecast from the rest, and scored):
 *
 * <ol>
 *   <li>Count intervals: every count series of every state, ETS point forecasts with the model's
 *       Gaussian intervals truncated at zero (the behaviour before count models) against count
 *       intervals around the same points, with R's quantiles of the fitted count distributions as
 *       bounds (the rule before fc12) and with the engine's bounds (the pair closest in probability
 *       to the level, {@code CountIntervals}): coverage of the 80% and 95% intervals over all
 *       points, CRPS from the 7 standard quantiles scaled by the series' in-sample mean absolute
 *       seasonal difference (a scale-free CRPS, as MASE), and the share of bounds that are
 *       fractional or negative. {@link CountCalibration} breaks the count points down by fitted
 *       distribution and mean, separating the bounds' share of a miscoverage from the
 *       distributions'.
 *   <li>Reconciliation: the CIS and its member states for every monthly indicator, base forecasts
 *       against MinT-reconciled ones: sMAPE and MASE per level.
 * </ol>
 */
public final class DemoForecastAccuracy {
  private DemoForecastAccuracy() {}

  /** One way of making count intervals, scored. */
  public record CountRow(
      String intervals,
      int series,
      int points,
      double coverage80,
      double coverage95,
      double scaledCrps,
      double fractionalBounds,
      double negativeBounds) {}

  /** One level of the hierarchy, base or reconciled. */
  public record LevelRow(String level, String forecasts, int series, double smape, double mase) {}

  /** Both tables. */
  public record Result(
      List<CountRow> counts,
      List<CountCalibration.Row> calibration,
      List<CountSeries> countSeries,
      List<LevelRow> levels,
      long millis) {}

  /**
   * One scored count series: its training values and the held-out ones ({@code NaN} where missing),
   * for scoring the same series elsewhere (R: {@code vigil-bench/r/demo_counts.R}).
   */
  public record CountSeries(String indicator, String area, double[] train, double[] actual) {}

  /** Loads the demo into a fresh in-memory store and runs both experiments. */
  public static Result run(int holdout) {
    return run(holdout, ForecastMethod.ETS);
  }

  /**
   * As {@link #run(int)}, with the count series' point forecasts from {@code countMethod} (ETS in
   * the published table; AUTO is what the engine serves, SBA for sparse series).
   */
  public static Result run(int holdout, ForecastMethod countMethod) {
    long start = System.nanoTime();
    try (Vigil vigil = Vigil.open(VigilConfig.h2InMemory("demo-accuracy-" + System.nanoTime()))) {
      DemoData.load(vigil);
      AccessContext sys = AccessContext.system();
      LocalDate today = LocalDate.now(vigil.clock());
      Map<String, List<String>> groups = new TreeMap<>();
      for (Area a : vigil.reference().areas(sys)) {
        if (a.kind() == AreaKind.GROUP) {
          groups.put(a.code(), vigil.reference().members(sys, a.code(), today));
        }
      }
      List<String> cis = groups.get("CIS");
      CountScore gaussian = new CountScore("model's, truncated at 0");
      CountScore rQuantiles = new CountScore("count distribution, R's quantiles");
      CountScore counts = new CountScore("count distribution, engine's bounds");
      CountCalibration calibration = new CountCalibration();
      List<CountSeries> countSeries = new ArrayList<>();
      LevelScore[] levels = {
        new LevelScore("CIS", "base"), new LevelScore("CIS", "MinT shrink"),
        new LevelScore("states", "base"), new LevelScore("states", "MinT shrink")
      };
      for (Indicator ind : vigil.reference().indicators(sys)) {
        if (ind.frequency() != Frequency.MONTHLY) {
          continue;
        }
        Map<String, SortedMap<Period, Double>> byState = new TreeMap<>();
        for (Observation o : vigil.observations().latestByIndicator(sys, ind.code(), Instant.MAX)) {
          if (!Double.isNaN(o.value()) && !o.period().start().isAfter(today)) {
            byState.computeIfAbsent(o.area(), x -> new TreeMap<>()).put(o.period(), o.value());
          }
        }
        if (Counts.isCount(ind)) {
          for (String s : cis) {
            SortedMap<Period, Double> v = byState.get(s);
            if (v != null && v.size() > holdout + 24) {
              scoreCounts(v, holdout, countMethod, gaussian, rQuantiles, counts, calibration);
              countSeries.add(split(ind.code(), s, v, holdout));
            }
          }
        }
        scoreLevels(ind, byState, groups, cis, holdout, levels);
      }
      return new Result(
          List.of(gaussian.row(), rQuantiles.row(), counts.row()),
          calibration.rows(),
          countSeries,
          Arrays.stream(levels).map(LevelScore::row).toList(),
          (System.nanoTime() - start) / 1_000_000);
    }
  }

  private static void scoreCounts(
      SortedMap<Period, Double> v,
      int holdout,
      ForecastMethod method,
      CountScore gaussian,
      CountScore rQuantiles,
      CountScore counts,
      CountCalibration calibration) {
    TimeSeries all = TimeSeries.fromPoints(v);
    int n = all.size();
    double[] y = all.values();
    TimeSeries train = TimeSeries.fromPoints(new TreeMap<>(v.headMap(all.periodAt(n - holdout))));
    double[] actual = Arrays.copyOfRange(y, n - holdout, n);
    double[] insample = Arrays.copyOfRange(y, 0, n - holdout);
    ForecastSpec base = ForecastSpec.builder().method(method).horizon(holdout).build();
    gaussian.add(
        Forecaster.forecast(train, base.toBuilder().nonNegative(true).build()), actual, insample);
    Forecast f = Forecaster.forecast(train, base.toBuilder().counts(true).build());
    counts.add(f, actual, insample);
    List<CountDistribution> d = f.countDistributions();
    double[] p = probabilities();
    double[][] rq = new double[p.length][holdout];
    for (int k = 0; k < holdout; k++) {
      double[] col = d.get(k).quantiles(p);
      for (int i = 0; i < p.length; i++) {
        rq[i][k] = col[i];
      }
    }
    rQuantiles.add(p, rq, actual, insample);
    boolean sparse = zeroShare(insample) >= 0.3;
    double scale = scale(insample, 12);
    double[][] fq = new double[p.length][];
    for (int i = 0; i < p.length; i++) {
      fq[i] = f.quantile(p[i]);
    }
    for (int k = 0; k < holdout; k++) {
      if (!Double.isNaN(actual[k])) {
        double[] after = {f.lower(0.8)[k], f.upper(0.8)[k], f.lower(0.95)[k], f.upper(0.95)[k]};
        double[] crps = {
          Metrics.crps(new double[] {actual[k]}, p, column(rq, k)) / scale,
          Metrics.crps(new double[] {actual[k]}, p, column(fq, k)) / scale
        };
        calibration.add(d.get(k), sparse, actual[k], after, crps);
      }
    }
  }

  private static CountSeries split(
      String indicator, String area, SortedMap<Period, Double> v, int holdout) {
    double[] y = TimeSeries.fromPoints(v).values();
    int n = y.length;
    return new CountSeries(
        indicator,
        area,
        Arrays.copyOfRange(y, 0, n - holdout),
        Arrays.copyOfRange(y, n - holdout, n));
  }

  /** Step {@code k} of each quantile row, as one-step rows for {@link Metrics#crps}. */
  private static double[][] column(double[][] q, int k) {
    double[][] c = new double[q.length][];
    for (int i = 0; i < q.length; i++) {
      c[i] = new double[] {q[i][k]};
    }
    return c;
  }

  private static double[] probabilities() {
    return ForecastSpec.STANDARD_QUANTILES.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double zeroShare(double[] y) {
    int z = 0;
    for (double v : y) {
      z += v == 0 ? 1 : 0;
    }
    return (double) z / y.length;
  }

  private static void scoreLevels(
      Indicator ind,
      Map<String, SortedMap<Period, Double>> byState,
      Map<String, List<String>> groups,
      List<String> cis,
      int holdout,
      LevelScore[] levels) {
    Period last = null;
    for (String s : cis) {
      SortedMap<Period, Double> v = byState.get(s);
      if (v != null && (last == null || v.lastKey().compareTo(last) > 0)) {
        last = v.lastKey();
      }
    }
    if (last == null) {
      return;
    }
    Period cut = last.plus(-holdout);
    Map<String, SortedMap<Period, Double>> train = new TreeMap<>();
    byState.forEach((s, v) -> train.put(s, new TreeMap<>(v.headMap(cut.plus(1)))));
    RegionalForecast r;
    try {
      r = RegionalForecasts.reconcile(ind, "CIS", holdout, train, groups);
    } catch (RuntimeException e) {
      return;
    }
    if (!r.total().start().equals(cut.plus(1))) {
      return;
    }
    double[] cisActual = new double[holdout];
    double[] cisInsample = r.history().values();
    for (String s : r.covered()) {
      double[] a = actual(byState.get(s), cut, holdout);
      double[] in = TimeSeries.fromPoints(train.get(s)).values();
      for (int k = 0; k < holdout; k++) {
        cisActual[k] += ind.aggregation().name().equals("SUM") ? a[k] : a[k] / r.covered().size();
      }
      levels[2].add(a, r.basePoints().get(s), in);
      levels[3].add(a, r.states().get(s).points(), in);
    }
    levels[0].add(cisActual, r.basePoints().get("CIS"), cisInsample);
    levels[1].add(cisActual, r.total().points(), cisInsample);
  }

  private static double[] actual(SortedMap<Period, Double> v, Period cut, int holdout) {
    double[] a = new double[holdout];
    for (int k = 0; k < holdout; k++) {
      Double x = v.get(cut.plus(k + 1));
      a[k] = x == null ? Double.NaN : x;
    }
    return a;
  }

  private static final class CountScore {
    private final String name;
    private int series;
    private int points;
    private double in80;
    private double in95;
    private double crps;
    private int bounds;
    private int fractional;
    private int negative;

    CountScore(String name) {
      this.name = name;
    }

    void add(Forecast f, double[] actual, double[] insample) {
      double[] p = probabilities();
      double[][] q = new double[p.length][];
      for (int i = 0; i < p.length; i++) {
        q[i] = f.quantile(p[i]);
      }
      add(p, q, actual, insample);
    }

    /** Scores the quantiles {@code q[i]} at {@code p[i]} (the standard seven). */
    void add(double[] p, double[][] q, double[] actual, double[] insample) {
      series++;
      double[] l80 = q[1];
      double[] u80 = q[5];
      double[] l95 = q[0];
      double[] u95 = q[6];
      for (int k = 0; k < actual.length; k++) {
        if (Double.isNaN(actual[k])) {
          continue;
        }
        points++;
        in80 += actual[k] >= l80[k] && actual[k] <= u80[k] ? 1 : 0;
        in95 += actual[k] >= l95[k] && actual[k] <= u95[k] ? 1 : 0;
      }
      crps += Metrics.crps(actual, p, q) / scale(insample, 12);
      for (double[] qi : q) {
        for (double x : qi) {
          bounds++;
          fractional += x != Math.rint(x) ? 1 : 0;
          negative += x < 0 ? 1 : 0;
        }
      }
    }

    CountRow row() {
      return new CountRow(
          name,
          series,
          points,
          100.0 * in80 / points,
          100.0 * in95 / points,
          crps / series,
          100.0 * fractional / bounds,
          100.0 * negative / bounds);
    }
  }

  /** Mean absolute seasonal difference (lag m, or 1 when too short) of the in-sample values. */
  static double scale(double[] y, int m) {
    int lag = y.length > 2 * m ? m : 1;
    double s = 0;
    int c = 0;
    for (int t = lag; t < y.length; t++) {
      if (!Double.isNaN(y[t]) && !Double.isNaN(y[t - lag])) {
        s += Math.abs(y[t] - y[t - lag]);
        c++;
      }
    }
    return c == 0 || s == 0 ? 1 : s / c;
  }

  private static final class LevelScore {
    private final String level;
    private final String forecasts;
    private int series;
    private double smape;
    private double mase;

    LevelScore(String level, String forecasts) {
      this.level = level;
      this.forecasts = forecasts;
    }

    void add(double[] actual, double[] forecast, double[] insample) {
      double s = Metrics.smape(actual, forecast);
      double m = Metrics.mase(actual, forecast, insample, 12);
      if (Double.isFinite(s) && Double.isFinite(m)) {
        series++;
        smape += s;
        mase += m;
      }
    }

    LevelRow row() {
      return new LevelRow(level, forecasts, series, smape / series, mase / series);
    }
  }
}

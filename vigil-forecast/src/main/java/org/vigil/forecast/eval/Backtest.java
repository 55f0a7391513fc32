package org.vigil.forecast.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.forecast.Forecast;
import org.vigil.forecast.ForecastInputException;
import org.vigil.forecast.ForecastSpec;
import org.vigil.forecast.Forecaster;
import org.vigil.timeseries.TimeSeries;

/**
 * Rolling-origin backtests (Tashman, 2000): refit at each origin with the same spec, forecast,
 * score with {@link Metrics}. Deterministic and thread-safe like {@link Forecaster}.
 */
public final class Backtest {
  private Backtest() {}

  /**
   * Runs the backtest. The spec's horizon is replaced by the backtest's.
   *
   * @throws ForecastInputException when the series has no values
   */
  public static BacktestResult run(TimeSeries series, ForecastSpec spec, BacktestSpec b) {
    if (series.countPresent() == 0) {
      throw new ForecastInputException("Cannot backtest " + series + ": it has no values");
    }
    TimeSeries s = series.trim();
    double[] y = s.values();
    int n = y.length;
    int m = spec.seasonalPeriod() > 0 ? spec.seasonalPeriod() : s.frequency().seasonalPeriod();
    ForecastSpec fs = spec.toBuilder().horizon(b.horizon()).build();
    double widest = fs.levels().isEmpty() ? Double.NaN : fs.levels().get(fs.levels().size() - 1);
    List<String> diagnostics = new ArrayList<>();
    List<BacktestResult.Origin> origins = new ArrayList<>();
    Map<Double, long[]> inside = new LinkedHashMap<>();
    for (double l : fs.levels()) {
      inside.put(l, new long[2]);
    }
    int skipped = 0;
    for (int k = b.origins() - 1; k >= 0; k--) {
      int end = n - b.horizon() - k * b.step();
      if (end < b.minimumTraining()) {
        skipped++;
        continue;
      }
      double[] train = Arrays.copyOf(y, end);
      int steps = Math.min(b.horizon(), n - end);
      double[] actual = Arrays.copyOfRange(y, end, end + steps);
      Forecast f = Forecaster.forecast(s.head(end), fs);
      double[] p = Arrays.copyOf(f.points(), steps);
      double msis = Double.NaN;
      if (!Double.isNaN(widest)) {
        msis =
            Metrics.msis(
                actual,
                Arrays.copyOf(f.lower(widest), steps),
                Arrays.copyOf(f.upper(widest), steps),
                train,
                m,
                1 - widest);
      }
      for (Map.Entry<Double, long[]> e : inside.entrySet()) {
        double[] lo = f.lower(e.getKey());
        double[] hi = f.upper(e.getKey());
        for (int i = 0; i < steps; i++) {
          if (!Double.isNaN(actual[i])) {
            e.getValue()[1]++;
            e.getValue()[0] += actual[i] >= lo[i] && actual[i] <= hi[i] ? 1 : 0;
          }
        }
      }
      List<Double> probs = f.quantileProbabilities();
      double[] pr = new double[probs.size()];
      double[][] q = new double[pr.length][];
      for (int i = 0; i < pr.length; i++) {
        pr[i] = probs.get(i);
        q[i] = Arrays.copyOf(f.quantile(pr[i]), steps);
      }
      origins.add(
          new BacktestResult.Origin(
              s.periodAt(end - 1),
              steps,
              f.model(),
              Metrics.smape(actual, p),
              Metrics.mase(actual, p, train, m),
              Metrics.rmsse(actual, p, train, m),
              msis,
              Metrics.crps(actual, pr, q)));
    }
    if (skipped > 0) {
      diagnostics.add(
          skipped
              + " origin(s) skipped: fewer than "
              + b.minimumTraining()
              + " training values before them");
    }
    Map<Double, Double> coverage = new LinkedHashMap<>();
    inside.forEach((l, c) -> coverage.put(l, c[1] == 0 ? Double.NaN : (double) c[0] / c[1]));
    return new BacktestResult(
        origins,
        mean(origins, 0),
        mean(origins, 1),
        mean(origins, 2),
        mean(origins, 3),
        mean(origins, 4),
        coverage,
        diagnostics);
  }

  private static double mean(List<BacktestResult.Origin> origins, int which) {
    double s = 0;
    int c = 0;
    for (BacktestResult.Origin o : origins) {
      double v =
          switch (which) {
            case 0 -> o.smape();
            case 1 -> o.mase();
            case 2 -> o.rmsse();
            case 3 -> o.msis();
            default -> o.crps();
          };
      if (!Double.isNaN(v) && !Double.isInfinite(v)) {
        s += v;
        c++;
      }
    }
    return c == 0 ? Double.NaN : s / c;
  }
}

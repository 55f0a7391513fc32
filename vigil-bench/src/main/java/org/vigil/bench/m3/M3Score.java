package org.vigil.bench.m3;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.forecast.eval.Metrics;

/**
 * Accuracy of one method on one category (or all): sMAPE and MASE as means over series (the M4
 * convention of the M3 README), sMAPE pooled over every (series, step) point as well (the
 * convention of the N-BEATS paper's M3 table, which weights long horizons more), coverage of the
 * 80% and 95% intervals over all test points, MSIS (95%) as a mean over series, and the number of
 * series scored.
 */
public record M3Score(
    String method,
    String category,
    int series,
    double smape,
    double smapePooled,
    double mase,
    double coverage80,
    double coverage95,
    double msis,
    double cpuSeconds) {

  public static final List<String> CATEGORIES =
      List.of("yearly", "quarterly", "monthly", "other", "all");

  /** Scores of a method per category and overall, keyed by category. */
  public static Map<String, M3Score> score(MethodForecasts mf, List<M3Series> series) {
    Map<String, M3Score> out = new LinkedHashMap<>();
    for (String cat : CATEGORIES) {
      List<M3Series> subset = new ArrayList<>();
      for (M3Series s : series) {
        if ((cat.equals("all") || s.category().equals(cat)) && mf.points(s.id()) != null) {
          subset.add(s);
        }
      }
      out.put(cat, scoreSubset(mf, subset, cat));
    }
    return out;
  }

  private static M3Score scoreSubset(MethodForecasts mf, List<M3Series> subset, String cat) {
    double smape = 0;
    double pooled = 0;
    long pooledPoints = 0;
    double mase = 0;
    double msis = 0;
    long in80 = 0;
    long in95 = 0;
    long points = 0;
    int withIntervals = 0;
    for (M3Series s : subset) {
      double[] f = mf.points(s.id());
      double[] actual = s.test();
      double[] fc = java.util.Arrays.copyOf(f, actual.length);
      smape += Metrics.smape(actual, fc);
      pooled += Metrics.smape(actual, fc) * actual.length;
      pooledPoints += actual.length;
      mase += Metrics.mase(actual, fc, s.train(), s.period());
      double[][] iv = mf.intervals.get(s.id());
      if (iv != null) {
        withIntervals++;
        msis += Metrics.msis(actual, iv[2], iv[3], s.train(), s.period(), 0.05);
        for (int i = 0; i < actual.length; i++) {
          points++;
          in80 += actual[i] >= iv[0][i] && actual[i] <= iv[1][i] ? 1 : 0;
          in95 += actual[i] >= iv[2][i] && actual[i] <= iv[3][i] ? 1 : 0;
        }
      }
    }
    int n = subset.size();
    double cpu = cat.equals("all") ? mf.cpuNanos / 1e9 : Double.NaN;
    return new M3Score(
        mf.method,
        cat,
        n,
        n == 0 ? Double.NaN : smape / n,
        pooledPoints == 0 ? Double.NaN : pooled / pooledPoints,
        n == 0 ? Double.NaN : mase / n,
        points == 0 ? Double.NaN : (double) in80 / points,
        points == 0 ? Double.NaN : (double) in95 / points,
        withIntervals == 0 ? Double.NaN : msis / withIntervals,
        cpu);
  }
}

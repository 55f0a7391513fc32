package org.vigil.app.notify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.vigil.analytics.trend.MannKendall;
import org.vigil.analytics.trend.MannKendallResult;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;

/**
 * Whether a trend starts at the end of a series: the Mann-Kendall test (with continuity correction)
 * finds a significant trend in the wanted direction over the last {@code m} values and none in that
 * direction over the {@code m} values before them. Monthly and quarterly series are first
 * seasonally adjusted, or a yearly cycle alone would pass for a trend within one year: the seasonal
 * effect of each month (quarter) is the mean deviation from a centred moving average of one year
 * over the history before the two windows (classical additive decomposition; at least three years
 * of it, else the values are tested as they are).
 *
 * <p>The start is dated by a hinge fit over the two windows (flat, then a straight line from the
 * start), so the same trend carries the same start month at every later evaluation while it lasts:
 * the alert it raises is stored once.
 */
final class TrendStart {
  private TrendStart() {}

  /** A trend that starts: its first period and the two tests. */
  record Found(Period start, MannKendallResult recent, MannKendallResult before) {}

  static Optional<Found> find(SortedMap<Period, Double> series, int m, double alpha, boolean up) {
    List<Period> periods = new ArrayList<>(series.keySet());
    double[] v = adjusted(series, 2 * m);
    int n = v.length;
    if (n < 2 * m) {
      return Optional.empty();
    }
    MannKendallResult recent = MannKendall.test(Arrays.copyOfRange(v, n - m, n), true);
    MannKendallResult before = MannKendall.test(Arrays.copyOfRange(v, n - 2 * m, n - m), true);
    if (!significant(recent, alpha, up) || significant(before, alpha, up)) {
      return Optional.empty();
    }
    int start = hinge(Arrays.copyOfRange(v, n - 2 * m, n), up);
    return Optional.of(new Found(periods.get(n - 2 * m + start), recent, before));
  }

  private static boolean significant(MannKendallResult r, double alpha, boolean up) {
    return r.pValue() < alpha && (up ? r.s() > 0 : r.s() < 0);
  }

  /**
   * The index k (1..length-2) where a flat line followed by a straight line rising (falling) from k
   * fits best in least squares: {@code x_t = a + b * max(0, t - k + 1)}.
   */
  static int hinge(double[] x, boolean up) {
    int best = x.length - 1;
    double bestSse = Double.POSITIVE_INFINITY;
    for (int k = 1; k < x.length - 1; k++) {
      double n = x.length;
      double sh = 0;
      double shh = 0;
      double sx = 0;
      double shx = 0;
      for (int t = 0; t < x.length; t++) {
        double h = Math.max(0, t - k + 1);
        sh += h;
        shh += h * h;
        sx += x[t];
        shx += h * x[t];
      }
      double det = n * shh - sh * sh;
      if (det <= 0) {
        continue;
      }
      double b = (n * shx - sh * sx) / det;
      double a = (sx - b * sh) / n;
      if (up ? b <= 0 : b >= 0) {
        continue;
      }
      double sse = 0;
      for (int t = 0; t < x.length; t++) {
        double e = x[t] - a - b * Math.max(0, t - k + 1);
        sse += e * e;
      }
      if (sse < bestSse) {
        bestSse = sse;
        best = k;
      }
    }
    return best;
  }

  /**
   * The values, seasonally adjusted (monthly or quarterly) by the seasonal effects estimated on the
   * values before the last {@code tail}; as they are when that history is shorter than three years
   * or the series has another frequency.
   */
  static double[] adjusted(SortedMap<Period, Double> series, int tail) {
    double[] v = series.values().stream().mapToDouble(Double::doubleValue).toArray();
    Frequency f = series.firstKey().frequency();
    int season =
        f == Frequency.MONTHLY ? 12 : f == Frequency.QUARTERLY ? 4 : 0; // cycles within a year
    int history = v.length - tail;
    if (season == 0 || history < 3 * season) {
      return v;
    }
    List<Period> periods = new ArrayList<>(series.keySet());
    double[] sum = new double[season + 1];
    int[] count = new int[season + 1];
    int half = season / 2;
    for (int t = half; t < history - half; t++) {
      double ma = 0; // centred 2 x season moving average
      for (int j = -half; j <= half; j++) {
        double w = Math.abs(j) == half ? 0.5 : 1;
        ma += w * v[t + j];
      }
      ma /= season;
      int s = periods.get(t).sub();
      sum[s] += v[t] - ma;
      count[s]++;
    }
    double[] effect = new double[season + 1];
    double mean = 0;
    for (int s = 1; s <= season; s++) {
      effect[s] = count[s] == 0 ? 0 : sum[s] / count[s];
      mean += effect[s] / season;
    }
    double[] out = new double[v.length];
    for (int t = 0; t < v.length; t++) {
      out[t] = v[t] - (effect[periods.get(t).sub()] - mean);
    }
    return out;
  }

  /** The evidence of a found start. */
  static Map<String, String> evidence(Found f) {
    return Map.of(
        "p",
        String.format(java.util.Locale.ROOT, "%.4g", f.recent().pValue()),
        "pBefore",
        String.format(java.util.Locale.ROOT, "%.4g", f.before().pValue()),
        "start",
        f.start().toString());
  }
}

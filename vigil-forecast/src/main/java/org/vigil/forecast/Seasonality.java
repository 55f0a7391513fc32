package org.vigil.forecast;

/**
 * Seasonality test and classical decomposition, as used by the M3 benchmarks (Makridakis et al.,
 * 2000) and the Theta method: a series is called seasonal when its autocorrelation at the seasonal
 * lag exceeds the 90% limit {@code 1.645 * sqrt((1 + 2 sum_{k<m} r_k^2) / n)}; seasonal indices
 * come from the ratios (or differences) to a centred moving average.
 */
public final class Seasonality {
  private Seasonality() {}

  /** Sample autocorrelations r_1..r_maxLag (index 0 holds r_0 = 1). */
  public static double[] acf(double[] y, int maxLag) {
    int n = y.length;
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= n;
    double c0 = 0;
    for (double v : y) {
      c0 += (v - mean) * (v - mean);
    }
    double[] r = new double[maxLag + 1];
    r[0] = 1;
    for (int k = 1; k <= maxLag && k < n; k++) {
      double c = 0;
      for (int t = k; t < n; t++) {
        c += (y[t] - mean) * (y[t - k] - mean);
      }
      r[k] = c0 == 0 ? 0 : c / c0;
    }
    return r;
  }

  /** The 90% autocorrelation test at lag {@code m}; false when m < 2 or n < 3m. */
  public static boolean isSeasonal(double[] y, int m) {
    int n = y.length;
    if (m < 2 || n < 3 * m) {
      return false;
    }
    double[] r = acf(y, m);
    double s = 1;
    for (int k = 1; k < m; k++) {
      s += 2 * r[k] * r[k];
    }
    return Math.abs(r[m]) > 1.6448536269514722 * Math.sqrt(s / n);
  }

  /**
   * Seasonal indices of a classical decomposition: {@code idx[i]} belongs to the observations at
   * positions {@code i, i+m, i+2m, ...}. Multiplicative indices average 1, additive ones 0. Needs n
   * >= 2m.
   */
  public static double[] indices(double[] y, int m, boolean multiplicative) {
    int n = y.length;
    if (m < 2 || n < 2 * m) {
      throw new ForecastInputException(
          "Classical decomposition needs two full seasons (" + 2 * m + " values), found " + n);
    }
    double[] cma = centredMovingAverage(y, m);
    double[] sum = new double[m];
    int[] count = new int[m];
    for (int t = 0; t < n; t++) {
      if (!Double.isNaN(cma[t])) {
        sum[t % m] += multiplicative ? y[t] / cma[t] : y[t] - cma[t];
        count[t % m]++;
      }
    }
    double[] idx = new double[m];
    double total = 0;
    for (int i = 0; i < m; i++) {
      idx[i] = count[i] == 0 ? (multiplicative ? 1 : 0) : sum[i] / count[i];
      total += idx[i];
    }
    for (int i = 0; i < m; i++) {
      idx[i] = multiplicative ? idx[i] * m / total : idx[i] - total / m;
    }
    return idx;
  }

  /** The centred moving average of order m (2 x m for even m); NaN at the ends. */
  static double[] centredMovingAverage(double[] y, int m) {
    int n = y.length;
    double[] out = new double[n];
    java.util.Arrays.fill(out, Double.NaN);
    int half = m / 2;
    for (int t = half; t < n - half; t++) {
      double s = 0;
      if (m % 2 == 1) {
        for (int j = -half; j <= half; j++) {
          s += y[t + j];
        }
        out[t] = s / m;
      } else {
        s = 0.5 * y[t - half] + 0.5 * y[t + half];
        for (int j = -half + 1; j < half; j++) {
          s += y[t + j];
        }
        out[t] = s / m;
      }
    }
    return out;
  }
}

package org.vigil.forecast.arima;

/**
 * Seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae and Terpenning 1990),
 * non-robust, with R's {@code stl} defaults for a given seasonal window: seasonal smoothing of
 * degree 0, trend and low-pass smoothing of degree 1, trend window {@code nextodd(ceil(1.5 m / (1 -
 * 1.5 / s)))}, low-pass window {@code nextodd(m)}, smoothing computed every {@code ceil(window /
 * 10)} points with linear interpolation in between, two inner passes.
 *
 * <p>Used for the seasonal strength {@code 1 - var(remainder) / var(remainder + seasonal)} (Wang,
 * Smith and Hyndman 2006) that decides seasonal differencing, and by the forecasting engine's MSTL
 * for weekly and daily series. A fractional period (52.18 weeks) is used as R uses it: the cycle
 * length is its whole part, the trend and low-pass windows are computed from the fraction.
 *
 * <p>Immutable and thread-safe.
 */
public final class StlDecomposition {
  private final double[] seasonal;
  private final double[] trend;

  private StlDecomposition(double[] seasonal, double[] trend) {
    this.seasonal = seasonal;
    this.trend = trend;
  }

  /** The seasonal component, one value per observation (a copy). */
  public double[] seasonal() {
    return seasonal.clone();
  }

  /** The trend component, one value per observation (a copy). */
  public double[] trend() {
    return trend.clone();
  }

  static StlDecomposition of(double[] y, int period, int seasonalWindow) {
    return of(y, (double) period, seasonalWindow);
  }

  /**
   * Decomposes {@code y} with R's {@code stl(ts(y, frequency = period), s.window = seasonalWindow)}
   * defaults (non-robust).
   *
   * @param period the seasonal period, at least 2; fractional periods allowed (52.18)
   * @param seasonalWindow the loess window of the seasonal smoother (made odd, at least 3)
   * @throws IllegalArgumentException when the series is shorter than two periods plus one
   */
  public static StlDecomposition of(double[] y, double period, int seasonalWindow) {
    int n = y.length;
    if (!(period >= 2) || n <= 2 * period) {
      throw new IllegalArgumentException(
          "STL needs a period of at least 2 and more than two periods of data: period "
              + period
              + ", "
              + n
              + " values");
    }
    int np = (int) period;
    int ns = odd(Math.max(3, seasonalWindow));
    int nt = odd((int) Math.ceil(1.5 * period / (1.0 - 1.5 / ns)));
    nt = Math.max(3, nt);
    int nl = odd((int) Math.round(period));
    nl = Math.max(3, nl);
    int sJump = (int) Math.ceil(ns / 10.0);
    int tJump = (int) Math.ceil(nt / 10.0);
    int lJump = (int) Math.ceil(nl / 10.0);
    double[] trend = new double[n];
    double[] season = new double[n];
    double[] work = new double[n];
    double[] cycle = new double[n + 2 * np];
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < n; i++) {
        work[i] = y[i] - trend[i];
      }
      smoothCycles(work, n, np, ns, sJump, cycle);
      double[] lowPass = lowPass(cycle, n, np);
      double[] lowSmooth = new double[n];
      loess(lowPass, n, nl, 1, lJump, lowSmooth);
      for (int i = 0; i < n; i++) {
        season[i] = cycle[np + i] - lowSmooth[i];
        work[i] = y[i] - season[i];
      }
      loess(work, n, nt, 1, tJump, trend);
    }
    return new StlDecomposition(season, trend);
  }

  /** Seasonal strength in [0, 1] from an STL fit with the given seasonal window. */
  static double seasonalStrength(double[] y, int period, int seasonalWindow) {
    StlDecomposition stl = of(y, period, seasonalWindow);
    int n = y.length;
    double[] remainder = new double[n];
    double[] detrended = new double[n];
    for (int i = 0; i < n; i++) {
      remainder[i] = y[i] - stl.seasonal[i] - stl.trend[i];
      detrended[i] = remainder[i] + stl.seasonal[i];
    }
    double denominator = variance(detrended);
    if (!(denominator > 0.0)) {
      return 0.0;
    }
    return Math.max(0.0, Math.min(1.0, 1.0 - variance(remainder) / denominator));
  }

  private static double variance(double[] x) {
    double mean = 0.0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double s = 0.0;
    for (double v : x) {
      s += (v - mean) * (v - mean);
    }
    return s / (x.length - 1);
  }

  private static int odd(int v) {
    return v % 2 == 0 ? v + 1 : v;
  }

  /**
   * Smooths each cycle-subseries with loess and extends it by one point at each end; the result
   * ({@code n + 2 np} values) is written to {@code out} in time order, starting one period before
   * the series.
   */
  private static void smoothCycles(double[] y, int n, int np, int ns, int jump, double[] out) {
    int maxK = n / np + 1;
    double[] sub = new double[maxK];
    double[] smooth = new double[maxK + 2];
    double[] fitted = new double[maxK];
    double[] weights = new double[maxK];
    for (int j = 0; j < np; j++) {
      int k = (n - j - 1) / np + 1;
      for (int i = 0; i < k; i++) {
        sub[i] = y[j + i * np];
      }
      loess(sub, k, ns, 0, jump, fitted);
      System.arraycopy(fitted, 0, smooth, 1, k);
      int right = Math.min(ns, k);
      double first = estimate(sub, k, ns, 0, 0.0, 1, right, weights);
      smooth[0] = Double.isNaN(first) ? smooth[1] : first;
      int left = Math.max(1, k - ns + 1);
      double last = estimate(sub, k, ns, 0, k + 1.0, left, k, weights);
      smooth[k + 1] = Double.isNaN(last) ? smooth[k] : last;
      for (int i = 0; i < k + 2; i++) {
        out[j + i * np] = smooth[i];
      }
    }
  }

  /** Moving averages of lengths np, np and 3: {@code n + 2 np} values down to {@code n}. */
  private static double[] lowPass(double[] x, int n, int np) {
    double[] a = movingAverage(x, n + 2 * np, np);
    double[] b = movingAverage(a, a.length, np);
    return movingAverage(b, b.length, 3);
  }

  private static double[] movingAverage(double[] x, int n, int len) {
    double[] out = new double[n - len + 1];
    double sum = 0.0;
    for (int i = 0; i < len; i++) {
      sum += x[i];
    }
    out[0] = sum / len;
    for (int i = 1; i < out.length; i++) {
      sum += x[i + len - 1] - x[i - 1];
      out[i] = sum / len;
    }
    return out;
  }

  /**
   * Loess smoothing of {@code y[0..n)} at positions 1..n with window {@code len} and the given
   * degree, evaluated every {@code jump} points and linearly interpolated in between.
   */
  private static void loess(double[] y, int n, int len, int degree, int jump, double[] out) {
    double[] weights = new double[n];
    if (n < 2) {
      out[0] = y[0];
      return;
    }
    int step = Math.min(jump, n - 1);
    int left = 1;
    int right = n;
    if (len < n) {
      int half = (len + 1) / 2;
      for (int i = 1; i <= n; i += step) {
        if (step == 1) {
          if (i > half && right != n) {
            left++;
            right++;
          } else if (i == 1) {
            left = 1;
            right = len;
          }
        } else if (i < half) {
          left = 1;
          right = len;
        } else if (i >= n - half + 1) {
          left = n - len + 1;
          right = n;
        } else {
          left = i - half + 1;
          right = len + i - half;
        }
        double v = estimate(y, n, len, degree, i, left, right, weights);
        out[i - 1] = Double.isNaN(v) ? y[i - 1] : v;
      }
    } else {
      for (int i = 1; i <= n; i += step) {
        double v = estimate(y, n, len, degree, i, 1, n, weights);
        out[i - 1] = Double.isNaN(v) ? y[i - 1] : v;
      }
    }
    if (step > 1) {
      int i = 1;
      for (; i <= n - step; i += step) {
        double delta = (out[i + step - 1] - out[i - 1]) / step;
        for (int j = i + 1; j < i + step; j++) {
          out[j - 1] = out[i - 1] + delta * (j - i);
        }
      }
      int k = ((n - 1) / step) * step + 1;
      if (k != n) {
        double v = estimate(y, n, len, degree, n, Math.max(1, n - len + 1), n, weights);
        out[n - 1] = Double.isNaN(v) ? y[n - 1] : v;
        if (k != n - 1) {
          double delta = (out[n - 1] - out[k - 1]) / (n - k);
          for (int j = k + 1; j < n; j++) {
            out[j - 1] = out[k - 1] + delta * (j - k);
          }
        }
      }
    }
  }

  /**
   * Local fit at position {@code xs} (1-based) from points {@code left..right} with tricube
   * weights; NaN when every weight is zero.
   */
  private static double estimate(
      double[] y, int n, int len, int degree, double xs, int left, int right, double[] w) {
    double range = n - 1.0;
    double h = Math.max(xs - left, right - xs);
    if (len > n) {
      h += (len - n) / 2;
    }
    double h9 = 0.999 * h;
    double h1 = 0.001 * h;
    double a = 0.0;
    for (int j = left; j <= right; j++) {
      double r = Math.abs(j - xs);
      double wj = 0.0;
      if (r <= h9) {
        if (r <= h1) {
          wj = 1.0;
        } else {
          double u = r / h;
          u = 1.0 - u * u * u;
          wj = u * u * u;
        }
      }
      w[j - 1] = wj;
      a += wj;
    }
    if (!(a > 0.0)) {
      return Double.NaN;
    }
    for (int j = left; j <= right; j++) {
      w[j - 1] /= a;
    }
    if (h > 0.0 && degree > 0) {
      double center = 0.0;
      for (int j = left; j <= right; j++) {
        center += w[j - 1] * j;
      }
      double b = xs - center;
      double c = 0.0;
      for (int j = left; j <= right; j++) {
        c += w[j - 1] * (j - center) * (j - center);
      }
      if (Math.sqrt(c) > 0.001 * range) {
        b /= c;
        for (int j = left; j <= right; j++) {
          w[j - 1] *= b * (j - center) + 1.0;
        }
      }
    }
    double s = 0.0;
    for (int j = left; j <= right; j++) {
      s += w[j - 1] * y[j - 1];
    }
    return s;
  }
}

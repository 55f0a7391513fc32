package org.vigil.forecast.arima;

/**
 * The KPSS test of level stationarity (Kwiatkowski, Phillips, Schmidt and Shin 1992), with the lag
 * truncation {@code trunc(3 sqrt(n) / 13)} of Hobijn, Franses and Ooms (2004), as R's {@code
 * forecast::ndiffs} uses it.
 */
final class KpssTest {
  /** Upper-tail critical values of the level test at 10%, 5%, 2.5% and 1% (KPSS 1992, table 1). */
  private static final double[] CRITICAL = {0.347, 0.463, 0.574, 0.739};

  private static final double[] LEVELS = {0.10, 0.05, 0.025, 0.01};

  private KpssTest() {}

  /** The KPSS statistic for a level-stationary null. */
  static double statistic(double[] x) {
    int n = x.length;
    double mean = 0.0;
    for (double v : x) {
      mean += v;
    }
    mean /= n;
    double[] e = new double[n];
    double cumulative = 0.0;
    double partialSums = 0.0;
    double variance = 0.0;
    for (int t = 0; t < n; t++) {
      e[t] = x[t] - mean;
      cumulative += e[t];
      partialSums += cumulative * cumulative;
      variance += e[t] * e[t];
    }
    int lags = (int) Math.floor(3.0 * Math.sqrt(n) / 13.0);
    double longRun = variance / n;
    for (int s = 1; s <= lags; s++) {
      double acc = 0.0;
      for (int t = s; t < n; t++) {
        acc += e[t] * e[t - s];
      }
      longRun += 2.0 * (1.0 - s / (lags + 1.0)) * acc / n;
    }
    return partialSums / ((double) n * n) / longRun;
  }

  /** Critical value at significance {@code alpha} (linear interpolation in the table). */
  static double criticalValue(double alpha) {
    for (int i = 0; i < LEVELS.length - 1; i++) {
      if (alpha <= LEVELS[i] && alpha >= LEVELS[i + 1]) {
        double f = (LEVELS[i] - alpha) / (LEVELS[i] - LEVELS[i + 1]);
        return CRITICAL[i] + f * (CRITICAL[i + 1] - CRITICAL[i]);
      }
    }
    return alpha > LEVELS[0] ? CRITICAL[0] : CRITICAL[CRITICAL.length - 1];
  }

  /**
   * Number of first differences (0..maxD) that make the series level-stationary by repeated KPSS
   * tests, stopping early when differencing leaves a constant series.
   */
  static int differences(double[] x, double alpha, int maxD) {
    if (isConstant(x)) {
      return 0;
    }
    double critical = criticalValue(alpha);
    double[] current = x;
    int d = 0;
    while (d < maxD && current.length > 1 && statistic(current) > critical) {
      d++;
      current = difference(current, 1);
      if (isConstant(current) || current.length < 2) {
        return d;
      }
    }
    return d;
  }

  static double[] difference(double[] x, int lag) {
    double[] out = new double[Math.max(0, x.length - lag)];
    for (int t = 0; t < out.length; t++) {
      out[t] = x[t + lag] - x[t];
    }
    return out;
  }

  static boolean isConstant(double[] x) {
    for (int i = 1; i < x.length; i++) {
      if (x[i] != x[0]) {
        return false;
      }
    }
    return true;
  }
}

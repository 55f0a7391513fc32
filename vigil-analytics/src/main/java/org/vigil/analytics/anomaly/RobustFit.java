package org.vigil.analytics.anomaly;

import java.util.Arrays;
import org.vigil.analytics.stats.Robust;

/**
 * A robust expectation for each period: Sen's line (median of pairwise slopes, median intercept)
 * plus the median residual of the other values of the period's season when there are at least two
 * full years. Used by the robust z detector and by the data-quality outlier rule.
 */
final class RobustFit {
  private RobustFit() {}

  static double[] expected(double[] x, int period) {
    int n = x.length;
    double slope = senSlope(x);
    double[] resid = new double[n];
    for (int i = 0; i < n; i++) {
      resid[i] = x[i] - slope * i;
    }
    double intercept = Robust.median(resid);
    double[] e = new double[n];
    for (int i = 0; i < n; i++) {
      e[i] = intercept + slope * i;
    }
    if (period > 1 && n >= 2 * period) {
      double[] line = e.clone();
      for (int i = 0; i < n; i++) {
        double m = Robust.median(seasonResidualsExcept(x, line, i, period));
        e[i] += Double.isNaN(m) ? 0 : m;
      }
    }
    return e;
  }

  /**
   * Residuals from the line of the other values in i's season: leaving i out keeps a value from
   * pulling its own expectation and keeps the scale honest (with its own median in, about one
   * residual in five is near zero and the MAD shrinks).
   */
  private static double[] seasonResidualsExcept(double[] x, double[] line, int i, int period) {
    double[] r = new double[x.length / period + 1];
    int k = 0;
    for (int j = i % period; j < x.length; j += period) {
      if (j != i) {
        r[k++] = x[j] - line[j];
      }
    }
    return Arrays.copyOf(r, k);
  }

  private static double senSlope(double[] x) {
    int n = x.length;
    double[] s = new double[n * (n - 1) / 2];
    int k = 0;
    for (int i = 0; i < n - 1; i++) {
      if (Double.isNaN(x[i])) {
        continue;
      }
      for (int j = i + 1; j < n; j++) {
        if (!Double.isNaN(x[j])) {
          s[k++] = (x[j] - x[i]) / (j - i);
        }
      }
    }
    double m = Robust.median(Arrays.copyOf(s, k));
    return Double.isNaN(m) ? 0 : m;
  }
}

package org.vigil.analytics.trend;

import java.util.Arrays;
import org.vigil.analytics.stats.Normal;

/**
 * The Mann-Kendall test for a monotonic trend (Mann 1945; Kendall 1975) and its seasonal variant
 * (Hirsch, Slack and Smith 1982, Water Resources Research 18(1)).
 *
 * <p>S counts, over all pairs of present values i &lt; j, sign(x_j - x_i). Under no trend S has
 * mean 0 and variance [n(n-1)(2n+5) - sum_t t(t-1)(2t+5)] / 18, where t runs over the sizes of the
 * groups of tied values. The time index is the position in the series, so gaps (NaN) drop the
 * missing values but keep the spacing of the others: this matches R's {@code cor.test(x,
 * seq_along(x), method = "kendall", exact = FALSE)} after its removal of incomplete pairs. Tau is
 * tau-b (R's {@code cor(..., method = "kendall")}): S / sqrt((n0 - n1) n0) with n0 = n(n-1)/2 and
 * n1 the tied value pairs. The z score optionally applies the continuity correction sign(S)(|S| -
 * 1), as in R's {@code continuity = TRUE} and in Hirsch's formulation.
 *
 * <p>The seasonal test sums S and Var(S) over seasons (series of the same month in successive
 * years), assuming independence between seasons (no Hirsch and Slack 1984 covariance correction).
 * Thread-safe (stateless). O(n^2) per series, fine for the few hundred values Vigil's series hold.
 */
public final class MannKendall {
  private MannKendall() {}

  /** The test on one series; NaN values are gaps. */
  public static MannKendallResult test(double[] x, boolean continuity) {
    Parts p = parts(x);
    return result(p.n, p.s, p.varS, p.tauDenominator, continuity);
  }

  /**
   * The seasonal test: {@code x[i]} belongs to season {@code i % period}. With period 1 this is the
   * plain test.
   */
  public static MannKendallResult seasonal(double[] x, int period, boolean continuity) {
    if (period < 1) {
      throw new IllegalArgumentException("Seasonal period must be >= 1, found " + period);
    }
    int n = 0;
    long s = 0;
    double var = 0;
    double den = 0;
    for (int season = 0; season < period; season++) {
      Parts p = parts(seasonSlice(x, season, period));
      n += p.n;
      s += p.s;
      var += p.varS;
      den += p.tauDenominator;
    }
    return result(n, s, var, den, continuity);
  }

  /** Values of one season, in year order, keeping NaN for gaps so that spacing is kept. */
  static double[] seasonSlice(double[] x, int season, int period) {
    int len = season >= x.length ? 0 : (x.length - season + period - 1) / period;
    double[] out = new double[len];
    for (int k = 0; k < len; k++) {
      out[k] = x[season + k * period];
    }
    return out;
  }

  private static MannKendallResult result(
      int n, long s, double varS, double tauDen, boolean continuity) {
    double z;
    if (varS <= 0) {
      z = 0;
    } else {
      double adj = continuity && s != 0 ? Math.signum(s) * (Math.abs(s) - 1) : s;
      z = adj / Math.sqrt(varS);
    }
    double p = varS <= 0 ? 1.0 : Normal.twoSidedP(z);
    double tau = tauDen > 0 ? s / tauDen : 0;
    return new MannKendallResult(n, s, Math.max(0, varS), z, tau, p);
  }

  private record Parts(int n, long s, double varS, double tauDenominator) {}

  private static Parts parts(double[] x) {
    double[] v = Arrays.stream(x).filter(d -> !Double.isNaN(d)).toArray();
    int n = v.length;
    long s = 0;
    for (int i = 0; i < n - 1; i++) {
      for (int j = i + 1; j < n; j++) {
        s += Double.compare(v[j], v[i]) > 0 ? 1 : (v[j] < v[i] ? -1 : 0);
      }
    }
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    double tieVar = 0;
    double tiedPairs = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && sorted[j + 1] == sorted[i]) {
        j++;
      }
      double t = j - i + 1.0;
      tieVar += t * (t - 1) * (2 * t + 5);
      tiedPairs += t * (t - 1) / 2;
      i = j + 1;
    }
    double var = (n * (n - 1.0) * (2 * n + 5.0) - tieVar) / 18.0;
    double n0 = n * (n - 1.0) / 2;
    return new Parts(n, s, var, Math.sqrt(Math.max(0, (n0 - tiedPairs) * n0)));
  }
}

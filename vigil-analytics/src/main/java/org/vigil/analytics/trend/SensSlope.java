package org.vigil.analytics.trend;

import java.util.Arrays;
import org.vigil.analytics.stats.Normal;
import org.vigil.analytics.stats.Robust;

/**
 * Sen's (1968) slope estimator: the median of the pairwise slopes (x_j - x_i) / (j - i) over all
 * pairs of present values, with time in periods (gaps keep their spacing). The seasonal estimator
 * (Hirsch et al. 1982) takes the median of the within-season slopes, which are already per year.
 * The confidence interval is Gilbert's (1987, section 16.5) rank interval from Var(S). Thread-safe.
 */
public final class SensSlope {
  private SensSlope() {}

  /**
   * Sen's slope with its interval.
   *
   * @param perPeriod the median slope, in units per period
   * @param lower lower bound of the interval (NaN when too few pairs)
   * @param upper upper bound of the interval (NaN when too few pairs)
   * @param intercept median of x_i - slope * i (Conover's intercept), so the line is intercept +
   *     slope * i
   */
  public record Estimate(double perPeriod, double lower, double upper, double intercept) {}

  /** Sen's slope per period of one series; NaN values are gaps. */
  public static Estimate of(double[] x, double confidence) {
    double[] slopes = pairwiseSlopes(x, 1);
    return estimate(x, slopes, MannKendall.test(x, false).varS(), confidence, 1);
  }

  /**
   * The seasonal Sen slope per year: {@code x[i]} is in season {@code i % period}, and slopes are
   * taken within seasons between years.
   */
  public static Estimate seasonal(double[] x, int period, double confidence) {
    double[] all = new double[0];
    for (int season = 0; season < period; season++) {
      double[] sl = pairwiseSlopes(MannKendall.seasonSlice(x, season, period), 1);
      double[] merged = Arrays.copyOf(all, all.length + sl.length);
      System.arraycopy(sl, 0, merged, all.length, sl.length);
      all = merged;
    }
    double var = MannKendall.seasonal(x, period, false).varS();
    Estimate perYear = estimate(x, all, var, confidence, period);
    return new Estimate(
        perYear.perPeriod() / period,
        perYear.lower() / period,
        perYear.upper() / period,
        perYear.intercept());
  }

  private static Estimate estimate(
      double[] x, double[] slopes, double varS, double confidence, int slopeUnit) {
    Arrays.sort(slopes);
    double slope = Robust.quantileSorted(slopes, 0.5);
    double lower = Double.NaN;
    double upper = Double.NaN;
    int m = slopes.length;
    if (m > 1 && varS > 0) {
      double c = Normal.quantile(1 - (1 - confidence) / 2) * Math.sqrt(varS);
      double m1 = (m - c) / 2;
      double m2 = (m + c) / 2 + 1;
      if (m1 >= 1 && m2 <= m) {
        lower = interpolate(slopes, m1);
        upper = interpolate(slopes, m2);
      }
    }
    double perPeriod = Double.isNaN(slope) ? Double.NaN : slope / slopeUnit;
    double[] resid = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      resid[i] = x[i] - perPeriod * i;
    }
    return new Estimate(slope, lower, upper, Robust.median(resid));
  }

  /** Value at a 1-based fractional rank in a sorted array. */
  private static double interpolate(double[] sorted, double rank) {
    int lo = (int) Math.floor(rank) - 1;
    int hi = Math.min(lo + 1, sorted.length - 1);
    double f = rank - Math.floor(rank);
    return sorted[lo] + f * (sorted[hi] - sorted[lo]);
  }

  /** All slopes (x_j - x_i) / ((j - i) * step) over present pairs. */
  static double[] pairwiseSlopes(double[] x, double step) {
    int n = x.length;
    double[] out = new double[n * (n - 1) / 2];
    int k = 0;
    for (int i = 0; i < n - 1; i++) {
      if (Double.isNaN(x[i])) {
        continue;
      }
      for (int j = i + 1; j < n; j++) {
        if (!Double.isNaN(x[j])) {
          out[k++] = (x[j] - x[i]) / ((j - i) * step);
        }
      }
    }
    return Arrays.copyOf(out, k);
  }
}

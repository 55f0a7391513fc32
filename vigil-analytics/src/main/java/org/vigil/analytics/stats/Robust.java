package org.vigil.analytics.stats;

import java.util.Arrays;

/**
 * Order statistics that ignore missing values (NaN): median, quantiles of type 7 (R's default) and
 * the median absolute deviation scaled to be consistent for the normal law (factor 1.4826, as R's
 * {@code mad}). Thread-safe (stateless); the input arrays are never modified.
 */
public final class Robust {
  /** 1 / Phi^-1(3/4): makes the MAD estimate the standard deviation of normal data. */
  public static final double MAD_SCALE = 1.482602218505602;

  private Robust() {}

  /** The present (non-NaN) values, sorted. */
  public static double[] sortedPresent(double[] x) {
    return Arrays.stream(x).filter(v -> !Double.isNaN(v)).sorted().toArray();
  }

  /** Median of the present values; NaN when none is present. */
  public static double median(double[] x) {
    return quantileSorted(sortedPresent(x), 0.5);
  }

  /** Quantile (R type 7) of the present values; NaN when none is present. */
  public static double quantile(double[] x, double p) {
    return quantileSorted(sortedPresent(x), p);
  }

  /** Quantile (R type 7) of an already sorted array without NaN. */
  public static double quantileSorted(double[] s, double p) {
    if (p < 0 || p > 1) {
      throw new IllegalArgumentException("Quantile probability must be in [0, 1], found " + p);
    }
    if (s.length == 0) {
      return Double.NaN;
    }
    double h = (s.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, s.length - 1);
    return s[lo] + (h - lo) * (s[hi] - s[lo]);
  }

  /** Scaled median absolute deviation around the median; NaN when no value is present. */
  public static double mad(double[] x) {
    double m = median(x);
    double[] dev =
        Arrays.stream(x).filter(v -> !Double.isNaN(v)).map(v -> Math.abs(v - m)).toArray();
    return MAD_SCALE * median(dev);
  }

  /** Mean of the present values; NaN when none is present. */
  public static double mean(double[] x) {
    return Arrays.stream(x).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
  }

  /**
   * Quantile (R type 7) of the present values by selection, without a full sort: O(n) on average.
   * The array is reordered in place.
   */
  public static double quantileInPlace(double[] a, double p) {
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      if (!Double.isNaN(a[i])) {
        a[n++] = a[i];
      }
    }
    if (n == 0) {
      return Double.NaN;
    }
    double h = (n - 1) * p;
    int lo = (int) Math.floor(h);
    double x = select(a, n, lo);
    if (lo + 1 >= n || h == lo) {
      return x;
    }
    double y = Double.POSITIVE_INFINITY;
    for (int i = lo + 1; i < n; i++) {
      y = Math.min(y, a[i]);
    }
    return x + (h - lo) * (y - x);
  }

  /** The k-th smallest of a[0..n) (Hoare's selection); leaves smaller values before k. */
  private static double select(double[] a, int n, int k) {
    int left = 0;
    int right = n - 1;
    while (left < right) {
      double pivot = a[(left + right) >>> 1];
      int i = left;
      int j = right;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        right = j;
      } else if (k >= i) {
        left = i;
      } else {
        break;
      }
    }
    return a[k];
  }
}

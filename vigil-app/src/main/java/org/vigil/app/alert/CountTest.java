package org.vigil.app.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import org.vigil.analytics.anomaly.Anomaly;
import org.vigil.timeseries.Period;

/**
 * A rise in a small count series, tested against the count distribution rather than a Gaussian
 * threshold: a series of a few events a month doubles within its noise as the robust z sees it, but
 * three months at twice the usual level are very unlikely under its usual level.
 *
 * <p>The usual level {@code mu} is the mean of the last {@value #LEVEL_MONTHS} values before the
 * window; the spread {@code phi} (variance over mean, at least 1) is measured on the last {@value
 * #SPREAD_MONTHS} values before the window, so seasonality and trend widen it rather than raise
 * alarms. A count is then negative binomial with mean {@code mu} and variance {@code phi * mu}
 * (Poisson when {@code phi} is 1), and a sum over {@code k} months has mean {@code k * mu} and
 * variance {@code k * phi * mu}.
 *
 * <ul>
 *   <li>level shift: the earliest start in the window from which every month is above {@code mu},
 *       there are at least two months to the latest value, and the sum's upper tail is below {@link
 *       #ALPHA};
 *   <li>spike: else the month in the window with the smallest upper tail, if below {@link #ALPHA}.
 * </ul>
 *
 * <p>Only rises are tested (a fall of a small count is rarely news and often late reporting), only
 * series of whole non-negative numbers (above a mean of {@value #NORMAL_FROM} the count is taken as
 * normal). Size, for severity, is {@code log(p) / log(ALPHA)}: 2 when the tail is {@code ALPHA}
 * squared.
 */
final class CountTest {
  static final String METHOD = "COUNT_TAIL";

  /** Tail probability that raises a finding (one series has at most six tests in the window). */
  static final double ALPHA = 1e-3;

  /** Tail below which the months of a shift other than its largest still stand out. */
  static final double PERSISTS = 0.05;

  static final int LEVEL_MONTHS = 12;
  static final int SPREAD_MONTHS = 24;
  static final double MAX_LEVEL = 100_000;

  /** Above this mean the count is taken as normal (mean, variance phi * mean). */
  static final double NORMAL_FROM = 300;

  /** A finding: the months it covers (oldest first) and its size in units of the threshold. */
  record Finding(List<Anomaly> run, double size) {}

  private CountTest() {}

  /**
   * The finding in the window starting at {@code from}, or null.
   *
   * @param values the series' values, oldest first, ending with the latest
   * @param from the window's first period
   */
  static Finding find(SortedMap<Period, Double> values, Period from) {
    for (double v : values.values()) {
      if (v < 0 || v != Math.rint(v)) {
        return null; // not a count
      }
    }
    List<Double> before = new ArrayList<>(values.headMap(from).values());
    List<Period> inWindow = new ArrayList<>(values.tailMap(from).keySet());
    if (before.size() < SPREAD_MONTHS || inWindow.isEmpty()) {
      return null;
    }
    double mu = mean(before.subList(before.size() - LEVEL_MONTHS, before.size()));
    if (mu <= 0 || mu > MAX_LEVEL) {
      return null;
    }
    List<Double> spreadPart = before.subList(before.size() - SPREAD_MONTHS, before.size());
    double m = mean(spreadPart);
    double var = 0;
    for (double v : spreadPart) {
      var += (v - m) * (v - m);
    }
    var /= spreadPart.size() - 1;
    double phi = Math.max(1, m > 0 ? var / m : 1);

    int n = inWindow.size();
    for (int start = 0; start + 1 < n; start++) {
      double sum = 0;
      boolean allAbove = true;
      for (int i = start; i < n; i++) {
        double v = values.get(inWindow.get(i));
        sum += v;
        allAbove &= v > mu;
      }
      int k = n - start;
      double p = upperTail((long) sum, k * mu, phi);
      if (allAbove && p < ALPHA && persists(values, inWindow.subList(start, n), mu, phi)) {
        List<Anomaly> run = new ArrayList<>();
        for (int i = start; i < n; i++) {
          run.add(anomaly(inWindow.get(i), values.get(inWindow.get(i)), mu, phi, p));
        }
        return new Finding(run, Math.log(p) / Math.log(ALPHA));
      }
    }
    Period best = null;
    double bestP = 1;
    for (Period at : inWindow) {
      double p = upperTail(values.get(at).longValue(), mu, phi);
      if (p < bestP) {
        bestP = p;
        best = at;
      }
    }
    if (best == null || bestP >= ALPHA) {
      return null;
    }
    return new Finding(
        List.of(anomaly(best, values.get(best), mu, phi, bestP)),
        Math.log(bestP) / Math.log(ALPHA));
  }

  /**
   * True when the rise outlasts its largest month: without that month the other months' sum is
   * still above the usual level ({@link #PERSISTS} tail). Else one month explains it: a spike.
   */
  private static boolean persists(
      SortedMap<Period, Double> values, List<Period> months, double mu, double phi) {
    double sum = 0;
    double max = Double.NEGATIVE_INFINITY;
    for (Period at : months) {
      double v = values.get(at);
      sum += v;
      max = Math.max(max, v);
    }
    return upperTail((long) (sum - max), (months.size() - 1) * mu, phi) < PERSISTS;
  }

  private static Anomaly anomaly(Period at, double value, double mu, double phi, double p) {
    // the usual range: the central 99% of one month's count at the usual level
    return new Anomaly(
        at,
        value,
        mu,
        quantile(0.005, mu, phi),
        quantile(0.995, mu, phi),
        Anomaly.Method.ROBUST_Z, // the record needs one; the alert names COUNT_TAIL
        -Math.log10(Math.max(p, 1e-300)),
        String.format(
            Locale.ROOT,
            "count %.0f above its usual level %.1f (tail probability %.2g)",
            value,
            mu,
            p));
  }

  private static double mean(List<Double> xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s / xs.size();
  }

  /** P(X &gt;= x) for X negative binomial with the given mean and variance/mean (Poisson at 1). */
  static double upperTail(long x, double mean, double phi) {
    if (x <= 0) {
      return 1;
    }
    if (mean > NORMAL_FROM) {
      return normalUpper((x - 0.5 - mean) / Math.sqrt(phi * mean));
    }
    double below = 0;
    double pk = pmf0(mean, phi);
    for (long k = 0; k < x; k++) {
      below += pk;
      pk = next(pk, k, mean, phi);
    }
    return Math.max(0, 1 - below);
  }

  /** P(Z &gt;= z) for a standard normal Z (Abramowitz and Stegun 26.2.17, error below 1e-7). */
  static double normalUpper(double z) {
    if (z < 0) {
      return 1 - normalUpper(-z);
    }
    double t = 1 / (1 + 0.2316419 * z);
    double poly =
        t
            * (0.319381530
                + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
    return Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * poly;
  }

  /** The smallest x with P(X &lt;= x) &gt;= q. */
  static double quantile(double q, double mean, double phi) {
    if (mean > NORMAL_FROM) {
      double z = q < 0.5 ? -2.5758 : 2.5758; // the 0.5% and 99.5% points, the only ones used
      return Math.max(0, Math.round(mean + z * Math.sqrt(phi * mean)));
    }
    double cum = 0;
    double pk = pmf0(mean, phi);
    for (long k = 0; k < 1_000_000; k++) {
      cum += pk;
      if (cum >= q) {
        return k;
      }
      pk = next(pk, k, mean, phi);
    }
    return Double.NaN;
  }

  private static boolean poisson(double phi) {
    return phi < 1 + 1e-6;
  }

  private static double pmf0(double mean, double phi) {
    return poisson(phi) ? Math.exp(-mean) : Math.exp(-(mean / (phi - 1)) * Math.log(phi));
  }

  /** P(k + 1) from P(k). */
  private static double next(double pk, long k, double mean, double phi) {
    if (poisson(phi)) {
      return pk * mean / (k + 1);
    }
    double r = mean / (phi - 1);
    double q = (phi - 1) / phi;
    return pk * q * (k + r) / (k + 1);
  }
}

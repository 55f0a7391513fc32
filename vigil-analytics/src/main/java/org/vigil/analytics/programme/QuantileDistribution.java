package org.vigil.analytics.programme;

import java.util.Arrays;
import java.util.List;
import org.vigil.analytics.stats.Normal;

/**
 * A predictive distribution known only through some of its quantiles, as the forecast engine gives
 * them. Between two known quantiles the distribution function is linear (a piecewise-uniform
 * density); beyond the outermost ones it continues as a normal tail whose scale matches the two
 * outermost quantiles on that side, so probabilities far out are small but never exactly 0 or 1
 * unless the quantiles collapse to a point (as at a truncation at zero).
 */
public final class QuantileDistribution {
  private final double[] probs;
  private final double[] values;

  /**
   * @param probs quantile probabilities, strictly increasing, in (0, 1), at least two
   * @param values the quantiles, non-decreasing
   */
  public QuantileDistribution(double[] probs, double[] values) {
    if (probs.length < 2 || probs.length != values.length) {
      throw new IllegalArgumentException(
          "Need at least two quantiles with one probability each, found "
              + probs.length
              + " probabilities and "
              + values.length
              + " values");
    }
    for (int i = 0; i < probs.length; i++) {
      if (!(probs[i] > 0 && probs[i] < 1) || !Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            "Quantile "
                + i
                + " must have p in (0,1) and a finite value, found p="
                + probs[i]
                + " value="
                + values[i]);
      }
      if (i > 0 && (probs[i] <= probs[i - 1] || values[i] < values[i - 1])) {
        throw new IllegalArgumentException(
            "Quantiles must increase with p, found "
                + Arrays.toString(probs)
                + " -> "
                + Arrays.toString(values));
      }
    }
    this.probs = probs.clone();
    this.values = values.clone();
  }

  /** A distribution from lists of probabilities and values. */
  public static QuantileDistribution of(List<Double> probs, double[] values) {
    return new QuantileDistribution(
        probs.stream().mapToDouble(Double::doubleValue).toArray(), values);
  }

  /** P(X <= x). */
  public double cdf(double x) {
    int n = values.length;
    if (x < values[0]) {
      return lowerTail(x);
    }
    if (x >= values[n - 1]) {
      return upperTail(x);
    }
    int i = 0;
    while (values[i + 1] <= x) {
      i++;
    }
    // values[i] <= x < values[i + 1]
    return probs[i] + (probs[i + 1] - probs[i]) * (x - values[i]) / (values[i + 1] - values[i]);
  }

  /** The value with P(X <= value) = p. */
  public double quantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("Probability must be in (0, 1), found " + p);
    }
    int n = probs.length;
    if (p < probs[0]) {
      double s = lowerScale();
      return values[0] + (Normal.quantile(p) - Normal.quantile(probs[0])) * s;
    }
    if (p > probs[n - 1]) {
      double s = upperScale();
      return values[n - 1] + (Normal.quantile(p) - Normal.quantile(probs[n - 1])) * s;
    }
    int i = 0;
    while (i < n - 2 && probs[i + 1] < p) {
      i++;
    }
    return values[i] + (values[i + 1] - values[i]) * (p - probs[i]) / (probs[i + 1] - probs[i]);
  }

  /** The median. */
  public double median() {
    return quantile(0.5);
  }

  private double lowerTail(double x) {
    double s = lowerScale();
    if (s <= 0) {
      return 0.0;
    }
    return Normal.cdf(Normal.quantile(probs[0]) + (x - values[0]) / s);
  }

  private double upperTail(double x) {
    int n = values.length;
    double s = upperScale();
    if (s <= 0) {
      return 1.0;
    }
    return Normal.cdf(Normal.quantile(probs[n - 1]) + (x - values[n - 1]) / s);
  }

  private double lowerScale() {
    return (values[1] - values[0]) / (Normal.quantile(probs[1]) - Normal.quantile(probs[0]));
  }

  private double upperScale() {
    int n = values.length;
    return (values[n - 1] - values[n - 2])
        / (Normal.quantile(probs[n - 1]) - Normal.quantile(probs[n - 2]));
  }
}

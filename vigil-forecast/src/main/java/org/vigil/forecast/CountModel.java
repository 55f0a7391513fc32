package org.vigil.forecast;

/**
 * Count intervals around a point forecast. A count series keeps its point forecast (from ETS, the
 * combination, or Croston/SBA/TSB for intermittent series) and takes its quantiles from a count
 * distribution with that mean at each step, so every quantile is a whole number and never negative:
 *
 * <ul>
 *   <li>Series that are not sparse: a negative binomial whose dispersion matches, by the method of
 *       moments, the variance of the model's own forecast distribution at that step (which the
 *       model estimates from its residuals and which grows with the horizon): {@code size = mu^2 /
 *       (var - mu)}; the Poisson when the variance is not above the mean.
 *   <li>Sparse series (at least 30% zeros, as {@link Intermittent#isIntermittent}): a zero-inflated
 *       negative binomial fitted to the series by the method of moments (mean, variance and share
 *       of zeros; Lambert 1992 for the zero-inflated form), rescaled to the point forecast at each
 *       step. The model's own intervals are not used: Croston-type methods have none worth keeping.
 * </ul>
 */
final class CountModel {
  /** {@code Phi^-1(0.9)}: the 10% and 90% quantiles are this many sd from a normal median. */
  private static final double Z90 = 1.2815515655446004;

  private CountModel() {}

  /** The count distribution of each step, given the point forecasts and the model's quantiles. */
  static CountDistribution[] distributions(
      double[] y, double[] points, double[][] modelQuantiles, double[] probs, FitContext ctx) {
    CountDistribution[] out = new CountDistribution[points.length];
    if (Intermittent.isIntermittent(y)) {
      CountDistribution shape = zeroInflatedMoments(y);
      ctx.note("count intervals: sparse series, " + shape + " fitted by moments");
      for (int h = 0; h < points.length; h++) {
        out[h] = shape.withMean(points[h]);
      }
      return out;
    }
    int i10 = index(probs, 0.1);
    int i90 = index(probs, 0.9);
    for (int h = 0; h < points.length; h++) {
      double sd = (modelQuantiles[i90][h] - modelQuantiles[i10][h]) / (2 * Z90);
      out[h] = CountDistribution.withMoments(Math.max(0, points[h]), sd * sd);
    }
    ctx.note(
        "count intervals: "
            + (out[0].isPoisson() ? "Poisson" : "negative binomial")
            + " around the point forecast, dispersion from the model's forecast variance");
    return out;
  }

  /**
   * Quantiles {@code [prob][step]} of the given distributions: each central pair {@code (a, 1 - a)}
   * as the interval bounds whose probability is closest to {@code 1 - 2a} ({@link CountIntervals}),
   * the rest R's quantiles.
   */
  static double[][] quantiles(CountDistribution[] d, double[] probs) {
    double[][] q = new double[probs.length][d.length];
    for (int h = 0; h < d.length; h++) {
      double[] col = CountIntervals.bounds(d[h], probs);
      for (int i = 0; i < probs.length; i++) {
        q[i][h] = col[i];
      }
    }
    return q;
  }

  /**
   * Zero-inflated negative binomial by the method of moments: for a structural-zero probability
   * {@code pi}, the count mean is {@code m / (1 - pi)} and the size follows from the variance;
   * {@code pi} is then the root (by bisection) of "the model's share of zeros equals the observed
   * one". No root in [0, share of zeros): no inflation, plain negative binomial (or Poisson) by
   * moments.
   */
  static CountDistribution zeroInflatedMoments(double[] y) {
    int n = y.length;
    double m = 0;
    int zeros = 0;
    for (double v : y) {
      m += v;
      zeros += v == 0 ? 1 : 0;
    }
    m /= n;
    double var = 0;
    for (double v : y) {
      var += (v - m) * (v - m);
    }
    var /= Math.max(1, n - 1);
    double z = (double) zeros / n;
    if (m == 0) {
      return CountDistribution.poisson(0);
    }
    CountDistribution plain = CountDistribution.withMoments(m, var);
    if (gap(0, m, var, z) <= 0) {
      return plain;
    }
    double lo = 0;
    double hi = z;
    if (gap(hi * (1 - 1e-9), m, var, z) > 0) {
      return plain;
    }
    for (int it = 0; it < 100; it++) {
      double mid = 0.5 * (lo + hi);
      if (gap(mid, m, var, z) > 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return atInflation(lo, m, var);
  }

  /** Observed share of zeros minus the model's, at inflation {@code pi}. */
  private static double gap(double pi, double m, double var, double z) {
    CountDistribution d = atInflation(pi, m, var);
    return z - d.pmf(0);
  }

  private static CountDistribution atInflation(double pi, double m, double var) {
    double lambda = m / (1 - pi);
    // var = (1 - pi) (lambda + lambda^2 / r) + pi (1 - pi) lambda^2
    double extra = var / ((1 - pi) * lambda) - 1 - pi * lambda;
    double size = extra > 1e-12 ? lambda / extra : Double.POSITIVE_INFINITY;
    return new CountDistribution(lambda, size, pi);
  }

  private static int index(double[] probs, double p) {
    for (int i = 0; i < probs.length; i++) {
      if (Math.abs(probs[i] - p) < 1e-9) {
        return i;
      }
    }
    throw new IllegalStateException("quantile " + p + " missing from " + probs.length + " probs");
  }
}

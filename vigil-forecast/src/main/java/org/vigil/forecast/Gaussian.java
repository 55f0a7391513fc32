package org.vigil.forecast;

/**
 * The standard normal distribution: density, distribution function by Marsaglia's (2004) Taylor
 * series, which is accurate to about 1e-15 for |x| < 8, and its inverse by Newton's method.
 */
final class Gaussian {
  private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

  private Gaussian() {}

  static double density(double x) {
    return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }

  static double cdf(double x) {
    if (x < -8) {
      return 0;
    }
    if (x > 8) {
      return 1;
    }
    double sum = x;
    double term = x;
    double x2 = x * x;
    for (int i = 3; i < 500 && Math.abs(term) > 1e-17 * Math.abs(sum); i += 2) {
      term *= x2 / i;
      sum += term;
    }
    return 0.5 + sum * density(x);
  }

  /** The quantile function; {@code p} in (0, 1). */
  static double quantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("Probability must be in (0, 1), found " + p);
    }
    double lo = -8;
    double hi = 8;
    double x = 0;
    for (int i = 0; i < 100; i++) {
      double f = cdf(x) - p;
      if (Math.abs(f) < 1e-15) {
        break;
      }
      if (f > 0) {
        hi = x;
      } else {
        lo = x;
      }
      double next = x - f / density(x);
      x = next > lo && next < hi ? next : (lo + hi) / 2;
    }
    return x;
  }
}

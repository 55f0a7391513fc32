package org.vigil.analytics.stats;

/**
 * The standard normal law. The distribution function is computed from erfc: a positive-term power
 * series for small arguments (no cancellation, Abramowitz and Stegun 7.1.6) and Lentz's continued
 * fraction for the tail (A&S 7.1.14); both are accurate to about 1e-15, which is what the golden
 * tests against R's {@code pnorm} need. Thread-safe (stateless).
 */
public final class Normal {
  private static final double SQRT_PI = Math.sqrt(Math.PI);

  private Normal() {}

  /** P(Z <= z). */
  public static double cdf(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    return 0.5 * erfc(-z / Math.sqrt(2.0));
  }

  /** P(Z > z), accurate in the upper tail. */
  public static double survival(double z) {
    return cdf(-z);
  }

  /** Two-sided p-value of a standard normal statistic. */
  public static double twoSidedP(double z) {
    return Math.min(1.0, 2.0 * survival(Math.abs(z)));
  }

  /** Complementary error function. */
  public static double erfc(double x) {
    if (x < 0) {
      return 2.0 - erfc(-x);
    }
    if (x < 2.5) {
      return 1.0 - erfSeries(x);
    }
    return erfcContinuedFraction(x);
  }

  /** erf(x) = 2/sqrt(pi) exp(-x^2) sum 2^n x^(2n+1) / (1*3*...*(2n+1)). */
  private static double erfSeries(double x) {
    double term = x;
    double sum = x;
    double x2 = x * x;
    for (int n = 1; n < 200; n++) {
      term *= 2.0 * x2 / (2 * n + 1);
      sum += term;
      if (term < 1e-17 * sum) {
        break;
      }
    }
    return 2.0 / SQRT_PI * Math.exp(-x2) * sum;
  }

  /** erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), modified Lentz. */
  private static double erfcContinuedFraction(double x) {
    double tiny = 1e-300;
    double f = x;
    double c = x;
    double d = 0;
    for (int k = 1; k < 500; k++) {
      double a = k / 2.0;
      d = x + a * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = x + a / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1.0 / d;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1.0) < 1e-16) {
        break;
      }
    }
    return Math.exp(-x * x) / SQRT_PI / f;
  }

  /**
   * The quantile function, by bisection refined with Newton steps on {@link #cdf}; accurate to
   * about 1e-12 for p in (1e-300, 1 - 1e-16).
   *
   * @throws IllegalArgumentException if p is outside (0, 1)
   */
  public static double quantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("Normal quantile needs 0 < p < 1, found " + p);
    }
    double lo = -40;
    double hi = 40;
    for (int i = 0; i < 60; i++) {
      double mid = 0.5 * (lo + hi);
      if (cdf(mid) < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double z = 0.5 * (lo + hi);
    for (int i = 0; i < 3; i++) {
      double pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
      if (pdf < 1e-300) {
        break;
      }
      z -= (cdf(z) - p) / pdf;
    }
    return z;
  }
}

package org.vigil.forecast;

import java.util.Locale;

/**
 * A distribution of counts (0, 1, 2, ...): Poisson, negative binomial, or either with extra zeros
 * (zero-inflated). Quantiles are whole numbers, never negative, with R's convention: the smallest
 * {@code k} with {@code P(X <= k) >= p} (as {@code qpois} and {@code qnbinom}).
 *
 * <p>The negative binomial is parameterised by its mean {@code mu} and size {@code r} (R's {@code
 * size}, the dispersion): variance {@code mu + mu^2 / r}; {@code r = infinity} is the Poisson. With
 * zero inflation {@code pi}, {@code P(0) = pi + (1 - pi) f(0)} and {@code P(k) = (1 - pi) f(k)}
 * otherwise, so the mean is {@code (1 - pi) mu}.
 *
 * @param mu mean of the count part, at least 0
 * @param size negative binomial size, positive; {@code Double.POSITIVE_INFINITY} for Poisson
 * @param zeroInflation probability of a structural zero, in [0, 1)
 */
public record CountDistribution(double mu, double size, double zeroInflation) {

  /** Beyond this mean the pmf sum would take too many terms: a normal approximation is used. */
  private static final double NORMAL_ABOVE = 5e6;

  public CountDistribution {
    if (!(mu >= 0) || Double.isInfinite(mu)) {
      throw new ForecastInputException("Count mean must be finite and >= 0, found " + mu);
    }
    if (!(size > 0)) {
      throw new ForecastInputException("Negative binomial size must be > 0, found " + size);
    }
    if (!(zeroInflation >= 0 && zeroInflation < 1)) {
      throw new ForecastInputException("Zero inflation must be in [0, 1), found " + zeroInflation);
    }
  }

  public static CountDistribution poisson(double mu) {
    return new CountDistribution(mu, Double.POSITIVE_INFINITY, 0);
  }

  public static CountDistribution negativeBinomial(double mu, double size) {
    return new CountDistribution(mu, size, 0);
  }

  /**
   * The negative binomial with this mean and variance (method of moments); the Poisson when the
   * variance is not above the mean.
   */
  public static CountDistribution withMoments(double mean, double variance) {
    double m = Math.max(0, mean);
    if (!(variance > m * (1 + 1e-9)) || m == 0) {
      return poisson(m);
    }
    return negativeBinomial(m, m * m / (variance - m));
  }

  public boolean isPoisson() {
    return Double.isInfinite(size);
  }

  /** The mean of the whole distribution, {@code (1 - pi) mu}. */
  public double mean() {
    return (1 - zeroInflation) * mu;
  }

  /** The variance of the whole distribution. */
  public double variance() {
    double countVar = mu + (isPoisson() ? 0 : mu * mu / size);
    return (1 - zeroInflation) * (countVar + zeroInflation * mu * mu);
  }

  /** The same shape (size and zero inflation) with a different overall mean. */
  public CountDistribution withMean(double mean) {
    return new CountDistribution(Math.max(0, mean) / (1 - zeroInflation), size, zeroInflation);
  }

  /** {@code log P(X = k)} of the count part (without zero inflation). */
  double logPmfCount(int k) {
    if (mu == 0) {
      return k == 0 ? 0 : Double.NEGATIVE_INFINITY;
    }
    if (isPoisson()) {
      return k * Math.log(mu) - mu - LogGamma.of(k + 1.0);
    }
    return LogGamma.of(k + size)
        - LogGamma.of(size)
        - LogGamma.of(k + 1.0)
        + size * Math.log(size / (size + mu))
        + k * Math.log(mu / (size + mu));
  }

  /** {@code P(X = k)}. */
  public double pmf(int k) {
    double count = Math.exp(logPmfCount(k));
    return k == 0 ? zeroInflation + (1 - zeroInflation) * count : (1 - zeroInflation) * count;
  }

  /**
   * {@code P(X <= k)}: 0 below 0; beyond a mean of {@code 5e6} the normal approximation with a
   * continuity correction, as for the quantiles.
   */
  public double cdf(int k) {
    if (k < 0) {
      return 0;
    }
    if (mu > NORMAL_ABOVE) {
      return Gaussian.cdf((k + 0.5 - mean()) / Math.sqrt(variance()));
    }
    double c = 0;
    for (int j = 0; j <= k; j++) {
      c += pmf(j);
    }
    return Math.min(1, c);
  }

  /**
   * The quantiles at each of {@code probs} (ascending or not), computed in one pass over the
   * cumulative distribution.
   */
  public double[] quantiles(double[] probs) {
    return steps(probs).quantiles();
  }

  /**
   * R's quantiles at {@code probs} with the cumulative probability at each, {@code F(q)}, and just
   * below it, {@code F(q - 1)}: what {@link CountIntervals} needs to weigh moving a bound by one.
   */
  record Steps(double[] quantiles, double[] at, double[] below) {}

  /** The quantiles of {@link #quantiles} with {@code F(q)} and {@code F(q - 1)}, in one pass. */
  Steps steps(double[] probs) {
    int n = probs.length;
    double[] out = new double[n];
    double[] at = new double[n];
    double[] below = new double[n];
    if (mu > NORMAL_ABOVE) {
      double sd = Math.sqrt(variance());
      for (int i = 0; i < n; i++) {
        out[i] = Math.max(0, Math.ceil(mean() + sd * Gaussian.quantile(probs[i]) - 0.5));
        at[i] = Gaussian.cdf((out[i] + 0.5 - mean()) / sd);
        below[i] = Gaussian.cdf((out[i] - 0.5 - mean()) / sd);
      }
      return new Steps(out, at, below);
    }
    // Tolerance as R's qnbinom/qpois (p * (1 - 64 eps)): a sum that rounds just below p still
    // counts.
    double fuzz = 1 - 64 * Math.ulp(1.0);
    java.util.Arrays.fill(out, -1);
    double cdf = 0;
    int limit = (int) Math.min(Integer.MAX_VALUE - 1, mean() + 60 * Math.sqrt(variance()) + 100);
    for (int k = 0; k <= limit; k++) {
      double pk = pmf(k);
      cdf += pk;
      boolean done = true;
      for (int i = 0; i < n; i++) {
        if (out[i] < 0 && (cdf >= probs[i] * fuzz || k == limit)) {
          out[i] = k;
          at[i] = Math.min(1, cdf);
          below[i] = Math.min(1, cdf - pk);
        }
        done &= out[i] >= 0;
      }
      if (done) {
        break;
      }
    }
    return new Steps(out, at, below);
  }

  public double quantile(double p) {
    return quantiles(new double[] {p})[0];
  }

  @Override
  public String toString() {
    String base =
        isPoisson()
            ? String.format(Locale.ROOT, "Poisson(%.4g)", mu)
            : String.format(Locale.ROOT, "NegBin(mu=%.4g, size=%.4g)", mu, size);
    return zeroInflation > 0
        ? String.format(Locale.ROOT, "ZI-%s, pi=%.3f", base, zeroInflation)
        : base;
  }

  /** The logarithm of the gamma function, Lanczos (g = 7, 9 terms): about 1e-15 relative. */
  static final class LogGamma {
    private static final double[] C = {
      0.99999999999980993,
      676.5203681218851,
      -1259.1392167224028,
      771.32342877765313,
      -176.61502916214059,
      12.507343278686905,
      -0.13857109526572012,
      9.9843695780195716e-6,
      1.5056327351493116e-7
    };

    private LogGamma() {}

    static double of(double x) {
      if (x < 0.5) {
        return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - of(1 - x);
      }
      double z = x - 1;
      double a = C[0];
      double t = z + 7.5;
      for (int i = 1; i < 9; i++) {
        a += C[i] / (z + i);
      }
      return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
    }
  }
}

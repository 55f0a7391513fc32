package org.vigil.forecast;

/**
 * How well the chosen model fits the data it was estimated on. Values that do not apply to a method
 * (a likelihood for Croston, say) are {@link Double#NaN}.
 *
 * @param n number of observations used
 * @param parameters number of estimated parameters (including the innovation variance)
 * @param logLikelihood maximised log-likelihood, NaN when the method has none
 * @param aic Akaike's information criterion
 * @param aicc AIC with the small-sample correction
 * @param bic Bayesian information criterion
 * @param sigma2 variance of the one-step in-sample errors (relative errors for multiplicative error
 *     models)
 * @param mse mean squared one-step in-sample error on the scale of the data
 */
public record FitStatistics(
    int n,
    int parameters,
    double logLikelihood,
    double aic,
    double aicc,
    double bic,
    double sigma2,
    double mse) {

  public FitStatistics {
    if (n < 0 || parameters < 0) {
      throw new IllegalArgumentException(
          "FitStatistics counts must be >= 0, found n=" + n + ", parameters=" + parameters);
    }
  }

  /** Statistics for a method without a likelihood: only n, sigma2 and mse. */
  public static FitStatistics withoutLikelihood(int n, int parameters, double sigma2, double mse) {
    return new FitStatistics(
        n, parameters, Double.NaN, Double.NaN, Double.NaN, Double.NaN, sigma2, mse);
  }

  /** Statistics from a log-likelihood with {@code k} estimated parameters on {@code n} points. */
  public static FitStatistics fromLikelihood(
      int n, int k, double logLikelihood, double sigma2, double mse) {
    double aic = -2 * logLikelihood + 2 * k;
    double aicc = n - k - 1 > 0 ? aic + 2.0 * k * (k + 1) / (n - k - 1) : Double.POSITIVE_INFINITY;
    double bic = aic + (Math.log(n) - 2) * k;
    return new FitStatistics(n, k, logLikelihood, aic, aicc, bic, sigma2, mse);
  }
}

package org.vigil.forecast.arima;

/**
 * Fits a seasonal ARIMA model of given orders, as R's {@code forecast::Arima(y, order, seasonal,
 * include.constant)} with the default method "CSS-ML" (conditional sum of squares to start, then
 * exact maximum likelihood through the Kalman filter).
 *
 * <p>Thread-safe: every call uses its own work buffers.
 */
public final class Arima {
  private Arima() {}

  /**
   * Fits the model.
   *
   * @param y the series, finite values, oldest first
   * @param order the orders; {@code m} is the seasonal period
   * @param includeConstant adds an intercept when {@code d + D = 0} and a drift when {@code d + D =
   *     1}; ignored (with a diagnostic) for more differences, as in R
   * @return the fit; when conditional sum of squares gives a non-stationary autoregression (where R
   *     stops with an error) the likelihood search starts from zero instead, noted in {@link
   *     ArimaFit#diagnostics()}
   * @throws IllegalArgumentException when the series is too short or not finite, or the likelihood
   *     cannot be evaluated at all
   */
  public static ArimaFit fit(double[] y, ArimaOrder order, boolean includeConstant) {
    requireUsable(y, order);
    ArimaEstimator.Outcome outcome =
        new ArimaEstimator()
            .estimate(y, order, includeConstant, ArimaEstimator.Method.CSS_ML, true);
    return outcome
        .fit()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Cannot fit "
                        + order
                        + " to "
                        + y.length
                        + " observations: "
                        + outcome.failure()
                        + "; try lower orders"));
  }

  static void requireUsable(double[] y, ArimaOrder order) {
    for (int i = 0; i < y.length; i++) {
      if (!Double.isFinite(y[i])) {
        throw new IllegalArgumentException(
            "ARIMA needs finite values, found "
                + y[i]
                + " at index "
                + i
                + "; fill or drop gaps first");
      }
    }
    int needed = order.differencingLoss() + 1;
    if (y.length < needed) {
      throw new IllegalArgumentException(
          "ARIMA "
              + order
              + " needs at least "
              + needed
              + " observations, found "
              + y.length
              + "; use lower differencing orders");
    }
  }
}

package org.vigil.forecast;

/**
 * Wraps the automatic ARIMA of package {@code org.vigil.forecast.arima} (written separately) into
 * the engine's result type. Until the automatic order selection exists, ARIMA falls back to ETS
 * with a diagnostic.
 */
final class ArimaMethod {
  private ArimaMethod() {}

  static boolean available() {
    return false;
  }

  static ModelForecast forecast(double[] y, FitContext ctx) {
    ctx.note("automatic ARIMA is not available yet: used ETS");
    return Methods.ets(y, ctx);
  }
}

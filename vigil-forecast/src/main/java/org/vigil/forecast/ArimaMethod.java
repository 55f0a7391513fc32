package org.vigil.forecast;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vigil.forecast.arima.ArimaFit;
import org.vigil.forecast.arima.ArimaForecast;
import org.vigil.forecast.arima.AutoArima;
import org.vigil.forecast.arima.AutoArimaSpec;

/**
 * Wraps the automatic ARIMA of package {@code org.vigil.forecast.arima} (Hyndman and Khandakar,
 * 2008) into the engine's result type; intervals are normal with the ARIMA standard errors.
 */
final class ArimaMethod {
  private ArimaMethod() {}

  static boolean available() {
    return true;
  }

  static ModelForecast forecast(double[] y, FitContext ctx) {
    ArimaFit fit;
    try {
      fit = AutoArima.fit(y, Math.max(1, ctx.period), AutoArimaSpec.DEFAULT);
    } catch (RuntimeException e) {
      // Statistical trouble is a diagnostic, not a failure of the whole forecast.
      ctx.note("ARIMA could not be fitted (" + e.getMessage() + "): used ETS");
      return Methods.ets(y, ctx);
    }
    for (String d : fit.diagnostics()) {
      ctx.note(d);
    }
    ArimaForecast f = fit.forecast(ctx.horizon);
    double[] mean = f.mean();
    double[] se = f.standardError();
    Map<String, Double> params = new LinkedHashMap<>(fit.coefficients());
    params.put("sigma2", fit.sigma2());
    int n = y.length;
    int k = fit.coefficients().size() + 1;
    FitStatistics stats =
        new FitStatistics(
            n,
            k,
            fit.logLikelihood(),
            fit.aic(),
            fit.aicc(),
            fit.bic(),
            fit.sigma2(),
            meanSquare(fit.residuals()));
    String name = fit.order().toString();
    if (fit.constant() != ArimaFit.Constant.NONE) {
      name += " with " + fit.constant().name().toLowerCase(java.util.Locale.ROOT);
    }
    return new ModelForecast(
        name,
        ForecastMethod.ARIMA,
        params,
        stats,
        mean,
        ModelForecast.normalQuantiles(mean, se, ctx.probs));
  }

  private static double meanSquare(double[] r) {
    double s = 0;
    int c = 0;
    for (double v : r) {
      if (!Double.isNaN(v)) {
        s += v * v;
        c++;
      }
    }
    return c == 0 ? Double.NaN : s / c;
  }
}

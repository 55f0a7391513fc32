package org.vigil.forecast;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dynamic optimised Theta model (DOTM) of Fiorucci et al. (2016). The theta line's coefficients
 * A_t and B_t are updated each period as the least-squares line through the data seen so far, the
 * level by simple exponential smoothing, and the one-step forecast is {@code l_{t-1} + (1 -
 * 1/theta) [(1-alpha)^(t-1) A_{t-1} + (1-(1-alpha)^t)/alpha B_{t-1}]}. The initial level l0, alpha
 * in (0, 1) and theta >= 1 minimise the in-sample mean squared one-step error (Nelder-Mead).
 * Seasonal data are adjusted first as for {@link Theta}. Intervals are normal with the SES variance
 * growth {@code sigma^2 (1 + (h-1) alpha^2)}.
 */
final class DynamicTheta {
  private DynamicTheta() {}

  static ModelForecast forecast(double[] y, FitContext ctx) {
    SeasonalAdjustment sa = SeasonalAdjustment.of(y, ctx.period, ctx);
    double[] x = sa.adjusted();
    int n = x.length;
    double[] x0 = {x[0], 0.5, 2.0};
    double scale = 0;
    for (double v : x) {
      scale = Math.max(scale, Math.abs(v));
    }
    double[] step = {0.1 * Math.abs(x[0]) + 0.01 * scale, 0.2, 0.5};
    NelderMead.Result r =
        NelderMead.minimize(p -> sse(x, p[0], p[1], p[2], null), x0, step, 1e-9, 600);
    double[] p = r.x();
    double[] fc = new double[ctx.horizon];
    double s2 = sse(x, p[0], p[1], p[2], fc) / n;
    double a = p[1];
    double[] sd = new double[ctx.horizon];
    for (int h = 0; h < ctx.horizon; h++) {
      sd[h] = Math.sqrt(s2 * (1 + h * a * a));
    }
    Map<String, Double> params = new LinkedHashMap<>();
    params.put("l0", p[0]);
    params.put("alpha", a);
    params.put("theta", p[2]);
    int k = 4;
    double logLik = -0.5 * n * (Math.log(2 * Math.PI * s2) + 1);
    ModelForecast f =
        new ModelForecast(
            sa.seasonal() ? "DOTM(seasonally adjusted)" : "DOTM",
            ForecastMethod.DOTM,
            params,
            FitStatistics.fromLikelihood(n, k, logLik, s2, s2),
            fc,
            ModelForecast.normalQuantiles(fc, sd, ctx.probs));
    return sa.reseasonalize(f, n);
  }

  /**
   * Runs the model; returns the sum of squared one-step errors (infinity outside alpha in (0, 1),
   * theta >= 1) and, when {@code forecast} is not null, fills it with the forecasts.
   */
  static double sse(double[] y, double l0, double alpha, double theta, double[] forecast) {
    if (!(alpha > 0.001 && alpha < 0.999 && theta >= 1 && theta < 1000)) {
      return Double.POSITIVE_INFINITY;
    }
    double w = 1 - 1 / theta;
    double l = l0;
    double a = 0;
    double b = 0;
    double mean = 0;
    double sse = 0;
    double decay = 1;
    for (int t = 1; t <= y.length; t++) {
      double mu = l + w * (decay * a + (1 - decay * (1 - alpha)) / alpha * b);
      double e = y[t - 1] - mu;
      sse += e * e;
      l = alpha * y[t - 1] + (1 - alpha) * l;
      double prevMean = mean;
      mean = ((t - 1) * mean + y[t - 1]) / t;
      b = t == 1 ? 0 : ((t - 2.0) / (t + 1)) * b + (6.0 / (t + 1)) * (y[t - 1] - prevMean) / t;
      a = mean - (t + 1) / 2.0 * b;
      decay *= 1 - alpha;
    }
    if (forecast != null) {
      for (int h = 1; h <= forecast.length; h++) {
        forecast[h - 1] = l + w * (decay * a + ((h - 1) + (1 - decay * (1 - alpha)) / alpha) * b);
      }
    }
    return sse;
  }
}

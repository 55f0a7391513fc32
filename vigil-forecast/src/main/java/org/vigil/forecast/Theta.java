package org.vigil.forecast;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The standard Theta method (Assimakopoulos and Nikolopoulos, 2000) in the form shown by Hyndman
 * and Billah (2003) to be simple exponential smoothing with drift equal to half the slope of the
 * linear trend: {@code f_h = SES_h + b/2 ((h-1) + 1/alpha - (1-alpha)^n/alpha)}. The data are first
 * seasonally adjusted by classical multiplicative decomposition when the 90% autocorrelation test
 * at the seasonal lag says seasonal (the M3 procedure). Intervals are those of the SES model
 * ETS(A,N,N), shifted by the drift.
 */
final class Theta {
  private Theta() {}

  static ModelForecast forecast(double[] y, FitContext ctx) {
    SeasonalAdjustment sa = SeasonalAdjustment.of(y, ctx.period, ctx);
    double[] x = sa.adjusted();
    int n = x.length;
    EtsFit ses = Ets.fit(x, new EtsType(false, EtsType.NONE, EtsType.NONE), 1);
    if (ses == null) {
      ctx.note("SES could not be fitted for Theta: used naive");
      return NaiveMethods.naive(y, ctx);
    }
    double slope = slope(x);
    double a = ses.alpha;
    double[] mean = ses.mean(ctx.horizon);
    double[][] q = ses.quantiles(mean, ctx.probs, ctx.spec.seed(), ctx.spec.simulations());
    double base = 1 / a - Math.pow(1 - a, n) / a;
    for (int h = 0; h < ctx.horizon; h++) {
      double drift = 0.5 * slope * (h + base);
      mean[h] += drift;
      for (double[] qi : q) {
        qi[h] += drift;
      }
    }
    Map<String, Double> params = new LinkedHashMap<>();
    params.put("alpha", a);
    params.put("l0", ses.l0);
    params.put("drift", 0.5 * slope);
    ModelForecast f =
        new ModelForecast(
            sa.seasonal() ? "Theta(seasonally adjusted)" : "Theta",
            ForecastMethod.THETA,
            params,
            ses.stats,
            mean,
            q);
    return sa.reseasonalize(f, n);
  }

  /** OLS slope of x on t = 1..n. */
  static double slope(double[] x) {
    int n = x.length;
    double tm = (n + 1) / 2.0;
    double ym = 0;
    for (double v : x) {
      ym += v;
    }
    ym /= n;
    double sxy = 0;
    double sxx = 0;
    for (int t = 0; t < n; t++) {
      sxy += (t + 1 - tm) * (x[t] - ym);
      sxx += (t + 1 - tm) * (t + 1 - tm);
    }
    return sxx == 0 ? 0 : sxy / sxx;
  }
}

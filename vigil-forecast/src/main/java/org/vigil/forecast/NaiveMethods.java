package org.vigil.forecast;

import java.util.Map;

/**
 * The benchmark methods: naive, seasonal naive, drift and Naive2, with normal intervals from the
 * in-sample one-step errors (Hyndman and Athanasopoulos, "Forecasting: principles and practice",
 * section 5.5).
 */
final class NaiveMethods {
  private NaiveMethods() {}

  static ModelForecast naive(double[] y, FitContext ctx) {
    int n = y.length;
    double last = y[n - 1];
    double s2 = n > 1 ? lagVariance(y, 1, 0) : 0;
    double[] mean = new double[ctx.horizon];
    double[] sd = new double[ctx.horizon];
    for (int h = 0; h < ctx.horizon; h++) {
      mean[h] = last;
      sd[h] = Math.sqrt(s2 * (h + 1));
    }
    return result("Naive", ForecastMethod.NAIVE, Map.of(), n, s2, mean, sd, ctx);
  }

  static ModelForecast seasonalNaive(double[] y, FitContext ctx) {
    int m = ctx.period;
    int n = y.length;
    if (m < 2 || n < m + 1) {
      if (m >= 2) {
        ctx.note("too short for seasonal naive (" + n + " values, period " + m + "): used naive");
      }
      return naive(y, ctx);
    }
    double s2 = lagVariance(y, m, 0);
    double[] mean = new double[ctx.horizon];
    double[] sd = new double[ctx.horizon];
    for (int h = 0; h < ctx.horizon; h++) {
      mean[h] = y[n - m + h % m];
      sd[h] = Math.sqrt(s2 * (h / m + 1));
    }
    return result(
        "SeasonalNaive(" + m + ")", ForecastMethod.SNAIVE, Map.of(), n, s2, mean, sd, ctx);
  }

  static ModelForecast drift(double[] y, FitContext ctx) {
    int n = y.length;
    if (n < 2) {
      ctx.note("too short for drift (1 value): used naive");
      return naive(y, ctx);
    }
    double slope = (y[n - 1] - y[0]) / (n - 1);
    double s2 = n > 2 ? lagVariance(y, 1, slope) : 0;
    double[] mean = new double[ctx.horizon];
    double[] sd = new double[ctx.horizon];
    for (int h = 0; h < ctx.horizon; h++) {
      int k = h + 1;
      mean[h] = y[n - 1] + slope * k;
      sd[h] = Math.sqrt(s2 * k * (1 + (double) k / (n - 1)));
    }
    return result("Drift", ForecastMethod.DRIFT, Map.of("drift", slope), n, s2, mean, sd, ctx);
  }

  /** Naive on data seasonally adjusted by classical multiplicative decomposition when seasonal. */
  static ModelForecast naive2(double[] y, FitContext ctx) {
    SeasonalAdjustment sa = SeasonalAdjustment.of(y, ctx.period, ctx);
    ModelForecast f = naive(sa.adjusted(), ctx);
    ModelForecast r = sa.reseasonalize(f, y.length);
    return new ModelForecast(
        sa.seasonal() ? "Naive2(seasonal)" : "Naive2",
        ForecastMethod.NAIVE2,
        r.parameters(),
        r.fit(),
        r.mean(),
        r.quantiles());
  }

  /** Mean square of (y_t - y_{t-lag} - drift): the one-step error variance of these methods. */
  static double lagVariance(double[] y, int lag, double drift) {
    double s = 0;
    int c = 0;
    for (int t = lag; t < y.length; t++) {
      double e = y[t] - y[t - lag] - drift;
      s += e * e;
      c++;
    }
    return c == 0 ? 0 : s / c;
  }

  private static ModelForecast result(
      String name,
      ForecastMethod method,
      Map<String, Double> params,
      int n,
      double s2,
      double[] mean,
      double[] sd,
      FitContext ctx) {
    return new ModelForecast(
        name,
        method,
        params,
        FitStatistics.withoutLikelihood(n, params.size() + 1, s2, s2),
        mean,
        ModelForecast.normalQuantiles(mean, sd, ctx.probs));
  }
}

package org.vigil.forecast;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The M3 seasonal adjustment: when the 90% autocorrelation test finds seasonality and the data are
 * strictly positive, divide by classical multiplicative indices; forecasts made on the adjusted
 * data are multiplied back.
 *
 * @param adjusted the seasonally adjusted data (the data itself when not seasonal)
 * @param index the seasonal indices by position modulo the period; empty when not seasonal
 */
record SeasonalAdjustment(double[] adjusted, double[] index) {

  static SeasonalAdjustment of(double[] y, int m, FitContext ctx) {
    if (m < 2) {
      return new SeasonalAdjustment(y, new double[0]);
    }
    if (!Seasonality.isSeasonal(y, m)) {
      return new SeasonalAdjustment(y, new double[0]);
    }
    for (double v : y) {
      if (v <= 0) {
        ctx.note("seasonal but not strictly positive: no multiplicative seasonal adjustment");
        return new SeasonalAdjustment(y, new double[0]);
      }
    }
    double[] idx = Seasonality.indices(y, m, true);
    double[] a = new double[y.length];
    for (int t = 0; t < y.length; t++) {
      a[t] = y[t] / idx[t % m];
    }
    return new SeasonalAdjustment(a, idx);
  }

  boolean seasonal() {
    return index.length > 0;
  }

  /** Multiplies a forecast made on the adjusted data (n values long) by the seasonal indices. */
  ModelForecast reseasonalize(ModelForecast f, int n) {
    if (!seasonal()) {
      return f;
    }
    int m = index.length;
    double[] mean = f.mean().clone();
    double[][] q = new double[f.quantiles().length][];
    for (int i = 0; i < q.length; i++) {
      q[i] = f.quantiles()[i].clone();
    }
    for (int h = 0; h < mean.length; h++) {
      double s = index[(n + h) % m];
      mean[h] *= s;
      for (double[] qi : q) {
        qi[h] *= s;
      }
    }
    Map<String, Double> params = new LinkedHashMap<>(f.parameters());
    for (int i = 0; i < m; i++) {
      params.put("seasonalIndex" + (i + 1), index[i]);
    }
    return new ModelForecast(f.model(), f.method(), params, f.fit(), mean, q);
  }
}

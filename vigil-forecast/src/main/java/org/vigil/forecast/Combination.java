package org.vigil.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The combination of ETS, ARIMA and Theta. Point forecasts and each quantile are combined step by
 * step by the spec's rule (mean or median): combining quantiles rather than distributions
 * ("Vincentization") keeps the intervals as wide as the members' typical interval instead of
 * widening them by the members' disagreement.
 */
final class Combination {
  private Combination() {}

  static ModelForecast forecast(double[] y, FitContext ctx) {
    List<ModelForecast> members = new ArrayList<>();
    for (ForecastMethod m : Methods.comboMembers()) {
      FitContext sub = new FitContext(ctx.spec, ctx.period);
      members.add(Methods.run(m, y, sub));
      for (String d : sub.diagnostics) {
        ctx.note(m + ": " + d);
      }
    }
    boolean median = ctx.spec.combination() == ForecastSpec.CombinationRule.MEDIAN;
    int h = ctx.horizon;
    double[] mean = new double[h];
    double[][] q = new double[ctx.probs.length][h];
    double[] buf = new double[members.size()];
    for (int k = 0; k < h; k++) {
      for (int j = 0; j < buf.length; j++) {
        buf[j] = members.get(j).mean()[k];
      }
      mean[k] = combine(buf, median);
      for (int i = 0; i < q.length; i++) {
        for (int j = 0; j < buf.length; j++) {
          buf[j] = members.get(j).quantiles()[i][k];
        }
        q[i][k] = combine(buf, median);
      }
    }
    Map<String, Double> params = new LinkedHashMap<>();
    StringBuilder name = new StringBuilder(median ? "Median(" : "Mean(");
    for (int j = 0; j < members.size(); j++) {
      ModelForecast m = members.get(j);
      name.append(j == 0 ? "" : ", ").append(m.model());
      m.parameters()
          .forEach(
              (k, v) ->
                  params.put(m.method().name().toLowerCase(java.util.Locale.ROOT) + "." + k, v));
    }
    name.append(')');
    return new ModelForecast(
        name.toString(), ForecastMethod.COMBO, params, members.get(0).fit(), mean, q);
  }

  static double combine(double[] v, boolean median) {
    if (!median) {
      double s = 0;
      for (double x : v) {
        s += x;
      }
      return s / v.length;
    }
    double[] c = v.clone();
    Arrays.sort(c);
    int n = c.length;
    return n % 2 == 1 ? c[n / 2] : 0.5 * (c[n / 2 - 1] + c[n / 2]);
  }
}

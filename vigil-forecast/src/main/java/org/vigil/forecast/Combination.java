package org.vigil.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The combination of ETS, ARIMA and Theta (and DOTM under the validated rule). Point forecasts and
 * each quantile are combined step by step by the spec's rule (mean, median, or weights from a
 * validation window, see {@link HoldoutWeights}): combining quantiles rather than distributions
 * ("Vincentization") keeps the intervals as wide as the members' typical interval instead of
 * widening them by the members' disagreement.
 *
 * <p>Under the validated rule the members depend on the seasonal period ({@link
 * Methods#comboMembers(ForecastSpec.CombinationRule, int)}): the ETS member has a damped trend (no
 * trend on monthly series), quarterly series add drift and {@link Mapa} in place of Theta, and the
 * ARIMA member is fitted to the logarithms of a strictly positive series (its forecasts are
 * exponentiated back, so its points are medians). Its quantiles are the weighted median quantile
 * plus, for each probability, the median over members of their distance from their own median
 * quantile (robust to one member whose back-transformed interval explodes), then spread around the
 * combined median by the validation window's interval scale. Each choice was made on validation
 * windows inside the M3 training values (see the module README), never on M3's test periods.
 */
final class Combination {
  private Combination() {}

  static ModelForecast forecast(double[] y, FitContext ctx) {
    ForecastSpec.CombinationRule rule = ctx.spec.combination();
    List<ForecastMethod> chosen = Methods.comboMembers(rule, ctx.period);
    List<ModelForecast> members = new ArrayList<>();
    for (ForecastMethod m : chosen) {
      FitContext sub = new FitContext(memberSpec(m, ctx.spec, ctx.period), ctx.period);
      members.add(runMember(m, y, sub));
      for (String d : sub.diagnostics) {
        ctx.note(m + ": " + d);
      }
    }
    boolean median = rule == ForecastSpec.CombinationRule.MEDIAN;
    // The mean and median rules keep their original arithmetic (bit for bit the same forecasts).
    boolean equal = rule != ForecastSpec.CombinationRule.VALIDATED;
    double[] w = new double[members.size()];
    java.util.Arrays.fill(w, 1.0 / w.length);
    double scale = 1;
    Map<String, Double> params = new LinkedHashMap<>();
    if (rule == ForecastSpec.CombinationRule.VALIDATED) {
      HoldoutWeights.Result r = HoldoutWeights.of(y, chosen, ctx);
      w = r.weights();
      scale = r.intervalScale();
      ctx.note(r.note());
      for (int j = 0; j < w.length; j++) {
        params.put("weight." + chosen.get(j).name().toLowerCase(java.util.Locale.ROOT), w[j]);
      }
      params.put("interval.scale", scale);
    }
    int h = ctx.horizon;
    double[] mean = new double[h];
    double[][] q = new double[ctx.probs.length][h];
    double[] buf = new double[members.size()];
    for (int k = 0; k < h; k++) {
      for (int j = 0; j < buf.length; j++) {
        buf[j] = members.get(j).mean()[k];
      }
      mean[k] = equal ? combine(buf, median) : weighted(buf, w);
      for (int i = 0; i < q.length; i++) {
        for (int j = 0; j < buf.length; j++) {
          buf[j] = members.get(j).quantiles()[i][k];
        }
        q[i][k] = equal ? combine(buf, median) : weighted(buf, w);
      }
    }
    if (!equal) {
      int mid = HoldoutWeights.indexOf(ctx.probs, 0.5);
      ModelForecast[] fc = members.toArray(new ModelForecast[0]);
      for (int i = 0; i < q.length; i++) {
        for (int k = 0; k < h && i != mid; k++) {
          q[i][k] = q[mid][k] + medianOffset(fc, i, mid, k, buf);
        }
      }
    }
    if (scale != 1) {
      spread(q, HoldoutWeights.indexOf(ctx.probs, 0.5), scale);
    }
    StringBuilder name =
        new StringBuilder(
            switch (rule) {
              case MEDIAN -> "Median(";
              case MEAN -> "Mean(";
              case VALIDATED -> "Weighted(";
            });
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

  /**
   * The spec a member is fitted with: unless the spec names an ETS model, the validated rule fits
   * ETS without a trend (ZNZ) to monthly series and with a damped trend (ZAdZ) to the others; those
   * were the better ETS members on the M3 validation windows (see the module README).
   */
  static ForecastSpec memberSpec(ForecastMethod member, ForecastSpec spec, int period) {
    if (member == ForecastMethod.ETS
        && spec.combination() == ForecastSpec.CombinationRule.VALIDATED
        && spec.etsModel().equals("ZZZ")) {
      return spec.toBuilder().etsModel(period == 12 ? "ZNZ" : "ZAdZ").build();
    }
    return spec;
  }

  /**
   * Fits one member. Under the validated rule ARIMA is fitted to {@code log y} when the spec has no
   * Box-Cox transform and every value is positive; should the back-transformed forecast overflow,
   * it is fitted to {@code y} instead (said in the diagnostics).
   */
  static ModelForecast runMember(ForecastMethod m, double[] y, FitContext sub) {
    if (m != ForecastMethod.ARIMA || !logArima(sub.spec, y)) {
      return Methods.run(m, y, sub);
    }
    double[] logY = new double[y.length];
    for (int t = 0; t < y.length; t++) {
      logY[t] = Math.log(y[t]);
    }
    ModelForecast f = Methods.run(m, logY, sub);
    double[] mean = exp(f.mean());
    double[][] q = new double[f.quantiles().length][];
    boolean finite = mean != null;
    for (int i = 0; i < q.length && finite; i++) {
      q[i] = exp(f.quantiles()[i]);
      finite = q[i] != null;
    }
    if (!finite) {
      sub.note("ARIMA on logarithms overflowed when transformed back: ARIMA on the values");
      return Methods.run(m, y, sub);
    }
    return new ModelForecast(f.model() + " on log", f.method(), f.parameters(), f.fit(), mean, q);
  }

  private static boolean logArima(ForecastSpec spec, double[] y) {
    if (spec.combination() != ForecastSpec.CombinationRule.VALIDATED
        || spec.boxCoxLambda().isPresent()) {
      return false;
    }
    for (double v : y) {
      if (!(v > 0)) {
        return false;
      }
    }
    return true;
  }

  /** {@code exp} of every value; null when one is not finite. */
  private static double[] exp(double[] z) {
    double[] out = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      out[i] = Math.exp(z[i]);
      if (!Double.isFinite(out[i])) {
        return null;
      }
    }
    return out;
  }

  /**
   * The median over members of quantile {@code i}'s distance from the member's median quantile
   * {@code mid} at step {@code k}.
   */
  static double medianOffset(ModelForecast[] fc, int i, int mid, int k, double[] buf) {
    for (int j = 0; j < fc.length; j++) {
      buf[j] = fc[j].quantiles()[i][k] - fc[j].quantiles()[mid][k];
    }
    return combine(buf, true);
  }

  /** The weighted mean {@code sum w[j] v[j]} (the weights sum to 1). */
  static double weighted(double[] v, double[] w) {
    double s = 0;
    for (int j = 0; j < v.length; j++) {
      s += w[j] * v[j];
    }
    return s;
  }

  /** Moves every quantile away from the median quantile by the factor {@code scale}. */
  static void spread(double[][] q, int medianIndex, double scale) {
    double[] med = q[medianIndex];
    for (int i = 0; i < q.length; i++) {
      if (i == medianIndex) {
        continue;
      }
      for (int k = 0; k < med.length; k++) {
        q[i][k] = med[k] + scale * (q[i][k] - med[k]);
      }
    }
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

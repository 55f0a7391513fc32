package org.vigil.forecast;

import java.util.Arrays;
import java.util.List;

/**
 * Member weights and an interval scale for {@link ForecastSpec.CombinationRule#VALIDATED}, from a
 * validation window at the end of the values the forecast is fitted on.
 *
 * <p>The last {@code v = min(h, n - minimum fit length)} values are held out; every member is
 * refitted on the values before them and forecasts them. A member's weight is proportional to the
 * inverse of its sMAPE on the window, shrunk half-way to equal weights (one window of a few values
 * is a noisy judge; the shrinkage is the usual defence against the "forecast combination puzzle",
 * Smith and Wallis 2009). The interval scale is the root mean square of the combined validation
 * errors in units of the combined forecast's standard deviation (read from the width of its 80%
 * interval, formed as {@link Combination} forms it), pooled with {@link #PRIOR_POINTS}
 * pseudo-errors of unit size and never below 1.
 *
 * <p>Only the fitted values reach this class: {@link Forecaster} receives a series and nothing
 * after its end, so a benchmark's test period cannot influence a weight or a scale.
 */
final class HoldoutWeights {
  /** Pseudo-observations of a well-calibrated forecast that the interval scale is pooled with. */
  static final int PRIOR_POINTS = 6;

  /** Weights (summing to 1, in member order), the interval scale (>= 1) and what was done. */
  record Result(double[] weights, double intervalScale, String note) {}

  private HoldoutWeights() {}

  static Result of(double[] y, List<ForecastMethod> members, FitContext ctx) {
    int k = members.size();
    int minFit = Math.max(8, 2 * ctx.period);
    int v = Math.min(ctx.horizon, y.length - minFit);
    if (v < 2) {
      return new Result(
          equal(k),
          1,
          "validation window: " + y.length + " values are too few to hold any out: equal weights");
    }
    double[] fitPart = Arrays.copyOf(y, y.length - v);
    double[] held = Arrays.copyOfRange(y, y.length - v, y.length);
    ForecastSpec window = ctx.spec.toBuilder().horizon(v).build();
    ModelForecast[] fc = new ModelForecast[k];
    double[] inverse = new double[k];
    double total = 0;
    double[] probs = null;
    for (int j = 0; j < k; j++) {
      FitContext sub =
          new FitContext(Combination.memberSpec(members.get(j), window, ctx.period), ctx.period);
      probs = sub.probs;
      fc[j] = Combination.runMember(members.get(j), fitPart, sub);
      inverse[j] = 1 / (smape(held, fc[j].mean()) + 1e-6);
      total += inverse[j];
    }
    double[] w = new double[k];
    for (int j = 0; j < k; j++) {
      w[j] = 0.5 * inverse[j] / total + 0.5 / k;
    }
    double scale = intervalScale(held, fc, w, probs);
    return new Result(
        w, scale, String.format(java.util.Locale.ROOT, "validation window: last %d values", v));
  }

  private static double intervalScale(
      double[] held, ModelForecast[] fc, double[] w, double[] probs) {
    int lo = indexOf(probs, 0.1);
    int hi = indexOf(probs, 0.9);
    int mid = indexOf(probs, 0.5);
    double[] buf = new double[fc.length];
    double sum = PRIOR_POINTS;
    for (int t = 0; t < held.length; t++) {
      double mean = 0;
      for (int j = 0; j < fc.length; j++) {
        mean += w[j] * fc[j].mean()[t];
      }
      // the combined 80% interval's width, as Combination forms it: median offsets of the members
      double spread =
          Combination.medianOffset(fc, hi, mid, t, buf)
              - Combination.medianOffset(fc, lo, mid, t, buf);
      double sd = spread / (2 * Gaussian.quantile(0.9));
      double z = sd > 0 ? (held[t] - mean) / sd : 0;
      sum += z * z;
    }
    return Math.max(1, Math.sqrt(sum / (PRIOR_POINTS + held.length)));
  }

  static int indexOf(double[] probs, double p) {
    for (int i = 0; i < probs.length; i++) {
      if (Math.abs(probs[i] - p) < 1e-12) {
        return i;
      }
    }
    throw new IllegalStateException("the standard quantiles lack " + p);
  }

  static double smape(double[] actual, double[] forecast) {
    double s = 0;
    for (int t = 0; t < actual.length; t++) {
      double d = Math.abs(actual[t]) + Math.abs(forecast[t]);
      s += d == 0 ? 0 : 200 * Math.abs(actual[t] - forecast[t]) / d;
    }
    return s / actual.length;
  }

  private static double[] equal(int k) {
    double[] w = new double[k];
    Arrays.fill(w, 1.0 / k);
    return w;
  }
}

package org.vigil.forecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Methods for intermittent counts. Croston (1972) smooths the non-zero demand sizes and the
 * intervals between them separately and forecasts size/interval; SBA (Syntetos and Boylan, 2005)
 * multiplies that by {@code 1 - alpha/2} to remove Croston's bias; TSB (Teunter, Syntetos and
 * Babai, 2011) smooths the probability of a demand every period (so it decays during long runs of
 * zeros) and forecasts probability times size. The smoothing constants are chosen on a grid by
 * in-sample mean squared one-step error. The forecast is flat; the quantiles add the empirical
 * quantiles of the in-sample one-step errors and are never below zero.
 */
final class Intermittent {
  private static final double[] GRID = {0.05, 0.1, 0.15, 0.2, 0.3};

  private Intermittent() {}

  static ModelForecast forecast(double[] y, FitContext ctx, ForecastMethod method) {
    for (double v : y) {
      if (v < 0) {
        ctx.note(method + " needs non-negative data (found " + v + "): used naive");
        return NaiveMethods.naive(y, ctx);
      }
    }
    double bestSse = Double.POSITIVE_INFINITY;
    double bestA = GRID[1];
    double bestB = GRID[1];
    double[] bestFitted = null;
    for (double a : GRID) {
      for (double b : method == ForecastMethod.TSB ? GRID : new double[] {a}) {
        double[] fitted = new double[y.length + 1];
        run(y, a, b, method, fitted);
        double sse = 0;
        for (int t = 1; t < y.length; t++) {
          sse += (y[t] - fitted[t]) * (y[t] - fitted[t]);
        }
        if (sse < bestSse) {
          bestSse = sse;
          bestA = a;
          bestB = b;
          bestFitted = fitted;
        }
      }
    }
    int n = y.length;
    double level = bestFitted[n];
    double[] residuals = new double[Math.max(1, n - 1)];
    for (int t = 1; t < n; t++) {
      residuals[t - 1] = y[t] - bestFitted[t];
    }
    ctx.residuals = residuals.clone();
    Arrays.sort(residuals);
    double[] mean = new double[ctx.horizon];
    Arrays.fill(mean, level);
    double[][] q = new double[ctx.probs.length][ctx.horizon];
    for (int i = 0; i < q.length; i++) {
      double e = empirical(residuals, ctx.probs[i]);
      Arrays.fill(q[i], Math.max(0, level + e));
    }
    Map<String, Double> params = new LinkedHashMap<>();
    params.put("alpha", bestA);
    if (method == ForecastMethod.TSB) {
      params.put("beta", bestB);
    }
    double s2 = bestSse / Math.max(1, n - 1);
    return new ModelForecast(
        method.name().charAt(0) + method.name().substring(1).toLowerCase(java.util.Locale.ROOT),
        method,
        params,
        FitStatistics.withoutLikelihood(n, params.size(), s2, s2),
        mean,
        q);
  }

  /** Fills fitted[t] with the forecast of y[t] made at t-1 (fitted[n]: the forecast). */
  static void run(double[] y, double a, double b, ForecastMethod method, double[] fitted) {
    int n = y.length;
    int first = 0;
    while (first < n && y[first] == 0) {
      first++;
    }
    if (first == n) {
      return;
    }
    double size = y[first];
    double interval = first + 1;
    double prob = 1.0 / interval;
    int sinceLast = 0;
    for (int t = 0; t <= n; t++) {
      double f;
      if (method == ForecastMethod.TSB) {
        f = prob * size;
      } else {
        f = size / interval * (method == ForecastMethod.SBA ? 1 - a / 2 : 1);
      }
      fitted[t] = t <= first ? (t == 0 ? 0 : f) : f;
      if (t == n || t <= first) {
        continue;
      }
      sinceLast++;
      if (method == ForecastMethod.TSB) {
        prob += b * ((y[t] > 0 ? 1 : 0) - prob);
      }
      if (y[t] > 0) {
        size += a * (y[t] - size);
        if (method != ForecastMethod.TSB) {
          interval += a * (sinceLast - interval);
        }
        sinceLast = 0;
      }
    }
  }

  private static double empirical(double[] sorted, double p) {
    double pos = p * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  /** Whether a series looks like intermittent counts: non-negative, at least 30% zeros. */
  static boolean isIntermittent(double[] y) {
    int zeros = 0;
    for (double v : y) {
      if (v < 0) {
        return false;
      }
      zeros += v == 0 ? 1 : 0;
    }
    return zeros >= 0.3 * y.length;
  }
}

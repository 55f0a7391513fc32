package org.vigil.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.forecast.arima.StlDecomposition;

/**
 * MSTL: seasonal-trend decomposition with several seasonal cycles (Bandara, Hyndman and Bergmeir
 * 2021), and the forecasts R's {@code forecast(mstl(y))} makes from it: ETS without seasonality on
 * the seasonally adjusted series, plus seasonal naive on each seasonal component. The default for
 * weekly and daily series in AUTO.
 *
 * <p>Decomposition as {@code forecast::mstl} 8.20: cycles of fewer than two full periods in the
 * data are dropped; the remaining ones, shortest first, are each taken out by STL ({@link
 * StlDecomposition}, non-robust) with seasonal windows 11, 15, 19, ... ({@code 7 + 4 i}), the whole
 * cycle being refined twice (each pass adds one component back and re-estimates it); the trend is
 * the last STL's trend. A weekly series has one cycle (52.18), a daily series two (7, 365.25).
 *
 * <p>Forecast as {@code forecast.stl(method = "ets", etsmodel = "ZZN")}: the seasonally adjusted
 * series (trend plus remainder) is forecast with the best non-seasonal ETS by AICc; each seasonal
 * component repeats its last {@code floor(period)} values. Intervals are the ETS intervals shifted
 * by the seasonal forecast (the seasonal part is treated as known, as in R).
 */
final class Mstl {
  private static final int ITERATIONS = 2;

  private Mstl() {}

  /**
   * The components of an MSTL decomposition: {@code trend + sum(seasonals) + remainder} is the
   * series.
   */
  record Decomposition(double[] trend, double[] periods, double[][] seasonals, double[] remainder) {

    /** The series without its seasonal components (trend plus remainder). */
    double[] adjusted() {
      double[] a = new double[trend.length];
      for (int t = 0; t < a.length; t++) {
        a[t] = trend[t] + remainder[t];
      }
      return a;
    }
  }

  /**
   * Decomposes {@code y} with the given seasonal cycles; cycles of at least half the data's length
   * are dropped (and not in {@code periods} of the result). With no cycle left, the trend is the
   * series itself and the remainder zero.
   */
  static Decomposition decompose(double[] y, double[] seasonalPeriods) {
    int n = y.length;
    double[] periods =
        Arrays.stream(seasonalPeriods).filter(p -> p >= 2 && p < n / 2.0).sorted().toArray();
    double[][] seasonals = new double[periods.length][n];
    double[] deseasoned = y.clone();
    if (periods.length == 0) {
      return new Decomposition(deseasoned, periods, seasonals, new double[n]);
    }
    double[] trend = null;
    for (int pass = 0; pass < ITERATIONS; pass++) {
      for (int i = 0; i < periods.length; i++) {
        for (int t = 0; t < n; t++) {
          deseasoned[t] += seasonals[i][t];
        }
        StlDecomposition stl = StlDecomposition.of(deseasoned, periods[i], 7 + 4 * (i + 1));
        seasonals[i] = stl.seasonal();
        trend = stl.trend();
        for (int t = 0; t < n; t++) {
          deseasoned[t] -= seasonals[i][t];
        }
      }
    }
    double[] remainder = new double[n];
    for (int t = 0; t < n; t++) {
      remainder[t] = deseasoned[t] - trend[t];
    }
    return new Decomposition(trend, periods, seasonals, remainder);
  }

  /** Seasonal naive on each component: the last {@code floor(period)} values, repeated. */
  static double[] seasonalForecast(Decomposition d, int horizon) {
    double[] out = new double[horizon];
    int n = d.trend().length;
    for (int i = 0; i < d.periods().length; i++) {
      int m = (int) d.periods()[i];
      for (int h = 0; h < horizon; h++) {
        out[h] += d.seasonals()[i][n - m + h % m];
      }
    }
    return out;
  }

  static ModelForecast forecast(double[] y, FitContext ctx) {
    Decomposition d = decompose(y, ctx.seasonalPeriods);
    if (d.periods().length < ctx.seasonalPeriods.length) {
      ctx.note(
          "MSTL: "
              + y.length
              + " values are fewer than two full cycles of "
              + dropped(ctx.seasonalPeriods, d.periods())
              + ": that cycle was left out");
    }
    double[] adjusted = d.adjusted();
    EtsFit fit = Ets.select(adjusted, 1, EtsSpecCode.parse("ZZN"), ctx);
    if (fit == null) {
      ctx.note("MSTL: no ETS model could be fitted to the seasonally adjusted series: used naive");
      return NaiveMethods.naive(y, ctx);
    }
    double[] season = seasonalForecast(d, ctx.horizon);
    double[] mean = fit.mean(ctx.horizon);
    double[][] q = fit.quantiles(mean, ctx.probs, ctx.spec.seed(), ctx.spec.simulations());
    for (int h = 0; h < mean.length; h++) {
      mean[h] += season[h];
      for (double[] qi : q) {
        qi[h] += season[h];
      }
    }
    Map<String, Double> params = new LinkedHashMap<>(fit.parameters());
    for (int i = 0; i < d.periods().length; i++) {
      params.put("stlPeriod" + (i + 1), d.periods()[i]);
    }
    return new ModelForecast(
        "STL(" + periodsText(d.periods()) + ") + " + fit.type,
        ForecastMethod.MSTL,
        params,
        fit.stats,
        mean,
        q);
  }

  private static String periodsText(double[] periods) {
    List<String> parts = new ArrayList<>();
    for (double p : periods) {
      parts.add(
          p == Math.rint(p) ? Integer.toString((int) p) : String.format(Locale.ROOT, "%.2f", p));
    }
    return parts.isEmpty() ? "no season" : String.join(", ", parts);
  }

  private static String dropped(double[] all, double[] kept) {
    List<String> parts = new ArrayList<>();
    for (double p : all) {
      if (Arrays.stream(kept).noneMatch(k -> k == p)) {
        parts.add(periodsText(new double[] {p}));
      }
    }
    return String.join(", ", parts);
  }
}

package org.vigil.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.timeseries.TimeSeries;

/**
 * The one entry point of the forecasting engine: {@link #forecast(TimeSeries, ForecastSpec)}.
 *
 * <p>The series is trimmed of leading and trailing missing values; interior gaps are filled by
 * linear interpolation (and reported). An optional Box-Cox transform is applied before fitting and
 * inverted on the quantiles (so points are then medians). Forecasts are truncated at zero when the
 * spec asks for non-negative values.
 *
 * <p>Thread-safe and deterministic: no shared mutable state, no clock, randomness only from the
 * spec's seed.
 */
public final class Forecaster {
  private Forecaster() {}

  /**
   * Forecasts {@code series} as {@code spec} says.
   *
   * @throws ForecastInputException when the series has no values
   */
  public static Forecast forecast(TimeSeries series, ForecastSpec spec) {
    if (series == null || spec == null) {
      throw new ForecastInputException("forecast needs a series and a spec, found null");
    }
    if (series.countPresent() == 0) {
      throw new ForecastInputException(
          "Cannot forecast " + series + ": it has no values; load observations first");
    }
    TimeSeries trimmed = series.trim();
    int m =
        spec.seasonalPeriod() > 0 ? spec.seasonalPeriod() : trimmed.frequency().seasonalPeriod();
    FitContext ctx = new FitContext(spec, m, seasonalPeriods(spec, trimmed));
    double[] y = fillGaps(trimmed.values(), ctx);
    checkMagnitude(y, trimmed);
    BoxCox boxCox = BoxCox.of(spec, y, ctx);
    ModelForecast f = forecastArray(boxCox.transform(y), ctx);
    return finish(trimmed, y, f, boxCox, ctx);
  }

  /**
   * The largest magnitude the engine fits. Every model sums squared errors; beyond about {@code
   * 1e154} a square overflows to infinity and no fit can be compared with another, so values are
   * refused well before that.
   */
  static final double MAX_MAGNITUDE = 1e100;

  private static void checkMagnitude(double[] y, TimeSeries s) {
    for (int t = 0; t < y.length; t++) {
      if (!(Math.abs(y[t]) <= MAX_MAGNITUDE)) {
        throw new ForecastInputException(
            String.format(
                java.util.Locale.ROOT,
                "values too large to fit: %s at %s has magnitude %.3g; expected at most %.0e (sums"
                    + " of squared errors overflow beyond it); rescale the series (for example"
                    + " divide it by a power of ten) and forecast again",
                s,
                s.periodAt(t),
                Math.abs(y[t]),
                MAX_MAGNITUDE));
      }
    }
  }

  /**
   * The seasonal cycles MSTL decomposes: the frequency's ({@code 52.18} for weekly, {@code 7} and
   * {@code 365.25} for daily), or the spec's one period when it sets one.
   */
  private static double[] seasonalPeriods(ForecastSpec spec, TimeSeries s) {
    if (spec.seasonalPeriod() > 0) {
      return new double[] {spec.seasonalPeriod()};
    }
    return s.frequency().seasonalPeriods().stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Runs the method of the context's spec on a gap-free array. */
  static ModelForecast forecastArray(double[] y, FitContext ctx) {
    ForecastMethod method = ctx.spec.method();
    if (y.length < 3 && method != ForecastMethod.NAIVE) {
      ctx.note("only " + y.length + " value(s): used naive");
      return NaiveMethods.naive(y, ctx);
    }
    return switch (method) {
      case NAIVE -> NaiveMethods.naive(y, ctx);
      case SNAIVE -> NaiveMethods.seasonalNaive(y, ctx);
      case DRIFT -> NaiveMethods.drift(y, ctx);
      case NAIVE2 -> NaiveMethods.naive2(y, ctx);
      default -> Methods.run(method, y, ctx);
    };
  }

  private static double[] fillGaps(double[] y, FitContext ctx) {
    int gaps = 0;
    double[] out = y.clone();
    for (int t = 1; t < out.length - 1; t++) {
      if (Double.isNaN(out[t])) {
        int e = t;
        while (Double.isNaN(out[e])) {
          e++;
        }
        for (int k = t; k < e; k++) {
          out[k] = out[t - 1] + (out[e] - out[t - 1]) * (k - t + 1) / (e - t + 1);
        }
        gaps += e - t;
        t = e;
      }
    }
    if (gaps > 0) {
      ctx.note(gaps + " missing value(s) inside the series filled by linear interpolation");
    }
    return out;
  }

  private static Forecast finish(
      TimeSeries s, double[] y, ModelForecast f, BoxCox boxCox, FitContext ctx) {
    int h = ctx.horizon;
    double[] points = boxCox.inverse(f.mean());
    Map<Double, double[]> q = new LinkedHashMap<>();
    double[][] qs = new double[ctx.probs.length][];
    for (int i = 0; i < qs.length; i++) {
      qs[i] = boxCox.inverse(f.quantiles()[i]);
    }
    // Quantiles must not cross: sort each step's values.
    double[] col = new double[qs.length];
    for (int k = 0; k < h; k++) {
      for (int i = 0; i < qs.length; i++) {
        col[i] = qs[i][k];
      }
      Arrays.sort(col);
      for (int i = 0; i < qs.length; i++) {
        qs[i][k] = col[i];
      }
    }
    CountDistribution[] counts = new CountDistribution[0];
    if (ctx.spec.nonNegative()) {
      clampAtZero(points);
      if (ctx.spec.counts() && allNonNegative(y)) {
        counts = CountModel.distributions(y, points, qs, ctx.probs, ctx);
        double[][] cq = CountModel.quantiles(counts, ctx.probs);
        System.arraycopy(cq, 0, qs, 0, qs.length);
      } else if (ctx.spec.counts()) {
        ctx.note("count intervals need non-negative data: used the model's intervals");
      }
      for (double[] x : qs) {
        clampAtZero(x);
      }
    }
    for (int i = 0; i < qs.length; i++) {
      q.put(ctx.probs[i], qs[i]);
    }
    List<String> diagnostics = new ArrayList<>(ctx.diagnostics);
    return new Forecast(
            s.end().plus(1), points, q, f.method(), f.model(), f.parameters(), f.fit(), diagnostics)
        .withDetails(List.of(counts), ctx.residuals);
  }

  private static boolean allNonNegative(double[] y) {
    for (double v : y) {
      if (!(v >= 0)) {
        return false;
      }
    }
    return true;
  }

  private static void clampAtZero(double[] x) {
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.max(0, x[i]);
    }
  }
}

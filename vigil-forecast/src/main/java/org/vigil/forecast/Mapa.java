package org.vigil.forecast;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Multiple temporal aggregation in the manner of MAPA (Kourentzes, Petropoulos and Trapero, 2014):
 * the series is seen at several aggregation levels, a model is fitted at each, and the forecasts
 * brought back to the original frequency are averaged. Slow components (level and trend) are
 * estimated more steadily from the aggregated series, where noise has averaged out.
 *
 * <p>This version treats the season the way the M3 benchmarks and {@link Theta} do, instead of
 * MAPA's per-level seasonal components: the series is first seasonally adjusted by classical
 * multiplicative decomposition (when the 90% autocorrelation test finds a season and the values are
 * positive), so every level only carries level and trend, and the seasonal indices are put back at
 * the end. At level {@code k} the adjusted series is cut into non-overlapping blocks of {@code k}
 * values ending at the last value (the first {@code n mod k} values are dropped) and each block
 * replaced by its mean; non-seasonal ETS ({@code ZZN}, chosen by AICc) forecasts the block means; a
 * block mean is taken as the value at the block's centre and the original-frequency path is the
 * straight line through consecutive centres (extended beyond the first one), so a constant or a
 * straight line comes back unchanged. The levels are the divisors of the seasonal period (monthly:
 * 1, 2, 3, 4, 6, 12; quarterly: 1, 2, 4; no season: 1, 2, 3), each used only when it gives at least
 * {@link #MIN_BLOCKS} blocks.
 *
 * <p>Intervals: the level-1 model's quantiles, moved by the difference between the combined and the
 * level-1 point forecast (aggregated models describe block means, not single periods).
 */
final class Mapa {
  /**
   * The fewest aggregated values a level needs to be used (a developer knob, as in {@link Ets}).
   */
  static final int MIN_BLOCKS = Integer.getInteger("vigil.mapa.minBlocks", 6);

  private static final EtsSpecCode NON_SEASONAL = EtsSpecCode.parse("ZZN");

  private Mapa() {}

  static ModelForecast forecast(double[] y, FitContext ctx) {
    SeasonalAdjustment sa = SeasonalAdjustment.of(y, ctx.period, ctx);
    double[] x = sa.adjusted();
    int n = x.length;
    int h = ctx.horizon;
    EtsFit base = Ets.select(x, 1, NON_SEASONAL, ctx);
    if (base == null) {
      ctx.note("no non-seasonal ETS model could be fitted for MAPA: used naive");
      return NaiveMethods.naive(y, ctx);
    }
    double[] baseMean = base.mean(h);
    double[] sum = baseMean.clone();
    int used = 1;
    Map<String, Double> params = new LinkedHashMap<>();
    params.put("level1." + base.type, 1.0);
    StringBuilder levels = new StringBuilder("1");
    for (int k : levels(ctx.period)) {
      if (k == 1 || n / k < MIN_BLOCKS) {
        continue;
      }
      EtsFit f = Ets.select(aggregate(x, k), 1, NON_SEASONAL, ctx);
      if (f == null) {
        continue;
      }
      double[] path = disaggregate(f.mean(blocksFor(h, k)), k, h);
      for (int j = 0; j < h; j++) {
        sum[j] += path[j];
      }
      used++;
      levels.append(',').append(k);
      params.put("level" + k + "." + f.type, (double) k);
    }
    double[] mean = new double[h];
    for (int j = 0; j < h; j++) {
      mean[j] = sum[j] / used;
    }
    double[][] q = base.quantiles(baseMean, ctx.probs, ctx.spec.seed(), ctx.spec.simulations());
    for (double[] qi : q) {
      for (int j = 0; j < h; j++) {
        qi[j] += mean[j] - baseMean[j];
      }
    }
    params.put("levels", (double) used);
    String name = "MAPA(" + levels + (sa.seasonal() ? "; seasonally adjusted)" : ")");
    return sa.reseasonalize(
        new ModelForecast(name, ForecastMethod.MAPA, params, base.stats, mean, q), n);
  }

  /** The aggregation levels for a seasonal period: its divisors; 1, 2 and 3 without a season. */
  static int[] levels(int period) {
    if (period < 2) {
      return new int[] {1, 2, 3};
    }
    return java.util.stream.IntStream.rangeClosed(1, period).filter(k -> period % k == 0).toArray();
  }

  /**
   * Means of non-overlapping blocks of {@code k} values, the last block ending at the last value;
   * the first {@code n mod k} values are dropped.
   */
  static double[] aggregate(double[] x, int k) {
    int blocks = x.length / k;
    int start = x.length - blocks * k;
    double[] a = new double[blocks];
    for (int b = 0; b < blocks; b++) {
      double s = 0;
      for (int i = 0; i < k; i++) {
        s += x[start + b * k + i];
      }
      a[b] = s / k;
    }
    return a;
  }

  /** How many future blocks cover {@code h} steps, plus one to interpolate the last of them. */
  static int blocksFor(int h, int k) {
    return Math.max(2, (h + k - 1) / k + 1);
  }

  /**
   * The original-frequency path of {@code h} steps from forecasts of future block means: block
   * {@code b} (steps {@code b k .. b k + k - 1}) has its mean at centre {@code b k + (k - 1) / 2};
   * steps between two centres lie on the line through them, steps before the first centre on the
   * line through the first two.
   */
  static double[] disaggregate(double[] blockMeans, int k, int h) {
    double[] out = new double[h];
    if (k == 1) {
      System.arraycopy(blockMeans, 0, out, 0, h);
      return out;
    }
    double half = (k - 1) / 2.0;
    for (int j = 0; j < h; j++) {
      int b = (int) Math.floor((j - half) / k);
      b = Math.max(0, Math.min(b, blockMeans.length - 2));
      double c0 = b * k + half;
      double frac = (j - c0) / k;
      out[j] = blockMeans[b] + frac * (blockMeans[b + 1] - blockMeans[b]);
    }
    return out;
  }
}

package org.vigil.forecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.vigil.forecast.arima.StlDecomposition;

/**
 * Bagged exponential smoothing (Bergmeir, Hyndman and Benitez 2016, "Bagging exponential smoothing
 * methods using STL decomposition and Box-Cox transformation", IJF 32): ETS is fitted to the series
 * and to bootstrapped copies of it, and the point forecasts are aggregated.
 *
 * <p>The copies are made as in the paper (and R's {@code forecast::bld.mbb.bootstrap}):
 *
 * <ol>
 *   <li>Box-Cox transform with lambda chosen by Guerrero's method in [0, 1] ({@link
 *       #guerreroLambda}); lambda 1 (no transform) when a value is not above 1e-6;
 *   <li>decompose the transformed series: STL with a periodic season when it is seasonal and longer
 *       than two cycles, otherwise a local-linear loess trend over 6 neighbours;
 *   <li>resample the remainder with a moving block bootstrap (blocks of two seasonal cycles, or 8
 *       values without a season, at most half the series), add trend and season back, and invert
 *       the transform.
 * </ol>
 *
 * <p>The series itself is the first member. ETS (the spec's model code, AICc choice) is fitted to
 * every member and the point forecast is the median over members at each step (the paper's
 * aggregate; R's {@code baggedETS} uses the mean). Intervals are the original series' ETS
 * intervals, moved by the difference between the bagged and the original point forecast.
 *
 * <p>The random stream is seeded from the spec's seed and the series' values, so the same series
 * gives the same forecast whatever thread or order it is run in. {@link #MEMBERS} series cost that
 * many ETS fits.
 */
final class BaggedEts {
  /** Members including the series itself (a developer knob, as in {@link Ets}). */
  static final int MEMBERS = Integer.getInteger("vigil.bagged.members", 25);

  private BaggedEts() {}

  static ModelForecast forecast(double[] y, FitContext ctx) {
    EtsSpecCode code = EtsSpecCode.parse(ctx.spec.etsModel());
    EtsFit base = Ets.select(y, ctx.period, code, ctx);
    if (base == null) {
      ctx.note("bagged ETS: no ETS model could be fitted to the series: used naive");
      return NaiveMethods.naive(y, ctx);
    }
    int h = ctx.horizon;
    double[] baseMean = base.mean(h);
    ctx.residuals = base.residuals(y);
    double[][] paths = new double[MEMBERS][];
    paths[0] = baseMean;
    int used = 1;
    double[][] boots = bootstrap(y, ctx.period, MEMBERS - 1, seed(y, ctx.spec.seed()));
    FitContext quiet = new FitContext(ctx.spec, ctx.period, ctx.seasonalPeriods);
    for (double[] b : boots) {
      EtsFit f = Ets.select(b, ctx.period, code, quiet);
      if (f != null) {
        paths[used++] = f.mean(h);
      }
    }
    if (used < MEMBERS) {
      ctx.note("bagged ETS: " + (MEMBERS - used) + " bootstrapped series could not be fitted");
    }
    double[] mean = median(Arrays.copyOf(paths, used), h);
    double[][] q = base.quantiles(baseMean, ctx.probs, ctx.spec.seed(), ctx.spec.simulations());
    for (double[] qi : q) {
      for (int j = 0; j < h; j++) {
        qi[j] += mean[j] - baseMean[j];
      }
    }
    Map<String, Double> params = new LinkedHashMap<>(base.parameters());
    params.put("members", (double) used);
    return new ModelForecast(
        "Bagged(" + used + "; " + base.type + ")",
        ForecastMethod.BAGGED_ETS,
        params,
        base.stats,
        mean,
        q);
  }

  /** A seed from the spec's seed and every value's bits: the same series, the same stream. */
  static long seed(double[] y, long specSeed) {
    long s = specSeed * 0x9E3779B97F4A7C15L;
    for (double v : y) {
      s = (s ^ Double.doubleToLongBits(v)) * 0xBF58476D1CE4E5B9L;
      s ^= s >>> 31;
    }
    return s;
  }

  /**
   * {@code count} bootstrapped copies of {@code y} (same length, finite, non-negative when y is
   * positive): Box-Cox, decomposition, moving block bootstrap of the remainder, inverse Box-Cox.
   */
  static double[][] bootstrap(double[] y, int period, int count, long seed) {
    int n = y.length;
    double min = Arrays.stream(y).min().orElse(0);
    double lambda = min > 1e-6 ? guerreroLambda(y, period, 0, 1) : 1;
    BoxCox bc = BoxCox.withLambda(lambda);
    double[] z = bc.transform(y);
    double[][] tsr = decompose(z, period);
    double[] remainder = tsr[2];
    int block = period > 1 ? 2 * period : Math.min(8, n / 2);
    block = Math.max(1, Math.min(block, n));
    SplittableRandom rnd = new SplittableRandom(seed);
    double[][] out = new double[count][];
    for (int b = 0; b < count; b++) {
      double[] r = movingBlocks(remainder, block, rnd);
      double[] x = new double[n];
      for (int t = 0; t < n; t++) {
        x[t] = tsr[0][t] + tsr[1][t] + r[t];
      }
      out[b] = bc.inverse(x);
    }
    return out;
  }

  /**
   * A moving block bootstrap of {@code x}: blocks of {@code block} consecutive values starting at
   * uniform positions are laid end to end, and {@code x.length} values are read from a uniform
   * offset inside the first block.
   */
  static double[] movingBlocks(double[] x, int block, SplittableRandom rnd) {
    int n = x.length;
    int blocks = n / block + 2;
    double[] all = new double[blocks * block];
    for (int i = 0; i < blocks; i++) {
      int start = rnd.nextInt(n - block + 1);
      System.arraycopy(x, start, all, i * block, block);
    }
    int from = rnd.nextInt(block);
    return Arrays.copyOfRange(all, from, from + n);
  }

  /**
   * Trend (row 0), season (row 1) and remainder (row 2) of {@code z}: STL with a periodic season
   * (each cycle position's seasonal values averaged, as R's {@code stl(s.window = "periodic")})
   * when {@code period > 1} and there are more than two cycles; otherwise a loess trend.
   */
  static double[][] decompose(double[] z, int period) {
    int n = z.length;
    double[] trend;
    double[] season = new double[n];
    if (period > 1 && n > 2 * period) {
      StlDecomposition stl = StlDecomposition.of(z, period, 10 * n + 1);
      trend = stl.trend();
      double[] s = stl.seasonal();
      double[] sum = new double[period];
      int[] cnt = new int[period];
      for (int t = 0; t < n; t++) {
        sum[t % period] += s[t];
        cnt[t % period]++;
      }
      for (int t = 0; t < n; t++) {
        season[t] = sum[t % period] / cnt[t % period];
      }
    } else {
      trend = loessTrend(z, Math.min(6, n));
    }
    double[] rem = new double[n];
    for (int t = 0; t < n; t++) {
      rem[t] = z[t] - trend[t] - season[t];
    }
    return new double[][] {trend, season, rem};
  }

  /**
   * Local-linear loess of {@code z} against time over the {@code q} nearest points, tricube weights
   * on the distance scaled by the q-th nearest distance (R's {@code loess(span = q / n, degree =
   * 1)}, computed directly at every point rather than interpolated).
   */
  static double[] loessTrend(double[] z, int q) {
    int n = z.length;
    double[] fit = new double[n];
    if (q < 3) {
      return z.clone();
    }
    for (int i = 0; i < n; i++) {
      int lo = Math.max(0, Math.min(i - q / 2, n - q));
      int hi = lo + q - 1;
      double d = Math.max(i - lo, hi - i);
      d = d <= 0 ? 1 : d * 1.0000001;
      double sw = 0;
      double sx = 0;
      double sy = 0;
      double sxx = 0;
      double sxy = 0;
      for (int j = lo; j <= hi; j++) {
        double u = Math.abs(j - i) / d;
        double w = Math.pow(1 - u * u * u, 3);
        double x = j - i;
        sw += w;
        sx += w * x;
        sy += w * z[j];
        sxx += w * x * x;
        sxy += w * x * z[j];
      }
      double det = sw * sxx - sx * sx;
      fit[i] = Math.abs(det) < 1e-12 ? sy / sw : (sy * sxx - sx * sxy) / det;
    }
    return fit;
  }

  /**
   * Guerrero's (1993) lambda, as R's {@code BoxCox.lambda(method = "guerrero")}: the values are cut
   * into whole cycles (at least 2 values each) ending at the last value; lambda minimises the
   * coefficient of variation of {@code sd / mean^(1 - lambda)} over the cycles. Golden-section
   * search on [lower, upper] to 1e-5.
   */
  static double guerreroLambda(double[] y, int period, double lower, double upper) {
    int p = Math.max(2, period);
    int groups = y.length / p;
    if (groups < 2) {
      return 1;
    }
    int start = y.length - groups * p;
    double[] means = new double[groups];
    double[] sds = new double[groups];
    for (int g = 0; g < groups; g++) {
      double[] part = Arrays.copyOfRange(y, start + g * p, start + (g + 1) * p);
      means[g] = mean(part);
      sds[g] = sd(part);
    }
    double gr = (Math.sqrt(5) - 1) / 2;
    double a = lower;
    double b = upper;
    double c = b - gr * (b - a);
    double d = a + gr * (b - a);
    double fc = guerreroCv(means, sds, c);
    double fd = guerreroCv(means, sds, d);
    while (b - a > 1e-5) {
      if (fc <= fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - gr * (b - a);
        fc = guerreroCv(means, sds, c);
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + gr * (b - a);
        fd = guerreroCv(means, sds, d);
      }
    }
    return (a + b) / 2;
  }

  private static double guerreroCv(double[] means, double[] sds, double lambda) {
    double[] ratio = new double[means.length];
    for (int g = 0; g < means.length; g++) {
      ratio[g] = sds[g] / Math.pow(means[g], 1 - lambda);
    }
    return sd(ratio) / mean(ratio);
  }

  private static double[] median(double[][] paths, int h) {
    double[] out = new double[h];
    double[] col = new double[paths.length];
    for (int j = 0; j < h; j++) {
      for (int i = 0; i < paths.length; i++) {
        col[i] = paths[i][j];
      }
      Arrays.sort(col);
      int k = col.length;
      out[j] = k % 2 == 1 ? col[k / 2] : (col[k / 2 - 1] + col[k / 2]) / 2;
    }
    return out;
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  private static double sd(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return Math.sqrt(s / (x.length - 1));
  }
}

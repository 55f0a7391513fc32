package org.vigil.spark;

import java.util.SplittableRandom;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * Seeded synthetic monthly series for the scale benchmark: level, a slow trend, a yearly season and
 * Gaussian noise, different for every id. Series {@code id} of seed {@code s} is the same wherever
 * it is generated (driver, executor, in-process thread), so both engines see the same data without
 * shipping it.
 */
public record SyntheticSeries(long seed, int length) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public SyntheticSeries {
    if (length < 8 || length > 100_000) {
      throw new IllegalArgumentException("length must be 8-100000, found " + length);
    }
  }

  /** Series number {@code id}, starting January 2000. */
  public TimeSeries series(long id) {
    SplittableRandom r = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + id));
    double level = 50 + 950 * r.nextDouble();
    double trend = level * 0.004 * (r.nextDouble() - 0.5);
    double season = level * 0.2 * r.nextDouble();
    double phase = 2 * Math.PI * r.nextDouble();
    double noise = level * (0.02 + 0.08 * r.nextDouble());
    double[] v = new double[length];
    for (int t = 0; t < length; t++) {
      double g = gaussian(r);
      v[t] = level + trend * t + season * Math.sin(2 * Math.PI * t / 12 + phase) + noise * g;
    }
    return TimeSeries.of(Period.month(2000, 1), v);
  }

  /** The key of series {@code id}. */
  public static String key(long id) {
    return "S" + id;
  }

  /**
   * A fingerprint of one result that does not depend on the order results are summed in: the sum
   * over series of these is equal for two runs exactly when (with near certainty) every series got
   * the same first point forecast, bit for bit, and the same model.
   */
  public static long fingerprint(SeriesResult r) {
    long h = r.key().hashCode() * 0x9E3779B97F4A7C15L;
    if (r.ok()) {
      h ^= Double.doubleToLongBits(r.points()[0]) + 31L * r.model().hashCode();
    } else {
      h ^= r.error().hashCode();
    }
    return mix(h);
  }

  private static double gaussian(SplittableRandom r) {
    // Box-Muller; one value per call keeps the stream position independent of caching.
    double u = 1 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  /** SplitMix64's finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

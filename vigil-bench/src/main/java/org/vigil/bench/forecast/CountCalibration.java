package org.vigil.bench.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vigil.forecast.CountDistribution;

/**
 * Where count intervals over- or under-cover: held-out points grouped by the kind of count
 * distribution the engine fitted and by the level of its mean. For each group it separates the two
 * possible causes of a coverage away from the nominal level:
 *
 * <ul>
 *   <li>the integer bounds: {@code exp80} is the probability the fitted distribution itself gives
 *       the 80% interval, {@code P(L <= X <= U) = F(U) - F(L - 1)}; with R's quantiles ({@code L =
 *       q(0.1)}, {@code U = q(0.9)}) it is above 80% by construction, by up to a whole probability
 *       mass at each end;
 *   <li>the distribution: {@code pit80} is the coverage a continuous distribution with the same
 *       calibration would have, the share of each point's randomised PIT interval {@code [F(y - 1),
 *       F(y)]} that falls in [0.1, 0.9], averaged. It is 80% when the fitted distributions are
 *       calibrated, above when they are too wide, below when too narrow, whatever the bounds.
 * </ul>
 */
public final class CountCalibration {
  private static final double[] BANDS = {1, 3, 10, 30, 100};
  private final Map<String, Group> groups = new TreeMap<>();

  /** One group of points, scored under R's quantiles (before) and the engine's bounds (after). */
  public record Row(
      String group,
      int points,
      double meanOfMeans,
      double cov80Before,
      double exp80Before,
      double pit80,
      double cov80After,
      double exp80After,
      double cov95Before,
      double cov95After,
      double crpsBefore,
      double crpsAfter) {}

  /**
   * Adds one held-out point.
   *
   * @param d the fitted distribution of the step
   * @param sparse whether the training series is sparse (at least 30% zeros)
   * @param y the actual value
   * @param after the engine's {@code [lower80, upper80, lower95, upper95]}
   * @param crps the point's scaled CRPS from the seven quantiles, before and after
   */
  void add(CountDistribution d, boolean sparse, double y, double[] after, double[] crps) {
    double[] before = d.quantiles(new double[] {0.1, 0.9, 0.025, 0.975});
    String kind = kind(d, sparse);
    int b = bandIndex(d.mean());
    String side = sparse ? "all sparse" : "all not sparse";
    groups
        .computeIfAbsent(kind + b, k -> new Group(kind + " | " + band(b)))
        .add(d, y, before, after, crps);
    groups
        .computeIfAbsent(kind + "9", k -> new Group(kind + " | all"))
        .add(d, y, before, after, crps);
    groups
        .computeIfAbsent("~" + side, k -> new Group(side + " | all"))
        .add(d, y, before, after, crps);
    groups.computeIfAbsent("~~all", k -> new Group("all | all")).add(d, y, before, after, crps);
  }

  List<Row> rows() {
    List<Row> out = new ArrayList<>();
    groups.values().forEach(g -> out.add(g.row()));
    return out;
  }

  static String kind(CountDistribution d, boolean sparse) {
    String shape =
        d.zeroInflation() > 0 ? "zero-inflated" : d.isPoisson() ? "Poisson" : "neg. binomial";
    return (sparse ? "sparse: " : "") + shape;
  }

  static int bandIndex(double mean) {
    int i = 0;
    while (i < BANDS.length && mean >= BANDS[i]) {
      i++;
    }
    return i;
  }

  static String band(int i) {
    if (i == BANDS.length) {
      return "mean >= " + num(BANDS[i - 1]);
    }
    return "mean " + num(i == 0 ? 0 : BANDS[i - 1]) + "-" + num(BANDS[i]);
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /** The probability the distribution gives {@code [lo, hi]}. */
  static double mass(CountDistribution d, double lo, double hi) {
    return d.cdf((int) hi) - d.cdf((int) lo - 1);
  }

  /** The share of the PIT interval {@code [F(y - 1), F(y)]} inside {@code [a, b]}. */
  static double pitShare(CountDistribution d, double y, double a, double b) {
    double f0 = d.cdf((int) y - 1);
    double f1 = d.cdf((int) y);
    if (f1 - f0 <= 0) {
      return f0 >= a && f0 <= b ? 1 : 0;
    }
    return Math.max(0, Math.min(b, f1) - Math.max(a, f0)) / (f1 - f0);
  }

  private static final class Group {
    private final String name;
    private int points;
    private double means;
    private double cov80Before;
    private double exp80Before;
    private double pit80;
    private double cov80After;
    private double exp80After;
    private double cov95Before;
    private double cov95After;
    private double crpsBefore;
    private double crpsAfter;

    Group(String name) {
      this.name = name;
    }

    void add(CountDistribution d, double y, double[] before, double[] after, double[] crps) {
      points++;
      crpsBefore += crps[0];
      crpsAfter += crps[1];
      means += d.mean();
      cov80Before += in(y, before[0], before[1]);
      exp80Before += mass(d, before[0], before[1]);
      pit80 += pitShare(d, y, 0.1, 0.9);
      cov80After += in(y, after[0], after[1]);
      exp80After += mass(d, after[0], after[1]);
      cov95Before += in(y, before[2], before[3]);
      cov95After += in(y, after[2], after[3]);
    }

    private static double in(double y, double lo, double hi) {
      return y >= lo && y <= hi ? 1 : 0;
    }

    Row row() {
      double n = points / 100.0;
      return new Row(
          name,
          points,
          means / points,
          cov80Before / n,
          exp80Before / n,
          pit80 / n,
          cov80After / n,
          exp80After / n,
          cov95Before / n,
          cov95After / n,
          crpsBefore / points,
          crpsAfter / points);
    }
  }
}

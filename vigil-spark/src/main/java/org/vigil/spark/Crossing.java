package org.vigil.spark;

import java.util.List;
import java.util.Locale;

/**
 * Where Spark pays off: a straight line {@code wall = fixed + n * perSeries} fitted by least
 * squares to each engine's measured wall times, Spark's fixed part plus its session start. The
 * lines cross at {@code n = (fixedSpark - fixedLocal) / (perLocal - perSpark)} when Spark's cost
 * per series is the lower one; otherwise they never cross on this machine.
 *
 * @param fixedLocal in-process seconds at no series
 * @param perLocal in-process seconds per series
 * @param fixedSpark Spark seconds at no series, session start included
 * @param perSpark Spark seconds per series
 * @param sizes how many sizes the lines were fitted to
 */
record Crossing(double fixedLocal, double perLocal, double fixedSpark, double perSpark, int sizes) {

  /** Fits the lines to rows {@code {n, inProcessSeconds, sparkSeconds}}. */
  static Crossing of(List<double[]> rows, double sessionStart) {
    double[] l = fit(rows, 1);
    double[] s = fit(rows, 2);
    return new Crossing(l[0], l[1], s[0] + sessionStart, s[1], rows.size());
  }

  private static double[] fit(List<double[]> rows, int col) {
    int n = rows.size();
    if (n == 1) {
      double[] r = rows.get(0);
      return new double[] {0, r[col] / r[0]};
    }
    double mx = 0;
    double my = 0;
    for (double[] r : rows) {
      mx += r[0] / n;
      my += r[col] / n;
    }
    double sxy = 0;
    double sxx = 0;
    for (double[] r : rows) {
      sxy += (r[0] - mx) * (r[col] - my);
      sxx += (r[0] - mx) * (r[0] - mx);
    }
    double b = sxx == 0 ? my / mx : sxy / sxx;
    return new double[] {my - b * mx, b};
  }

  String describe() {
    String lines =
        String.format(
            Locale.ROOT,
            "Lines fitted to %d size(s): in-process %.2f s + %.1f us/series; Spark %.2f s (session"
                + " start included) + %.1f us/series.",
            sizes,
            fixedLocal,
            perLocal * 1e6,
            fixedSpark,
            perSpark * 1e6);
    if (sizes < 2) {
      return lines
          + " Give --sizes (e.g. 1000,10000,100000) to fit the fixed costs and find the crossing.";
    }
    if (perSpark >= perLocal) {
      return lines
          + String.format(
              Locale.ROOT,
              " The lines do not cross: on these cores Spark costs %.0f%% of the in-process time per"
                  + " series and more up front, so it pays off only with more cores than one machine"
                  + " has (a cluster of k times these cores: from about %.0f series at k=2).",
              100 * perSpark / perLocal,
              Math.max(0, (fixedSpark - fixedLocal) / (perLocal - perSpark / 2)));
    }
    return lines
        + String.format(
            Locale.ROOT,
            " The lines cross at about %.0f series: above it Spark is faster here.",
            (fixedSpark - fixedLocal) / (perLocal - perSpark));
  }
}

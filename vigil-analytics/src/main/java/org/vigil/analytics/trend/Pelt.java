package org.vigil.analytics.trend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Optimal partitioning with pruning: PELT (Killick, Fearnhead and Eckley 2012, JASA 107(500)).
 *
 * <p>Minimises sum over segments of C(segment) + beta * (number of segments) exactly, where C is
 * twice the negative Gaussian log-likelihood with a known noise variance sigma^2: the residual sum
 * of squares over sigma^2, around the segment mean ({@link Model#MEAN}) or around the segment's
 * least-squares line ({@link Model#LINEAR}, changes in level or slope). Segment costs are O(1) from
 * cumulative sums; the pruning rule F(tau) + C(tau+1..t) &gt; F(t) drops candidates that can never
 * be optimal again (the cost satisfies the paper's condition with K = 0). Missing values are
 * skipped: the positions given keep the true time spacing. Thread-safe (stateless).
 */
final class Pelt {
  /** The per-segment model whose change is detected. */
  enum Model {
    MEAN,
    LINEAR
  }

  private final double[] t;
  private final double[] x;
  private final double[] c1;
  private final double[] ct;
  private final double[] ctt;
  private final double[] cx;
  private final double[] ctx;
  private final double[] cxx;
  private final Model model;
  private final double sigma2;

  private Pelt(double[] t, double[] x, Model model, double sigma2) {
    this.t = t;
    this.x = x;
    this.model = model;
    this.sigma2 = sigma2;
    int n = x.length;
    c1 = new double[n + 1];
    ct = new double[n + 1];
    ctt = new double[n + 1];
    cx = new double[n + 1];
    ctx = new double[n + 1];
    cxx = new double[n + 1];
    for (int i = 0; i < n; i++) {
      double ti = t[i] - t[0];
      c1[i + 1] = c1[i] + 1;
      ct[i + 1] = ct[i] + ti;
      ctt[i + 1] = ctt[i] + ti * ti;
      cx[i + 1] = cx[i] + x[i];
      ctx[i + 1] = ctx[i] + ti * x[i];
      cxx[i + 1] = cxx[i] + x[i] * x[i];
    }
  }

  /**
   * Change points of a series given by positions and values.
   *
   * @param t strictly increasing time positions of the present values
   * @param x the present values
   * @param sigma2 noise variance, > 0
   * @param penalty beta, the cost of one more segment, > 0
   * @param minSegment the fewest values a segment may hold, >= 2
   * @return indexes into {@code x} where a new segment starts, ascending
   */
  static List<Integer> detect(
      double[] t, double[] x, Model model, double sigma2, double penalty, int minSegment) {
    if (!(sigma2 > 0) || !(penalty > 0) || minSegment < 2) {
      throw new IllegalArgumentException(
          "PELT needs sigma2 > 0, penalty > 0 and minSegment >= 2, found "
              + sigma2
              + ", "
              + penalty
              + ", "
              + minSegment);
    }
    return new Pelt(t, x, model, sigma2).run(penalty, minSegment);
  }

  private List<Integer> run(double beta, int m) {
    int n = x.length;
    if (n < 2 * m) {
      return List.of();
    }
    double[] f = new double[n + 1];
    int[] last = new int[n + 1];
    f[0] = -beta;
    List<Integer> candidates = new ArrayList<>();
    candidates.add(0);
    for (int end = m; end <= n; end++) {
      if (end >= 2 * m) {
        candidates.add(end - m);
      }
      double best = Double.POSITIVE_INFINITY;
      int arg = 0;
      double[] costs = new double[candidates.size()];
      for (int k = 0; k < candidates.size(); k++) {
        int s = candidates.get(k);
        if (end - s < m || (s > 0 && s < m)) {
          costs[k] = Double.NaN;
          continue;
        }
        costs[k] = f[s] + cost(s, end);
        if (costs[k] + beta < best) {
          best = costs[k] + beta;
          arg = s;
        }
      }
      f[end] = best;
      last[end] = arg;
      List<Integer> kept = new ArrayList<>(candidates.size());
      for (int k = 0; k < candidates.size(); k++) {
        if (Double.isNaN(costs[k]) || costs[k] <= best) {
          kept.add(candidates.get(k));
        }
      }
      candidates = kept;
    }
    List<Integer> cps = new ArrayList<>();
    for (int at = last[n]; at > 0; at = last[at]) {
      cps.add(at);
    }
    Collections.reverse(cps);
    return cps;
  }

  /** Residual sum of squares over sigma^2 of values [a, b). */
  double cost(int a, int b) {
    double n = c1[b] - c1[a];
    double sx = cx[b] - cx[a];
    double sxx = cxx[b] - cxx[a];
    double rss = sxx - sx * sx / n;
    if (model == Model.LINEAR && n > 2) {
      double st = ct[b] - ct[a];
      double stt = ctt[b] - ctt[a];
      double stx = ctx[b] - ctx[a];
      double vt = stt - st * st / n;
      double cov = stx - st * sx / n;
      if (vt > 0) {
        rss -= cov * cov / vt;
      }
    }
    return Math.max(0, rss) / sigma2;
  }

  /** Mean of values [a, b). */
  double mean(int a, int b) {
    return (cx[b] - cx[a]) / (c1[b] - c1[a]);
  }

  /** Level the segment's line (or mean) reaches at its end and start: {start, end}. */
  static double[] segmentLine(double[] t, double[] x, int a, int b, Model model) {
    double n = b - a;
    double st = 0;
    double sx = 0;
    for (int i = a; i < b; i++) {
      st += t[i];
      sx += x[i];
    }
    double mt = st / n;
    double mx = sx / n;
    if (model == Model.MEAN || n < 3) {
      return new double[] {mx, mx};
    }
    double num = 0;
    double den = 0;
    for (int i = a; i < b; i++) {
      num += (t[i] - mt) * (x[i] - mx);
      den += (t[i] - mt) * (t[i] - mt);
    }
    double slope = den > 0 ? num / den : 0;
    return new double[] {mx + slope * (t[a] - mt), mx + slope * (t[b - 1] - mt)};
  }
}

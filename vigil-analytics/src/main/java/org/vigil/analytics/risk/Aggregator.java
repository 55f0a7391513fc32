package org.vigil.analytics.risk;

/**
 * How a node combines its children's 0-10 scores with weights w (normalised to sum to one over the
 * children that have a score).
 */
public enum Aggregator {
  /** sum w_i x_i. */
  ARITHMETIC,
  /** prod x_i^w_i: one child at 0 makes the node 0 (non-compensatory). */
  GEOMETRIC,
  /**
   * prod (x_i + 1)^w_i - 1: INFORM's adjusted geometric mean, which keeps a zero child from
   * annihilating the product while staying less compensatory than the arithmetic mean.
   */
  ADJUSTED_GEOMETRIC;

  /** Combines values {@code x[0..n)} with weights {@code w[0..n)} (skipping NaN values). */
  double combine(double[] x, double[] w, int n) {
    double sw = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(x[i])) {
        sw += w[i];
      }
    }
    if (!(sw > 0)) {
      return Double.NaN;
    }
    double acc = 0;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(x[i])) {
        continue;
      }
      double wi = w[i] / sw;
      acc +=
          switch (this) {
            case ARITHMETIC -> wi * x[i];
            case GEOMETRIC -> x[i] <= 0 ? Double.NEGATIVE_INFINITY : wi * Math.log(x[i]);
            case ADJUSTED_GEOMETRIC -> wi * Math.log(x[i] + 1);
          };
    }
    return switch (this) {
      case ARITHMETIC -> acc;
      case GEOMETRIC -> Math.exp(acc);
      case ADJUSTED_GEOMETRIC -> Math.exp(acc) - 1;
    };
  }

  /** The log a geometric aggregator takes of a child's score (NaN for the arithmetic mean). */
  double logOf(double x) {
    return switch (this) {
      case ARITHMETIC -> Double.NaN;
      case GEOMETRIC -> x <= 0 ? Double.NEGATIVE_INFINITY : Math.log(x);
      case ADJUSTED_GEOMETRIC -> Math.log(x + 1);
    };
  }

  /** {@link #combine} for the geometric aggregators, given the children's logs from logOf. */
  double combineLogs(double[] x, double[] logs, double[] w, int n) {
    double sw = 0;
    double acc = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(x[i])) {
        sw += w[i];
        acc += w[i] * logs[i];
      }
    }
    if (!(sw > 0)) {
      return Double.NaN;
    }
    double e = Math.exp(acc / sw);
    return this == ADJUSTED_GEOMETRIC ? e - 1 : e;
  }

  /**
   * Each child's share of the node's score, summing to the score: exact for the arithmetic mean
   * (w_i x_i); for the geometric means the score is split in proportion to w_i ln(x_i + 1), the
   * child's share of the (adjusted) log score.
   */
  void contributions(double[] x, double[] w, int n, double score, double[] out) {
    double sw = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(x[i])) {
        sw += w[i];
      }
    }
    double total = 0;
    for (int i = 0; i < n; i++) {
      out[i] =
          Double.isNaN(x[i]) || !(sw > 0)
              ? 0
              : (this == ARITHMETIC ? w[i] / sw * x[i] : w[i] / sw * Math.log(x[i] + 1));
      total += out[i];
    }
    if (this != ARITHMETIC) {
      for (int i = 0; i < n; i++) {
        out[i] = total > 0 && !Double.isNaN(score) ? score * out[i] / total : 0;
      }
    }
  }
}

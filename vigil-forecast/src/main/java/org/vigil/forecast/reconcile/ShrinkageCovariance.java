package org.vigil.forecast.reconcile;

/**
 * The covariance of one-step forecast errors shrunk towards its diagonal, with the shrinkage
 * intensity of Schäfer and Strimmer (2005, target "D": zero correlations, variances kept):
 *
 * <pre>
 *   lambda = sum_{i != j} Var(r_ij) / sum_{i != j} r_ij^2,   clamped to [0, 1]
 *   W = lambda diag(S) + (1 - lambda) S
 * </pre>
 *
 * where {@code S} is the sample covariance and {@code r_ij} the sample correlations. As in R's
 * {@code hts} and {@code fable}, the residuals are taken as centred at zero (second moments about
 * zero, divided by {@code T}), and {@code Var(r_ij)} is estimated from the products of standardised
 * residuals {@code w_tij = x_ti x_tj / (s_i s_j)} as {@code (sum_t w_tij^2 - (sum_t w_tij)^2 / T) /
 * (T (T - 1))}.
 *
 * @param covariance the shrunk covariance, nodes x nodes
 * @param lambda the shrinkage intensity used, in [0, 1]
 */
public record ShrinkageCovariance(double[][] covariance, double lambda) {

  /**
   * Estimates from residuals {@code [node][t]}, every node with the same {@code T >= 2} values.
   *
   * @throws org.vigil.forecast.ForecastInputException when the residuals are ragged or too short
   */
  public static ShrinkageCovariance estimate(double[][] residuals) {
    int n = residuals.length;
    int len = n == 0 ? 0 : residuals[0].length;
    for (double[] r : residuals) {
      if (r.length != len || len < 2) {
        throw new org.vigil.forecast.ForecastInputException(
            "Shrinkage covariance needs the same number (>= 2) of residuals for every node, found "
                + r.length
                + " and "
                + len);
      }
    }
    double[][] cov = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double s = 0;
        for (int t = 0; t < len; t++) {
          s += residuals[i][t] * residuals[j][t];
        }
        cov[i][j] = s / len;
        cov[j][i] = cov[i][j];
      }
    }
    double[] sd = new double[n];
    for (int i = 0; i < n; i++) {
      sd[i] = Math.sqrt(cov[i][i]);
    }
    double sumVar = 0;
    double sumSq = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i == j || sd[i] == 0 || sd[j] == 0) {
          continue;
        }
        double s1 = 0;
        double s2 = 0;
        for (int t = 0; t < len; t++) {
          double w = residuals[i][t] / sd[i] * residuals[j][t] / sd[j];
          s1 += w;
          s2 += w * w;
        }
        sumVar += (s2 - s1 * s1 / len) / ((double) len * (len - 1));
        double r = cov[i][j] / (sd[i] * sd[j]);
        sumSq += r * r;
      }
    }
    double lambda = sumSq == 0 ? 1 : Math.max(0, Math.min(1, sumVar / sumSq));
    double[][] w = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        w[i][j] = i == j ? cov[i][i] : (1 - lambda) * cov[i][j];
      }
    }
    return new ShrinkageCovariance(w, lambda);
  }
}

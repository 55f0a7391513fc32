package org.vigil.forecast;

import java.util.Map;

/**
 * What one method produces on the (possibly transformed) data: the point forecasts, the quantiles
 * at the context's probabilities ({@code quantiles[i][step]}), and the fit.
 */
record ModelForecast(
    String model,
    ForecastMethod method,
    Map<String, Double> parameters,
    FitStatistics fit,
    double[] mean,
    double[][] quantiles) {

  /** Quantiles of normal forecast errors with the given standard deviations, one a step. */
  static double[][] normalQuantiles(double[] mean, double[] sd, double[] probs) {
    double[][] q = new double[probs.length][mean.length];
    for (int i = 0; i < probs.length; i++) {
      double z = Gaussian.quantile(probs[i]);
      for (int h = 0; h < mean.length; h++) {
        q[i][h] = mean[h] + z * sd[h];
      }
    }
    return q;
  }

  /**
   * Empirical quantiles of simulated paths ({@code paths[sim][step]}), with linear interpolation
   * between order statistics (type 7 of Hyndman and Fan, 1996).
   */
  static double[][] empiricalQuantiles(double[][] paths, double[] probs) {
    int h = paths[0].length;
    int n = paths.length;
    double[][] q = new double[probs.length][h];
    double[] col = new double[n];
    for (int s = 0; s < h; s++) {
      for (int k = 0; k < n; k++) {
        col[k] = paths[k][s];
      }
      java.util.Arrays.sort(col);
      for (int i = 0; i < probs.length; i++) {
        double pos = probs[i] * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, n - 1);
        q[i][s] = col[lo] + (pos - lo) * (col[hi] - col[lo]);
      }
    }
    return q;
  }
}

package org.vigil.forecast.global;

/**
 * Adam (Kingma and Ba 2015) with the paper's defaults: beta1 0.9, beta2 0.999, epsilon 1e-8, and
 * bias-corrected moments.
 */
final class Adam {
  private static final double B1 = 0.9;
  private static final double B2 = 0.999;
  private static final double EPS = 1e-8;
  private final double[] m;
  private final double[] v;
  private int t;

  Adam(int n) {
    m = new double[n];
    v = new double[n];
  }

  void step(double[] params, double[] grad, double rate) {
    t++;
    double c1 = 1 - Math.pow(B1, t);
    double c2 = 1 - Math.pow(B2, t);
    for (int i = 0; i < params.length; i++) {
      double g = grad[i];
      m[i] = B1 * m[i] + (1 - B1) * g;
      v[i] = B2 * v[i] + (1 - B2) * g * g;
      params[i] -= rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPS);
    }
  }
}

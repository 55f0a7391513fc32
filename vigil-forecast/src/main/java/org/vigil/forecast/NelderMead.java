package org.vigil.forecast;

/**
 * The Nelder-Mead downhill simplex minimiser (Nelder and Mead, 1965) with the usual coefficients
 * (reflection 1, expansion 2, contraction 1/2, shrink 1/2). Infeasible points are expressed by the
 * objective returning {@code +infinity}. Stops when the spread of the simplex's values falls below
 * a relative tolerance or after a maximum number of evaluations.
 */
final class NelderMead {

  /** An objective function of a parameter vector; must not keep a reference to it. */
  interface Objective {
    double value(double[] x);
  }

  /** Result: the best point found, its value and the number of evaluations used. */
  record Result(double[] x, double value, int evaluations) {}

  /** Steps between fresh sums of the vertices. */
  private static final int REFRESH = 32;

  private NelderMead() {}

  static Result minimize(
      Objective f, double[] start, double[] step, double relTol, int maxEvaluations) {
    int n = start.length;
    double[][] p = new double[n + 1][];
    double[] v = new double[n + 1];
    p[0] = start.clone();
    v[0] = f.value(p[0]);
    int evals = 1;
    for (int i = 0; i < n; i++) {
      p[i + 1] = start.clone();
      p[i + 1][i] += step[i];
      v[i + 1] = f.value(p[i + 1]);
      evals++;
    }
    double[] centroid = new double[n];
    double[] xr = new double[n];
    double[] xe = new double[n];
    // The sum of all n + 1 vertices, kept up to date as vertices are replaced (O(n) a step instead
    // of O(n^2): in the 15 to 17 dimensions of a monthly seasonal ETS model the centroid cost as
    // much as the model's likelihood), and summed afresh every REFRESH steps and after a shrink so
    // that rounding cannot build up.
    double[] sum = new double[n];
    int sinceRefresh = REFRESH;
    double inverse = 1.0 / n;
    while (evals < maxEvaluations) {
      sort(p, v);
      if (Math.abs(v[n] - v[0]) <= relTol * (Math.abs(v[0]) + relTol)) {
        break;
      }
      if (sinceRefresh >= REFRESH) {
        vertexSum(p, sum);
        sinceRefresh = 0;
      }
      sinceRefresh++;
      double[] worst = p[n];
      for (int j = 0; j < n; j++) {
        centroid[j] = (sum[j] - worst[j]) * inverse;
      }
      move(centroid, p[n], -1, xr);
      double fr = f.value(xr);
      evals++;
      if (fr < v[0]) {
        move(centroid, p[n], -2, xe);
        double fe = f.value(xe);
        evals++;
        if (fe < fr) {
          accept(p, v, n, xe, fe, sum);
        } else {
          accept(p, v, n, xr, fr, sum);
        }
      } else if (fr < v[n - 1]) {
        accept(p, v, n, xr, fr, sum);
      } else {
        boolean outside = fr < v[n];
        move(centroid, outside ? xr : p[n], 0.5, xe);
        double fc = f.value(xe);
        evals++;
        if (fc < (outside ? fr : v[n])) {
          accept(p, v, n, xe, fc, sum);
        } else {
          sinceRefresh = REFRESH;
          for (int i = 1; i <= n; i++) {
            for (int j = 0; j < n; j++) {
              p[i][j] = p[0][j] + 0.5 * (p[i][j] - p[0][j]);
            }
            v[i] = f.value(p[i]);
            evals++;
          }
        }
      }
    }
    sort(p, v);
    return new Result(p[0].clone(), v[0], evals);
  }

  /** out = c + t * (x - c): t = -1 reflects x through c, -2 expands, 0.5 contracts. */
  private static void move(double[] c, double[] x, double t, double[] out) {
    for (int j = 0; j < c.length; j++) {
      out[j] = c[j] + t * (x[j] - c[j]);
    }
  }

  private static void accept(
      double[][] p, double[] v, int worst, double[] x, double fx, double[] sum) {
    double[] w = p[worst];
    for (int j = 0; j < x.length; j++) {
      sum[j] += x[j] - w[j];
      w[j] = x[j];
    }
    v[worst] = fx;
  }

  private static void vertexSum(double[][] p, double[] sum) {
    java.util.Arrays.fill(sum, 0);
    for (double[] vertex : p) {
      for (int j = 0; j < sum.length; j++) {
        sum[j] += vertex[j];
      }
    }
  }

  private static void sort(double[][] p, double[] v) {
    for (int i = 1; i < v.length; i++) {
      double key = v[i];
      double[] kp = p[i];
      int j = i - 1;
      while (j >= 0 && compare(v[j], key) > 0) {
        v[j + 1] = v[j];
        p[j + 1] = p[j];
        j--;
      }
      v[j + 1] = key;
      p[j + 1] = kp;
    }
  }

  private static int compare(double a, double b) {
    if (Double.isNaN(a)) {
      return Double.isNaN(b) ? 0 : 1;
    }
    if (Double.isNaN(b)) {
      return -1;
    }
    return Double.compare(a, b);
  }
}

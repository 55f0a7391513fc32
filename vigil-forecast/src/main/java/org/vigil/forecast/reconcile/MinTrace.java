package org.vigil.forecast.reconcile;

import java.util.ArrayList;
import java.util.List;
import org.vigil.forecast.ForecastInputException;

/**
 * Minimum-trace reconciliation (Wickramasuriya, Athanasopoulos and Hyndman 2019, "Optimal forecast
 * reconciliation for hierarchical and grouped time series through trace minimization", JASA 114).
 * Given the summing matrix {@code S} (nodes x bottom), base forecasts {@code yhat} of every node
 * and an estimate {@code W} of the covariance of their one-step errors, the reconciled forecasts
 * are
 *
 * <pre>
 *   ytilde = S (S' W^-1 S)^-1 S' W^-1 yhat
 * </pre>
 *
 * the coherent forecasts closest to the base ones in the {@code W^-1} metric, and of least total
 * error variance among unbiased linear reconciliations. Every aggregate of {@code ytilde} is {@code
 * S} times its bottom part, so coherence is exact up to floating point. {@code W} is the shrinkage
 * estimate of {@link ShrinkageCovariance} ("mint_shrink"); should it not be positive definite (a
 * node with no error, say), its diagonal is used ("wls_var") and the result says so.
 *
 * <p>A pure function: no state, thread-safe. Sizes are small (a region's states and groups), so the
 * dense Cholesky solves below are plenty.
 */
public final class MinTrace {
  private MinTrace() {}

  /**
   * The reconciled forecasts of a hierarchy.
   *
   * @param forecasts reconciled forecasts {@code [node][step]}, nodes in the order of {@code S}
   * @param lambda the shrinkage intensity (NaN when {@code W} was given)
   * @param estimator {@code "mint_shrink"}, {@code "wls_var"} (fallback) or {@code "given"}
   * @param notes what happened, for the diagnostics
   */
  public record Result(double[][] forecasts, double lambda, String estimator, List<String> notes) {}

  /**
   * Reconciles base forecasts {@code [node][step]} with the shrinkage covariance of in-sample
   * residuals {@code [node][t]} (the same {@code t} for every node, aligned in time).
   *
   * @throws ForecastInputException when the shapes do not agree
   */
  public static Result reconcile(double[][] s, double[][] base, double[][] residuals) {
    check(s, base);
    if (residuals.length != s.length) {
      throw new ForecastInputException(
          "Expected residuals for " + s.length + " nodes, found " + residuals.length);
    }
    ShrinkageCovariance w = ShrinkageCovariance.estimate(floorVariances(residuals));
    List<String> notes = new ArrayList<>();
    double[][] out = withCovariance(s, base, w.covariance());
    if (out != null) {
      return new Result(out, w.lambda(), "mint_shrink", notes);
    }
    double[][] diag = new double[s.length][s.length];
    for (int i = 0; i < s.length; i++) {
      diag[i][i] = w.covariance()[i][i];
    }
    notes.add("shrunk covariance not positive definite: reconciled with its diagonal (WLS)");
    out = withCovariance(s, base, diag);
    if (out == null) {
      throw new ForecastInputException("Reconciliation failed: error variances are not positive");
    }
    return new Result(out, w.lambda(), "wls_var", notes);
  }

  /**
   * Reconciles with a given error covariance {@code W} (nodes x nodes, positive definite).
   *
   * @throws ForecastInputException when the shapes disagree or {@code W} is not positive definite
   */
  public static Result reconcileWith(double[][] s, double[][] base, double[][] w) {
    check(s, base);
    double[][] out = withCovariance(s, base, w);
    if (out == null) {
      throw new ForecastInputException("W is not positive definite: give a covariance matrix");
    }
    return new Result(out, Double.NaN, "given", List.of());
  }

  /** {@code S (S' W^-1 S)^-1 S' W^-1 yhat}; null when W or S' W^-1 S is not positive definite. */
  private static double[][] withCovariance(double[][] s, double[][] base, double[][] w) {
    int n = s.length;
    int nb = s[0].length;
    int h = base[0].length;
    double[][] lw = Cholesky.factor(w);
    if (lw == null) {
      return null;
    }
    double[][] winvS = new double[n][nb];
    for (int j = 0; j < nb; j++) {
      double[] col = new double[n];
      for (int i = 0; i < n; i++) {
        col[i] = s[i][j];
      }
      double[] x = Cholesky.solve(lw, col);
      for (int i = 0; i < n; i++) {
        winvS[i][j] = x[i];
      }
    }
    double[][] m = new double[nb][nb];
    for (int a = 0; a < nb; a++) {
      for (int b = 0; b < nb; b++) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
          sum += s[i][a] * winvS[i][b];
        }
        m[a][b] = sum;
      }
    }
    double[][] lm = Cholesky.factor(m);
    if (lm == null) {
      return null;
    }
    double[][] out = new double[n][h];
    for (int k = 0; k < h; k++) {
      double[] rhs = new double[nb];
      for (int a = 0; a < nb; a++) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
          sum += winvS[i][a] * base[i][k];
        }
        rhs[a] = sum;
      }
      double[] bottom = Cholesky.solve(lm, rhs);
      for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int j = 0; j < nb; j++) {
          sum += s[i][j] * bottom[j];
        }
        out[i][k] = sum;
      }
    }
    return out;
  }

  /**
   * A node whose residuals are all zero (a constant series) would get infinite weight: its variance
   * is raised to a millionth of the largest one.
   */
  private static double[][] floorVariances(double[][] residuals) {
    double max = 0;
    double[] ss = new double[residuals.length];
    for (int i = 0; i < residuals.length; i++) {
      for (double e : residuals[i]) {
        ss[i] += e * e;
      }
      max = Math.max(max, ss[i]);
    }
    double[][] out = new double[residuals.length][];
    for (int i = 0; i < residuals.length; i++) {
      out[i] = residuals[i].clone();
      if (ss[i] <= max * 1e-12) {
        double v = Math.sqrt(Math.max(max, 1) * 1e-6 / out[i].length);
        for (int t = 0; t < out[i].length; t++) {
          out[i][t] += t % 2 == 0 ? v : -v;
        }
      }
    }
    return out;
  }

  private static void check(double[][] s, double[][] base) {
    if (s.length == 0 || s[0].length == 0 || s.length < s[0].length) {
      throw new ForecastInputException(
          "The summing matrix must have at least as many nodes as bottom series, found "
              + s.length
              + " x "
              + (s.length == 0 ? 0 : s[0].length));
    }
    if (base.length != s.length || base[0].length == 0) {
      throw new ForecastInputException(
          "Expected base forecasts for " + s.length + " nodes, found " + base.length);
    }
  }

  /** Cholesky factor and triangular solves of a symmetric positive definite matrix. */
  static final class Cholesky {
    private Cholesky() {}

    /**
     * The lower factor {@code L} with {@code A = L L'}, or null when A is not positive definite.
     */
    static double[][] factor(double[][] a) {
      int n = a.length;
      double[][] l = new double[n][n];
      double scale = 0;
      for (int i = 0; i < n; i++) {
        scale = Math.max(scale, Math.abs(a[i][i]));
      }
      for (int j = 0; j < n; j++) {
        double d = a[j][j];
        for (int k = 0; k < j; k++) {
          d -= l[j][k] * l[j][k];
        }
        if (!(d > scale * 1e-14)) {
          return null;
        }
        l[j][j] = Math.sqrt(d);
        for (int i = j + 1; i < n; i++) {
          double v = a[i][j];
          for (int k = 0; k < j; k++) {
            v -= l[i][k] * l[j][k];
          }
          l[i][j] = v / l[j][j];
        }
      }
      return l;
    }

    /** Solves {@code L L' x = b}. */
    static double[] solve(double[][] l, double[] b) {
      int n = b.length;
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        double v = b[i];
        for (int k = 0; k < i; k++) {
          v -= l[i][k] * y[k];
        }
        y[i] = v / l[i][i];
      }
      double[] x = new double[n];
      for (int i = n - 1; i >= 0; i--) {
        double v = y[i];
        for (int k = i + 1; k < n; k++) {
          v -= l[k][i] * x[k];
        }
        x[i] = v / l[i][i];
      }
      return x;
    }
  }
}

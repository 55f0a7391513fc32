package org.vigil.forecast.arima;

import java.util.function.ToDoubleFunction;

/**
 * Variable-metric minimisation after Nash (1990, "Compact Numerical Methods for Computers",
 * algorithm 21), the method behind R's {@code optim(method = "BFGS")}: a BFGS update of an inverse
 * Hessian approximation, central-difference gradients, and a backtracking line search that accepts
 * the first step (shrinking by 0.2) with sufficient decrease.
 *
 * <p>Convergence follows Nash: a step whose relative improvement is below the tolerance counts as
 * no progress; no progress right after a reset of the metric to the identity ends the search,
 * otherwise the metric is reset and the search goes on. The metric is also reset after {@code 2n}
 * gradients without a reset and whenever the curvature condition fails. Following the same
 * algorithm as R matters here: on the ridges and boundaries typical of ARMA likelihoods, where the
 * search stops decides which models the automatic search accepts.
 *
 * <p>Non-finite objective values are never accepted by the line search; a non-finite value in a
 * gradient ends the search with {@link Result#gradientFailed()} set (R stops with an error there).
 */
final class BfgsMinimizer {
  private static final double STEP_REDUCTION = 0.2;
  private static final double ACCEPT_TOLERANCE = 1e-4;
  private static final double REL_TEST = 10.0;

  private final double relativeTolerance;
  private final int maxIterations;
  private final double gradientStep;

  BfgsMinimizer(double relativeTolerance, int maxIterations, double gradientStep) {
    this.relativeTolerance = relativeTolerance;
    this.maxIterations = maxIterations;
    this.gradientStep = gradientStep;
  }

  /**
   * Result: the minimiser is left in the caller's array.
   *
   * @param value objective at the minimiser
   * @param converged false when the iteration limit was reached
   * @param gradientFailed true when a gradient could not be evaluated
   */
  record Result(double value, boolean converged, boolean gradientFailed) {}

  Result minimize(ToDoubleFunction<double[]> f, double[] b) {
    int n = b.length;
    double fmin = f.applyAsDouble(b);
    if (!Double.isFinite(fmin)) {
      return new Result(fmin, false, true);
    }
    if (n == 0) {
      return new Result(fmin, true, false);
    }
    double[] g = new double[n];
    double[] x = new double[n];
    double[] c = new double[n];
    double[] t = new double[n];
    double[][] h = new double[n][n];
    if (!gradient(f, b, g)) {
      return new Result(fmin, false, true);
    }
    int gradCount = 1;
    int iter = 1;
    int lastReset = gradCount;
    int count;
    do {
      if (lastReset == gradCount) {
        for (int i = 0; i < n; i++) {
          java.util.Arrays.fill(h[i], 0.0);
          h[i][i] = 1.0;
        }
      }
      System.arraycopy(b, 0, x, 0, n);
      System.arraycopy(g, 0, c, 0, n);
      double slope = 0.0;
      for (int i = 0; i < n; i++) {
        double s = 0.0;
        for (int j = 0; j < n; j++) {
          s -= h[i][j] * g[j];
        }
        t[i] = s;
        slope += s * g[i];
      }
      if (slope < 0.0) {
        double step = 1.0;
        boolean accepted = false;
        double fv = fmin;
        do {
          count = 0;
          for (int i = 0; i < n; i++) {
            b[i] = x[i] + step * t[i];
            if (REL_TEST + x[i] == REL_TEST + b[i]) {
              count++;
            }
          }
          if (count < n) {
            fv = f.applyAsDouble(b);
            accepted = Double.isFinite(fv) && fv <= fmin + slope * step * ACCEPT_TOLERANCE;
            if (!accepted) {
              step *= STEP_REDUCTION;
            }
          }
        } while (!(count == n || accepted));
        boolean enough =
            accepted
                && Math.abs(fv - fmin) > relativeTolerance * (Math.abs(fmin) + relativeTolerance);
        if (!enough) {
          if (accepted) {
            fmin = fv;
          } else {
            System.arraycopy(x, 0, b, 0, n);
          }
          count = n;
        }
        if (count < n) {
          fmin = fv;
          if (!gradient(f, b, g)) {
            return new Result(fmin, false, true);
          }
          gradCount++;
          iter++;
          double d1 = 0.0;
          for (int i = 0; i < n; i++) {
            t[i] *= step;
            c[i] = g[i] - c[i];
            d1 += t[i] * c[i];
          }
          if (d1 > 0.0) {
            update(h, t, c, x, d1);
          } else {
            lastReset = gradCount;
          }
        } else if (lastReset < gradCount) {
          count = 0;
          lastReset = gradCount;
        }
      } else {
        count = 0;
        if (lastReset == gradCount) {
          count = n;
        } else {
          lastReset = gradCount;
        }
      }
      if (iter >= maxIterations) {
        return new Result(fmin, false, false);
      }
      if (gradCount - lastReset > 2 * n) {
        lastReset = gradCount;
      }
    } while (count != n || lastReset != gradCount);
    return new Result(fmin, true, false);
  }

  /** BFGS update of the inverse Hessian with step {@code t} and gradient change {@code c}. */
  private static void update(double[][] h, double[] t, double[] c, double[] work, double d1) {
    int n = t.length;
    double d2 = 0.0;
    for (int i = 0; i < n; i++) {
      double s = 0.0;
      for (int j = 0; j < n; j++) {
        s += h[i][j] * c[j];
      }
      work[i] = s;
      d2 += s * c[i];
    }
    d2 = 1.0 + d2 / d1;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        h[i][j] += (d2 * t[i] * t[j] - work[i] * t[j] - t[i] * work[j]) / d1;
      }
    }
  }

  private boolean gradient(ToDoubleFunction<double[]> f, double[] x, double[] g) {
    for (int i = 0; i < x.length; i++) {
      double keep = x[i];
      x[i] = keep + gradientStep;
      double up = f.applyAsDouble(x);
      x[i] = keep - gradientStep;
      double down = f.applyAsDouble(x);
      x[i] = keep;
      if (!Double.isFinite(up) || !Double.isFinite(down)) {
        return false;
      }
      g[i] = (up - down) / (2.0 * gradientStep);
    }
    return true;
  }
}

package org.vigil.forecast.arima;

import java.util.function.ToDoubleFunction;

/**
 * Quasi-Newton minimisation (Broyden-Fletcher-Goldfarb-Shanno update of the inverse Hessian) with
 * central-difference gradients and a backtracking line search, as in Nash (1990, algorithm 21), the
 * method behind R's {@code optim(method = "BFGS")}. Non-finite objective values count as "worse
 * than anything", so the search backs away from inadmissible parameters.
 */
final class BfgsMinimizer {
  private static final double STEP_REDUCTION = 0.2;
  private static final double ACCEPT_TOLERANCE = 1e-4;

  private final double relativeTolerance;
  private final int maxIterations;
  private final double gradientStep;

  BfgsMinimizer(double relativeTolerance, int maxIterations, double gradientStep) {
    this.relativeTolerance = relativeTolerance;
    this.maxIterations = maxIterations;
    this.gradientStep = gradientStep;
  }

  /** Result: the minimiser (in place in {@code x}), its value and whether it converged. */
  record Result(double value, boolean converged, int evaluations) {}

  Result minimize(ToDoubleFunction<double[]> f, double[] x) {
    int n = x.length;
    int[] evals = {0};
    ToDoubleFunction<double[]> counted =
        z -> {
          evals[0]++;
          double v = f.applyAsDouble(z);
          return Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
        };
    double fx = counted.applyAsDouble(x);
    if (n == 0 || !Double.isFinite(fx)) {
      return new Result(fx, n == 0, evals[0]);
    }
    double[] g = new double[n];
    double[] gNew = new double[n];
    double[] xNew = new double[n];
    double[] dir = new double[n];
    double[] s = new double[n];
    double[] y = new double[n];
    double[] hy = new double[n];
    double[][] h = identity(n);
    if (!gradient(counted, x, g)) {
      return new Result(fx, false, evals[0]);
    }
    boolean fresh = true;
    for (int iter = 0; iter < maxIterations; iter++) {
      double slope = 0.0;
      for (int i = 0; i < n; i++) {
        double d = 0.0;
        for (int j = 0; j < n; j++) {
          d -= h[i][j] * g[j];
        }
        dir[i] = d;
        slope += d * g[i];
      }
      if (!(slope < 0.0)) {
        if (fresh) {
          return new Result(fx, true, evals[0]);
        }
        resetIdentity(h);
        fresh = true;
        continue;
      }
      double step = 1.0;
      double fNew = Double.POSITIVE_INFINITY;
      boolean accepted = false;
      while (true) {
        boolean moved = false;
        for (int i = 0; i < n; i++) {
          xNew[i] = x[i] + step * dir[i];
          if (xNew[i] != x[i]) {
            moved = true;
          }
        }
        if (!moved) {
          break;
        }
        fNew = counted.applyAsDouble(xNew);
        if (fNew <= fx + ACCEPT_TOLERANCE * step * slope) {
          accepted = true;
          break;
        }
        step *= STEP_REDUCTION;
      }
      if (!accepted) {
        if (fresh) {
          return new Result(fx, true, evals[0]);
        }
        resetIdentity(h);
        fresh = true;
        continue;
      }
      boolean small = Math.abs(fx - fNew) <= relativeTolerance * (Math.abs(fx) + relativeTolerance);
      System.arraycopy(xNew, 0, x, 0, n);
      double fOld = fx;
      fx = fNew;
      if (small) {
        return new Result(fx, true, evals[0]);
      }
      if (!gradient(counted, x, gNew)) {
        return new Result(fx, false, evals[0]);
      }
      double sy = 0.0;
      for (int i = 0; i < n; i++) {
        s[i] = step * dir[i];
        y[i] = gNew[i] - g[i];
        sy += s[i] * y[i];
      }
      if (sy > 1e-12 * Math.max(1.0, Math.abs(fOld))) {
        update(h, s, y, hy, sy);
        fresh = false;
      }
      System.arraycopy(gNew, 0, g, 0, n);
    }
    return new Result(fx, false, evals[0]);
  }

  /** BFGS update of the inverse Hessian approximation. */
  private static void update(double[][] h, double[] s, double[] y, double[] hy, double sy) {
    int n = s.length;
    double yhy = 0.0;
    for (int i = 0; i < n; i++) {
      double v = 0.0;
      for (int j = 0; j < n; j++) {
        v += h[i][j] * y[j];
      }
      hy[i] = v;
      yhy += y[i] * v;
    }
    double factor = (1.0 + yhy / sy) / sy;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        h[i][j] += factor * s[i] * s[j] - (hy[i] * s[j] + s[i] * hy[j]) / sy;
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

  private static double[][] identity(int n) {
    double[][] h = new double[n][n];
    resetIdentity(h);
    return h;
  }

  private static void resetIdentity(double[][] h) {
    for (int i = 0; i < h.length; i++) {
      java.util.Arrays.fill(h[i], 0.0);
      h[i][i] = 1.0;
    }
  }
}

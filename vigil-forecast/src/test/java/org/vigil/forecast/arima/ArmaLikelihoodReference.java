package org.vigil.forecast.arima;

/**
 * The ARMA likelihood as it was before the fifth M3 CPU pass (dense loops, a fresh elimination per
 * evaluation, one logarithm per step, separate state and covariance passes), kept unchanged as the
 * reference that {@link ArmaLikelihood} must reproduce bit for bit. Test code only.
 */
final class ArmaLikelihoodReference {
  private static final double STEADY_STATE_TOLERANCE = 1e-13;

  private double[] psi = new double[0];
  private double[] gamma = new double[0];
  private double[] system = new double[0];
  private double[] rhs = new double[0];
  private double[] column = new double[0];
  private double[] gain = new double[0];
  private double[] change = new double[0];
  private double[] state = new double[0];
  private double[] phiPad = new double[0];
  private double[] phi1 = new double[0];
  private double[] theta1 = new double[0];
  private int[] arLags = new int[0];
  private double sumSquares;
  private double sumLogVariance;
  private int count;

  /**
   * Evaluates the concentrated objective; NaN when the autoregression is not stationary or the
   * filter breaks down.
   *
   * @param w the (differenced) series
   * @param mu its mean
   * @param phi expanded autoregressive coefficients (regression convention)
   * @param theta expanded moving-average coefficients
   */
  double objective(double[] w, double mu, double[] phi, double[] theta) {
    if (!filter(w, mu, phi, theta, null)) {
      return Double.NaN;
    }
    return 0.5 * Math.log(sumSquares / count) + 0.5 * sumLogVariance / count;
  }

  /** Sum of squared standardised innovations of the last evaluation. */
  double sumSquares() {
    return sumSquares;
  }

  /** Sum of the logarithms of the relative innovation variances of the last evaluation. */
  double sumLogVariance() {
    return sumLogVariance;
  }

  /** Number of innovations of the last evaluation. */
  int count() {
    return count;
  }

  /** The predicted state after the last observation of the last evaluation (copy). */
  double[] finalState(int stateDimension) {
    double[] out = new double[stateDimension];
    System.arraycopy(state, 0, out, 0, stateDimension);
    return out;
  }

  /**
   * Runs the filter; fills {@code residuals} (standardised innovations, same length as {@code w})
   * when it is not null. Returns false on failure.
   */
  boolean filter(double[] w, double mu, double[] phi, double[] theta, double[] residuals) {
    return filter(w, mu, phi, theta, residuals, null);
  }

  /**
   * As {@link #filter(double[], double, double[], double[], double[])}, and when {@code covariance}
   * is not null also returns there (r x r, row-major) the state covariance predicted for the step
   * after the last observation (unit innovation variance), by adding the rank-one changes to the
   * stationary start.
   */
  boolean filter(
      double[] w,
      double mu,
      double[] phi,
      double[] theta,
      double[] residuals,
      double[] covariance) {
    int p = phi.length;
    int q = theta.length;
    int r = Math.max(p, q + 1);
    if (covariance != null) {
      double[] start = stationaryCovariance(phi, theta);
      if (start == null) {
        return false;
      }
      System.arraycopy(start, 0, covariance, 0, r * r);
    }
    ensureCapacity(r, p);
    if (!initialColumn(phi, theta, r)) {
      return false;
    }
    double f = column[0];
    if (!(f > 0.0) || Double.isInfinite(f)) {
      return false;
    }
    // padded copies keep the inner loops free of branches: phiPad[i] = 0 for i >= p, and
    // change[r] = state[r] = 0 stand for the zero row below the shift
    for (int i = 0; i < r; i++) {
      phiPad[i] = i < p ? phi[i] : 0.0;
    }
    column[r] = 0.0;
    for (int i = 0; i < r; i++) {
      double k = phiPad[i] * column[0] + column[i + 1];
      gain[i] = k;
      change[i] = k;
      state[i] = 0.0;
    }
    change[r] = 0.0;
    state[r] = 0.0;
    double m = -1.0 / f;
    boolean steady = false;
    double ssq = 0.0;
    double sumLog = 0.0;
    int n = w.length;
    for (int t = 0; t < n; t++) {
      double v = w[t] - mu - state[0];
      double vf = v / f;
      ssq += v * vf;
      sumLog += Math.log(f);
      if (residuals != null) {
        residuals[t] = v / Math.sqrt(f);
      }
      double a0 = state[0];
      for (int i = 0; i < r; i++) {
        state[i] = state[i + 1] + gain[i] * vf + phiPad[i] * a0;
      }
      if (!steady) {
        if (covariance != null) {
          for (int i = 0; i < r; i++) {
            double li = change[i] * m;
            for (int j = 0; j < r; j++) {
              covariance[i * r + j] += li * change[j];
            }
          }
        }
        double u = change[0];
        double fNext = f + u * u * m;
        if (!(fNext > 0.0)) {
          return false;
        }
        double mu1 = m * u;
        double ku = u / f;
        double norm = 0.0;
        for (int i = 0; i < r; i++) {
          double tl = phiPad[i] * u + change[i + 1];
          double kOld = gain[i];
          gain[i] = kOld + tl * mu1;
          double l = tl - kOld * ku;
          change[i] = l;
          norm += l * l;
        }
        m = m * f / fNext;
        f = fNext;
        steady = Math.abs(m) * norm < STEADY_STATE_TOLERANCE;
      }
    }
    if (!(ssq > 0.0) || Double.isInfinite(ssq) || Double.isNaN(sumLog)) {
      return false;
    }
    sumSquares = ssq;
    sumLogVariance = sumLog;
    count = n;
    return true;
  }

  /**
   * First column of the stationary state covariance for unit innovation variance, into {@code
   * column[0..r)}. Uses the psi weights and the autocovariances of the ARMA process: {@code
   * gamma(0..p)} solve {@code gamma(k) - sum phi_i gamma(|k-i|) = sum_{j>=k} theta_j psi_{j-k}}.
   */
  private boolean initialColumn(double[] phi, double[] theta, int r) {
    int p = phi.length;
    int q = theta.length;
    // 1-based padded copies: phi1[k] = phi_k (0 beyond p), theta1[k] = theta_k (0 beyond q)
    int nz = 0;
    for (int k = 1; k <= r; k++) {
      phi1[k] = k <= p ? phi[k - 1] : 0.0;
      theta1[k] = k <= q ? theta[k - 1] : 0.0;
      if (phi1[k] != 0.0) {
        arLags[nz++] = k;
      }
    }
    psi[0] = 1.0;
    for (int j = 1; j <= r; j++) {
      double s = theta1[j];
      for (int z = 0; z < nz; z++) {
        int i = arLags[z];
        if (i > j) {
          break;
        }
        s += phi1[i] * psi[j - i];
      }
      psi[j] = s;
    }
    int dim = p + 1;
    java.util.Arrays.fill(system, 0, dim * dim, 0.0);
    for (int k = 0; k < dim; k++) {
      int row = k * dim;
      system[row + k] += 1.0;
      for (int z = 0; z < nz; z++) {
        int i = arLags[z];
        system[row + Math.abs(k - i)] -= phi1[i];
      }
      rhs[k] = maCrossTerm(theta, k);
    }
    if (!solve(dim)) {
      return false;
    }
    for (int k = 0; k < dim; k++) {
      gamma[k] = rhs[k];
    }
    for (int k = dim; k <= r; k++) {
      double s = maCrossTerm(theta, k);
      for (int z = 0; z < nz; z++) {
        int i = arLags[z];
        s += phi1[i] * gamma[k - i];
      }
      gamma[k] = s;
    }
    if (!(gamma[0] > 0.0)) {
      return false;
    }
    column[0] = gamma[0];
    for (int i = 2; i <= r; i++) {
      double s = 0.0;
      int lim = r - i;
      for (int a = 0; a <= lim; a++) {
        s += phi1[i + a] * gamma[1 + a] + theta1[i - 1 + a] * psi[a];
      }
      column[i - 1] = s;
    }
    return true;
  }

  /**
   * The full stationary covariance of the state for unit innovation variance (r x r, row-major),
   * from the autocovariances and psi weights; null when the AR part is not stationary. Writing the
   * state as {@code a_t[i] = sum_k phi_{i+k} w_{t-1-k} + sum_k theta_{i-1+k} e_{t-k}} (1-based
   * {@code i >= 2}) gives every entry as a finite sum.
   */
  double[] stationaryCovariance(double[] phi, double[] theta) {
    int p = phi.length;
    int q = theta.length;
    int r = Math.max(p, q + 1);
    ensureCapacity(r, p);
    if (!initialColumn(phi, theta, r)) {
      return null;
    }
    double[] cov = new double[r * r];
    for (int j = 0; j < r; j++) {
      cov[j] = column[j];
      cov[j * r] = column[j];
    }
    for (int i = 2; i <= r; i++) {
      for (int j = i; j <= r; j++) {
        double s = 0.0;
        for (int a = 0; a <= r - i; a++) {
          double fa = coefficient(phi, i + a);
          if (fa != 0.0) {
            for (int c = 0; c <= r - j; c++) {
              s += fa * coefficient(phi, j + c) * gamma[Math.abs(a - c)];
            }
            for (int b = a + 1; b <= r - j; b++) {
              s += fa * coefficient(theta, j - 1 + b) * psi[b - 1 - a];
            }
          }
        }
        for (int c = 0; c <= r - j; c++) {
          double fc = coefficient(phi, j + c);
          if (fc != 0.0) {
            for (int b = c + 1; b <= r - i; b++) {
              s += fc * coefficient(theta, i - 1 + b) * psi[b - 1 - c];
            }
          }
        }
        for (int b = 0; b <= r - j; b++) {
          s += coefficient(theta, i - 1 + b) * coefficient(theta, j - 1 + b);
        }
        cov[(i - 1) * r + (j - 1)] = s;
        cov[(j - 1) * r + (i - 1)] = s;
      }
    }
    return cov;
  }

  /** {@code c_k} (1-based) or 0 beyond the array. */
  private static double coefficient(double[] c, int k) {
    return k >= 1 && k <= c.length ? c[k - 1] : 0.0;
  }

  /** {@code sum_{j=k}^{q} theta_j psi_{j-k}} with {@code theta_0 = 1}. */
  private double maCrossTerm(double[] theta, int k) {
    int q = theta.length;
    double s = k == 0 ? 1.0 : 0.0;
    for (int j = Math.max(k, 1); j <= q; j++) {
      s += theta[j - 1] * psi[j - k];
    }
    return s;
  }

  /** Gaussian elimination with partial pivoting on {@code system * x = rhs}; x into rhs. */
  private boolean solve(int dim) {
    for (int col = 0; col < dim; col++) {
      int pivot = col;
      double best = Math.abs(system[col * dim + col]);
      for (int row = col + 1; row < dim; row++) {
        double v = Math.abs(system[row * dim + col]);
        if (v > best) {
          best = v;
          pivot = row;
        }
      }
      if (!(best > 1e-12)) {
        return false;
      }
      if (pivot != col) {
        for (int c = col; c < dim; c++) {
          double tmp = system[col * dim + c];
          system[col * dim + c] = system[pivot * dim + c];
          system[pivot * dim + c] = tmp;
        }
        double tmp = rhs[col];
        rhs[col] = rhs[pivot];
        rhs[pivot] = tmp;
      }
      double diag = system[col * dim + col];
      for (int row = col + 1; row < dim; row++) {
        double factor = system[row * dim + col] / diag;
        if (factor != 0.0) {
          for (int c = col; c < dim; c++) {
            system[row * dim + c] -= factor * system[col * dim + c];
          }
          rhs[row] -= factor * rhs[col];
        }
      }
    }
    for (int row = dim - 1; row >= 0; row--) {
      double s = rhs[row];
      for (int c = row + 1; c < dim; c++) {
        s -= system[row * dim + c] * rhs[c];
      }
      rhs[row] = s / system[row * dim + row];
    }
    return true;
  }

  private void ensureCapacity(int r, int p) {
    if (psi.length < r + 1) {
      psi = new double[r + 1];
      gamma = new double[r + 1];
      column = new double[r + 1];
      gain = new double[r];
      change = new double[r + 1];
      state = new double[r + 1];
      phiPad = new double[r];
      phi1 = new double[r + 1];
      theta1 = new double[r + 1];
      arLags = new int[r + 1];
    }
    int dim = p + 1;
    if (system.length < dim * dim) {
      system = new double[dim * dim];
      rhs = new double[dim];
    }
  }
}

package org.vigil.forecast.arima;

/**
 * Exact Gaussian likelihood of a stationary ARMA process, by the Kalman filter on Harvey's
 * state-space form with the stationary initial state (Gardner, Harvey and Phillips 1980).
 *
 * <p>The ARMA(p,q) process {@code w_t - mu} (with the seasonal factors already multiplied out) has
 * the state vector of dimension {@code r = max(p, q + 1)}: {@code a_t = T a_{t-1} + R e_t}, {@code
 * w_t - mu = a_t[0]}, where {@code T} holds the autoregressive coefficients in its first column and
 * ones on its super-diagonal, and {@code R = (1, theta_1, ..., theta_{r-1})}.
 *
 * <p>Two choices keep the filter cheap, which matters because the automatic search evaluates it
 * tens of thousands of times:
 *
 * <ul>
 *   <li>The initial state covariance is never formed. Only its first column (the covariances of the
 *       state with {@code w_t}) is needed, and it follows from the autocovariances and the psi
 *       weights of the process, which come from a (p+1)-dimensional linear system.
 *   <li>The covariance recursion is replaced by the Chandrasekhar-type recursions of Morf, Sidhu
 *       and Kailath (1974), as described by Harvey (1989, sec. 3.3.4): for a time-invariant model
 *       started at the stationary covariance, each step changes the covariance by a rank-one term
 *       {@code L M L'}, so a step costs O(r) instead of O(r^2). Once that change is negligible the
 *       filter has reached its steady state and only the state mean is updated.
 * </ul>
 *
 * <p>The innovation variance is concentrated out: the result is the objective {@code 0.5 log(S/n) +
 * 0.5 sum(log F_t)/n} that R's {@code arima} minimises, where {@code S} is the sum of squared
 * standardised innovations and {@code F_t} the innovation variances relative to sigma^2.
 *
 * <p>An instance holds work buffers and is not thread-safe; create one per thread. Public so that
 * the benchmark module can measure it.
 */
public final class ArmaLikelihood {
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
  private int arCount;
  // The elimination of the last solved system, which depends on the AR coefficients only: the
  // pivot rows, the multipliers and the reduced (upper triangular) system, kept for the AR
  // coefficients in luPhi so that the next evaluation with the same AR part (every gradient step
  // of a moving-average coefficient or of the mean) replays the same operations on its right-hand
  // side instead of eliminating again. Bit for bit the same result.
  private double[] luPhi = new double[0];
  private int luP = -1;
  private int[] pivots = new int[0];
  private double[] factors = new double[0];
  private int[] rowNonZero = new int[0];
  private double sumSquares;
  private double sumLogVariance;
  private int count;

  /** Creates a filter with empty work buffers (they grow on demand). */
  public ArmaLikelihood() {}

  /**
   * Evaluates the concentrated objective; NaN when the autoregression is not stationary or the
   * filter breaks down.
   *
   * @param w the (differenced) series
   * @param mu its mean
   * @param phi expanded autoregressive coefficients (regression convention)
   * @param theta expanded moving-average coefficients
   */
  public double objective(double[] w, double mu, double[] phi, double[] theta) {
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
    // locals, not fields, in the loops below: the C1 compiler the benchmark's child runs with
    // reloads a field at every use
    final double[] column = this.column;
    final double[] phiPad = this.phiPad;
    final double[] gain = this.gain;
    final double[] change = this.change;
    final double[] state = this.state;
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
    final int[] lags = arLags;
    final int nz = arCount;
    boolean steady = false;
    double ssq = 0.0;
    double sumLog = 0.0;
    // log F is taken again only when F changed: in the steady state F is constant
    double logF = Math.log(f);
    double loggedF = f;
    int n = w.length;
    for (int t = 0; t < n; t++) {
      double v = w[t] - mu - state[0];
      double vf = v / f;
      ssq += v * vf;
      if (f != loggedF) {
        logF = Math.log(f);
        loggedF = f;
      }
      sumLog += logF;
      if (residuals != null) {
        residuals[t] = v / Math.sqrt(f);
      }
      double a0 = state[0];
      if (steady) {
        // (state[i+1] + gain[i] vf) + phi[i] a0, the AR term only where phi[i] is not zero: a
        // seasonal model's expanded AR polynomial is mostly zeros
        for (int i = 0; i < r; i++) {
          state[i] = state[i + 1] + gain[i] * vf;
        }
        for (int z = 0; z < nz; z++) {
          int i = lags[z] - 1;
          state[i] += phiPad[i] * a0;
        }
        continue;
      }
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
      // One pass for the state, the gain and the rank-one change: at index i each reads the
      // values at i + 1 and i before this step's update, as separate passes would. The AR terms
      // phi[i] a0 and phi[i] u only at the AR lags (the next one is arLag).
      int z = 0;
      int arLag = nz > 0 ? lags[0] - 1 : r;
      for (int i = 0; i < r; i++) {
        double kOld = gain[i];
        double si = state[i + 1] + kOld * vf;
        double tl;
        if (i == arLag) {
          si += phiPad[i] * a0;
          tl = phiPad[i] * u + change[i + 1];
          z++;
          arLag = z < nz ? lags[z] - 1 : r;
        } else {
          tl = change[i + 1];
        }
        state[i] = si;
        gain[i] = kOld + tl * mu1;
        double l = tl - kOld * ku;
        change[i] = l;
        norm += l * l;
      }
      m = m * f / fNext;
      f = fNext;
      steady = Math.abs(m) * norm < STEADY_STATE_TOLERANCE;
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
    arCount = nz;
    int dim = p + 1;
    for (int k = 0; k < dim; k++) {
      rhs[k] = maCrossTerm(theta, k);
    }
    if (sameAr(phi)) {
      replay(dim);
    } else {
      java.util.Arrays.fill(system, 0, dim * dim, 0.0);
      for (int k = 0; k < dim; k++) {
        int row = k * dim;
        system[row + k] += 1.0;
        for (int z = 0; z < nz; z++) {
          int i = arLags[z];
          system[row + Math.abs(k - i)] -= phi1[i];
        }
      }
      luP = -1;
      if (!solve(dim)) {
        return false;
      }
      System.arraycopy(phi, 0, luPhi, 0, p);
      luP = p;
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
      pivots[col] = pivot;
      double diag = system[col * dim + col];
      // the columns where the pivot row is not zero: subtracting factor * 0 changes nothing
      int nnz = 0;
      for (int c = col; c < dim; c++) {
        if (system[col * dim + c] != 0.0) {
          rowNonZero[nnz++] = c;
        }
      }
      for (int row = col + 1; row < dim; row++) {
        double factor = system[row * dim + col] / diag;
        factors[row * dim + col] = factor;
        if (factor != 0.0) {
          for (int z = 0; z < nnz; z++) {
            int c = rowNonZero[z];
            system[row * dim + c] -= factor * system[col * dim + c];
          }
          rhs[row] -= factor * rhs[col];
        }
      }
    }
    backSubstitute(dim);
    return true;
  }

  /** True when the last elimination was of the system for these AR coefficients. */
  private boolean sameAr(double[] phi) {
    if (luP != phi.length) {
      return false;
    }
    for (int i = 0; i < luP; i++) {
      if (Double.doubleToRawLongBits(phi[i]) != Double.doubleToRawLongBits(luPhi[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@link #solve} for a new right-hand side with the stored elimination: the row swaps and
   * subtractions {@code solve} applied to the right-hand side, in the same order.
   */
  private void replay(int dim) {
    for (int col = 0; col < dim; col++) {
      int pivot = pivots[col];
      if (pivot != col) {
        double tmp = rhs[col];
        rhs[col] = rhs[pivot];
        rhs[pivot] = tmp;
      }
      for (int row = col + 1; row < dim; row++) {
        double factor = factors[row * dim + col];
        if (factor != 0.0) {
          rhs[row] -= factor * rhs[col];
        }
      }
    }
    backSubstitute(dim);
  }

  private void backSubstitute(int dim) {
    for (int row = dim - 1; row >= 0; row--) {
      double s = rhs[row];
      for (int c = row + 1; c < dim; c++) {
        s -= system[row * dim + c] * rhs[c];
      }
      rhs[row] = s / system[row * dim + row];
    }
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
      factors = new double[dim * dim];
      pivots = new int[dim];
      rowNonZero = new int[dim];
      luPhi = new double[dim];
      luP = -1;
    }
  }
}

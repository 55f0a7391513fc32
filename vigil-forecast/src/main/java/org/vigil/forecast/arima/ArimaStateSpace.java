package org.vigil.forecast.arima;

/**
 * Residuals of the first {@code d + D m} observations as R's {@code arima} reports them.
 *
 * <p>R keeps the undifferenced series in the state vector and starts its lagged values with the
 * large variance {@code kappa = 1e6} (an approximate diffuse prior). The innovations of the
 * observations consumed by differencing are then large-variance, small-valued residuals {@code v /
 * sqrt(F)}, which R includes in {@code sum(residuals^2)} and hence in {@code forecast::Arima}'s
 * sigma2 and prediction intervals. Vigil estimates on the explicitly differenced series (exact
 * likelihood) and uses this filter only to reproduce those first residuals.
 */
final class ArimaStateSpace {
  private static final double KAPPA = 1e6;

  private ArimaStateSpace() {}

  /**
   * Standard errors (for unit innovation variance) of the forecasts 1..h of the undifferenced
   * series, from the ARMA state covariance {@code armaCovariance} (r x r) predicted for the first
   * forecast step; the lagged observations in the state are known. Unlike psi weights alone, this
   * keeps the state uncertainty that remains when a moving average is close to non-invertible.
   */
  static double[] forecastVariances(
      double[] armaCovariance, double[] phi, double[] theta, double[] differencing, int h) {
    int r = Math.max(phi.length, theta.length + 1);
    int k = differencing.length;
    int dim = r + k;
    double[] zv = observation(r, differencing);
    double[] rv = disturbance(r, theta, dim);
    double[][] t = transition(phi, r, k, zv);
    double[][] pm = new double[dim][dim];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < r; j++) {
        pm[i][j] = armaCovariance[i * r + j];
      }
    }
    double[] out = new double[h];
    for (int step = 0; step < h; step++) {
      double f = 0.0;
      for (int i = 0; i < dim; i++) {
        for (int j = 0; j < dim; j++) {
          f += zv[i] * pm[i][j] * zv[j];
        }
      }
      out[step] = Math.max(0.0, f);
      pm = sandwich(t, pm);
      for (int i = 0; i < dim; i++) {
        for (int j = 0; j < dim; j++) {
          pm[i][j] += rv[i] * rv[j];
        }
      }
    }
    return out;
  }

  private static double[] observation(int r, double[] differencing) {
    double[] zv = new double[r + differencing.length];
    zv[0] = 1.0;
    for (int j = 0; j < differencing.length; j++) {
      zv[r + j] = -differencing[j];
    }
    return zv;
  }

  private static double[] disturbance(int r, double[] theta, int dim) {
    double[] rv = new double[dim];
    rv[0] = 1.0;
    for (int i = 1; i < r; i++) {
      rv[i] = i - 1 < theta.length ? theta[i - 1] : 0.0;
    }
    return rv;
  }

  /**
   * @param z the series minus its regression part (drift), length at least {@code k}
   * @param phi expanded AR coefficients
   * @param theta expanded MA coefficients
   * @param differencing {@code c_j} of {@code (1-B)^d (1-B^m)^D = 1 + sum c_j B^j}
   * @return the first {@code k = differencing.length} standardised innovations, or zeros when the
   *     stationary covariance cannot be formed
   */
  static double[] diffuseResiduals(
      double[] z, double[] phi, double[] theta, double[] differencing) {
    int k = differencing.length;
    double[] out = new double[k];
    if (k == 0) {
      return out;
    }
    int r = Math.max(phi.length, theta.length + 1);
    double[] p0 = new ArmaLikelihood().stationaryCovariance(phi, theta);
    if (p0 == null) {
      return out;
    }
    int dim = r + k;
    double[] zv = observation(r, differencing);
    double[] rv = disturbance(r, theta, dim);
    double[][] pm = new double[dim][dim];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < r; j++) {
        pm[i][j] = p0[i * r + j];
      }
    }
    for (int j = 0; j < k; j++) {
      pm[r + j][r + j] = KAPPA;
    }
    double[] a = new double[dim];
    double[] pz = new double[dim];
    double[][] t = transition(phi, r, k, zv);
    for (int step = 0; step < k && step < z.length; step++) {
      double f = 0.0;
      double v = z[step];
      for (int i = 0; i < dim; i++) {
        double s = 0.0;
        for (int j = 0; j < dim; j++) {
          s += pm[i][j] * zv[j];
        }
        pz[i] = s;
        f += zv[i] * s;
        v -= zv[i] * a[i];
      }
      if (!(f > 0.0)) {
        return new double[k];
      }
      out[step] = v / Math.sqrt(f);
      for (int i = 0; i < dim; i++) {
        a[i] += pz[i] * v / f;
        for (int j = 0; j < dim; j++) {
          pm[i][j] -= pz[i] * pz[j] / f;
        }
      }
      a = multiply(t, a);
      pm = sandwich(t, pm);
      for (int i = 0; i < dim; i++) {
        for (int j = 0; j < dim; j++) {
          pm[i][j] += rv[i] * rv[j];
        }
      }
    }
    return out;
  }

  private static double[][] transition(double[] phi, int r, int k, double[] zv) {
    int dim = r + k;
    double[][] t = new double[dim][dim];
    for (int i = 0; i < r; i++) {
      if (i < phi.length) {
        t[i][0] = phi[i];
      }
      if (i + 1 < r) {
        t[i][i + 1] = 1.0;
      }
    }
    if (k > 0) {
      t[r] = zv.clone();
    }
    for (int j = 1; j < k; j++) {
      t[r + j][r + j - 1] = 1.0;
    }
    return t;
  }

  private static double[] multiply(double[][] t, double[] a) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      double s = 0.0;
      for (int j = 0; j < a.length; j++) {
        s += t[i][j] * a[j];
      }
      out[i] = s;
    }
    return out;
  }

  /** {@code T P T'}. */
  private static double[][] sandwich(double[][] t, double[][] p) {
    int n = p.length;
    double[][] tp = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int l = 0; l < n; l++) {
        double til = t[i][l];
        if (til != 0.0) {
          for (int j = 0; j < n; j++) {
            tp[i][j] += til * p[l][j];
          }
        }
      }
    }
    // the transition has one to three non-zero entries per row: sum over those only (adding
    // tp * 0 changes no sum)
    int[][] nonZero = new int[n][];
    for (int j = 0; j < n; j++) {
      int count = 0;
      for (int l = 0; l < n; l++) {
        if (t[j][l] != 0.0) {
          count++;
        }
      }
      nonZero[j] = new int[count];
      count = 0;
      for (int l = 0; l < n; l++) {
        if (t[j][l] != 0.0) {
          nonZero[j][count++] = l;
        }
      }
    }
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      double[] tpi = tp[i];
      for (int j = 0; j < n; j++) {
        double[] tj = t[j];
        double s = 0.0;
        for (int l : nonZero[j]) {
          s += tpi[l] * tj[l];
        }
        out[i][j] = s;
      }
    }
    return out;
  }
}

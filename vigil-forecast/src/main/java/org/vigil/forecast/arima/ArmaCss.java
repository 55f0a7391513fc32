package org.vigil.forecast.arima;

/**
 * Conditional sum of squares of an ARMA model (Box and Jenkins): residuals are computed by the ARMA
 * recursion with the first {@code ncond} residuals set to zero, and the objective is {@code 0.5
 * log(S / count)}, as R's {@code arima(method = "CSS")} defines it. Not thread-safe: holds a
 * residual buffer.
 */
final class ArmaCss {
  private double[] residuals = new double[0];
  private int[] arLags = new int[0];
  private int[] maLags = new int[0];
  private double[] centred = new double[0];
  private double sumSquares;
  private int count;

  /** The objective, or NaN when there is nothing left to fit or the fit is degenerate. */
  double objective(double[] w, double mu, double[] phi, double[] theta, int ncond) {
    if (!run(w, mu, phi, theta, ncond)) {
      return Double.NaN;
    }
    return 0.5 * Math.log(sumSquares / count);
  }

  double sumSquares() {
    return sumSquares;
  }

  int count() {
    return count;
  }

  /** Residuals of the last run, zero before {@code ncond} (copy). */
  double[] residuals(int n) {
    double[] out = new double[n];
    System.arraycopy(residuals, 0, out, 0, n);
    return out;
  }

  boolean run(double[] w, double mu, double[] phi, double[] theta, int ncond) {
    int n = w.length;
    if (residuals.length < n) {
      residuals = new double[n];
      centred = new double[n];
    }
    if (arLags.length < phi.length) {
      arLags = new int[phi.length];
    }
    if (maLags.length < theta.length) {
      maLags = new int[theta.length];
    }
    // locals, not fields, in the loops below (see ArmaLikelihood#filter)
    final double[] residuals = this.residuals;
    final double[] centred = this.centred;
    final int[] arLags = this.arLags;
    final int[] maLags = this.maLags;
    int na = nonZero(phi, arLags);
    int nm = nonZero(theta, maLags);
    double ssq = 0.0;
    int used = 0;
    for (int t = 0; t < Math.min(ncond, n); t++) {
      residuals[t] = 0.0;
    }
    for (int t = 0; t < n; t++) {
      centred[t] = w[t] - mu;
    }
    // from ncond + the largest MA lag on, every MA term refers to a computed residual: no test
    int free = nm == 0 ? ncond : ncond + maLags[nm - 1];
    for (int t = ncond; t < n; t++) {
      double e = centred[t];
      for (int k = 0; k < na; k++) {
        int lag = arLags[k];
        e -= phi[lag - 1] * centred[t - lag];
      }
      if (t < free) {
        for (int k = 0; k < nm; k++) {
          int lag = maLags[k];
          if (t - lag >= ncond) {
            e -= theta[lag - 1] * residuals[t - lag];
          }
        }
      } else {
        for (int k = 0; k < nm; k++) {
          int lag = maLags[k];
          e -= theta[lag - 1] * residuals[t - lag];
        }
      }
      residuals[t] = e;
      ssq += e * e;
      used++;
    }
    if (used == 0 || !(ssq > 0.0) || Double.isInfinite(ssq)) {
      return false;
    }
    sumSquares = ssq;
    count = used;
    return true;
  }

  private static int nonZero(double[] coefficients, int[] lags) {
    int k = 0;
    for (int i = 0; i < coefficients.length; i++) {
      if (coefficients[i] != 0.0) {
        lags[k++] = i + 1;
      }
    }
    return k;
  }
}

package org.vigil.forecast.arima;

/**
 * Operations on lag polynomials as they appear in ARIMA models.
 *
 * <p>Autoregressive polynomials are held in the "regression" convention of Box and Jenkins: an
 * array {@code a} stands for {@code 1 - a[0] B - a[1] B^2 - ...}. Moving-average polynomials hold
 * {@code 1 + b[0] B + b[1] B^2 + ...}. Stationarity and invertibility ask that every root of the
 * polynomial lies outside the unit circle.
 */
final class LagPolynomial {

  private LagPolynomial() {}

  /** {@code (1 - sum a_i B^i)(1 - sum s_j B^{jm})} in the regression convention. */
  static double[] expandAr(double[] ar, double[] seasonalAr, int m) {
    double[] out = new double[ar.length + seasonalAr.length * m];
    System.arraycopy(ar, 0, out, 0, ar.length);
    for (int j = 0; j < seasonalAr.length; j++) {
      int lag = (j + 1) * m;
      out[lag - 1] += seasonalAr[j];
      for (int i = 0; i < ar.length; i++) {
        out[lag + i] -= ar[i] * seasonalAr[j];
      }
    }
    return out;
  }

  /** {@code (1 + sum a_i B^i)(1 + sum s_j B^{jm})} in the moving-average convention. */
  static double[] expandMa(double[] ma, double[] seasonalMa, int m) {
    double[] out = new double[ma.length + seasonalMa.length * m];
    System.arraycopy(ma, 0, out, 0, ma.length);
    for (int j = 0; j < seasonalMa.length; j++) {
      int lag = (j + 1) * m;
      out[lag - 1] += seasonalMa[j];
      for (int i = 0; i < ma.length; i++) {
        out[lag + i] += ma[i] * seasonalMa[j];
      }
    }
    return out;
  }

  /**
   * Coefficients {@code c_1..c_k} of {@code (1-B)^d (1-B^m)^D = 1 + c_1 B + ... + c_k B^k}, so that
   * the differenced series is {@code w_t = y_t + sum c_j y_{t-j}}.
   */
  static double[] differencing(int d, int seasonalD, int m) {
    double[] poly = {1.0};
    for (int i = 0; i < d; i++) {
      poly = multiply(poly, new double[] {1.0, -1.0});
    }
    for (int i = 0; i < seasonalD; i++) {
      double[] s = new double[m + 1];
      s[0] = 1.0;
      s[m] = -1.0;
      poly = multiply(poly, s);
    }
    double[] out = new double[poly.length - 1];
    System.arraycopy(poly, 1, out, 0, out.length);
    return out;
  }

  /** Product of two polynomials given by their coefficients in increasing powers. */
  static double[] multiply(double[] a, double[] b) {
    double[] out = new double[a.length + b.length - 1];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b.length; j++) {
        out[i + j] += a[i] * b[j];
      }
    }
    return out;
  }

  /**
   * Maps unconstrained reals to the coefficients of a stationary autoregression: each value goes
   * through {@code tanh} to a partial autocorrelation in (-1, 1), and the Durbin-Levinson recursion
   * turns partial autocorrelations into coefficients (Jones 1980; Monahan 1984).
   */
  static double[] pacfToAr(double[] raw, int from, int count, double[] out, int outFrom) {
    double[] work = new double[count];
    for (int k = 0; k < count; k++) {
      double r = Math.tanh(raw[from + k]);
      for (int j = 0; j < k; j++) {
        work[j] = out[outFrom + j] - r * out[outFrom + k - 1 - j];
      }
      for (int j = 0; j < k; j++) {
        out[outFrom + j] = work[j];
      }
      out[outFrom + k] = r;
    }
    return out;
  }

  /**
   * Inverse of {@link #pacfToAr}: coefficients of a stationary autoregression to unconstrained
   * reals. Returns false when the autoregression is not stationary.
   */
  static boolean arToPacf(double[] ar, int from, int count, double[] out, int outFrom) {
    double[] a = new double[count];
    System.arraycopy(ar, from, a, 0, count);
    double[] work = new double[count];
    for (int k = count - 1; k >= 0; k--) {
      double r = a[k];
      if (!(Math.abs(r) < 1.0)) {
        return false;
      }
      out[outFrom + k] = atanh(r);
      double denom = 1.0 - r * r;
      for (int j = 0; j < k; j++) {
        work[j] = (a[j] + r * a[k - 1 - j]) / denom;
      }
      System.arraycopy(work, 0, a, 0, k);
    }
    return true;
  }

  private static double atanh(double r) {
    return 0.5 * Math.log((1.0 + r) / (1.0 - r));
  }

  /**
   * Smallest modulus among the roots of {@code 1 + c[0] z + ... + c[k-1] z^k}; infinity when the
   * polynomial is constant.
   */
  static double minRootModulus(double[] c) {
    int degree = c.length;
    while (degree > 0 && c[degree - 1] == 0.0) {
      degree--;
    }
    if (degree == 0) {
      return Double.POSITIVE_INFINITY;
    }
    double[][] roots = roots(c, degree);
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < degree; i++) {
      min = Math.min(min, Math.hypot(roots[0][i], roots[1][i]));
    }
    return min;
  }

  /**
   * True when every root of the autoregressive polynomial {@code 1 - sum a_i z^i} is outside the
   * unit circle.
   */
  static boolean isStationary(double[] ar) {
    double[] c = new double[ar.length];
    for (int i = 0; i < ar.length; i++) {
      c[i] = -ar[i];
    }
    return minRootModulus(c) > 1.0;
  }

  /**
   * Reflects the roots of {@code 1 + sum b_i z^i} that lie inside the unit circle to their
   * reciprocals, which keeps the autocovariances (up to the innovation variance) and makes the
   * moving average invertible. Returns the input unchanged when it is already invertible.
   */
  static double[] invertMa(double[] ma) {
    int degree = ma.length;
    while (degree > 0 && ma[degree - 1] == 0.0) {
      degree--;
    }
    if (degree == 0) {
      return ma.clone();
    }
    double[][] roots = roots(ma, degree);
    boolean any = false;
    for (int i = 0; i < degree; i++) {
      double re = roots[0][i];
      double im = roots[1][i];
      double mod2 = re * re + im * im;
      if (mod2 < 1.0) {
        any = true;
        roots[0][i] = re / mod2;
        roots[1][i] = -im / mod2;
      }
    }
    if (!any) {
      return ma.clone();
    }
    if (degree == 1) {
      double[] out = ma.clone();
      out[0] = 1.0 / ma[0];
      return out;
    }
    // rebuild prod (1 - z / r_i) with complex arithmetic
    double[] pr = new double[degree + 1];
    double[] pi = new double[degree + 1];
    pr[0] = 1.0;
    for (int i = 0; i < degree; i++) {
      double re = roots[0][i];
      double im = roots[1][i];
      double mod2 = re * re + im * im;
      double invRe = re / mod2;
      double invIm = -im / mod2;
      for (int k = i + 1; k >= 1; k--) {
        // new[k] = old[k] - old[k-1] * (1/r)
        double mr = pr[k - 1] * invRe - pi[k - 1] * invIm;
        double mi = pr[k - 1] * invIm + pi[k - 1] * invRe;
        pr[k] -= mr;
        pi[k] -= mi;
      }
    }
    double[] out = ma.clone();
    for (int i = 0; i < degree; i++) {
      out[i] = pr[i + 1];
    }
    return out;
  }

  /**
   * Roots of {@code 1 + c[0] z + ... + c[degree-1] z^degree} by the Durand-Kerner (Weierstrass)
   * simultaneous iteration; returns {real parts, imaginary parts}.
   */
  static double[][] roots(double[] c, int degree) {
    double[] re = new double[degree];
    double[] im = new double[degree];
    if (degree == 1) {
      re[0] = -1.0 / c[0];
      return new double[][] {re, im};
    }
    double lead = c[degree - 1];
    // monic coefficients a_0..a_{degree-1} of z^degree + ...
    double[] a = new double[degree];
    a[0] = 1.0 / lead;
    for (int i = 1; i < degree; i++) {
      a[i] = c[i - 1] / lead;
    }
    double bound = 1.0;
    for (double v : a) {
      bound = Math.max(bound, 1.0 + Math.abs(v));
    }
    double radius = Math.min(bound, Math.pow(Math.abs(a[0]), 1.0 / degree) + 0.1);
    for (int i = 0; i < degree; i++) {
      double angle = 2.0 * Math.PI * i / degree + 0.4;
      re[i] = radius * Math.cos(angle);
      im[i] = radius * Math.sin(angle);
    }
    for (int iter = 0; iter < 500; iter++) {
      double change = 0.0;
      for (int i = 0; i < degree; i++) {
        // p(z) by Horner, monic
        double vr = 1.0;
        double vi = 0.0;
        for (int k = degree - 1; k >= 0; k--) {
          double tr = vr * re[i] - vi * im[i] + a[k];
          vi = vr * im[i] + vi * re[i];
          vr = tr;
        }
        double dr = 1.0;
        double di = 0.0;
        for (int j = 0; j < degree; j++) {
          if (j != i) {
            double xr = re[i] - re[j];
            double xi = im[i] - im[j];
            double tr = dr * xr - di * xi;
            di = dr * xi + di * xr;
            dr = tr;
          }
        }
        double den = dr * dr + di * di;
        if (den == 0.0) {
          den = 1e-300;
        }
        double qr = (vr * dr + vi * di) / den;
        double qi = (vi * dr - vr * di) / den;
        re[i] -= qr;
        im[i] -= qi;
        change = Math.max(change, Math.hypot(qr, qi) / Math.max(1.0, Math.hypot(re[i], im[i])));
      }
      if (change < 1e-14) {
        break;
      }
    }
    return new double[][] {re, im};
  }
}

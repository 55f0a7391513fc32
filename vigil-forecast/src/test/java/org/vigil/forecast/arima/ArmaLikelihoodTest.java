package org.vigil.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kalman-filter likelihood against a brute-force exact Gaussian likelihood: the Toeplitz
 * covariance of the series from psi weights summed to convergence, Cholesky-factorised. Agreement
 * to 1e-8 in the concentrated objective.
 */
class ArmaLikelihoodTest {

  record Model(String name, double[] phi, double[] theta) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Model[] models() {
    return new Model[] {
      new Model("white noise", new double[0], new double[0]),
      new Model("AR(1)", new double[] {0.7}, new double[0]),
      new Model("AR(2) near unit root", new double[] {1.6, -0.65}, new double[0]),
      new Model("MA(2)", new double[0], new double[] {0.5, -0.3}),
      new Model("ARMA(2,1)", new double[] {0.5, 0.2}, new double[] {-0.4}),
      new Model(
          "seasonal (1,0,1)(1,0,1)[4]",
          LagPolynomial.expandAr(new double[] {0.5}, new double[] {0.3}, 4),
          LagPolynomial.expandMa(new double[] {0.4}, new double[] {-0.5}, 4)),
      new Model("MA(1) non-invertible", new double[0], new double[] {1.8}),
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void objective_armaModels_matchesToeplitzLikelihood(Model model) {
    double[] w = new SplittableRandom(7).doubles(60, -1.0, 1.0).toArray();
    for (int t = 1; t < w.length; t++) {
      w[t] += 0.5 * w[t - 1];
    }
    double mu = 0.1;
    double actual = new ArmaLikelihood().objective(w, mu, model.phi(), model.theta());
    double expected = bruteForce(w, mu, model.phi(), model.theta());
    assertThat(actual).isCloseTo(expected, within(1e-8));
  }

  @Test
  void objective_nonStationaryAr_isNaN() {
    double[] w = {1, 2, 3, 4, 5};
    assertThat(new ArmaLikelihood().objective(w, 0.0, new double[] {1.1}, new double[0])).isNaN();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void stationaryCovariance_armaModels_solvesLyapunovEquation(Model model) {
    double[] phi = model.phi();
    double[] theta = model.theta();
    int r = Math.max(phi.length, theta.length + 1);
    double[] p = new ArmaLikelihood().stationaryCovariance(phi, theta);
    double[] rv = new double[r];
    rv[0] = 1.0;
    for (int i = 1; i < r; i++) {
      rv[i] = i - 1 < theta.length ? theta[i - 1] : 0.0;
    }
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < r; j++) {
        double tpt = 0.0;
        for (int a = 0; a < r; a++) {
          for (int b = 0; b < r; b++) {
            tpt += t(phi, r, i, a) * p[a * r + b] * t(phi, r, j, b);
          }
        }
        assertThat(p[i * r + j]).isCloseTo(tpt + rv[i] * rv[j], within(1e-9));
      }
    }
  }

  private static double t(double[] phi, int r, int i, int j) {
    double v = j == 0 && i < phi.length ? phi[i] : 0.0;
    return v + (j == i + 1 ? 1.0 : 0.0);
  }

  /** 0.5 log(S/n) + 0.5 log det(Sigma)/n with Sigma the autocovariance matrix (unit variance). */
  static double bruteForce(double[] w, double mu, double[] phi, double[] theta) {
    int n = w.length;
    int terms = 20000;
    double[] psi = new double[terms];
    psi[0] = 1.0;
    for (int j = 1; j < terms; j++) {
      double s = j <= theta.length ? theta[j - 1] : 0.0;
      for (int i = 1; i <= Math.min(j, phi.length); i++) {
        s += phi[i - 1] * psi[j - i];
      }
      psi[j] = s;
    }
    double[] gamma = new double[n];
    for (int k = 0; k < n; k++) {
      double s = 0.0;
      for (int j = 0; j + k < terms; j++) {
        s += psi[j] * psi[j + k];
      }
      gamma[k] = s;
    }
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = gamma[i - j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
      }
    }
    double[] z = new double[n];
    double logDet = 0.0;
    double ssq = 0.0;
    for (int i = 0; i < n; i++) {
      double s = w[i] - mu;
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * z[k];
      }
      z[i] = s / l[i][i];
      ssq += z[i] * z[i];
      logDet += 2.0 * Math.log(l[i][i]);
    }
    return 0.5 * Math.log(ssq / n) + 0.5 * logDet / n;
  }
}

package org.vigil.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ArimaStateSpaceTest {

  @Test
  void forecastVariances_knownState_equalPsiWeightSums() {
    double[] phi = {0.5};
    double[] theta = {0.3};
    double[] diff = LagPolynomial.differencing(1, 0, 1);
    int r = 2;
    double[] known = ArimaEstimator.unitCovariance(theta, r);
    double[] v = ArimaStateSpace.forecastVariances(known, phi, theta, diff, 6);
    // ARIMA(1,1,1): psi weights of (1 + 0.3B) / ((1 - 0.5B)(1 - B))
    double[] psi = new double[6];
    double[] ar = {1.5, -0.5};
    psi[0] = 1.0;
    double cumulative = 1.0;
    assertThat(v[0]).isCloseTo(1.0, within(1e-12));
    for (int j = 1; j < 6; j++) {
      double s = j == 1 ? theta[0] : 0.0;
      for (int i = 1; i <= Math.min(j, 2); i++) {
        s += ar[i - 1] * psi[j - i];
      }
      psi[j] = s;
      cumulative += s * s;
      assertThat(v[j]).as("step %d", j + 1).isCloseTo(cumulative, within(1e-10));
    }
  }

  @Test
  void forecastVariances_uncertainState_exceedKnownState() {
    double[] theta = {-0.95};
    double[] diff = new double[0];
    double[] known = ArimaEstimator.unitCovariance(theta, 2);
    double[] uncertain = known.clone();
    uncertain[0] += 0.5;
    double[] a = ArimaStateSpace.forecastVariances(known, new double[0], theta, diff, 3);
    double[] b = ArimaStateSpace.forecastVariances(uncertain, new double[0], theta, diff, 3);
    assertThat(b[0]).isGreaterThan(a[0]);
  }

  @Test
  void diffuseResiduals_firstDifference_areSmallRelativeToTheLevel() {
    double[] z = {100.0, 101.0, 103.0};
    double[] res =
        ArimaStateSpace.diffuseResiduals(
            z, new double[0], new double[0], LagPolynomial.differencing(1, 0, 1));
    // one lagged level with prior variance 1e6: the first residual is z / sqrt(1 + 1e6)
    assertThat(res).hasSize(1);
    assertThat(res[0]).isCloseTo(100.0 / Math.sqrt(1.0 + 1e6), within(1e-9));
  }
}

package org.vigil.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LagPolynomialTest {

  @Test
  void pacfToAr_roundTrip_recoversCoefficients() {
    double[] ar = {0.5, 0.3, -0.2};
    double[] raw = new double[3];
    assertThat(LagPolynomial.arToPacf(ar, 0, 3, raw, 0)).isTrue();
    double[] back = LagPolynomial.pacfToAr(raw, 0, 3, new double[3], 0);
    assertThat(back).containsExactly(ar, within(1e-12));
  }

  @Test
  void pacfToAr_anyReals_givesStationaryAr() {
    double[] raw = {5.0, -4.0, 3.0, 2.5};
    double[] ar = LagPolynomial.pacfToAr(raw, 0, 4, new double[4], 0);
    assertThat(LagPolynomial.isStationary(ar)).isTrue();
  }

  @Test
  void arToPacf_nonStationary_isRejected() {
    assertThat(LagPolynomial.arToPacf(new double[] {1.2}, 0, 1, new double[1], 0)).isFalse();
  }

  @Test
  void minRootModulus_knownQuadratic_findsRoots() {
    // (1 - 0.5 z)(1 + 0.25 z) = 1 - 0.25 z - 0.125 z^2: roots 2 and -4
    assertThat(LagPolynomial.minRootModulus(new double[] {-0.25, -0.125}))
        .isCloseTo(2.0, within(1e-10));
  }

  @Test
  void invertMa_nonInvertible_reflectsRootsKeepingAutocorrelation() {
    double[] ma = {2.5, 1.0};
    double[] inv = LagPolynomial.invertMa(ma);
    assertThat(LagPolynomial.minRootModulus(inv)).isGreaterThan(1.0);
    assertThat(lag1Autocorrelation(inv)).isCloseTo(lag1Autocorrelation(ma), within(1e-10));
  }

  @Test
  void invertMa_invertible_isUnchanged() {
    double[] ma = {-0.4, 0.2};
    assertThat(LagPolynomial.invertMa(ma)).containsExactly(ma);
  }

  @Test
  void expandAr_seasonal_multipliesFactors() {
    double[] phi = LagPolynomial.expandAr(new double[] {0.5}, new double[] {0.3}, 4);
    assertThat(phi).containsExactly(new double[] {0.5, 0, 0, 0.3, -0.15}, within(1e-15));
  }

  @Test
  void differencing_firstAndSeasonal_givesProductCoefficients() {
    // (1 - B)(1 - B^4) = 1 - B - B^4 + B^5
    assertThat(LagPolynomial.differencing(1, 1, 4))
        .containsExactly(new double[] {-1, 0, 0, -1, 1}, within(1e-15));
  }

  private static double lag1Autocorrelation(double[] ma) {
    double[] c = {1.0, ma[0], ma[1]};
    double g0 = c[0] * c[0] + c[1] * c[1] + c[2] * c[2];
    double g1 = c[0] * c[1] + c[1] * c[2];
    return g1 / g0;
  }
}

package org.vigil.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AutoArimaTest {

  @Test
  void fit_constantSeries_forecastsTheConstantWithZeroError() {
    double[] y = {5, 5, 5, 5, 5, 5, 5, 5};
    ArimaFit fit = AutoArima.fit(y, 1, AutoArimaSpec.DEFAULT);
    ArimaForecast fc = fit.forecast(3);
    assertThat(fc.mean()).containsOnly(5.0);
    assertThat(fc.standardError()).containsOnly(0.0);
  }

  @Test
  void fit_linearTrend_extrapolatesTheTrend() {
    double[] y = new double[20];
    for (int t = 0; t < y.length; t++) {
      y[t] = 3.0 + 2.0 * t;
    }
    ArimaForecast fc = AutoArima.fit(y, 1, AutoArimaSpec.DEFAULT).forecast(2);
    assertThat(fc.mean()).containsExactly(new double[] {43.0, 45.0}, within(1e-9));
  }

  @Test
  void fit_sameInputTwice_givesIdenticalResults() {
    double[] y = noisySeasonal(72, 12, 3);
    ArimaFit a = AutoArima.fit(y, 12, AutoArimaSpec.DEFAULT);
    ArimaFit b = AutoArima.fit(y, 12, AutoArimaSpec.DEFAULT);
    assertThat(a.order()).isEqualTo(b.order());
    assertThat(a.forecast(12)).isEqualTo(b.forecast(12));
  }

  @Test
  void fit_periodLongerThanSeries_fitsNonSeasonalModelWithDiagnostic() {
    double[] y = noisySeasonal(10, 12, 5);
    ArimaFit fit = AutoArima.fit(y, 12, AutoArimaSpec.DEFAULT);
    assertThat(fit.order().m()).isEqualTo(1);
    assertThat(fit.diagnostics()).anyMatch(s -> s.contains("too short for seasonal"));
  }

  @Test
  void fit_threeObservations_returnsAModel() {
    ArimaFit fit = AutoArima.fit(new double[] {1.0, 3.0, 2.0}, 1, AutoArimaSpec.DEFAULT);
    double[] mean = fit.forecast(2).mean();
    assertThat(mean).hasSize(2);
    assertThat(java.util.Arrays.stream(mean).allMatch(Double::isFinite)).isTrue();
  }

  @Test
  void fit_strongSeasonality_takesSeasonalDifference() {
    ArimaFit fit = AutoArima.fit(noisySeasonal(96, 12, 11), 12, AutoArimaSpec.DEFAULT);
    assertThat(fit.order().seasonalD()).isEqualTo(1);
  }

  @Test
  void fit_nonFiniteValue_isRejectedWithIndex() {
    assertThatThrownBy(
            () -> AutoArima.fit(new double[] {1, Double.NaN, 3}, 1, AutoArimaSpec.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index 1");
  }

  @Test
  void fit_emptySeries_isRejected() {
    assertThatThrownBy(() -> AutoArima.fit(new double[0], 1, AutoArimaSpec.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one observation");
  }

  @Test
  void spec_builder_overridesDefaultsAndValidates() {
    AutoArimaSpec spec =
        AutoArimaSpec.builder().maxP(3).criterion(AutoArimaSpec.Criterion.BIC).build();
    assertThat(spec.maxP()).isEqualTo(3);
    assertThat(spec.maxQ()).isEqualTo(AutoArimaSpec.DEFAULT.maxQ());
    assertThatThrownBy(() -> AutoArimaSpec.builder().maxD(3).build())
        .hasMessageContaining("maxD must be 0, 1 or 2, found 3");
  }

  @Test
  void arimaFit_tooShortForDifferencing_isRejected() {
    assertThatThrownBy(
            () -> Arima.fit(new double[] {1, 2}, new ArimaOrder(0, 1, 0, 0, 1, 0, 4), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs at least 6 observations, found 2");
  }

  private static double[] noisySeasonal(int n, int m, long seed) {
    java.util.Random random = new java.util.Random(seed);
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] = 100 + 0.3 * t + 10 * Math.sin(2 * Math.PI * t / m) + random.nextGaussian();
    }
    return y;
  }
}

package org.vigil.forecast.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vigil.forecast.ForecastMethod;
import org.vigil.forecast.ForecastSpec;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

class MetricsTest {

  @Test
  void smape_knownValues() {
    // 200*|100-110|/210 = 9.5238..., 200*|50-40|/90 = 22.222...
    assertThat(Metrics.smape(new double[] {100, 50}, new double[] {110, 40}))
        .isCloseTo((2000.0 / 210 + 2000.0 / 90) / 2, within(1e-12));
  }

  @Test
  void mase_scalesBySeasonalNaiveError() {
    double[] insample = {1, 2, 3, 4, 2, 3, 4, 5};
    // lag-4 naive errors in sample are all 1
    assertThat(Metrics.mase(new double[] {6, 7}, new double[] {5, 5}, insample, 4))
        .isCloseTo(1.5, within(1e-12));
    // lag 1: |1|,|1|,|1|,|2|,|1|,|1|,|1| -> 8/7
    assertThat(Metrics.mase(new double[] {6}, new double[] {5}, insample, 1))
        .isCloseTo(7.0 / 8, within(1e-12));
  }

  @Test
  void msisAndCoverage_penaliseMisses() {
    double[] insample = {0, 1, 2, 3, 4};
    double[] actual = {5, 10};
    double[] lo = {4, 4};
    double[] hi = {6, 6};
    assertThat(Metrics.coverage(actual, lo, hi)).isEqualTo(0.5);
    // widths 2 and 2, miss by 4 at a = 0.05: 2/0.05*4 = 160; mean (2 + 162) / 2 = 82, scale 1
    assertThat(Metrics.msis(actual, lo, hi, insample, 1, 0.05)).isCloseTo(82, within(1e-9));
  }

  @Test
  void crps_fromManyNormalQuantiles_approachesClosedForm() {
    // CRPS of N(0,1) at y = 0 is 2 phi(0) - 1/sqrt(pi) = 0.2336949
    int k = 999;
    double[] p = new double[k];
    double[][] q = new double[k][1];
    for (int i = 0; i < k; i++) {
      p[i] = (i + 1.0) / (k + 1);
      q[i][0] = inverseNormal(p[i]);
    }
    assertThat(Metrics.crps(new double[] {0}, p, q)).isCloseTo(0.2336949, within(2e-3));
  }

  private static double inverseNormal(double p) {
    double lo = -10;
    double hi = 10;
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      double c = 0.5 * (1 + erf(mid / Math.sqrt(2)));
      if (c < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  private static double erf(double x) {
    double s = 0;
    double term = x;
    for (int n = 0; n < 200; n++) {
      s += term / (2 * n + 1);
      term *= -x * x / (n + 1);
    }
    return 2 / Math.sqrt(Math.PI) * s;
  }

  @Test
  void backtest_naiveOnLine_hasKnownErrors() {
    double[] y = new double[20];
    for (int t = 0; t < 20; t++) {
      y[t] = t + 1;
    }
    BacktestResult r =
        Backtest.run(
            TimeSeries.of(Period.year(2000), y),
            ForecastSpec.builder().method(ForecastMethod.NAIVE).build(),
            new BacktestSpec(3, 2, 1, 8));
    assertThat(r.origins()).hasSize(3);
    // naive errors are 1 and 2; in-sample lag-1 error 1: MASE 1.5 at every origin
    assertThat(r.mase()).isCloseTo(1.5, within(1e-12));
    assertThat(r.origins().get(2).lastTraining()).isEqualTo(Period.year(2017));
  }
}

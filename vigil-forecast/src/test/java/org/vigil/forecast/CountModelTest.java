package org.vigil.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

class CountModelTest {

  @Test
  void zeroInflatedMoments_recoversSimulatedParameters() {
    // ZINB with pi 0.5, count mean 4, size 2 (a sum of two geometric counts), 40,000 draws, seed 7.
    SplittableRandom rnd = new SplittableRandom(7);
    double p = 2.0 / (2 + 4);
    double[] y = new double[40_000];
    for (int t = 0; t < y.length; t++) {
      y[t] = rnd.nextDouble() < 0.5 ? 0 : geometric(rnd, p) + geometric(rnd, p);
    }
    CountDistribution d = CountModel.zeroInflatedMoments(y);
    assertThat(d.zeroInflation()).isCloseTo(0.5, within(0.03));
    assertThat(d.mu()).isCloseTo(4, within(0.25));
    assertThat(d.size()).isCloseTo(2, within(0.4));
  }

  @Test
  void zeroInflatedMoments_withoutExtraZeros_givesNoInflation() {
    SplittableRandom rnd = new SplittableRandom(3);
    double[] y = new double[20_000];
    for (int t = 0; t < y.length; t++) {
      y[t] = poisson(rnd, 1.2);
    }
    CountDistribution d = CountModel.zeroInflatedMoments(y);
    assertThat(d.zeroInflation()).isLessThan(0.03);
    assertThat(d.mean()).isCloseTo(1.2, within(0.03));
  }

  @Test
  void countForecast_everyQuantileIsWholeAndNonNegative_seasonalCounts() {
    SplittableRandom rnd = new SplittableRandom(11);
    double[] y = new double[72];
    for (int t = 0; t < y.length; t++) {
      y[t] = poisson(rnd, 6 + 4 * Math.sin(2 * Math.PI * t / 12));
    }
    TimeSeries s = TimeSeries.of(Period.month(2020, 1), y);
    Forecast f = Forecaster.forecast(s, ForecastSpec.builder().counts(true).horizon(12).build());
    assertWholeAndNonNegative(f);
    assertThat(f.countDistributions()).hasSize(12);
    assertThat(f.diagnostics()).anyMatch(d -> d.startsWith("count intervals"));
    // The 95% interval of a mean-6 count is not degenerate.
    assertThat(f.upper(0.95)[0] - f.lower(0.95)[0]).isGreaterThanOrEqualTo(4);
  }

  @Test
  void countForecast_sparseSeries_keepsSbaPointAndUsesZeroInflation() {
    double[] y = {0, 0, 3, 0, 1, 0, 0, 0, 5, 0, 0, 2, 0, 0, 0, 1, 0, 4, 0, 0, 0, 0, 2, 0};
    TimeSeries s = TimeSeries.of(Period.month(2024, 1), y);
    Forecast f = Forecaster.forecast(s, ForecastSpec.builder().counts(true).horizon(6).build());
    assertThat(f.method()).isEqualTo(ForecastMethod.SBA);
    assertWholeAndNonNegative(f);
    assertThat(f.lower(0.8)).containsOnly(0.0);
    assertThat(f.upper(0.95)[0]).isGreaterThanOrEqualTo(2);
    assertThat(f.diagnostics()).anyMatch(d -> d.contains("sparse series"));
  }

  @Test
  void withPoints_countForecast_staysWholeAroundTheNewMean() {
    SplittableRandom rnd = new SplittableRandom(5);
    double[] y = new double[48];
    for (int t = 0; t < y.length; t++) {
      y[t] = poisson(rnd, 30);
    }
    Forecast f =
        Forecaster.forecast(
            TimeSeries.of(Period.month(2022, 1), y),
            ForecastSpec.builder().counts(true).horizon(3).build());
    Forecast moved = f.withPoints(new double[] {40.5, 41, 42}, true, "moved");
    assertWholeAndNonNegative(moved);
    assertThat(moved.points()).containsExactly(40.5, 41, 42);
    assertThat(moved.quantile(0.5)[0]).isBetween(38.0, 42.0);
    assertThat(moved.diagnostics()).contains("moved");
  }

  @Test
  void notCounts_keepsTheModelsIntervals() {
    double[] y = new double[36];
    for (int t = 0; t < y.length; t++) {
      y[t] = 10.5 + 0.37 * t + (t % 3);
    }
    Forecast f = Forecaster.forecast(TimeSeries.of(Period.month(2020, 1), y), ForecastSpec.DEFAULT);
    assertThat(f.countDistributions()).isEmpty();
    boolean fractional = false;
    for (double p : f.quantileProbabilities()) {
      for (double v : f.quantile(p)) {
        fractional |= v != Math.rint(v);
      }
    }
    assertThat(fractional).isTrue();
  }

  static void assertWholeAndNonNegative(Forecast f) {
    for (double p : f.quantileProbabilities()) {
      for (double v : f.quantile(p)) {
        assertThat(v).as("quantile " + p + " of " + f.model()).isEqualTo(Math.rint(v));
        assertThat(v).as("quantile " + p).isGreaterThanOrEqualTo(0);
      }
    }
  }

  private static double geometric(SplittableRandom rnd, double p) {
    return Math.floor(Math.log(1 - rnd.nextDouble()) / Math.log(1 - p));
  }

  static double poisson(SplittableRandom rnd, double lambda) {
    double l = Math.exp(-lambda);
    int k = 0;
    double prod = rnd.nextDouble();
    while (prod > l) {
      k++;
      prod *= rnd.nextDouble();
    }
    return k;
  }
}

package org.vigil.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.forecast.Forecast;
import org.vigil.forecast.Forecaster;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * With {@code --counts}, a count series gets the in-process engine's count intervals (whole
 * numbers, never below zero) and a series with fractions is forecast as without the option.
 */
class SeriesForecasterCountsTest {
  private static final BatchSpec COUNTS =
      new BatchSpec("AUTO", 12, List.of(0.8, 0.95), 1, "ZZZ", false, true, 0, 6, 3, 1000);

  private static TimeSeries series(boolean whole) {
    double[] v = new double[48];
    java.util.Random r = new java.util.Random(7);
    for (int i = 0; i < v.length; i++) {
      double x = 3 + 2 * Math.sin(i * Math.PI / 6) + r.nextGaussian();
      v[i] = Math.max(0, whole ? Math.rint(x) : x + 0.25);
    }
    return TimeSeries.of(Period.month(2022, 1), v);
  }

  @Test
  void countSeries_getsTheInProcessCountIntervals_wholeAndNonNegative() {
    TimeSeries s = series(true);
    SeriesResult r = new SeriesForecaster(COUNTS).forecast("KAZ", s);
    Forecast in =
        Forecaster.forecast(s, BatchSpec.DEFAULT.forecastSpec().toBuilder().counts(true).build());

    assertThat(r.error()).isNullOrEmpty();
    assertThat(r.points()).containsExactly(in.points());
    for (int i = 0; i < r.probabilities().length; i++) {
      assertThat(r.quantiles()[i]).containsExactly(in.quantile(r.probabilities()[i]));
      for (double q : r.quantiles()[i]) {
        assertThat(q).isGreaterThanOrEqualTo(0).isEqualTo(Math.rint(q));
      }
    }
  }

  @Test
  void seriesWithFractions_isForecastAsWithoutTheOption() {
    TimeSeries s = series(false);
    SeriesResult with = new SeriesForecaster(COUNTS).forecast("KAZ", s);
    SeriesResult without = new SeriesForecaster(BatchSpec.DEFAULT).forecast("KAZ", s);

    assertThat(with.points()).containsExactly(without.points());
    assertThat(with.quantiles()).isDeepEqualTo(without.quantiles());
    assertThat(java.util.Arrays.stream(with.quantiles()[0]).anyMatch(q -> q != Math.rint(q)))
        .as("some bound is fractional")
        .isTrue();
  }
}

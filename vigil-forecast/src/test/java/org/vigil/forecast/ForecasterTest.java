package org.vigil.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

class ForecasterTest {

  @Test
  void forecast_naive_repeatsLastValueWithWideningIntervals() {
    TimeSeries s = TimeSeries.of(Period.year(2000), 1, 3, 2, 4, 3);
    Forecast f =
        Forecaster.forecast(
            s, ForecastSpec.builder().method(ForecastMethod.NAIVE).horizon(3).build());
    assertThat(f.points()).containsExactly(3, 3, 3);
    assertThat(f.start()).isEqualTo(Period.year(2005));
    double[] lo = f.lower(0.95);
    double[] hi = f.upper(0.95);
    // sigma^2 = mean of squared differences (4 + 1 + 4 + 1) / 4 = 2.5
    assertThat(hi[0] - 3).isCloseTo(1.959964 * Math.sqrt(2.5), within(1e-5));
    assertThat(hi[2] - lo[2]).isGreaterThan(hi[0] - lo[0]);
    assertThat(f.quantile(0.5)).containsExactly(3, 3, 3);
  }

  @Test
  void forecast_seriesWithoutValues_throwsWithReason() {
    TimeSeries s = TimeSeries.of(Period.year(2000), Double.NaN, Double.NaN);
    assertThatThrownBy(() -> Forecaster.forecast(s, ForecastSpec.DEFAULT))
        .isInstanceOf(ForecastInputException.class)
        .hasMessageContaining("no values");
  }

  @Test
  void forecast_autoOnValuesNearDoubleMax_throwsNamingTheProblem() {
    double big = Double.MAX_VALUE;
    // Found by the Spark batch: AUTO's intermittent branch compared infinite sums of squares and
    // failed with a NullPointerException.
    TimeSeries s = TimeSeries.of(Period.month(2020, 1), big, big, 0, big, 0, big, 0, 1, 2, 3);
    ForecastSpec auto = ForecastSpec.builder().method(ForecastMethod.AUTO).horizon(3).build();
    assertThatThrownBy(() -> Forecaster.forecast(s, auto))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("values too large to fit: ")
        .hasMessageContaining("2020-01")
        .hasMessageContaining("1.80e+308")
        .hasMessageContaining("rescale the series");
  }

  @Test
  void forecast_autoOnLargeButFittableValues_forecastsFiniteValues() {
    double[] v = {1, 1, 0, 1, 0, 1, 0, 1, 2, 3, 2, 1, 3, 2, 4, 3, 5, 4, 6, 5};
    double[] scaled = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      scaled[i] = v[i] * 1e99;
    }
    ForecastSpec auto = ForecastSpec.builder().method(ForecastMethod.AUTO).horizon(3).build();
    Forecast f = Forecaster.forecast(TimeSeries.of(Period.month(2020, 1), scaled), auto);
    for (int k = 0; k < 3; k++) {
      assertThat(f.points()[k]).isFinite().isBetween(0.0, 1e101);
      assertThat(f.upper(0.95)[k]).isFinite().isGreaterThanOrEqualTo(f.points()[k]);
    }
  }

  @Test
  void forecast_interiorGap_isInterpolatedAndReported() {
    TimeSeries s = TimeSeries.of(Period.year(2000), 1, Double.NaN, 3, 4, 5);
    Forecast f =
        Forecaster.forecast(
            s, ForecastSpec.builder().method(ForecastMethod.DRIFT).horizon(2).build());
    assertThat(f.points()[0]).isCloseTo(6, within(1e-12));
    assertThat(f.diagnostics()).anyMatch(d -> d.contains("linear interpolation"));
  }

  @Test
  void forecast_seasonalNaive_repeatsLastSeason() {
    TimeSeries s = TimeSeries.of(Period.quarter(2000, 1), 1, 2, 3, 4, 5, 6, 7, 8);
    Forecast f =
        Forecaster.forecast(
            s, ForecastSpec.builder().method(ForecastMethod.SNAIVE).horizon(6).build());
    assertThat(f.points()).containsExactly(5, 6, 7, 8, 5, 6);
  }

  @Test
  void gaussian_quantile_matchesKnownValues() {
    assertThat(Gaussian.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-12));
    assertThat(Gaussian.quantile(0.1)).isCloseTo(-1.2815515655446004, within(1e-12));
    assertThat(Gaussian.cdf(1.0)).isCloseTo(0.8413447460685429, within(1e-14));
  }

  @Test
  void specBuilder_badHorizon_throwsWithValue() {
    assertThatThrownBy(() -> ForecastSpec.builder().horizon(0))
        .isInstanceOf(ForecastInputException.class)
        .hasMessageContaining("found 0");
  }
}

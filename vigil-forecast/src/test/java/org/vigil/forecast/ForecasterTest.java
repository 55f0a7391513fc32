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

package org.vigil.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

class MethodsTest {

  private static TimeSeries seasonalMonthly(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] = 100 + 0.5 * t + 10 * Math.sin(2 * Math.PI * t / 12) + r.nextGaussian() * 2;
    }
    return TimeSeries.of(Period.month(2015, 1), y);
  }

  @ParameterizedTest
  @EnumSource(ForecastMethod.class)
  void forecast_everyMethod_isDeterministicWithOrderedQuantiles(ForecastMethod method) {
    TimeSeries s = seasonalMonthly(3, 72);
    ForecastSpec spec = ForecastSpec.builder().method(method).horizon(12).seed(9).build();
    Forecast a = Forecaster.forecast(s, spec);
    Forecast b = Forecaster.forecast(s, spec);
    assertThat(a.points()).containsExactly(b.points());
    assertThat(a.quantile(0.9)).containsExactly(b.quantile(0.9));
    for (int h = 0; h < 12; h++) {
      assertThat(a.lower(0.95)[h]).isLessThanOrEqualTo(a.lower(0.8)[h]);
      assertThat(a.lower(0.8)[h]).isLessThanOrEqualTo(a.upper(0.8)[h]);
      assertThat(a.upper(0.8)[h]).isLessThanOrEqualTo(a.upper(0.95)[h]);
    }
  }

  @Test
  void forecast_etsOnSeasonalTrend_picksSeasonalModelAndFollowsTrend() {
    Forecast f =
        Forecaster.forecast(
            seasonalMonthly(5, 96),
            ForecastSpec.builder().method(ForecastMethod.ETS).horizon(12).build());
    assertThat(f.model()).matches("ETS\\(.,A.*,[AM]\\)");
    // True mean at t = 96..107: 100 + 0.5 t + seasonal; the yearly average is 100 + 0.5 * 101.5.
    double avg = 0;
    for (double p : f.points()) {
      avg += p / 12;
    }
    assertThat(avg).isCloseTo(150.75, within(3.0));
  }

  @Test
  void forecast_shortMonthlySeries_reportsNonSeasonalFallback() {
    TimeSeries s = TimeSeries.of(Period.month(2024, 1), 5, 6, 7, 6, 8, 9, 8, 10, 11, 10);
    Forecast f =
        Forecaster.forecast(
            s, ForecastSpec.builder().method(ForecastMethod.ETS).horizon(3).build());
    assertThat(f.diagnostics()).anyMatch(d -> d.startsWith("too short for seasonal models"));
    assertThat(f.model()).doesNotContain(",A)").doesNotContain(",M)");
  }

  @Test
  void forecast_autoOnIntermittentCounts_usesSbaAndStaysNonNegative() {
    double[] y = {0, 0, 3, 0, 0, 0, 1, 0, 2, 0, 0, 0, 0, 4, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0};
    Forecast f =
        Forecaster.forecast(
            TimeSeries.of(Period.month(2020, 1), y),
            ForecastSpec.builder().horizon(6).nonNegative(true).build());
    assertThat(f.method()).isEqualTo(ForecastMethod.SBA);
    for (double v : f.lower(0.95)) {
      assertThat(v).isGreaterThanOrEqualTo(0);
    }
    // 8 demands of mean size 2.25 in 24 periods: about 0.75 a period; SBA shrinks it a little.
    assertThat(f.point(1)).isBetween(0.3, 1.0);
  }

  @Test
  void forecast_boxCoxLog_givesPositiveMediansAndSkewedIntervals() {
    TimeSeries s = seasonalMonthly(7, 60);
    Forecast f =
        Forecaster.forecast(
            s, ForecastSpec.builder().method(ForecastMethod.NAIVE).boxCox(0).horizon(3).build());
    double up = f.upper(0.95)[2] - f.point(3);
    double down = f.point(3) - f.lower(0.95)[2];
    assertThat(up).isGreaterThan(down);
    assertThat(f.point(1)).isCloseTo(s.get(59), within(1e-9));
  }

  @Test
  void forecast_meanCombo_liesBetweenItsMembers() {
    TimeSeries s = seasonalMonthly(11, 84);
    ForecastSpec.Builder b =
        ForecastSpec.builder().horizon(6).combination(ForecastSpec.CombinationRule.MEAN);
    double[] combo = Forecaster.forecast(s, b.method(ForecastMethod.COMBO).build()).points();
    double[] ets = Forecaster.forecast(s, b.method(ForecastMethod.ETS).build()).points();
    double[] theta = Forecaster.forecast(s, b.method(ForecastMethod.THETA).build()).points();
    double[] arima = Forecaster.forecast(s, b.method(ForecastMethod.ARIMA).build()).points();
    assertBetween(combo, ets, theta, arima);
  }

  @Test
  void forecast_validatedCombo_liesBetweenItsMembers() {
    TimeSeries s = seasonalMonthly(11, 84);
    assertThat(ForecastSpec.builder().build().combination())
        .isEqualTo(ForecastSpec.CombinationRule.MEAN);
    ForecastSpec.Builder b =
        ForecastSpec.builder().horizon(6).combination(ForecastSpec.CombinationRule.VALIDATED);
    double[] combo = Forecaster.forecast(s, b.method(ForecastMethod.COMBO).build()).points();
    // monthly: ETS without a trend, ARIMA on logarithms, Theta, DOTM
    double[] etsn =
        Forecaster.forecast(s, b.method(ForecastMethod.ETS).etsModel("ZNZ").build()).points();
    double[] theta = Forecaster.forecast(s, b.method(ForecastMethod.THETA).build()).points();
    double[] dotm = Forecaster.forecast(s, b.method(ForecastMethod.DOTM).build()).points();
    double[] arimaLog =
        Forecaster.forecast(s, b.method(ForecastMethod.ARIMA).etsModel("ZZZ").boxCox(0).build())
            .points();
    assertBetween(combo, etsn, theta, dotm, arimaLog);
    Forecast f = Forecaster.forecast(s, b.method(ForecastMethod.COMBO).build());
    assertThat(f.model()).startsWith("Weighted(ETS(").contains(",N,");
    assertThat(f.parameters()).containsKeys("weight.ets", "weight.arima", "weight.theta");
  }

  @Test
  void forecast_validatedCombo_onYearlySeries_usesDriftInsteadOfTheta() {
    double[] y = new double[30];
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
    for (int t = 0; t < y.length; t++) {
      y[t] = 100 + 3 * t + 4 * (rnd.nextDouble() - 0.5);
    }
    TimeSeries s = TimeSeries.of(Period.year(1990), y);
    ForecastSpec.Builder b =
        ForecastSpec.builder().horizon(6).combination(ForecastSpec.CombinationRule.VALIDATED);
    Forecast f = Forecaster.forecast(s, b.method(ForecastMethod.COMBO).build());
    assertThat(f.parameters())
        .containsKeys("weight.ets", "weight.arima", "weight.dotm", "weight.drift")
        .doesNotContainKey("weight.theta");
    double[] etsd =
        Forecaster.forecast(s, b.method(ForecastMethod.ETS).etsModel("ZAdZ").build()).points();
    double[] dotm = Forecaster.forecast(s, b.method(ForecastMethod.DOTM).build()).points();
    double[] drift = Forecaster.forecast(s, b.method(ForecastMethod.DRIFT).build()).points();
    double[] arimaLog =
        Forecaster.forecast(s, b.method(ForecastMethod.ARIMA).boxCox(0).build()).points();
    assertBetween(f.points(), etsd, dotm, drift, arimaLog);
    // a clean rising line: the combination keeps rising about 3 a year
    assertThat(f.point(6) - f.point(1)).isBetween(10.0, 20.0);
  }

  @Test
  void forecast_validatedCombo_onQuarterlySeries_usesDriftAndMapaInsteadOfTheta() {
    double[] y = new double[48];
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(13);
    for (int t = 0; t < y.length; t++) {
      y[t] = (300 + 2 * t) * (1 + 0.1 * Math.cos(Math.PI * t / 2)) + 3 * rnd.nextGaussian();
    }
    TimeSeries s = TimeSeries.of(Period.quarter(2008, 1), y);
    ForecastSpec.Builder b =
        ForecastSpec.builder().horizon(8).combination(ForecastSpec.CombinationRule.VALIDATED);
    Forecast f = Forecaster.forecast(s, b.method(ForecastMethod.COMBO).build());
    assertThat(f.parameters())
        .containsKeys("weight.ets", "weight.arima", "weight.dotm", "weight.drift", "weight.mapa")
        .doesNotContainKey("weight.theta");
    double[] etsd =
        Forecaster.forecast(s, b.method(ForecastMethod.ETS).etsModel("ZAdZ").build()).points();
    double[] dotm = Forecaster.forecast(s, b.method(ForecastMethod.DOTM).build()).points();
    double[] drift = Forecaster.forecast(s, b.method(ForecastMethod.DRIFT).build()).points();
    double[] mapa = Forecaster.forecast(s, b.method(ForecastMethod.MAPA).build()).points();
    double[] arimaLog =
        Forecaster.forecast(s, b.method(ForecastMethod.ARIMA).boxCox(0).build()).points();
    assertBetween(f.points(), etsd, dotm, drift, mapa, arimaLog);
    assertThat(f.model()).contains("MAPA(1,2,4; seasonally adjusted)");
  }

  private static void assertBetween(double[] combo, double[]... members) {
    for (int h = 0; h < combo.length; h++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double[] m : members) {
        lo = Math.min(lo, m[h]);
        hi = Math.max(hi, m[h]);
      }
      assertThat(combo[h]).isBetween(lo - 1e-9, hi + 1e-9);
    }
  }

  @Test
  void dynamicTheta_onStraightLine_extrapolatesIt() {
    double[] y = new double[30];
    for (int t = 0; t < 30; t++) {
      y[t] = 10 + 2 * t;
    }
    Forecast f =
        Forecaster.forecast(
            TimeSeries.of(Period.year(1990), y),
            ForecastSpec.builder().method(ForecastMethod.DOTM).horizon(3).build());
    assertThat(f.point(1)).isCloseTo(70, within(1.0));
    assertThat(f.point(3)).isCloseTo(74, within(1.5));
  }

  static java.util.stream.Stream<double[]> awkwardSeries() {
    return java.util.stream.Stream.of(
        new double[] {5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5},
        new double[] {1, 2, 3},
        new double[] {-4, 2, -1, 3, -2, 5, -3, 1, 0, 2, -1, 4, -2, 3},
        new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
        new double[] {1e9, 1.1e9, 0.9e9, 1.2e9, 1.0e9, 1.3e9, 1.1e9, 1.4e9});
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("awkwardSeries")
  void forecast_autoOnAwkwardSeries_givesFiniteOrderedResults(double[] y) {
    Forecast f =
        Forecaster.forecast(
            TimeSeries.of(Period.month(2020, 1), y), ForecastSpec.builder().horizon(4).build());
    for (int h = 0; h < 4; h++) {
      assertThat(f.points()[h]).isFinite();
      assertThat(f.lower(0.95)[h]).isFinite().isLessThanOrEqualTo(f.upper(0.95)[h]);
    }
  }
}

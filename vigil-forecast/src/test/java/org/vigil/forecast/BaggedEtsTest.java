package org.vigil.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * Bagged ETS draws random bootstraps, so it cannot match R's {@code baggedETS} value for value: the
 * Guerrero lambda is golden against R's {@code BoxCox.lambda} (forecast 8.20), the bootstrap is
 * checked by its invariants, and a noiseless series must give the ETS forecast back.
 */
class BaggedEtsTest {

  private static double[] noisySeasonal(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] = (100 + 0.8 * t) * (1 + 0.15 * Math.sin(2 * Math.PI * t / 12)) + 4 * r.nextGaussian();
    }
    return y;
  }

  // R: BoxCox.lambda(ts(y, frequency = f), lower = 0, upper = 1), forecast 8.20 (optimize, tol
  // 1.2e-4); the series are written out in each case's comment.
  @ParameterizedTest
  @CsvSource({
    // (10 + t) (1 + 0.2 sin(2 pi t / 12)) + 0.5 cos(1.7 t) sqrt(t + 1), t = 0..59
    "1, 12, 0.27188808",
    // 50 + 3 t + 4 cos(2.3 t)
    "2, 1, 0.93915782",
    // exp(0.05 t) (1 + 0.3 cos(1.1 t))
    "3, 4, 0.03319354"
  })
  void guerreroLambda_matchesR(int which, int period, double expected) {
    double[] y = new double[60];
    for (int t = 0; t < 60; t++) {
      y[t] =
          switch (which) {
            case 1 ->
                (10 + t) * (1 + 0.2 * Math.sin(2 * Math.PI * t / 12))
                    + 0.5 * Math.cos(t * 1.7) * Math.sqrt(t + 1);
            case 2 -> 50 + 3 * t + 4 * Math.cos(t * 2.3);
            default -> Math.exp(0.05 * t) * (1 + 0.3 * Math.cos(t * 1.1));
          };
    }
    assertThat(BaggedEts.guerreroLambda(y, period, 0, 1)).isCloseTo(expected, within(5e-4));
  }

  @Test
  void bootstrap_sameSeed_sameSeries_otherSeed_otherSeries() {
    double[] y = noisySeasonal(1, 72);
    double[][] a = BaggedEts.bootstrap(y, 12, 5, 42);
    double[][] b = BaggedEts.bootstrap(y, 12, 5, 42);
    double[][] c = BaggedEts.bootstrap(y, 12, 5, 43);
    for (int i = 0; i < 5; i++) {
      assertThat(a[i]).containsExactly(b[i]);
    }
    assertThat(a[0]).isNotEqualTo(c[0]);
    assertThat(BaggedEts.seed(y, 1)).isEqualTo(BaggedEts.seed(y.clone(), 1));
    assertThat(BaggedEts.seed(y, 1)).isNotEqualTo(BaggedEts.seed(noisySeasonal(2, 72), 1));
  }

  @ParameterizedTest
  @CsvSource({"12, 72", "12, 30", "4, 20", "1, 14", "1, 7", "12, 20"})
  void bootstrap_keepsLength_finite_positive_andNearTheSeries(int period, int n) {
    double[] y = noisySeasonal(period * 100L + n, n);
    double[][] boots = BaggedEts.bootstrap(y, period, 20, 7);
    double scale = Arrays.stream(y).max().orElseThrow();
    for (double[] b : boots) {
      assertThat(b).hasSize(n);
      for (int t = 0; t < n; t++) {
        assertThat(Double.isFinite(b[t])).isTrue();
        assertThat(b[t]).isGreaterThanOrEqualTo(0);
        // the remainder is a few units: a bootstrap stays within a quarter of the scale
        assertThat(Math.abs(b[t] - y[t])).isLessThan(0.25 * scale);
      }
    }
  }

  @Test
  void movingBlocks_areRunsOfConsecutiveValues() {
    double[] x = new double[40];
    for (int i = 0; i < 40; i++) {
      x[i] = i;
    }
    double[] r = BaggedEts.movingBlocks(x, 8, new SplittableRandom(3));
    assertThat(r).hasSize(40);
    int runs = 1;
    for (int i = 1; i < r.length; i++) {
      if (r[i] != r[i - 1] + 1) {
        runs++;
      }
    }
    // 40 values read across blocks of 8 cross at most 5 block boundaries
    assertThat(runs).isLessThanOrEqualTo(6);
  }

  @ParameterizedTest
  @CsvSource({"12, 72", "1, 30", "4, 8"})
  void decompose_componentsAddUpToTheSeries_andTheSeasonRepeats(int period, int n) {
    double[] z = noisySeasonal(5, n);
    double[][] tsr = BaggedEts.decompose(z, period);
    for (int t = 0; t < n; t++) {
      assertThat(tsr[0][t] + tsr[1][t] + tsr[2][t]).isCloseTo(z[t], within(1e-9));
      if (t >= period && period > 1 && n > 2 * period) {
        assertThat(tsr[1][t]).isCloseTo(tsr[1][t - period], within(1e-12));
      }
    }
  }

  @Test
  void loessTrend_ofALine_isTheLine() {
    double[] z = new double[25];
    for (int t = 0; t < 25; t++) {
      z[t] = 3 - 0.7 * t;
    }
    double[] f = BaggedEts.loessTrend(z, 6);
    for (int t = 0; t < 25; t++) {
      assertThat(f[t]).isCloseTo(z[t], within(1e-9));
    }
  }

  @Test
  void forecast_noiselessLine_isTheEtsForecast() {
    // a straight line: Guerrero's lambda is 1 (to the search's tolerance) and the loess trend fits
    // it exactly, so every bootstrap is the series to about 1e-7 and every member forecasts as ETS
    double[] y = new double[48];
    for (int t = 0; t < 48; t++) {
      y[t] = 100 + 2 * t;
    }
    TimeSeries s = TimeSeries.of(Period.year(1970), y);
    ForecastSpec.Builder b = ForecastSpec.builder().horizon(6).seed(3);
    double[] ets = Forecaster.forecast(s, b.method(ForecastMethod.ETS).build()).points();
    Forecast bag = Forecaster.forecast(s, b.method(ForecastMethod.BAGGED_ETS).build());
    for (int j = 0; j < 6; j++) {
      assertThat(bag.points()[j]).isCloseTo(ets[j], within(1e-4 * ets[j]));
    }
    assertThat(bag.model()).startsWith("Bagged(25; ");
  }

  @Test
  void forecast_noisySeasonal_isDeterministic_andDiffersFromEts() {
    TimeSeries s = TimeSeries.of(Period.month(2015, 1), noisySeasonal(11, 72));
    ForecastSpec.Builder b = ForecastSpec.builder().horizon(12).seed(5);
    Forecast a = Forecaster.forecast(s, b.method(ForecastMethod.BAGGED_ETS).build());
    Forecast again = Forecaster.forecast(s, b.method(ForecastMethod.BAGGED_ETS).build());
    double[] ets = Forecaster.forecast(s, b.method(ForecastMethod.ETS).build()).points();
    assertThat(a.points()).containsExactly(again.points());
    assertThat(a.points()).isNotEqualTo(ets);
    for (int j = 0; j < 12; j++) {
      // bagging moves the forecast, but not far from ETS on a regular series
      assertThat(a.points()[j]).isCloseTo(ets[j], within(0.1 * ets[j]));
    }
  }
}

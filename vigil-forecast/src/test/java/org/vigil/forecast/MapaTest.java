package org.vigil.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * MAPA has no counterpart in R's forecast 8.20, so it is tested by its invariants: aggregation and
 * disaggregation give back a constant and a straight line; a series the models fit exactly comes
 * back exactly; the season is put back.
 */
class MapaTest {

  @Test
  void levels_byPeriod_areTheDivisors() {
    assertThat(Mapa.levels(12)).containsExactly(1, 2, 3, 4, 6, 12);
    assertThat(Mapa.levels(4)).containsExactly(1, 2, 4);
    assertThat(Mapa.levels(1)).containsExactly(1, 2, 3);
    assertThat(Mapa.levels(0)).containsExactly(1, 2, 3);
  }

  @Test
  void aggregate_dropsTheFirstRemainderValues_andAveragesBlocksEndingAtTheLastValue() {
    double[] x = {100, 1, 2, 3, 4, 5, 6};
    assertThat(Mapa.aggregate(x, 3)).containsExactly(2, 5);
    assertThat(Mapa.aggregate(x, 2)).containsExactly(1.5, 3.5, 5.5);
    assertThat(Mapa.aggregate(x, 1)).containsExactly(x);
  }

  @ParameterizedTest
  @CsvSource({"1,18", "2,18", "3,18", "4,18", "6,18", "12,18", "3,1", "12,5", "4,13"})
  void disaggregate_blockMeansOfALine_giveTheLineBack(int k, int h) {
    // y_t = 7 - 0.3 t; the future starts at t = n = 50.
    int n = 50;
    double[] blocks = new double[Mapa.blocksFor(h, k)];
    for (int b = 0; b < blocks.length; b++) {
      double s = 0;
      for (int i = 0; i < k; i++) {
        s += 7 - 0.3 * (n + b * k + i);
      }
      blocks[b] = s / k;
    }
    double[] path = Mapa.disaggregate(blocks, k, h);
    for (int j = 0; j < h; j++) {
      assertThat(path[j]).isCloseTo(7 - 0.3 * (n + j), within(1e-12));
    }
  }

  @ParameterizedTest
  @CsvSource({"1,6", "2,6", "4,12", "6,12", "12,12"})
  void aggregateThenDisaggregate_constant_isTheConstant(int k, int h) {
    double[] x = new double[60];
    java.util.Arrays.fill(x, 42.5);
    double[] a = Mapa.aggregate(x, k);
    double[] future = java.util.Arrays.copyOf(a, Mapa.blocksFor(h, k));
    java.util.Arrays.fill(future, a[a.length - 1]);
    for (double v : Mapa.disaggregate(future, k, h)) {
      assertThat(v).isCloseTo(42.5, within(1e-12));
    }
  }

  @Test
  void forecast_straightLine_continuesTheLine() {
    // 144 months: even level 12 has 12 blocks, enough for a trend model (with 6 blocks only the
    // level models fit and that level would forecast flat)
    double[] y = new double[144];
    for (int t = 0; t < y.length; t++) {
      y[t] = 200 + 1.5 * t;
    }
    Forecast f =
        Forecaster.forecast(
            TimeSeries.of(Period.month(2018, 1), y),
            ForecastSpec.builder().method(ForecastMethod.MAPA).horizon(18).build());
    assertThat(f.method()).isEqualTo(ForecastMethod.MAPA);
    assertThat(f.model()).startsWith("MAPA(1,2,3,4,6,12");
    for (int j = 0; j < 18; j++) {
      assertThat(f.points()[j]).isCloseTo(200 + 1.5 * (144 + j), within(0.05));
    }
  }

  @Test
  void forecast_seasonalMonthly_putsTheSeasonBack_andUsesEveryLevel() {
    SplittableRandom r = new SplittableRandom(11);
    double[] y = new double[96];
    double[] season = new double[12];
    for (int i = 0; i < 12; i++) {
      season[i] = 1 + 0.3 * Math.sin(2 * Math.PI * i / 12);
    }
    for (int t = 0; t < y.length; t++) {
      y[t] = (500 + 2 * t) * season[t % 12] * (1 + 0.01 * r.nextGaussian());
    }
    Forecast f =
        Forecaster.forecast(
            TimeSeries.of(Period.month(2015, 1), y),
            ForecastSpec.builder().method(ForecastMethod.MAPA).horizon(24).build());
    assertThat(f.model()).isEqualTo("MAPA(1,2,3,4,6,12; seasonally adjusted)");
    for (int j = 0; j < 24; j++) {
      double truth = (500 + 2 * (96 + j)) * season[(96 + j) % 12];
      assertThat(f.points()[j]).isCloseTo(truth, within(0.03 * truth));
      assertThat(f.lower(0.8)[j]).isLessThan(f.points()[j]);
      assertThat(f.upper(0.8)[j]).isGreaterThan(f.points()[j]);
    }
  }

  @Test
  void forecast_shortSeries_skipsLevelsWithTooFewBlocks() {
    double[] y = new double[20];
    for (int t = 0; t < y.length; t++) {
      y[t] = 10 + t % 3;
    }
    Forecast f =
        Forecaster.forecast(
            TimeSeries.of(Period.year(2000), y),
            ForecastSpec.builder().method(ForecastMethod.MAPA).horizon(6).build());
    // 20 values: level 2 gives 10 blocks, level 3 gives 6; both are used.
    assertThat(f.model()).isEqualTo("MAPA(1,2,3)");
    Forecast g =
        Forecaster.forecast(
            TimeSeries.of(Period.year(2000), java.util.Arrays.copyOf(y, 17)),
            ForecastSpec.builder().method(ForecastMethod.MAPA).horizon(6).build());
    // 17 values: level 3 gives 5 blocks, fewer than the 6 a level needs.
    assertThat(g.model()).isEqualTo("MAPA(1,2)");
  }
}

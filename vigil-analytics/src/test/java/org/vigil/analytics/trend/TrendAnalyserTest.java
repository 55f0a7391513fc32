package org.vigil.analytics.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

class TrendAnalyserTest {
  private static final Period START = Period.month(2016, 1);

  private static double[] noise(long seed, int n, double sd) {
    Random r = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 50 + sd * r.nextGaussian();
    }
    return x;
  }

  @Test
  void analyse_plantedYearlyRise_risingWithSlopeNearTruthAndStatement() {
    double[] x = noise(1, 120, 1.0);
    for (int i = 0; i < x.length; i++) {
      x[i] += 3.0 * i / 12 + 5 * Math.sin(2 * Math.PI * i / 12);
    }
    TrendResult r =
        TrendAnalyser.analyse(TimeSeries.of(START, x), TrendSpec.DEFAULT, "per 100,000");
    assertThat(r.direction()).isEqualTo(Direction.RISING);
    assertThat(r.seasonal()).isTrue();
    assertThat(r.slopePerYear()).isCloseTo(3.0, within(0.2));
    assertThat(r.statement()).startsWith("Rising by 3.").contains("per 100,000 a year since 2016");
    assertThat(r.statement()).contains("p < 0.001");
    assertThat(r.changePoints()).isEmpty();
  }

  @Test
  void analyse_weeklyAndDailyRise_slopeIsStatedPerYear() {
    double[] w = noise(3, 260, 1.0);
    for (int i = 0; i < w.length; i++) {
      // 5.2 a year = 0.1 a week over five years, with a yearly cycle of 52.18 weeks
      w[i] += 5.2 * i / (365.25 / 7) + 4 * Math.sin(2 * Math.PI * i / (365.25 / 7));
    }
    TrendResult weekly =
        TrendAnalyser.analyse(
            TimeSeries.of(org.vigil.timeseries.Period.week(2020, 1), w), TrendSpec.DEFAULT, "");
    assertThat(weekly.direction()).isEqualTo(Direction.RISING);
    assertThat(weekly.seasonal()).isTrue();
    assertThat(weekly.slopePerYear()).isCloseTo(5.2, within(0.5));

    double[] d = noise(4, 730, 1.0);
    for (int i = 0; i < d.length; i++) {
      d[i] += 3.0 * i / 365.25 + 2 * ((i % 7) >= 5 ? -1 : 0.4);
    }
    TrendResult daily =
        TrendAnalyser.analyse(
            TimeSeries.of(org.vigil.timeseries.Period.parse("2024-01-01"), d),
            TrendSpec.DEFAULT,
            "");
    assertThat(daily.direction()).isEqualTo(Direction.RISING);
    assertThat(daily.slopePerYear()).isCloseTo(3.0, within(0.4));
  }

  @Test
  void analyse_plantedLevelShift_changePointAtTheShift() {
    double[] x = noise(2, 120, 1.0);
    for (int i = 70; i < x.length; i++) {
      x[i] += 6;
    }
    TrendResult r = TrendAnalyser.analyse(TimeSeries.of(START, x), TrendSpec.DEFAULT, "");
    assertThat(r.changePoints()).hasSize(1);
    ChangePoint c = r.changePoints().get(0);
    assertThat(START.until(c.period())).isBetween(68L, 72L);
    assertThat(c.shift()).isCloseTo(6, within(1.5));
  }

  @Test
  void analyse_whiteNoise_fewFalseChangePointsAndTrends() {
    int changeAlarms = 0;
    int trendAlarms = 0;
    int runs = 200;
    for (int seed = 0; seed < runs; seed++) {
      TrendResult r =
          TrendAnalyser.analyse(
              TimeSeries.of(START, noise(100 + seed, 120, 2.0)), TrendSpec.DEFAULT, "");
      changeAlarms += r.changePoints().isEmpty() ? 0 : 1;
      trendAlarms += r.direction() == Direction.NO_TREND ? 0 : 1;
    }
    assertThat(changeAlarms).isLessThanOrEqualTo(runs / 20);
    // the test's own size: about alpha = 5%, allow sampling error
    assertThat(trendAlarms).isLessThanOrEqualTo(runs * 9 / 100);
  }

  @Test
  void analyse_gapsAndTooFewValues_insufficientDataWithReason() {
    double[] x = {Double.NaN, 3, Double.NaN, 4, 5, Double.NaN};
    TrendResult r = TrendAnalyser.analyse(TimeSeries.of(START, x), TrendSpec.DEFAULT, "");
    assertThat(r.direction()).isEqualTo(Direction.INSUFFICIENT_DATA);
    assertThat(r.diagnostics()).anyMatch(d -> d.contains("too few"));
    assertThat(r.from()).isEqualTo(START.plus(1));
  }

  @Test
  void statement_falling_mentionsMagnitudeAndP() {
    double[] x = new double[20];
    for (int i = 0; i < x.length; i++) {
      x[i] = 100 - 2.5 * i + (i % 3);
    }
    TrendResult r =
        TrendAnalyser.analyse(TimeSeries.of(Period.year(2005), x), TrendSpec.DEFAULT, "incidents");
    assertThat(r.direction()).isEqualTo(Direction.FALLING);
    assertThat(r.statement()).startsWith("Falling by 2.5 incidents a year since 2005 (p < 0.001)");
  }
}

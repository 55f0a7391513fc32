package org.vigil.analytics.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.forecast.ForecastMethod;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

class AnomalyDetectorTest {
  private static final Period START = Period.month(2015, 1);
  private static final AnomalySpec Z_ONLY =
      AnomalySpec.DEFAULT.withMethods(EnumSet.of(Anomaly.Method.ROBUST_Z));

  private static double[] seasonalTrend(long seed, int n) {
    Random r = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 100 + 0.3 * i + 8 * Math.sin(2 * Math.PI * i / 12) + 2 * r.nextGaussian();
    }
    return x;
  }

  @Test
  void detect_plantedSpikeInSeasonalTrend_foundWithItsSizeAndReference() {
    double[] x = seasonalTrend(7, 120);
    x[80] += 25;
    List<Anomaly> found = AnomalyDetector.detect(TimeSeries.of(START, x), Z_ONLY);
    assertThat(found).extracting(Anomaly::period).containsExactly(START.plus(80));
    Anomaly a = found.get(0);
    assertThat(a.high()).isTrue();
    assertThat(a.score()).isGreaterThan(8);
    assertThat(a.description()).contains("above the expected").contains("Sen trend");
  }

  @Test
  void detect_spikeInDailySeriesWithWeekdayPattern_foundAndWeekendsAreNot() {
    Random r = new Random(11);
    double[] x = new double[364];
    for (int i = 0; i < x.length; i++) {
      // weekends at a third of the weekday level: without the 7-day season they would look low
      x[i] = ((i % 7) >= 5 ? 20 : 60) + 2 * r.nextGaussian();
    }
    x[200] += 30;
    Period start = Period.parse("2025-01-06"); // a Monday
    List<Anomaly> found = AnomalyDetector.detect(TimeSeries.of(start, x), Z_ONLY);
    assertThat(found).extracting(Anomaly::period).containsExactly(start.plus(200));
  }

  @Test
  void detect_cleanSeries_falseAlarmsOnAtMostFivePercentOfSeries() {
    int alarmed = 0;
    for (int seed = 0; seed < 200; seed++) {
      if (!AnomalyDetector.detect(TimeSeries.of(START, seasonalTrend(seed, 120)), Z_ONLY)
          .isEmpty()) {
        alarmed++;
      }
    }
    assertThat(alarmed).isLessThanOrEqualTo(10);
  }

  @Test
  void detect_forecastInterval_lastValueJumps_flaggedAgainstModelFittedBefore() {
    double[] x = new double[40];
    Random r = new Random(3);
    for (int i = 0; i < x.length; i++) {
      x[i] = 50 + r.nextGaussian();
    }
    x[39] = 70;
    AnomalySpec spec =
        AnomalySpec.DEFAULT
            .withMethods(EnumSet.of(Anomaly.Method.FORECAST_INTERVAL))
            .withForecast(ForecastMethod.NAIVE, 0.99, 3);
    List<Anomaly> found = AnomalyDetector.detect(TimeSeries.of(Period.year(1980), x), spec);
    assertThat(found).extracting(Anomaly::period).contains(Period.year(2019));
    Anomaly a = found.get(found.size() - 1);
    assertThat(a.value()).isGreaterThan(a.upper());
    assertThat(a.description()).contains("99% prediction interval").contains("before 2019");
  }

  @Test
  void detect_gapsAndConstantSeries_noAnomalyNoFailure() {
    double[] x = {5, 5, Double.NaN, 5, 5, 5, 5, 5};
    assertThat(AnomalyDetector.detect(TimeSeries.of(START, x), Z_ONLY)).isEmpty();
  }
}

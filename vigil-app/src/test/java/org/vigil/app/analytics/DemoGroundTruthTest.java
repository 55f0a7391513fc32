package org.vigil.app.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.analytics.anomaly.Anomaly;
import org.vigil.analytics.anomaly.AnomalyDetector;
import org.vigil.analytics.anomaly.AnomalySpec;
import org.vigil.analytics.trend.Direction;
import org.vigil.analytics.trend.TrendAnalyser;
import org.vigil.analytics.trend.TrendResult;
import org.vigil.analytics.trend.TrendSpec;
import org.vigil.app.demo.DemoData;
import org.vigil.app.demo.DemoSpec;
import org.vigil.app.demo.GeneratedSeries;
import org.vigil.app.demo.PlantedSeries;
import org.vigil.app.demo.PlantedShock;
import org.vigil.app.demo.ShockKind;
import org.vigil.timeseries.TimeSeries;

/**
 * Acceptance: on the demo generator's series (its final values, exactly what the demo loads) the
 * planted trends and shocks are found, with few false alarms on series where none was planted. The
 * generator's ground truth is read from {@link DemoData#series(DemoSpec)}.
 *
 * <p>What counts as findable: a trend whose total planted change over the series is at least four
 * times the noise of one month (Poisson for counts: sqrt of the level); a spike whose excess is at
 * least six times the noise of its month. Smaller plants are reported in the numbers but not
 * required: no method can find a +100% spike in a series that averages one incident a month.
 */
class DemoGroundTruthTest {
  private static final AnomalySpec Z_ONLY =
      AnomalySpec.DEFAULT.withMethods(EnumSet.of(Anomaly.Method.ROBUST_Z));
  private static List<GeneratedSeries> all;

  @BeforeAll
  static void generate() {
    all = DemoData.series(DemoSpec.DEFAULT);
  }

  private static TimeSeries series(GeneratedSeries g) {
    return TimeSeries.fromPoints(g.values());
  }

  private static double noise(PlantedSeries t, double level) {
    boolean levelSeries =
        t.indicator().equals("DEMO_WATER_DEFICIT") || t.indicator().equals("DEMO_RIVER_FLOW");
    return levelSeries ? 0.06 * level : Math.sqrt(Math.max(level, 1e-9));
  }

  @Test
  void trends_plantedAndFindable_foundWithTheRightSign() {
    int findable = 0;
    int found = 0;
    int plantedAll = 0;
    int foundAll = 0;
    for (GeneratedSeries g : all) {
      PlantedSeries t = g.truth();
      if (!t.trendPlanted() || !t.allShocks().isEmpty()) {
        continue;
      }
      TrendResult r = TrendAnalyser.analyse(series(g), TrendSpec.DEFAULT, "");
      Direction want = t.trendPerYear() > 0 ? Direction.RISING : Direction.FALLING;
      double months = g.values().size();
      double change = Math.abs(t.slopePerMonth()) * months;
      boolean ok = r.direction() == want;
      plantedAll++;
      foundAll += ok ? 1 : 0;
      if (change >= 4 * noise(t, t.base())) {
        findable++;
        found += ok ? 1 : 0;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "trends: %d of %d findable found; %d of %d planted overall%n",
        found,
        findable,
        foundAll,
        plantedAll);
    assertThat(findable).isGreaterThan(10);
    assertThat(found).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * findable));
  }

  @Test
  void trends_nonePlanted_atMostFivePercentFalseAlarms() {
    int clean = 0;
    int alarms = 0;
    for (GeneratedSeries g : all) {
      if (!g.truth().isTrendless()) {
        continue;
      }
      clean++;
      TrendResult r = TrendAnalyser.analyse(series(g), TrendSpec.DEFAULT, "");
      alarms += r.direction() == Direction.RISING || r.direction() == Direction.FALLING ? 1 : 0;
    }
    System.out.printf(Locale.ROOT, "trend false alarms: %d of %d clean series%n", alarms, clean);
    assertThat(clean).isGreaterThan(10);
    assertThat(alarms).isLessThanOrEqualTo((int) Math.floor(0.05 * clean));
  }

  @Test
  void spikes_plantedAndFindable_flaggedAtTheirMonth() {
    int findable = 0;
    int found = 0;
    int plantedAll = 0;
    int foundAll = 0;
    for (GeneratedSeries g : all) {
      PlantedSeries t = g.truth();
      List<Anomaly> an = AnomalyDetector.detect(series(g), Z_ONLY);
      // The history's spikes; the recent events are AlertGroundTruthTest's to measure.
      for (PlantedShock s : t.shocks()) {
        if (s.kind() != ShockKind.SPIKE || !g.values().containsKey(s.period())) {
          continue;
        }
        double level = expectedLevel(t, s);
        boolean ok = an.stream().anyMatch(a -> a.period().equals(s.period()) && a.high());
        plantedAll++;
        foundAll += ok ? 1 : 0;
        if ((s.factor() - 1) * level >= 6 * noise(t, level)) {
          findable++;
          found += ok ? 1 : 0;
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "spikes: %d of %d findable found; %d of %d planted overall%n",
        found,
        findable,
        foundAll,
        plantedAll);
    assertThat(findable).isGreaterThan(5);
    assertThat(found).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * findable));
  }

  @Test
  void anomalies_seriesWithoutShocks_atMostFivePercentRaiseAnAlarm() {
    List<String> alarmed = new ArrayList<>();
    int clean = 0;
    for (GeneratedSeries g : all) {
      if (!g.truth().allShocks().isEmpty()) {
        continue;
      }
      clean++;
      List<Anomaly> an = AnomalyDetector.detect(series(g), Z_ONLY);
      if (!an.isEmpty()) {
        alarmed.add(g.truth().indicator() + "/" + g.truth().area() + " " + an.get(0).description());
      }
    }
    System.out.printf(
        Locale.ROOT,
        "anomaly false alarms: %d of %d clean series %s%n",
        alarmed.size(),
        clean,
        alarmed);
    assertThat(clean).isGreaterThan(10);
    assertThat(alarmed.size()).isLessThanOrEqualTo((int) Math.floor(0.05 * clean));
  }

  /** Expected level at the shock month without the shock (trend only, seasonality ignored). */
  private static double expectedLevel(PlantedSeries t, PlantedShock s) {
    long m = org.vigil.timeseries.Period.month(2015, 1).until(s.period());
    return t.base() * (1 + t.trendPerYear() * m / 12.0);
  }
}

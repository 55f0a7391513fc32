package org.vigil.app.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vigil.analytics.programme.DriftEngine;
import org.vigil.analytics.programme.DriftSpec;
import org.vigil.analytics.programme.DriftStatus;
import org.vigil.analytics.programme.KpiDrift;
import org.vigil.app.demo.DemoData;
import org.vigil.app.demo.DemoSpec;
import org.vigil.app.demo.GeneratedSeries;
import org.vigil.model.programme.Kpi;
import org.vigil.model.programme.KpiDirection;
import org.vigil.model.programme.Objective;
import org.vigil.model.programme.Programme;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * Calibration of drift probabilities on backtests of the demo data. Synthetic KPIs are made from
 * the demo generator's state series (seeded): at several origins the series is cut, and KPIs with a
 * random direction and a target within 30% of the last year's mean are set 12 or 24 months ahead.
 * The engine gives each a probability from the series up to the origin; the value the generator
 * actually produced at the deadline says whether it was met. Of the KPIs given 70-90%, 70-90% must
 * be met.
 */
class DriftCalibrationTest {
  private static final List<Period> ORIGINS =
      List.of(Period.month(2019, 12), Period.month(2021, 6), Period.month(2022, 12));
  private static final int[] HORIZONS = {12, 24};
  private static final int TARGETS_PER_HORIZON = 4;

  record Outcome(double probability, boolean met) {}

  @Test
  void drift_demoBacktests_kpisGiven70to90PercentAreMet70to90PercentOfTheTime() {
    List<Outcome> outcomes = backtest();
    List<Outcome> band =
        outcomes.stream().filter(o -> o.probability() >= 0.7 && o.probability() <= 0.9).toList();
    double metShare = band.stream().filter(Outcome::met).count() / (double) band.size();
    System.out.printf(
        "drift calibration: %d KPIs, %d given 70-90%%, %.3f of those met%n",
        outcomes.size(), band.size(), metShare);
    assertThat(band.size()).isGreaterThan(100);
    assertThat(metShare).isBetween(0.7, 0.9);
  }

  static List<Outcome> backtest() {
    SplittableRandom random = new SplittableRandom(42);
    DriftSpec spec = new DriftSpec(0.5, 0.8, 0, 24, DriftSpec.DEFAULT.forecast());
    List<Outcome> out = new ArrayList<>();
    for (GeneratedSeries g : DemoData.series(DemoSpec.DEFAULT)) {
      if (g.truth().indicator().equals("DEMO_RIVER_FLOW")) {
        continue;
      }
      for (Period origin : ORIGINS) {
        TimeSeries history = upTo(g.values(), origin);
        double level = lastYearMean(g.values(), origin);
        List<Kpi> kpis = new ArrayList<>();
        for (int h : HORIZONS) {
          for (int i = 0; i < TARGETS_PER_HORIZON; i++) {
            KpiDirection d = random.nextBoolean() ? KpiDirection.AT_MOST : KpiDirection.AT_LEAST;
            double target = level * (0.7 + 0.6 * random.nextDouble());
            kpis.add(
                new Kpi(
                    "K" + kpis.size(),
                    "O1",
                    "synthetic",
                    "",
                    g.truth().indicator(),
                    g.truth().area(),
                    level,
                    origin,
                    target,
                    origin.plus(h),
                    d,
                    0,
                    true));
          }
        }
        Programme p = programme(kpis);
        Map<String, TimeSeries> series = new java.util.HashMap<>();
        kpis.forEach(k -> series.put(k.code(), history));
        for (KpiDrift d : DriftEngine.assess(p, series, List.of(), spec)) {
          Double actual = g.values().get(d.deadline());
          if (d.status() == DriftStatus.NO_DATA || actual == null) {
            continue;
          }
          Kpi k = p.kpi(d.kpi()).orElseThrow();
          out.add(new Outcome(d.probability(), k.met(actual)));
        }
      }
    }
    return out;
  }

  private static Programme programme(List<Kpi> kpis) {
    return new Programme(
        "CAL",
        "Calibration",
        "",
        LocalDate.of(2015, 1, 1),
        LocalDate.of(2030, 12, 31),
        "",
        LocalDate.MIN,
        List.of("ARM", "AZE", "BLR", "KAZ", "KGZ", "MDA", "RUS", "TJK", "TKM", "UZB"),
        Frequency.YEARLY,
        "",
        List.of(new Objective("O1", "o", "", true)),
        List.of(),
        kpis);
  }

  private static TimeSeries upTo(SortedMap<Period, Double> values, Period origin) {
    return TimeSeries.fromPoints(values.headMap(origin.plus(1)));
  }

  private static double lastYearMean(SortedMap<Period, Double> values, Period origin) {
    return values.subMap(origin.plus(-11), origin.plus(1)).values().stream()
        .mapToDouble(Double::doubleValue)
        .average()
        .orElseThrow();
  }
}

package org.vigil.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vigil.app.water.DemoBasin;
import org.vigil.app.water.DemoBasins;
import org.vigil.model.Observation;
import org.vigil.timeseries.Period;
import org.vigil.water.WaterIndicators;

/** The demo's water indicator series: complete, deterministic and consistent with the engine. */
class DemoWaterTest {
  private static final DemoSpec SPEC = DemoSpec.DEFAULT; // 2015-01 .. 2025-12
  private static final List<Observation> OBS = DemoWater.observations(SPEC);

  private static double value(String indicator, String area, Period p) {
    return OBS.stream()
        .filter(o -> o.indicator().equals(indicator) && o.area().equals(area))
        .filter(o -> o.period().equals(p))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + indicator + " " + area + " " + p))
        .value();
  }

  @Test
  void observations_everyIndicatorForEveryRiparianStateAndBasin() {
    Map<String, Set<String>> byIndicator =
        OBS.stream()
            .collect(
                Collectors.groupingBy(
                    Observation::indicator,
                    Collectors.mapping(Observation::area, Collectors.toSet())));
    Set<String> areas = Set.of("KAZ", "KGZ", "TJK", "TKM", "UZB", "SYR_DARYA", "AMU_DARYA");
    assertThat(byIndicator)
        .containsOnlyKeys(
            "WATER_STRESS", "WATER_PER_CAPITA", "WATER_DEFICIT_MONTHS", "RESERVOIR_LEVEL");
    byIndicator.values().forEach(a -> assertThat(a).isEqualTo(areas));
    // 16 years (2010-2025) of 3 yearly indicators and 192 months of levels, for 7 areas
    assertThat(OBS).hasSize(7 * (3 * 16 + 192));
    assertThat(DemoIndicators.water())
        .allMatch(i -> i.synthetic() && i.domain() == org.vigil.model.ThreatDomain.WATER);
  }

  @Test
  void observations_recomputed_sameValues() {
    DemoBasin syr = DemoBasins.find("SYR_DARYA").orElseThrow();
    List<Double> once =
        DemoWater.allocateYears(syr, SPEC.last()).stream()
            .filter(DemoWater.BasinYear::complete)
            .map(y -> Math.round(y.indicators().stressPercent() * 10) / 10.0)
            .toList();
    List<Double> stored =
        OBS.stream()
            .filter(o -> o.indicator().equals("WATER_STRESS") && o.area().equals("SYR_DARYA"))
            .map(Observation::value)
            .toList();
    assertThat(stored).hasSize(16).containsExactlyElementsOf(once);
  }

  @Test
  void perCapita_isTheAgreedShareOfTheBasinsWaterOverPopulation() {
    // KAZ shares only the Syr Darya (30%); population from PWT 9.1, held at 2017 for 2020.
    DemoBasin syr = DemoBasins.find("SYR_DARYA").orElseThrow();
    WaterIndicators y2020 =
        DemoWater.allocateYears(syr, SPEC.last()).stream()
            .filter(y -> y.year() == 2020)
            .findFirst()
            .orElseThrow()
            .indicators();
    double pop2017 = DemoWater.people(DemoWater.population(), "KAZ", 2017);
    assertThat(pop2017).isCloseTo(18.204, within(0.001));
    double expected = 0.30 * y2020.renewable() / pop2017;
    assertThat(value("WATER_PER_CAPITA", "KAZ", Period.year(2020)))
        .isCloseTo(expected, within(0.5));
    // UZB's stress sums its demand and its available water over both basins.
    DemoBasin amu = DemoBasins.find("AMU_DARYA").orElseThrow();
    WaterIndicators a2020 =
        DemoWater.allocateYears(amu, SPEC.last()).stream()
            .filter(y -> y.year() == 2020)
            .findFirst()
            .orElseThrow()
            .indicators();
    double w = y2020.states().get("UZB").withdrawal() + a2020.states().get("UZB").withdrawal();
    double avail =
        0.55 * (y2020.renewable() - y2020.environmental())
            + 0.44 * (a2020.renewable() - a2020.environmental());
    assertThat(value("WATER_STRESS", "UZB", Period.year(2020)))
        .isCloseTo(100 * w / avail, within(0.05));
  }

  @Test
  void reservoirLevels_withinCapacity_andMonthly() {
    List<Observation> levels =
        OBS.stream().filter(o -> o.indicator().equals("RESERVOIR_LEVEL")).toList();
    assertThat(levels).allMatch(o -> o.value() >= 0 && o.value() <= 100.0001);
    assertThat(value("RESERVOIR_LEVEL", "SYR_DARYA", Period.month(2025, 12))).isPositive();
    assertThat(YearMonth.of(2025, 12)).isEqualTo(SPEC.last());
  }
}

package org.vigil.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.water.WaterIndicators.Falkenmark;
import org.vigil.water.WaterIndicators.ReservoirLevel;
import org.vigil.water.WaterIndicators.StressLevel;

/**
 * Golden values computed by hand (in the comments) on small basins; tolerance 1e-9 hm³ or percent.
 */
class WaterIndicatorsTest {
  private static final YearMonth START = YearMonth.of(2027, 6);
  private static final double EPS = 1e-9;

  /**
   * Head (50, 10) -> [Res] -> WA (KAZ 10, 30) -> WB (UZB 20, 40) -> Env (5, 5) -> Lake; shares KAZ
   * 0.25, UZB 0.75. R = 60, E = 10, W = 100.
   */
  private static Basin chain(boolean reservoir) {
    List<Node> nodes = new java.util.ArrayList<>();
    nodes.add(Node.source("Head", Monthly.of(50, 10)));
    if (reservoir) {
      nodes.add(Node.reservoir("Res", 200, 10, 10));
    }
    nodes.add(Node.withdrawal("WA", "KAZ", "irrigation", Monthly.of(10, 30)));
    nodes.add(Node.withdrawal("WB", "UZB", "irrigation", Monthly.of(20, 40)));
    nodes.add(Node.envFlow("Env", Monthly.of(5, 5)));
    nodes.add(Node.outlet("Lake"));
    List<Link> links = new java.util.ArrayList<>();
    links.add(Link.of("Head", reservoir ? "Res" : "WA"));
    if (reservoir) {
      links.add(Link.of("Res", "WA"));
    }
    links.add(Link.of("WA", "WB"));
    links.add(Link.of("WB", "Env"));
    links.add(Link.of("Env", "Lake"));
    return new Basin(
        "Chain", nodes, links, List.of(new Agreement.Shares(Map.of("KAZ", 0.25, "UZB", 0.75))));
  }

  @Test
  void of_allocatedChain_stressSharesAndDeficitsMatchHandValues() {
    Basin b = chain(false);
    AllocationResult a =
        new WaterAllocator()
            .allocate(b, AllocationSpec.builder(START).months(2).reliefStep(0).build());

    WaterIndicators w = WaterIndicators.of(b, a);

    // 100 W / (R - E) = 100 * 100 / (60 - 10)
    assertThat(w.renewable()).isCloseTo(60, within(EPS));
    assertThat(w.environmental()).isCloseTo(10, within(EPS));
    assertThat(w.withdrawal()).isCloseTo(100, within(EPS));
    assertThat(w.stressPercent()).isCloseTo(200, within(EPS));
    WaterIndicators.StateIndicators kaz = w.states().get("KAZ");
    WaterIndicators.StateIndicators uzb = w.states().get("UZB");
    // KAZ: 40 / (0.25 * 50) = 320%; entitled 0.25 * 60 = 15. UZB: 60 / (0.75 * 50) = 160%.
    assertThat(kaz.stressPercent()).isCloseTo(320, within(EPS));
    assertThat(kaz.entitled()).isCloseTo(15, within(EPS));
    assertThat(uzb.stressPercent()).isCloseTo(160, within(EPS));
    assertThat(uzb.entitled()).isCloseTo(45, within(EPS));
    // June: 50 covers 10 + 20 + 5. July: 10 - 5 (environment) = 5 for 70 of demand; KAZ's
    // weight (1 / 0.25) beats UZB's (1 / 0.75), so KAZ gets 5 (short 25), UZB nothing (short 40).
    assertThat(kaz.deficitMonths()).containsExactly(YearMonth.of(2027, 7));
    assertThat(kaz.shortfall()).isCloseTo(25, within(1e-6));
    assertThat(uzb.deficitMonths()).containsExactly(YearMonth.of(2027, 7));
    assertThat(uzb.worstMonth()).contains(YearMonth.of(2027, 7));
    assertThat(uzb.shortfall()).isCloseTo(40, within(1e-6));
    assertThat(w.reservoirs()).isEmpty();
  }

  @Test
  void of_givenAllocation_countsDeficitMonthsWorstMonthAndReservoirLevels() {
    Basin b = chain(true);
    YearMonth jul = START.plusMonths(1);
    AllocationResult a =
        new AllocationResult(
            AllocationResult.Status.OPTIMAL,
            "Chain",
            START,
            2,
            FairnessRule.PROPORTIONAL,
            Map.of(),
            0,
            50,
            0.8,
            List.of(),
            List.of(
                new AllocationResult.StateMonth("KAZ", 0, START, 10, 10, 0),
                new AllocationResult.StateMonth("KAZ", 1, jul, 30, 30, 0),
                new AllocationResult.StateMonth("UZB", 0, START, 20, 10, 10),
                new AllocationResult.StateMonth("UZB", 1, jul, 40, 0, 40)),
            List.of(
                new AllocationResult.StorageLevel("Res", 0, START, 35),
                new AllocationResult.StorageLevel("Res", 1, jul, 10)),
            List.of(),
            List.of(),
            "",
            List.of(),
            List.of());

    WaterIndicators w = WaterIndicators.of(b, a);

    assertThat(w.states().get("KAZ").deficitMonths()).isEmpty();
    assertThat(w.states().get("KAZ").worstMonth()).isEmpty();
    assertThat(w.states().get("UZB").deficitMonths()).containsExactly(START, jul);
    assertThat(w.states().get("UZB").worstMonth()).contains(jul);
    assertThat(w.states().get("UZB").shortfall()).isCloseTo(50, within(EPS));
    // 35 / 200 and 10 / 200
    assertThat(w.reservoirs()).extracting(ReservoirLevel::percent).containsExactly(17.5, 5.0);
  }

  @Test
  void of_withoutSharesAgreement_statesShareByDemand() {
    Basin b = chain(false);
    Basin noShares = new Basin(b.name(), b.nodes(), b.links(), List.of());
    AllocationResult a =
        new WaterAllocator()
            .allocate(noShares, AllocationSpec.builder(START).months(2).reliefStep(0).build());

    WaterIndicators w = WaterIndicators.of(noShares, a);

    // KAZ: 40 of 100 -> share 0.4; stress 40 / (0.4 * 50) = 200%, the basin's.
    assertThat(w.states().get("KAZ").share()).isCloseTo(0.4, within(EPS));
    assertThat(w.states().get("KAZ").stressPercent()).isCloseTo(200, within(EPS));
    assertThat(w.states().get("UZB").stressPercent()).isCloseTo(200, within(EPS));
  }

  @Test
  void perCapita_scalesHorizonToAYear() {
    // 37,000 hm³ a year for 18.8 million: 37e9 m³ / 18.8e6 = 1968.085 m³
    assertThat(WaterIndicators.perCapita(37_000, 12, 18.8)).isCloseTo(1968.0851, within(1e-4));
    assertThat(WaterIndicators.perCapita(1_000, 6, 1)).isCloseTo(2000, within(EPS));
    assertThatThrownBy(() -> WaterIndicators.perCapita(1, 12, 0))
        .hasMessageContaining("population > 0")
        .hasMessageContaining("found 0.0 million");
  }

  @ParameterizedTest
  @CsvSource({
    "2500, NO_STRESS",
    "1700, NO_STRESS",
    "1699.9, STRESS",
    "1000, STRESS",
    "999, SCARCITY",
    "500, SCARCITY",
    "499.9, ABSOLUTE_SCARCITY",
    "0, ABSOLUTE_SCARCITY"
  })
  void falkenmark_classesAtTheThresholds(double m3, Falkenmark expected) {
    assertThat(Falkenmark.of(m3)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "0, NO_STRESS",
    "24.9, NO_STRESS",
    "25, LOW",
    "60, MEDIUM",
    "75, HIGH",
    "99.99, HIGH",
    "100, CRITICAL",
    "320, CRITICAL"
  })
  void stressLevel_sdgBands(double percent, StressLevel expected) {
    assertThat(StressLevel.of(percent)).isEqualTo(expected);
  }

  @Test
  void combined_sumsStorageAndCapacityPerMonth() {
    List<ReservoirLevel> levels =
        List.of(
            new ReservoirLevel("A", START, 50, 100),
            new ReservoirLevel("B", START, 10, 300),
            new ReservoirLevel("A", START.plusMonths(1), 100, 100));

    List<ReservoirLevel> c = ReservoirLevel.combined("UZB", levels);

    // (50 + 10) / 400 = 15%; the second month has only A: 100%
    assertThat(c).extracting(ReservoirLevel::percent).containsExactly(15.0, 100.0);
    assertThat(c).extracting(ReservoirLevel::reservoir).containsOnly("UZB");
    assertThat(Optional.of(c.get(0).capacity())).contains(400.0);
  }
}

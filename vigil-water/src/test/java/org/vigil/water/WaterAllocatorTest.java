package org.vigil.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaterAllocatorTest {
  private static final YearMonth START = YearMonth.of(2027, 4);
  private final WaterAllocator allocator = new WaterAllocator();

  /** Naryn -> Toktogul -> Fergana (KGZ 80/month) -> Andijan (UZB 100/month) -> Aral. */
  static Basin toktogul(List<Agreement> agreements) {
    return new Basin(
        "Syr Darya",
        List.of(
            Node.source("Naryn", Monthly.of(100, 100)),
            Node.reservoir("Toktogul", 1000, 500, 600),
            Node.withdrawal("Osh", "KGZ", "irrigation", Monthly.of(80, 80)),
            Node.withdrawal("Andijan", "UZB", "irrigation", Monthly.of(100, 100)),
            Node.outlet("Aral")),
        List.of(
            Link.of("Naryn", "Toktogul"),
            Link.of("Toktogul", "Osh"),
            Link.of("Osh", "Andijan"),
            Link.of("Andijan", "Aral")),
        agreements);
  }

  /** One source splitting to two withdrawals of two states on separate branches. */
  static Basin fork(double inflow, double demandA, double demandB, List<Agreement> agreements) {
    return new Basin(
        "Fork",
        List.of(
            Node.source("Head", Monthly.of(inflow)),
            Node.withdrawal("WA", "KAZ", "irrigation", Monthly.of(demandA)),
            Node.withdrawal("WB", "UZB", "irrigation", Monthly.of(demandB)),
            Node.outlet("Lake")),
        List.of(
            Link.of("Head", "WA"),
            Link.of("Head", "WB"),
            Link.of("WA", "Lake"),
            Link.of("WB", "Lake")),
        agreements);
  }

  private static AllocationSpec spec(int months, FairnessRule rule) {
    return AllocationSpec.builder(START).months(months).fairness(rule).build();
  }

  private static double stateShortfall(AllocationResult r, String state) {
    return r.states().stream()
        .filter(s -> s.state().equals(state))
        .mapToDouble(AllocationResult.StateMonth::shortfall)
        .sum();
  }

  @Test
  void allocate_chainShortOfWater_usesStorageDownToMinimumAndReportsShortfall() {
    AllocationResult r =
        allocator.allocate(toktogul(List.of()), spec(2, FairnessRule.PROPORTIONAL));

    assertThat(r.isFeasible()).isTrue();
    // 200 inflow + 100 above minimum storage against 360 demand
    assertThat(r.totalShortfall()).isCloseTo(60, within(1e-6));
    assertThat(r.storage())
        .last()
        .extracting(AllocationResult.StorageLevel::storage)
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.DOUBLE)
        .isCloseTo(500, within(1e-6));
    assertThat(r.deliveries()).hasSize(4);
    assertThat(r.deliveries().get(0).period()).isEqualTo(START);
  }

  @Test
  void allocate_proportionalWithoutShares_shortsTheLargerDemandFirst() {
    // weights are total demand / state demand: KGZ 360/160, UZB 360/200, so UZB is cheaper to short
    AllocationResult r =
        allocator.allocate(toktogul(List.of()), spec(2, FairnessRule.PROPORTIONAL));

    assertThat(stateShortfall(r, "UZB")).isCloseTo(60, within(1e-6));
    assertThat(stateShortfall(r, "KGZ")).isCloseTo(0, within(1e-6));
    assertThat(r.stateWeights().get("KGZ")).isCloseTo(360.0 / 160, within(1e-12));
  }

  @Test
  void allocate_proportionalWithShares_weighsByInverseShare() {
    Agreement shares = new Agreement.Shares(Map.of("KGZ", 0.8, "UZB", 0.2));

    AllocationResult r =
        allocator.allocate(toktogul(List.of(shares)), spec(2, FairnessRule.PROPORTIONAL));

    assertThat(r.stateWeights()).containsEntry("KGZ", 1.25).containsEntry("UZB", 5.0);
    assertThat(stateShortfall(r, "KGZ")).isCloseTo(60, within(1e-6));
    assertThat(stateShortfall(r, "UZB")).isCloseTo(0, within(1e-6));
  }

  @Test
  void allocate_maxMinSymmetricFork_equalisesRelativeShortfall() {
    AllocationResult r =
        allocator.allocate(fork(100, 80, 80, List.of()), spec(1, FairnessRule.MAX_MIN));

    assertThat(stateShortfall(r, "KAZ")).isCloseTo(30, within(1e-6));
    assertThat(stateShortfall(r, "UZB")).isCloseTo(30, within(1e-6));
    assertThat(r.maxRelativeShortfall()).isCloseTo(30.0 / 80, within(1e-6));
  }

  @Test
  void allocate_maxMinUnequalDemands_sharesShortageInProportionToDemand() {
    AllocationResult maxMin =
        allocator.allocate(fork(20, 10, 30, List.of()), spec(1, FairnessRule.MAX_MIN));
    AllocationResult proportional =
        allocator.allocate(fork(20, 10, 30, List.of()), spec(1, FairnessRule.PROPORTIONAL));

    assertThat(stateShortfall(maxMin, "KAZ")).isCloseTo(5, within(1e-6));
    assertThat(stateShortfall(maxMin, "UZB")).isCloseTo(15, within(1e-6));
    assertThat(maxMin.maxRelativeShortfall()).isCloseTo(0.5, within(1e-6));
    // the linear rule puts the whole shortage on one state: a worse largest relative shortfall
    assertThat(proportional.totalShortfall()).isCloseTo(20, within(1e-6));
    assertThat(proportional.maxRelativeShortfall()).isGreaterThan(0.5 + 1e-3);
  }

  @Test
  void allocate_maxMinSecondStage_minimisesTotalAfterEqualising() {
    // KAZ can only be served from a small branch; MAX_MIN must not waste water UZB could use
    Basin b =
        new Basin(
            "Branches",
            List.of(
                Node.source("Small", Monthly.of(5)),
                Node.source("Big", Monthly.of(100)),
                Node.withdrawal("WA", "KAZ", "irrigation", Monthly.of(10)),
                Node.withdrawal("WB", "UZB", "irrigation", Monthly.of(50)),
                Node.outlet("Lake")),
            List.of(
                Link.of("Small", "WA"),
                Link.of("Big", "WB"),
                Link.of("WA", "Lake"),
                Link.of("WB", "Lake")),
            List.of());

    AllocationResult r = allocator.allocate(b, spec(1, FairnessRule.MAX_MIN));

    assertThat(r.maxRelativeShortfall()).isCloseTo(0.5, within(1e-6));
    assertThat(stateShortfall(r, "UZB")).isCloseTo(0, within(1e-6));
  }

  @Test
  void allocate_bindingMinimumStorage_isNamedWithItsRelief() {
    AllocationResult r =
        allocator.allocate(toktogul(List.of()), spec(2, FairnessRule.PROPORTIONAL));

    assertThat(r.bindingConstraints())
        .contains("minimum storage of reservoir 'Toktogul' in 2027-05");
    AllocationResult.Relief relief =
        r.reliefs().stream()
            .filter(
                x ->
                    x.constraintText().equals("minimum storage of reservoir 'Toktogul' in 2027-05"))
            .findFirst()
            .orElseThrow();
    assertThat(relief.relaxedBound()).isCloseTo(475, within(1e-9));
    assertThat(relief.shortfallChangeByState()).containsOnlyKeys("UZB");
    assertThat(relief.shortfallChangeByState().get("UZB")).isCloseTo(-25, within(1e-6));
    assertThat(relief.suggestion())
        .isEqualTo(
            "5% lower minimum storage of reservoir 'Toktogul' in 2027-05 (500.0 to 475.0 hm³)"
                + " cuts UZB's shortfall by 25.0 hm³ (from 60.0 to 35.0)");
  }

  @Test
  void allocate_reliefThatRemovesShortfall_saysSo() {
    // 10 short in month 1 only; 5% of minimum storage 500 is 25 more than enough
    Basin b =
        new Basin(
            "Small",
            List.of(
                Node.source("S", Monthly.of(90)),
                Node.reservoir("R", 1000, 500, 500),
                Node.withdrawal("W", "TJK", "municipal", Monthly.of(100)),
                Node.outlet("O")),
            List.of(Link.of("S", "R"), Link.of("R", "W"), Link.of("W", "O")),
            List.of());

    AllocationResult r = allocator.allocate(b, spec(1, FairnessRule.PROPORTIONAL));

    assertThat(r.reliefs())
        .singleElement()
        .extracting(AllocationResult.Relief::suggestion)
        .isEqualTo(
            "5% lower minimum storage of reservoir 'R' in 2027-04 (500.0 to 475.0 hm³) removes"
                + " TJK's shortfall (10.0 hm³)");
  }

  @Test
  void allocate_withoutRelief_solvesOnceAndListsNoReliefs() {
    AllocationResult r =
        allocator.allocate(toktogul(List.of()), spec(2, FairnessRule.PROPORTIONAL).withoutRelief());

    assertThat(r.reliefs()).isEmpty();
    assertThat(r.totalShortfall()).isCloseTo(60, within(1e-6));
  }

  @Test
  void allocate_quota_capsTheStatesDelivery() {
    Basin b = fork(100, 40, 40, List.of(new Agreement.Quota("KAZ", 25)));

    AllocationResult r = allocator.allocate(b, spec(1, FairnessRule.PROPORTIONAL));

    assertThat(stateShortfall(r, "KAZ")).isCloseTo(15, within(1e-6));
    assertThat(stateShortfall(r, "UZB")).isCloseTo(0, within(1e-6));
  }

  @Test
  void allocate_linkLosses_reduceWhatArrives() {
    Basin b =
        new Basin(
            "Lossy",
            List.of(
                Node.source("S", Monthly.of(100)),
                Node.withdrawal("W", "TKM", "irrigation", Monthly.of(100)),
                Node.outlet("O")),
            List.of(Link.of("S", "W", 0.2), Link.of("W", "O")),
            List.of());

    AllocationResult r = allocator.allocate(b, spec(1, FairnessRule.PROPORTIONAL));

    assertThat(r.totalShortfall()).isCloseTo(20, within(1e-6));
    assertThat(r.flows().get(0).loss()).isCloseTo(20, within(1e-6));
  }

  @Test
  void allocate_seriesShorterThanHorizon_isAnInputError() {
    assertThatThrownBy(
            () -> allocator.allocate(toktogul(List.of()), spec(12, FairnessRule.MAX_MIN)))
        .isInstanceOf(WaterInputException.class)
        .hasMessageContaining("node 'Naryn': series has 2 months, the horizon needs 12")
        .hasMessageContaining("node 'Osh': series has 2 months, the horizon needs 12");
  }

  @Test
  void allocate_withProgress_reportsEachReliefSolve() {
    List<String> steps = new java.util.ArrayList<>();

    AllocationResult r =
        allocator.allocate(
            toktogul(List.of()),
            spec(2, FairnessRule.PROPORTIONAL),
            (stage, done, total) -> steps.add(stage + " " + done + "/" + total));

    assertThat(r.reliefs()).isNotEmpty();
    assertThat(steps).isNotEmpty().allMatch(s -> s.startsWith("RELIEF ") && s.endsWith("/40"));
    assertThat(steps.get(0)).isEqualTo("RELIEF 1/40");
  }

  @Test
  void allocate_maxMinRelief_countsALowerLargestRelativeShortfallAsBinding() {
    AllocationResult r = allocator.allocate(toktogul(List.of()), spec(2, FairnessRule.MAX_MIN));

    // 60 short of 360: both states at 1/6; 25 more from storage lowers both
    assertThat(r.maxRelativeShortfall()).isCloseTo(60.0 / 360, within(1e-6));
    assertThat(r.bindingConstraints())
        .contains("minimum storage of reservoir 'Toktogul' in 2027-05");
  }

  @Test
  void allocate_reliefChecksCapped_saysHowManyWereLeft() {
    AllocationSpec spec = AllocationSpec.builder(START).maxReliefChecks(3).build();

    AllocationResult r = allocator.allocate(new SyntheticBasin(2, 12).toBasin(), spec);

    assertThat(r.diagnostics())
        .singleElement()
        .asString()
        .matches(
            "relief: \\d+ active constraints not checked after 3 re-solves \\(max relief checks 3\\)");
  }
}

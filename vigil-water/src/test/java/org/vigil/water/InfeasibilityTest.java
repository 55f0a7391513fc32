package org.vigil.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class InfeasibilityTest {
  private static final YearMonth START = YearMonth.of(2027, 4);
  private final WaterAllocator allocator = new WaterAllocator();

  private static AllocationSpec spec(FairnessRule rule) {
    return AllocationSpec.builder(START).months(2).fairness(rule).build();
  }

  @Test
  void allocate_minimumReleaseAboveWhatStorageAllows_namesReleaseAndStorageAsConflicting() {
    // 400 per month must leave Toktogul, but only 100 inflow per month and 100 above minimum
    Basin b =
        WaterAllocatorTest.toktogul(
            List.of(new Agreement.MinimumRelease("Toktogul", Monthly.of(400, 400))));

    AllocationResult r = allocator.allocate(b, spec(FairnessRule.PROPORTIONAL));

    assertThat(r.status()).isEqualTo(AllocationResult.Status.INFEASIBLE);
    assertThat(r.deliveries()).isEmpty();
    assertThat(r.conflicts())
        .filteredOn(AllocationResult.Conflict::inConflict)
        .extracting(AllocationResult.Conflict::description)
        .containsExactlyInAnyOrder(
            "minimum storage of reservoir 'Toktogul'", "minimum release from reservoir 'Toktogul'");
    double relaxation =
        r.conflicts().stream().mapToDouble(AllocationResult.Conflict::relaxation).sum();
    assertThat(relaxation).isCloseTo(500, within(1e-6));
    assertThat(r.explanation())
        .startsWith("Infeasible: no allocation meets every constraint")
        .contains(
            "These constraints conflict (they cannot all hold, and without any one of them the"
                + " others can): ")
        .contains("minimum storage of reservoir 'Toktogul'")
        .contains("minimum release from reservoir 'Toktogul'")
        .contains("The least relaxation that makes it feasible: ");
  }

  @Test
  void allocate_environmentalFlowAboveInflow_namesItAlone() {
    Basin b =
        new Basin(
            "Amu Darya",
            List.of(
                Node.source("Vakhsh", Monthly.of(100, 50)),
                Node.withdrawal("Karakum", "TKM", "irrigation", Monthly.of(30, 30)),
                Node.envFlow("Delta", Monthly.of(60, 60)),
                Node.outlet("Aral")),
            List.of(
                Link.of("Vakhsh", "Karakum"),
                Link.of("Karakum", "Delta"),
                Link.of("Delta", "Aral")),
            List.of());

    AllocationResult r = allocator.allocate(b, spec(FairnessRule.MAX_MIN));

    assertThat(r.isFeasible()).isFalse();
    assertThat(r.conflicts())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.description()).isEqualTo("environmental flow at 'Delta'");
              assertThat(c.inConflict()).isTrue();
              assertThat(c.relaxation()).isCloseTo(10, within(1e-6));
              assertThat(c.months()).containsExactly(YearMonth.of(2027, 5));
            });
    assertThat(r.explanation())
        .contains(
            "The environmental flow at 'Delta' cannot be met whatever the withdrawals; without it"
                + " the scenario is feasible.")
        .contains("environmental flow at 'Delta' by 10.0 hm³ in 2027-05");
  }

  @Test
  void allocate_linkCapacityAndReservoirCapacity_conflictWhenWaterCannotLeave() {
    // a full reservoir behind a canal of 50 per month receiving 200 per month
    Basin b =
        new Basin(
            "Canal",
            List.of(
                Node.source("S", Monthly.of(200, 200)),
                Node.reservoir("R", 300, 0, 250),
                Node.withdrawal("W", "KAZ", "irrigation", Monthly.of(10, 10)),
                Node.outlet("O")),
            List.of(Link.of("S", "R"), new Link("R", "W", 0, 50), Link.of("W", "O")),
            List.of());

    AllocationResult r = allocator.allocate(b, spec(FairnessRule.PROPORTIONAL));

    assertThat(r.isFeasible()).isFalse();
    assertThat(r.conflicts())
        .filteredOn(AllocationResult.Conflict::inConflict)
        .extracting(AllocationResult.Conflict::description)
        .containsExactlyInAnyOrder("capacity of reservoir 'R'", "capacity of link 'R' -> 'W'");
  }
}

package org.vigil.water;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReliefsTest {
  private static final YearMonth START = YearMonth.of(2027, 4);

  private static AllocationResult.Relief relief(
      String subject, double objective, Map<String, Double> change) {
    ConstraintRef ref = new ConstraintRef(ConstraintRef.Kind.MIN_RELEASE, subject, 0);
    return new AllocationResult.Relief(ref, ref.describe(START), 10, 9.5, objective, change, "");
  }

  private static AllocationResult withReliefs(List<AllocationResult.Relief> reliefs) {
    return new AllocationResult(
        AllocationResult.Status.OPTIMAL,
        "B",
        START,
        1,
        FairnessRule.PROPORTIONAL,
        Map.of(),
        0,
        0,
        0,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        reliefs,
        "",
        List.of(),
        List.of());
  }

  @Test
  void ranked_largestShortfallRemovedFirst() {
    AllocationResult r =
        withReliefs(
            List.of(
                relief("small", -1, Map.of("KAZ", -2.0)),
                relief("objectiveOnly", -5, Map.of()),
                relief("big", -3, Map.of("KAZ", -4.0, "UZB", -6.0)),
                relief("mixed", -4, Map.of("KAZ", -8.0, "UZB", 1.0))));

    assertThat(Reliefs.ranked(r))
        .extracting(x -> x.relief().constraint().subject(), Reliefs.Ranked::removed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("big", 10.0),
            org.assertj.core.groups.Tuple.tuple("mixed", 7.0),
            org.assertj.core.groups.Tuple.tuple("small", 2.0),
            org.assertj.core.groups.Tuple.tuple("objectiveOnly", 0.0));
  }

  @Test
  void byState_eachStatesCutsLargestFirst_risesLeftOut() {
    AllocationResult r =
        withReliefs(
            List.of(
                relief("small", -1, Map.of("KAZ", -2.0)),
                relief("big", -3, Map.of("KAZ", -4.0, "UZB", -6.0)),
                relief("mixed", -4, Map.of("KAZ", -8.0, "UZB", 1.0))));

    Map<String, List<Reliefs.Ranked>> by = Reliefs.byState(r);

    assertThat(by).containsOnlyKeys("KAZ", "UZB");
    assertThat(by.get("KAZ"))
        .extracting(x -> x.relief().constraint().subject())
        .containsExactly("mixed", "big", "small");
    assertThat(by.get("UZB")).extracting(Reliefs.Ranked::removed).containsExactly(6.0);
  }
}

package org.vigil.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WaterBenchTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void engine_syntheticBasin_reachesTheHandBuiltReferenceOptimum(long seed) {
    SyntheticBasin synthetic = new SyntheticBasin(seed, 12);
    AllocationSpec spec = AllocationSpec.builder(YearMonth.of(2027, 1)).build().withoutRelief();

    AllocationResult r = new WaterAllocator().allocate(synthetic.toBasin(), spec);

    assertThat(r.isFeasible()).isTrue();
    double reference = ReferenceLp.solve(synthetic);
    assertThat(r.objective()).isCloseTo(reference, within(1e-6 * Math.max(1, reference)));
  }

  @Test
  void run_withAStepClock_reportsEveryRowAndEqualObjectives() {
    AtomicLong clock = new AtomicLong();
    // each reading advances 2 ms, so every timed solve lasts 2 ms
    WaterBench.Report report =
        WaterBench.run(new WaterBench.Spec(2, 12, 0, 1), () -> clock.getAndAdd(2_000_000));

    assertThat(report.nodes()).isEqualTo(40);
    assertThat(report.objectivesEqual()).isTrue();
    assertThat(report.rows())
        .hasSize(4)
        .allSatisfy(r -> assertThat(r.medianMillis()).isEqualTo(2.0));
    assertThat(report.table())
        .contains("Water allocation bench: 40 nodes, 39 links, 12 months")
        .contains("reference: hand-built ojAlgo LP")
        .contains("objectives equal (engine PROPORTIONAL vs reference): yes");
  }
}

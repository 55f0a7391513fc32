package org.vigil.bench.m3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class M3CpuRunsTest {

  @Test
  void median_oddCount_isTheMiddleValueAndLeavesTheInputAlone() {
    double[] runs = {12.0, 9.5, 10.25};
    assertThat(M3CpuRuns.median(runs)).isEqualTo(10.25);
    assertThat(runs).containsExactly(12.0, 9.5, 10.25);
  }

  @Test
  void median_evenCount_isTheMeanOfTheTwoMiddleValues() {
    assertThat(M3CpuRuns.median(new double[] {11.0, 9.0, 13.0, 10.0})).isEqualTo(10.5);
  }
}

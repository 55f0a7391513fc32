package org.vigil.bench.m3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole-process CPU measurement of {@code bench m3 --r}, and its failure without R. */
class M3CpuTest {
  @Test
  void require_rscriptMissing_failsWithOneLineNamingTheFix() {
    assertThatThrownBy(() -> RForecastRunner.require("Rscript-not-installed-here"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--r: Rscript-not-installed-here is not on the PATH")
        .hasMessageContaining("apt-get install -y r-cran-forecast")
        .hasMessageNotContaining("\n");
  }

  @Test
  void vigil_childJvmOnOneSeries_reportsItsWholeProcessCpu() throws Exception {
    double[] train = {11, 12, 13, 14, 15, 16, 17, 18};
    M3Series s = new M3Series("S1", "yearly", 1, 1990, 1, train, new double[] {19, 21});

    double cpu = ProcessCpu.vigil(List.of(s), List.of("naive"), 1);

    // A JVM start alone costs well over 10 ms of CPU; no run costs an hour.
    assertThat(cpu).isGreaterThan(0.01).isLessThan(3600);
  }

  @Test
  void line_parse_roundTripsTheTrainingValuesAndHorizon() {
    M3Series s =
        new M3Series("N1402", "monthly", 12, 1990, 3, new double[] {1.5, 2, 3e4}, new double[3]);

    M3Series back = M3CpuMain.parse(M3CpuMain.line(s));

    assertThat(back.id()).isEqualTo("N1402");
    assertThat(back.category()).isEqualTo("monthly");
    assertThat(back.period()).isEqualTo(12);
    assertThat(back.startPeriod()).isEqualTo(3);
    assertThat(back.train()).containsExactly(1.5, 2, 3e4);
    assertThat(back.horizon()).isEqualTo(3);
  }

  @Test
  void self_isTheProcessCpuSoFar_andGrows() {
    double before = ProcessCpu.self();
    double x = 0;
    for (int i = 0; i < 20_000_000; i++) {
      x += Math.sqrt(i);
    }
    assertThat(x).isPositive();
    assertThat(ProcessCpu.self()).isGreaterThan(before);
  }
}

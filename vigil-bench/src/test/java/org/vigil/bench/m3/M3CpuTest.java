package org.vigil.bench.m3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole-process CPU measurement of {@code bench m3 --r}, and its failure without R. */
class M3CpuTest {
  @TempDir Path dir;

  @Test
  void require_rscriptMissing_failsWithOneLineNamingTheFix() {
    assertThatThrownBy(() -> RForecastRunner.require("Rscript-not-installed-here"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--r: Rscript-not-installed-here is not on the PATH")
        .hasMessageContaining("apt-get install -y r-cran-forecast")
        .hasMessageNotContaining("\n");
  }

  @Test
  void vigil_childJvmOnTinyFolder_reportsItsWholeProcessCpu() throws Exception {
    Files.writeString(
        dir.resolve("series.csv"),
        "\"series\",\"type\",\"period\",\"frequency\",\"start_year\",\"start_period\",\"n\",\"h\"\n"
            + "\"S1\",\"MICRO\",\"YEARLY\",1,1990,1,8,2\n",
        StandardCharsets.UTF_8);
    StringBuilder v = new StringBuilder("\"series\",\"split\",\"t\",\"value\"\n");
    for (int t = 1; t <= 8; t++) {
      v.append("\"S1\",\"train\",").append(t).append(',').append(10 + t).append('\n');
    }
    v.append("\"S1\",\"test\",1,19\n\"S1\",\"test\",2,21\n");
    Files.writeString(dir.resolve("values.csv"), v.toString(), StandardCharsets.UTF_8);

    double cpu = ProcessCpu.vigil(dir, List.of("naive"), 0, 1);

    // A JVM start alone costs well over 10 ms of CPU; no run costs an hour.
    assertThat(cpu).isGreaterThan(0.01).isLessThan(3600);
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

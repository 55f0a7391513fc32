package org.vigil.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestBenchTest {

  /**
   * The bench ingests what it generated into both stores: a reference rule (who may report for an
   * area) once refused every row after the first area, and nothing but CI's smoke run noticed.
   */
  @Test
  void run_storesEveryGeneratedRowInBothStores_andAddsNothingTheSecondTime(@TempDir Path dir)
      throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    IngestBenchResult result =
        new IngestBench(
                new IngestBenchSpec(300, dir, 17, true),
                new PrintStream(log, true, StandardCharsets.UTF_8))
            .run();

    assertThat(result.lines())
        .filteredOn(l -> l.target().startsWith("Vigil ingest") && !l.target().contains("again"))
        .hasSize(2)
        .allSatisfy(l -> assertThat(l.rowsStored()).isEqualTo(300));
    assertThat(result.lines())
        .filteredOn(l -> l.target().contains("again"))
        .hasSize(2)
        .allSatisfy(l -> assertThat(l.rowsStored()).isZero());
    assertThat(result.lines()).anySatisfy(l -> assertThat(l.target()).contains("COPY"));
  }
}

package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.model.InvalidInputException;

class SparkProcessTest {
  @TempDir Path home;

  private SparkProcess process() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return new SparkProcess(home, sink, sink);
  }

  @Test
  void command_jobNotBuilt_saysWhichJarAndHowToBuildIt() {
    assertThatThrownBy(() -> process().command(SparkProcess.BENCH_JOB, "local[2]", List.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("vigil-spark/target/vigil-spark-job.jar")
        .hasMessageContaining("install -pl vigil-spark -am");
  }

  @Test
  void command_local_isAChildJvmWithTheJobJarAndSparksClassPath() throws Exception {
    Files.createDirectories(home.resolve("vigil-spark/target"));
    Files.writeString(home.resolve("vigil-spark/target/vigil-spark-job.jar"), "x");
    Files.writeString(
        home.resolve("vigil-spark/target/spark-runtime.classpath"), "/m2/spark.jar\n");

    List<String> cmd =
        process().command(SparkProcess.FORECAST_JOB, "local[2]", List.of("--horizon", "6"));

    if (System.getenv("SPARK_HOME") == null) {
      assertThat(cmd.get(0)).endsWith("/bin/java");
      assertThat(cmd).contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
      assertThat(cmd)
          .containsSequence(
              "-cp",
              home.resolve("vigil-spark/target/vigil-spark-job.jar") + ":/m2/spark.jar",
              SparkProcess.FORECAST_JOB,
              "--horizon",
              "6",
              "--master",
              "local[2]");
    }
  }

  @Test
  void local_onlyForLocalMastersWithoutSparkHome() {
    assertThat(SparkProcess.local("local[2]", Optional.empty())).isTrue();
    assertThat(SparkProcess.local("local[2]", Optional.of("/opt/spark"))).isFalse();
    assertThat(SparkProcess.local("spark://m:7077", Optional.empty())).isFalse();
  }

  @Test
  void bar_notATerminal_printsALinePerTenth() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (SparkProcess.Bar bar =
        new SparkProcess.Bar(new PrintStream(err, true, StandardCharsets.UTF_8))) {
      for (int i = 1; i <= 20; i++) {
        bar.show("@progress spark " + i + " 20");
      }
    }
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .hasSize(11)
        .startsWith("spark: 1 of 20", "spark: 2 of 20")
        .endsWith("spark: 20 of 20");
  }

  @Test
  void fields_quotedCommasAndQuotes() {
    assertThat(SparkForecastBatch.fields("\"a,b\",1,,\"x \"\"y\"\"\""))
        .containsExactly("a,b", "1", "", "x \"y\"");
  }
}

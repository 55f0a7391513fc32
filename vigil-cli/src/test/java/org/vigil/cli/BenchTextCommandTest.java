package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchTextCommandTest {
  @TempDir Path dir;

  @Test
  void benchText_printsModelLexiconAndMajorityAccuracyWithTheMethod() throws Exception {
    Path gold = dir.resolve("gold.json");
    try (var in = getClass().getResourceAsStream("/plover-fixture.json")) {
      Files.copy(in, gold);
    }
    CliHarness.Run r =
        CliHarness.execute("bench", "text", "--plover", gold.toString(), "--folds", "4");
    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    assertThat(r.out() + r.err())
        .contains("4-fold cross-validation")
        .contains("category accuracy (majority: ")
        .contains("category accuracy (lexicon only)")
        .contains("country F1");
    CliHarness.Run t =
        CliHarness.execute(
            "bench", "text", "--plover", gold.toString(), "--train", gold.toString());
    assertThat(t.out() + t.err()).contains("trained on a separate file of 20 sentences");
  }

  @Test
  void benchText_missingOrBrokenFileIsOneLineAndExitTwo() throws Exception {
    CliHarness.Run r =
        CliHarness.execute("bench", "text", "--plover", dir.resolve("nope.json").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("nope.json not found");
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"not\": \"an array\"}");
    CliHarness.Run b = CliHarness.execute("bench", "text", "--plover", broken.toString());
    assertThat(b.exit()).isEqualTo(2);
    assertThat(b.err()).contains("expected a JSON array");
  }
}

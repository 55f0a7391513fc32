package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchTextCommandTest {
  @TempDir Path dir;

  private String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        VigilCommand.execute(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new String[] {
      String.valueOf(exit),
      out.toString(StandardCharsets.UTF_8),
      err.toString(StandardCharsets.UTF_8)
    };
  }

  @Test
  void benchText_printsModelLexiconAndMajorityAccuracyWithTheMethod() throws Exception {
    Path gold = dir.resolve("gold.json");
    try (var in = getClass().getResourceAsStream("/plover-fixture.json")) {
      Files.copy(in, gold);
    }
    String[] r = run("bench", "text", "--plover", gold.toString(), "--folds", "4");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1] + r[2])
        .contains("4-fold cross-validation")
        .contains("category accuracy (majority: ")
        .contains("category accuracy (lexicon only)")
        .contains("country F1");
    String[] t = run("bench", "text", "--plover", gold.toString(), "--train", gold.toString());
    assertThat(t[1] + t[2]).contains("trained on a separate file of 20 sentences");
  }

  @Test
  void benchText_missingOrBrokenFileIsOneLineAndExitTwo() throws Exception {
    String[] r = run("bench", "text", "--plover", dir.resolve("nope.json").toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("nope.json not found");
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"not\": \"an array\"}");
    String[] b = run("bench", "text", "--plover", broken.toString());
    assertThat(b[0]).isEqualTo("2");
    assertThat(b[2]).contains("expected a JSON array");
  }
}

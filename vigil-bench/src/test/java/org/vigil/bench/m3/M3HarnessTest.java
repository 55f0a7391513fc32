package org.vigil.bench.m3;

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

/** The harness on a tiny folder laid out like the M3 data (no /work/shared needed). */
class M3HarnessTest {
  @TempDir Path dir;

  private void writeData() throws Exception {
    Files.writeString(
        dir.resolve("series.csv"),
        "\"series\",\"type\",\"period\",\"frequency\",\"start_year\",\"start_period\",\"n\",\"h\",\"description\"\n"
            + "\"S1\",\"MICRO\",\"YEARLY\",1,1990,1,8,2,\"a, b\"\n"
            + "\"S2\",\"MICRO\",\"QUARTERLY\",4,1990,1,12,2,\"c\"\n",
        StandardCharsets.UTF_8);
    StringBuilder v = new StringBuilder("\"series\",\"split\",\"t\",\"value\"\n");
    for (int t = 1; t <= 8; t++) {
      v.append("\"S1\",\"train\",").append(t).append(',').append(10 + t).append('\n');
    }
    v.append("\"S1\",\"test\",1,19\n\"S1\",\"test\",2,21\n");
    for (int t = 1; t <= 12; t++) {
      v.append("\"S2\",\"train\",").append(t).append(',').append(100 + (t % 4) * 10).append('\n');
    }
    v.append("\"S2\",\"test\",1,110\n\"S2\",\"test\",2,120\n");
    Files.writeString(dir.resolve("values.csv"), v.toString(), StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("published_forecasts.csv"),
        "\"method\",\"series\",\"step\",\"value\"\n\"X\",\"S1\",1,18\n\"X\",\"S1\",2,18\n"
            + "\"X\",\"S2\",1,110\n\"X\",\"S2\",2,120\n",
        StandardCharsets.UTF_8);
  }

  @Test
  void run_naiveOnTinyFolder_scoresOursAndPublished() throws Exception {
    writeData();
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    Path json = dir.resolve("out.json");
    Path csv = dir.resolve("fc.csv");
    M3Harness.run(
        new M3Options(
            dir, List.of("naive"), 0, 1, Optional.of(json), Optional.of(csv), false, false),
        new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);
    // naive: S1 forecasts 18, 18 against 19, 21: sMAPE (200/37 + 600/39)/2 = 10.39;
    // S2 forecasts 100, 100 against 110, 120: (2000/210 + 4000/220)/2 = 13.85; mean 12.12
    assertThat(out).containsPattern("naive\\s+2\\s+12\\.12\\s+12\\.12\\s+10\\.40\\s+13\\.85");
    // X is perfect on S2 and equal to naive on S1: (10.39 + 0) / 2 = 5.20
    assertThat(out).containsPattern("X\\s+2\\s+5\\.20");
    assertThat(Files.readString(json)).contains("\"method\": \"naive\"");
    assertThat(Files.readAllLines(csv)).hasSize(5).contains("naive,S1,1,18.0");
  }

  @Test
  void run_validation_scoresTheLastTrainingValuesAndNeverTheTestPeriod() throws Exception {
    writeData();
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    M3Harness.run(
        new M3Options(
            dir, List.of("naive"), 0, 1, Optional.empty(), Optional.empty(), false, false, true),
        new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);
    // S1 fitted on 11..16, scored on 17, 18: (200/33 + 400/34)/2 = 8.91; S2 fitted on its first
    // 10 values (last 120), scored on 130, 100: (2000/250 + 4000/220)/2 = 13.09; mean 11.00
    assertThat(out).contains("validation mode");
    assertThat(out).containsPattern("naive\\s+2\\s+11\\.00\\s+\\S+\\s+8\\.91\\s+13\\.09");
    // the published forecasts are for the test period: not shown
    assertThat(out).doesNotContainPattern("\\bX\\s+2");
  }

  @Test
  void options_validationWithR_isRejectedWithTheReason() {
    assertThatThrownBy(
            () ->
                new M3Options(
                    dir,
                    List.of("ets"),
                    0,
                    1,
                    Optional.empty(),
                    Optional.empty(),
                    true,
                    false,
                    true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--validation and --r cannot be combined");
  }

  @Test
  void parseMethods_unknownName_listsKnownOnes() {
    assertThatThrownBy(() -> M3Benchmark.parseMethods("ets,foo"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("foo")
        .hasMessageContaining("ets,arima,theta");
  }

  @Test
  void atOrigin_two_scoresTheHorizonBeforeTheLastAndDropsEverythingAfter() {
    double[] train = new double[20];
    for (int i = 0; i < train.length; i++) {
      train[i] = i + 1;
    }
    M3Series s = new M3Series("Q", "quarterly", 4, 1990, 1, train, new double[] {99, 99, 99, 99});
    M3Series o2 = M3Harness.atOrigin(s, 2);
    assertThat(o2.train()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    assertThat(o2.test()).containsExactly(13, 14, 15, 16);
    assertThat(M3Harness.atOrigin(s, 9)).isNull();
  }

  @Test
  void options_originWithoutValidation_isRefused() {
    assertThatThrownBy(
            () ->
                new M3Options(
                    dir,
                    List.of("naive"),
                    0,
                    1,
                    Optional.empty(),
                    Optional.empty(),
                    false,
                    false,
                    false,
                    2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--origin")
        .hasMessageContaining("without --validation");
  }
}

package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.analytics.AnalyticRunner;
import org.vigil.app.demo.DemoData;
import org.vigil.model.run.AnalyticRun;

/**
 * "What did we publish on 1 March?" from the command line (issue 10): {@code risk} and {@code
 * priorities} with {@code --as-of DATE} read the analytic run in force at the end of that day, say
 * which run it was, and a day before the first run is one clear line and exit 2. The default {@code
 * risk} view is each state's published composite with the domains it covers.
 */
class PublishedAsOfCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static String dbUrl;
  private static AnalyticRun first;
  private static AnalyticRun second;
  private static LocalDate firstDay;
  private static LocalDate secondDay;

  @TempDir static Path dir;

  /** A clock the test moves: the first run is published on one day, the second a week later. */
  private static final class MovingClock extends Clock {
    private Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeAll
  static void twoRunsOnTwoDays() {
    dbUrl = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
    Instant start = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
    MovingClock clock = new MovingClock(start.plus(12, ChronoUnit.HOURS));
    try (Vigil vigil = Vigil.open(VigilConfig.of(dbUrl, "", "").withClock(clock))) {
      DemoData.load(vigil);
      AnalyticRunner runner = new AnalyticRunner(vigil);
      first = runner.run("test", true, AnalyticRunner.Progress.NONE);
      clock.now = clock.now.plus(7, ChronoUnit.DAYS);
      second = runner.run("test", false, AnalyticRunner.Progress.NONE);
    }
    firstDay = LocalDate.ofInstant(start, ZoneOffset.UTC);
    secondDay = firstDay.plusDays(7);
    assertThat(second.id()).isGreaterThan(first.id());
  }

  /** exit code, stdout and stderr of one command as the system operator. */
  private static Object[] cli(String... args) {
    List<String> all = new ArrayList<>(List.of("--db", dbUrl, "--format", "json"));
    all.addAll(List.of(args));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        VigilCommand.execute(
            all.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Object[] {
      code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)
    };
  }

  @Test
  void risk_asOfEachDay_readsTheRunInForceThen() throws Exception {
    Object[] then = cli("risk", "--as-of", firstDay.plusDays(3).toString());
    assertThat(then[0]).as((String) then[2]).isEqualTo(0);
    assertThat((String) then[2]).contains("analytic run " + first.id());
    Object[] later = cli("risk", "--as-of", secondDay.toString());
    assertThat((String) later[2]).contains("analytic run " + second.id());
    Object[] now = cli("risk");
    assertThat((String) now[2]).contains("analytic run " + second.id());
    // Same data, same methodology: both runs published the same composites.
    assertThat(JSON.readTree((String) then[1])).isEqualTo(JSON.readTree((String) now[1]));
    JsonNode rows = JSON.readTree((String) now[1]);
    assertThat(rows).isNotEmpty();
    for (JsonNode r : rows) {
      assertThat(r.get("covers").asText()).matches("\\d+ of \\d+ domains");
      assertThat(r.get("composite").isNumber()).as(r.toString()).isTrue();
    }
  }

  @Test
  void risk_asOfBeforeTheFirstRun_isOneLineAndExit2() {
    Object[] r = cli("risk", "--as-of", firstDay.minusDays(1).toString());
    assertThat(r[0]).isEqualTo(VigilCommand.BAD_INPUT);
    assertThat(((String) r[2]).strip())
        .startsWith("vigil: No analytic run had been published by " + firstDay.minusDays(1))
        .doesNotContain("\n");
  }

  @Test
  void priorities_asOf_readsTheRunInForceThen() {
    Object[] then = cli("priorities", "--as-of", firstDay.toString());
    assertThat(then[0]).as((String) then[2]).isEqualTo(0);
    assertThat((String) then[2]).contains("analytic run " + first.id());
    Object[] now = cli("priorities", "--view", "regional");
    assertThat((String) now[2]).contains("analytic run " + second.id());
    assertThat((String) now[1]).containsPattern("\"covers\" *: *\"\\d+ of \\d+ states\"");
  }
}

package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cli.CliHarness.Run;

/** {@code vigil alerts} against an empty file database: evaluation, listing and bad input. */
class AlertsCommandTest {
  @TempDir Path dir;

  Run vigil(String... args) {
    return CliHarness.run(dir, args);
  }

  @Test
  void alerts_emptyDatabase_evaluatesNothingAndListsNothing() {
    Run eval = vigil("alerts", "evaluate");
    assertThat(eval.exit()).as(eval.err()).isZero();
    assertThat(eval.out() + eval.err()).contains("0 finding(s), 0 new alert(s)");

    Run list = vigil("--format", "csv", "alerts", "list", "--state", "new");
    assertThat(list.exit()).as(list.err()).isZero();
    assertThat(list.out()).startsWith("id,rule,severity");
  }

  @Test
  void alerts_badStateOrUnknownAlert_exitTwoWithOneLine() {
    Run bad = vigil("alerts", "list", "--state", "opened");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--state must be one of [NEW, SEEN, CLOSED]");

    Run missing = vigil("alerts", "mark", "42", "seen");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("No alert 42");
  }

  @Test
  void alerts_lang_ruOrEnOnly() {
    Run ru = vigil("alerts", "list", "--lang", "ru");
    assertThat(ru.exit()).as(ru.err()).isZero();

    Run bad = vigil("alerts", "list", "--lang", "de");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--lang must be en or ru");
  }
}

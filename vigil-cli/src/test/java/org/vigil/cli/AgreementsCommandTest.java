package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Vigil;
import org.vigil.cli.CliHarness.Run;
import org.vigil.model.Role;

/**
 * {@code vigil agreements list|allow|revoke} against a file database: the area owner's admin allows
 * and revokes, another state's admin is refused, and a steward's ingest for another state's area is
 * refused (naming the command), accepted after {@code allow}, refused after {@code revoke}.
 */
class AgreementsCommandTest {
  @TempDir Path dir;
  String kazSteward;
  String kazAdmin;
  String rusAdmin;

  Run vigil(String... args) {
    return CliHarness.run(dir, args);
  }

  String url() {
    return CliHarness.url(dir);
  }

  @BeforeEach
  void world() {
    try (Vigil vigil = CliHarness.open(dir)) {
      CliHarness.twoStates(vigil);
      kazSteward = CliHarness.user(vigil, "kaz.steward", "KAZ-SC", Role.DATA_STEWARD);
      kazAdmin = CliHarness.user(vigil, "kaz.admin", "KAZ-SC", Role.ORG_ADMIN);
      rusAdmin = CliHarness.user(vigil, "rus.admin", "RUS-SC", Role.ORG_ADMIN);
    }
  }

  private Run ingestForRus(String period) throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("kaz-for-rus-" + period + ".csv"),
            "indicator,area,period,value\nTEST_CRIME,RUS," + period + ",5\n",
            StandardCharsets.UTF_8);
    return vigil(
        "ingest",
        f.toString(),
        "--format",
        "long",
        "--classification",
        "PUBLIC",
        "--token",
        kazSteward);
  }

  @Test
  void allowThenRevoke_byTheAreaOwnersAdmin_governsTheIngest() throws Exception {
    Run before = ingestForRus("2024-02");
    assertThat(before.exit()).as(before.out() + before.err()).isEqualTo(2);
    assertThat(before.err())
        .contains("KAZ-SC may not report values for area RUS")
        .contains("./vigil agreements allow --reporter KAZ-SC --area RUS");

    Run refused =
        vigil("agreements", "allow", "--reporter", "KAZ-SC", "--area", "RUS", "--token", kazAdmin);
    assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(2);
    assertThat(refused.err()).contains("may not grant reporting agreements for area RUS");

    Run allow =
        vigil(
            "agreements", "allow", "--reporter", "kaz-sc", "--area", "Russia", "--token", rusAdmin);
    assertThat(allow.exit()).as(allow.err()).isZero();
    assertThat(allow.out()).contains("Allowed: KAZ-SC may report values for RUS.");

    Run list = vigil("agreements", "list", "--format", "csv", "--token", kazSteward);
    assertThat(list.exit()).as(list.err()).isZero();
    assertThat(list.out()).isEqualTo("reporter,area\nKAZ-SC,RUS\n");

    Run accepted = ingestForRus("2024-02");
    assertThat(accepted.exit()).as(accepted.out() + accepted.err()).isZero();

    Run revoke =
        vigil("agreements", "revoke", "--reporter", "KAZ-SC", "--area", "RUS", "--token", rusAdmin);
    assertThat(revoke.exit()).as(revoke.err()).isZero();
    Run after = ingestForRus("2024-03");
    assertThat(after.exit()).as(after.out() + after.err()).isEqualTo(2);
    assertThat(vigil("agreements", "list", "--format", "csv").out()).isEqualTo("reporter,area\n");

    Run audit = vigil("audit", "list", "--limit", "1000", "--format", "csv");
    assertThat(audit.out())
        .contains("reporting.allow")
        .contains("reporting.revoke")
        .contains("rus.admin");
    Run verify = vigil("audit", "verify");
    assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
  }

  @Test
  void localOperator_allowsWithoutUser_asTheRefusalSays() {
    Run allow = vigil("agreements", "allow", "--reporter", "KAZ-SC", "--area", "RUS");
    assertThat(allow.exit()).as(allow.err()).isZero();
    Run again = vigil("agreements", "allow", "--reporter", "KAZ-SC", "--area", "RUS");
    assertThat(again.out()).contains("Unchanged");
    Run unknown = vigil("agreements", "revoke", "--reporter", "RUS-SC", "--area", "KAZ");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("No reporting agreement lets RUS-SC report for KAZ");
  }
}

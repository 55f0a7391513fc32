package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.auth.AuthService;
import org.vigil.app.auth.PasswordHasher;
import org.vigil.model.AccessContext;
import org.vigil.model.Aggregation;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Indicator;
import org.vigil.model.Organisation;
import org.vigil.model.Polarity;
import org.vigil.model.Role;
import org.vigil.model.ThreatDomain;
import org.vigil.model.User;
import org.vigil.timeseries.Frequency;

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

  record Run(int exit, String out, String err) {}

  Run vigil(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> all = new ArrayList<>(List.of("--db", url()));
    all.addAll(List.of(args));
    int exit =
        VigilCommand.execute(
            all.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  String url() {
    return "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
  }

  @BeforeEach
  void world() {
    try (Vigil vigil = Vigil.open(VigilConfig.fromEnvironment().withDbUrl(url()))) {
      AccessContext sys = AccessContext.system();
      var ref = vigil.reference();
      ref.saveArea(sys, new Area("KAZ", AreaKind.COUNTRY, "Kazakhstan", "Казахстан", "KZ", "398"));
      ref.saveArea(sys, new Area("RUS", AreaKind.COUNTRY, "Russia", "Россия", "RU", "643"));
      ref.saveOrganisation(sys, new Organisation("KAZ-SC", "Kazakhstan", "", "KAZ", false));
      ref.saveOrganisation(sys, new Organisation("RUS-SC", "Russia", "", "RUS", false));
      ref.saveIndicator(
          sys,
          new Indicator(
              "TEST_CRIME",
              "Test crimes",
              "",
              ThreatDomain.ORGANISED_CRIME,
              "cases",
              Frequency.MONTHLY,
              "",
              Polarity.RISE_IS_BAD,
              Aggregation.SUM,
              "test",
              true));
      String hash = new PasswordHasher(1024, 1).hash("correct horse battery staple");
      AuthService auth =
          new AuthService(
              vigil.users(),
              vigil.tokens(),
              vigil.audit(),
              vigil.clock(),
              new java.security.SecureRandom());
      kazSteward = token(vigil, auth, hash, "kaz.steward", "KAZ-SC", Role.DATA_STEWARD);
      kazAdmin = token(vigil, auth, hash, "kaz.admin", "KAZ-SC", Role.ORG_ADMIN);
      rusAdmin = token(vigil, auth, hash, "rus.admin", "RUS-SC", Role.ORG_ADMIN);
    }
  }

  private static String token(
      Vigil vigil, AuthService auth, String hash, String name, String org, Role role) {
    vigil.users().save(AccessContext.system(), new User(name, org, role, hash, true));
    return auth.createToken(AccessContext.of(name, org, role), "cli", Duration.ofDays(1)).secret();
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

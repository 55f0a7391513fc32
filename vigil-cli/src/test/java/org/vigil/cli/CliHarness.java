package org.vigil.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.auth.AuthService;
import org.vigil.app.auth.PasswordHasher;
import org.vigil.model.AccessContext;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Organisation;
import org.vigil.model.Role;
import org.vigil.model.ThreatDomain;
import org.vigil.model.User;
import org.vigil.store.TestSeries;

/**
 * What the command tests share: {@code vigil} run in this JVM against a file database in the test's
 * folder (output, error output and exit code captured), and the users and reference data a test
 * world needs.
 */
final class CliHarness {
  /** The password of every user {@link #user} makes. */
  static final String PASSWORD = "correct horse battery staple";

  /** One run of the command line. */
  record Run(int exit, String out, String err) {}

  private CliHarness() {}

  /** The file database kept in {@code dir}. */
  static String url(Path dir) {
    return "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
  }

  /** Opens the file database in {@code dir} (migrated, empty the first time). */
  static Vigil open(Path dir) {
    return Vigil.open(VigilConfig.fromEnvironment().withDbUrl(url(dir)));
  }

  /** Runs {@code vigil --db <dir's database> args...} and captures what it prints. */
  static Run run(Path dir, String... args) {
    List<String> all = new ArrayList<>(List.of("--db", url(dir)));
    all.addAll(List.of(args));
    return execute(all.toArray(String[]::new));
  }

  /** Runs {@code vigil args...} as given (the test names the database, if any). */
  static Run execute(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        VigilCommand.execute(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Saves an active user with {@link #PASSWORD} and returns a day-long API token of theirs. */
  static String user(Vigil vigil, String name, String organisation, Role role) {
    String hash = new PasswordHasher(1024, 1).hash(PASSWORD);
    vigil.users().save(AccessContext.system(), new User(name, organisation, role, hash, true));
    return token(vigil, name, organisation, role);
  }

  /** A day-long API token of an existing user. */
  static String token(Vigil vigil, String name, String organisation, Role role) {
    AuthService auth =
        new AuthService(
            vigil.users(), vigil.tokens(), vigil.audit(), vigil.clock(), new SecureRandom());
    return auth.createToken(AccessContext.of(name, organisation, role), "cli", Duration.ofDays(1))
        .secret();
  }

  /**
   * Two states and their councils (Kazakhstan, KAZ-SC; Russia, RUS-SC) and one monthly indicator,
   * {@code TEST_CRIME} (organised crime, cases, summed, a rise is bad).
   */
  static void twoStates(Vigil vigil) {
    AccessContext sys = AccessContext.system();
    var ref = vigil.reference();
    ref.saveArea(sys, new Area("KAZ", AreaKind.COUNTRY, "Kazakhstan", "Казахстан", "KZ", "398"));
    ref.saveArea(sys, new Area("RUS", AreaKind.COUNTRY, "Russia", "Россия", "RU", "643"));
    ref.saveOrganisation(sys, new Organisation("KAZ-SC", "Kazakhstan", "", "KAZ", false));
    ref.saveOrganisation(sys, new Organisation("RUS-SC", "Russia", "", "RUS", false));
    ref.saveIndicator(
        sys,
        TestSeries.monthlyCount(
            "TEST_CRIME", "Test crimes", "", ThreatDomain.ORGANISED_CRIME, "cases"));
  }
}

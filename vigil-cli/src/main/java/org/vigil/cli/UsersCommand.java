package org.vigil.cli;

import java.io.Console;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.vigil.app.Vigil;
import org.vigil.app.auth.AuthService;
import org.vigil.model.InvalidInputException;
import org.vigil.model.Role;
import org.vigil.model.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil users}: user administration by the local operator (whoever holds the database).
 * Every change is audited with origin "cli".
 */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Manage users (as the local operator).",
    subcommands = {
      UsersCommand.Add.class,
      UsersCommand.ListUsers.class,
      UsersCommand.SetRole.class
    })
final class UsersCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(VigilCommand.of(spec).out());
  }

  static Table table(Iterable<User> users) {
    Table t = Table.of("username", "organisation", "role", "active");
    for (User u : users) {
      t.row(u.username(), u.organisation(), u.role().name(), u.active());
    }
    return t;
  }

  /**
   * {@code users add NAME --org ORG --role ROLE}; the password from VIGIL_NEW_PASSWORD or asked.
   */
  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user.")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "USERNAME", description = "Login name.")
    String username;

    @Option(names = "--org", required = true, description = "Organisation id, e.g. KAZ-SC.")
    String organisation;

    @Option(names = "--role", required = true, description = "Role: ${COMPLETION-CANDIDATES}.")
    Role role;

    @Option(
        names = "--password-file",
        paramLabel = "FILE",
        description =
            "Read the password from the first line of this file (for scripts); otherwise from"
                + " VIGIL_NEW_PASSWORD or the console.")
    java.nio.file.Path passwordFile;

    @Override
    public Integer call() throws java.io.IOException {
      VigilCommand root = VigilCommand.of(spec);
      char[] password = passwordFile == null ? newPassword(username) : fromFile(passwordFile);
      try (Vigil vigil = root.openVigil()) {
        AuthService auth = root.authService(vigil);
        User u =
            auth.addUser(root.operator(), username, organisation, role, CharBuffer.wrap(password));
        root.renderer().print(table(java.util.List.of(u)));
      } finally {
        Arrays.fill(password, '\0');
      }
      return VigilCommand.OK;
    }
  }

  /** {@code users list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List users.")
  static final class ListUsers implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      try (Vigil vigil = root.openVigil()) {
        root.renderer().print(table(root.authService(vigil).users(root.operator())));
      }
      return VigilCommand.OK;
    }
  }

  /** {@code users set-role NAME ROLE}. */
  @Command(name = "set-role", mixinStandardHelpOptions = true, description = "Change a role.")
  static final class SetRole implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Parameters(index = "1", paramLabel = "ROLE", description = "${COMPLETION-CANDIDATES}")
    Role role;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      try (Vigil vigil = root.openVigil()) {
        User u = root.authService(vigil).setRole(root.operator(), username, role);
        root.renderer().print(table(java.util.List.of(u)));
      }
      return VigilCommand.OK;
    }
  }

  static char[] fromFile(java.nio.file.Path file) throws java.io.IOException {
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new InvalidInputException("--password-file: no such file " + file);
    }
    String first =
        java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8).stream()
            .findFirst()
            .orElse("");
    return first.toCharArray();
  }

  static char[] newPassword(String username) {
    String env = System.getenv("VIGIL_NEW_PASSWORD");
    if (env != null) {
      return env.toCharArray();
    }
    Console console = System.console();
    if (console == null) {
      throw new InvalidInputException(
          "A new user needs a password: set VIGIL_NEW_PASSWORD or run on a console");
    }
    char[] first = console.readPassword("Password for %s (12+ characters): ", username);
    char[] again = console.readPassword("Again: ");
    if (first == null || again == null || !Arrays.equals(first, again)) {
      throw new InvalidInputException("The two passwords differ; nothing was changed");
    }
    Arrays.fill(again, '\0');
    return first;
  }
}

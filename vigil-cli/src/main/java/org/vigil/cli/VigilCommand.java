package org.vigil.cli;

import java.io.Console;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.auth.AuthService;
import org.vigil.model.AccessContext;
import org.vigil.model.AreaMatcher;
import org.vigil.model.InvalidInputException;
import org.vigil.model.VigilException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root of the {@code ./vigil} command line. Subcommands are listed in {@code subcommands}
 * below: add yours with one line.
 *
 * <p>A subcommand reaches the shared pieces through the root, at any depth:
 *
 * <pre>{@code
 * @Spec CommandSpec spec;
 * public Integer call() {
 *   VigilCommand root = VigilCommand.of(spec);
 *   try (Vigil vigil = root.openVigil()) {
 *     root.renderer().print(table);
 *   }
 *   return 0;
 * }
 * }</pre>
 *
 * <p>The global options {@code --db}, {@code --format}, {@code --token} and {@code --user} are
 * inherited by every subcommand: a subcommand must not declare an option of the same name (picocli
 * refuses to start).
 *
 * <p>Exit codes: 0 success; 2 bad input (a usage error or any {@link VigilException} or {@link
 * IllegalArgumentException}: the message is printed as one line on stderr); 1 internal error (one
 * line on stderr; the stack trace too when VIGIL_DEBUG=1). Commands may return other codes they
 * document (e.g. {@code audit verify} returns 3 for a broken chain).
 */
@Command(
    name = "vigil",
    mixinStandardHelpOptions = true,
    version = "Vigil 0.1.0",
    description = "Forecasting, information and analytical system for security councils.",
    subcommands = {
      ServeCommand.class,
      AreasCommand.class,
      IndicatorsCommand.class,
      SeriesCommand.class,
      ExportCommand.class,
      UsersCommand.class,
      AgreementsCommand.class,
      SourcesCommand.class,
      AuditCommand.class,
      IngestCommand.class,
      DemoCommand.class,
      ReportCommand.class,
      ProgrammeCommand.class,
      BenchCommand.class,
      TrendsCommand.class,
      ForecastCommand.class,
      AnomaliesCommand.class,
      QualityCommand.class,
      RiskCommand.class,
      AnalyseCommand.class,
      PrioritiesCommand.class,
      AlertsCommand.class,
      NotifyCommand.class,
      DocsCommand.class,
      WaterCommand.class,
    })
public final class VigilCommand implements Runnable {
  public static final int OK = 0;
  public static final int INTERNAL_ERROR = 1;
  public static final int BAD_INPUT = 2;
  static final String CLI_ORIGIN = "cli";

  @Option(
      names = "--db",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description =
          "JDBC URL of the database (default: VIGIL_DB_URL, else the H2 file ./data/vigil).")
  String dbUrl;

  // A setter, not a converted field: `ingest` reads --format as its input format (long, owid,
  // sdmx, json), so the text is checked as an output format only when a renderer is asked for.
  @Option(
      names = "--format",
      scope = ScopeType.INHERIT,
      paramLabel = "FORMAT",
      description =
          "Output format: table, json or csv (default: table). For ingest: the input format"
              + " (long, owid, sdmx or json).")
  void format(String text) {
    formatText = text;
  }

  String formatText = "table";

  @Option(
      names = "--token",
      scope = ScopeType.INHERIT,
      paramLabel = "TOKEN",
      description =
          "Act as the owner of this API token (default: VIGIL_TOKEN). Without --token or --user,"
              + " read commands see PUBLIC data only.")
  String token;

  @Option(
      names = "--user",
      scope = ScopeType.INHERIT,
      paramLabel = "NAME",
      description =
          "Act as this user; the password comes from VIGIL_PASSWORD or is asked for on the"
              + " console.")
  String user;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = {
        "Show library logs on stderr (-v: INFO, -vv: DEBUG).",
        "Without it, warnings and errors go to VIGIL_LOG (default: vigil.log in the temp dir)."
      })
  boolean[] verbose = new boolean[0];

  @Option(
      names = "--wide",
      scope = ScopeType.INHERIT,
      description = "Tables: do not wrap text to fit 120 columns.")
  boolean wide;

  private PrintStream out = System.out;
  private PrintStream err = System.err;

  @Override
  public void run() {
    new CommandLine(this).usage(out);
  }

  /** The root command of the command a subcommand belongs to. */
  public static VigilCommand of(CommandSpec spec) {
    CommandSpec s = spec;
    while (s.parent() != null) {
      s = s.parent();
    }
    if (!(s.userObject() instanceof VigilCommand root)) {
      throw new IllegalStateException("Command " + spec.qualifiedName() + " is not under vigil");
    }
    return root;
  }

  /** Opens the database named by --db (or the environment); the caller closes it. */
  public Vigil openVigil() {
    VigilConfig config = VigilConfig.fromEnvironment();
    if (dbUrl != null && !dbUrl.isBlank()) {
      config = config.withDbUrl(dbUrl);
    }
    return Vigil.open(config);
  }

  /**
   * Who the command acts as for reads: the owner of --token (or VIGIL_TOKEN), the user of --user
   * (password from VIGIL_PASSWORD or the console), else anonymous (PUBLIC data only). Wrong
   * credentials are bad input (exit 2).
   */
  public AccessContext caller(Vigil vigil) {
    AuthService auth = authService(vigil);
    String t = token != null ? token : System.getenv("VIGIL_TOKEN");
    if (t != null && !t.isBlank()) {
      return auth.authenticate(t.trim(), CLI_ORIGIN);
    }
    if (user != null && !user.isBlank()) {
      return auth.checkPassword(user.trim(), CharBuffer.wrap(password()), CLI_ORIGIN);
    }
    return AccessContext.anonymous().withOrigin(CLI_ORIGIN);
  }

  /**
   * The local operator: administration commands (users, audit) act with full rights, because
   * whoever can open the database can change it anyway. Audited with origin "cli".
   */
  public AccessContext operator() {
    return AccessContext.system().withOrigin(CLI_ORIGIN);
  }

  /**
   * The code of the area a person typed: a code, an ISO alpha-2 code or an English or Russian name,
   * in any case. Bad input (exit 2, naming the closest matches) when no area matches.
   */
  public String areaCode(Vigil vigil, String text) {
    AccessContext reader = AccessContext.anonymous().withOrigin(CLI_ORIGIN);
    return AreaMatcher.of(vigil.reference().areas(reader)).resolve(text).code();
  }

  /** The auth services over this Vigil instance. */
  public AuthService authService(Vigil vigil) {
    return new AuthService(
        vigil.users(), vigil.tokens(), vigil.audit(), vigil.clock(), new SecureRandom());
  }

  private char[] password() {
    String env = System.getenv("VIGIL_PASSWORD");
    if (env != null) {
      return env.toCharArray();
    }
    Console console = System.console();
    if (console == null) {
      throw new InvalidInputException(
          "--user needs a password: set VIGIL_PASSWORD or run on a console");
    }
    char[] p = console.readPassword("Password for %s: ", user);
    if (p == null) {
      throw new InvalidInputException("No password given for " + user);
    }
    return p;
  }

  /** The renderer for the chosen --format, writing to this command's stdout. */
  public Renderer renderer() {
    return new Renderer(outputFormat(), out, err, tableWidth());
  }

  /**
   * A renderer that prints tables whatever {@code --format} says, for commands whose {@code
   * --format} names something else (the input format of {@code ingest}); {@code --wide} still
   * holds.
   */
  public Renderer tableRenderer() {
    return new Renderer(OutputFormat.TABLE, out, err, tableWidth());
  }

  private int tableWidth() {
    return wide ? 0 : Renderer.DEFAULT_WIDTH;
  }

  public PrintStream out() {
    return out;
  }

  public PrintStream err() {
    return err;
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    VigilCommand root = new VigilCommand();
    root.out = out;
    root.err = err;
    CommandLine cl = new CommandLine(root);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cl.setParameterExceptionHandler(
        (e, a) -> {
          err.println(
              "vigil: "
                  + e.getMessage()
                  + " (see: vigil "
                  + e.getCommandLine()
                      .getCommandSpec()
                      .qualifiedName(" ")
                      .replaceFirst("^vigil ?", "")
                  + (e.getCommandLine().getCommandSpec().parent() == null ? "" : " ")
                  + "--help)");
          return BAD_INPUT;
        });
    cl.setExecutionExceptionHandler(
        (e, c, p) -> {
          if (e instanceof VigilException || e instanceof IllegalArgumentException) {
            err.println("vigil: " + oneLine(e.getMessage()));
            return BAD_INPUT;
          }
          err.println(
              "vigil: internal error: "
                  + e.getClass().getSimpleName()
                  + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()))
                  + " (set VIGIL_DEBUG=1 for details)");
          if ("1".equals(System.getenv("VIGIL_DEBUG"))) {
            e.printStackTrace(err);
          }
          return INTERNAL_ERROR;
        });
    return cl.execute(args);
  }

  static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }

  public static void main(String[] args) {
    Logging.configure(args, System.getenv("VIGIL_LOG"));
    System.exit(execute(args, System.out, System.err));
  }

  /** The --format text as an output format; bad input (exit 2) when it is not one. */
  OutputFormat outputFormat() {
    try {
      return new FormatConverter().convert(formatText);
    } catch (CommandLine.TypeConversionException e) {
      throw new InvalidInputException("--format: " + e.getMessage());
    }
  }

  /** Parses --format case-insensitively with a clear message. */
  static final class FormatConverter implements CommandLine.ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      try {
        return OutputFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "expected table, json or csv, found '" + value + "'");
      }
    }
  }
}

package org.vigil.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.app.Vigil;
import org.vigil.app.alert.AlertGroup;
import org.vigil.app.alert.AlertService;
import org.vigil.model.InvalidInputException;
import org.vigil.model.alert.Alert;
import org.vigil.model.alert.AlertQuery;
import org.vigil.model.alert.AlertRule;
import org.vigil.model.alert.AlertState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil alerts}: list alerts, run the alert rules, mark an alert seen or closed. */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description = "Alerts raised by the rules (anomalies, data quality, KPI drift).",
    subcommands = {
      AlertsCommand.ListAlerts.class,
      AlertsCommand.Evaluate.class,
      AlertsCommand.Mark.class
    })
final class AlertsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(VigilCommand.of(spec).out());
  }

  /**
   * The alerts, one line of codes each, with the message (in Russian with {@code --lang ru}) on its
   * own wrapped lines under the alert, so it stays readable on a 100-120 column terminal.
   */
  static Table table(List<Alert> alerts, boolean russian) {
    Table t =
        Table.of(
            "id", "rule", "severity", "indicator", "area", "period", "state", "created", "message");
    for (Alert a : alerts) {
      t.row(
          a.id(),
          a.rule().name(),
          a.severity().name(),
          a.subject().indicator(),
          a.subject().area(),
          a.subject().period(),
          a.state().name(),
          a.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
          russian ? a.messageRu() : a.messageEn());
    }
    return t.detail("message");
  }

  /** True for {@code --lang ru}; en or nothing is English, anything else an error. */
  static boolean russian(String lang) {
    if (lang == null || lang.isBlank() || lang.trim().equalsIgnoreCase("en")) {
      return false;
    }
    if (lang.trim().equalsIgnoreCase("ru")) {
      return true;
    }
    throw new InvalidInputException("Option --lang must be en or ru, found '" + lang + "'");
  }

  static <E extends Enum<E>> Optional<E> parse(Class<E> type, String option, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "Option "
              + option
              + " must be one of "
              + java.util.Arrays.toString(type.getEnumConstants())
              + ", found '"
              + value
              + "'");
    }
  }

  /**
   * {@code alerts list [--state S] [--area A] [--rule R]}, as the caller (--user or --token):
   * grouped by subject (indicator and area), groups ranked by their most urgent alert.
   */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List alerts you can read, grouped by subject, most urgent first.")
  static final class ListAlerts implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--lang", paramLabel = "LANG", description = "Messages in en (default) or ru.")
    String lang;

    @Option(names = "--state", description = "NEW, SEEN or CLOSED.")
    String state;

    @Option(names = "--area", description = "Area: code (KAZ, KZ) or name (Kazakhstan, Казахстан).")
    String area;

    @Option(names = "--rule", description = "ANOMALY, KPI_DRIFT, DATA_QUALITY or TREND_CHANGE.")
    String rule;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      try (Vigil vigil = root.openVigil()) {
        AlertQuery q =
            new AlertQuery(
                parse(AlertState.class, "--state", state),
                Optional.ofNullable(area).map(a -> root.areaCode(vigil, a)),
                parse(AlertRule.class, "--rule", rule));
        List<AlertGroup> groups = new AlertService(vigil).groups(root.caller(vigil), q);
        List<Alert> found = groups.stream().flatMap(g -> g.alerts().stream()).toList();
        if (found.isEmpty()) {
          root.renderer().note("No alerts that you can read match.");
        } else {
          root.renderer()
              .note(
                  found.size()
                      + " alert(s) about "
                      + groups.size()
                      + " subject(s), grouped by subject, most urgent first.");
        }
        root.renderer().print(table(found, russian(lang)));
      }
      return VigilCommand.OK;
    }
  }

  /** {@code alerts evaluate}: runs the rules as the local operator and lists the new alerts. */
  @Command(
      name = "evaluate",
      mixinStandardHelpOptions = true,
      description = "Run the alert rules over all data (as the local operator); new alerts only.")
  static final class Evaluate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--lang", paramLabel = "LANG", description = "Messages in en (default) or ru.")
    String lang;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      try (Vigil vigil = root.openVigil()) {
        AlertService.Evaluation e = new AlertService(vigil).evaluate(root.operator());
        root.renderer()
            .note(e.candidates() + " finding(s), " + e.raised().size() + " new alert(s).");
        root.renderer().print(table(e.raised(), russian(lang)));
      }
      return VigilCommand.OK;
    }
  }

  /** {@code alerts mark ID seen|closed}, as the caller (a user of the data's owner). */
  @Command(
      name = "mark",
      mixinStandardHelpOptions = true,
      description = "Mark an alert seen or closed (needs --user or --token of the data's owner).")
  static final class Mark implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--lang", paramLabel = "LANG", description = "Messages in en (default) or ru.")
    String lang;

    @Parameters(index = "0", description = "Alert id.")
    long id;

    @Parameters(index = "1", description = "seen or closed.")
    String state;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      AlertState s =
          parse(AlertState.class, "STATE", state)
              .orElseThrow(() -> new InvalidInputException("Give the state: seen or closed"));
      try (Vigil vigil = root.openVigil()) {
        Alert a = new AlertService(vigil).mark(root.caller(vigil), id, s);
        root.renderer().print(table(List.of(a), russian(lang)));
      }
      return VigilCommand.OK;
    }
  }
}

package org.vigil.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.app.Vigil;
import org.vigil.app.alert.AlertService;
import org.vigil.app.analytics.AnalyticRunner;
import org.vigil.app.sources.IndicatorMapping;
import org.vigil.app.sources.SourceCatalog;
import org.vigil.app.sources.SourcePull;
import org.vigil.app.sources.SourceService;
import org.vigil.app.sources.SourceSpec;
import org.vigil.model.AccessContext;
import org.vigil.model.InvalidInputException;
import org.vigil.model.run.AnalyticRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil sources list|pull NAME [--since DATE]}: the public sources Vigil can pull (OWID, the
 * World Bank, UCDP, SDMX REST endpoints) and a pull of one. A pull acts as the local operator, or
 * as the {@code --user}/{@code --token} caller, who must be a system administrator; a source that
 * cannot be reached prints one line and exits 2, storing nothing.
 */
@Command(
    name = "sources",
    mixinStandardHelpOptions = true,
    description = "List the public sources Vigil can pull, or pull one into the store.",
    subcommands = {SourcesCommand.ListSources.class, SourcesCommand.Pull.class})
final class SourcesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(VigilCommand.of(spec).out());
  }

  /** {@code sources list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "List the sources: name, connector, the indicators they map to, licence and what they"
              + " hold (their addresses: GET /api/sources).")
  static final class ListSources implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--lang",
        defaultValue = "en",
        paramLabel = "LANG",
        description = "Language of the descriptions: en or ru (default en).")
    String lang;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      SourceCatalog catalog = SourceCatalog.fromEnvironment(System.getenv());
      Table t = Table.of("name", "connector", "indicators", "licence", "description");
      for (SourceSpec s : catalog.sources()) {
        t.row(
            s.name(),
            s.kind().id(),
            String.join(" ", s.indicators().stream().map(IndicatorMapping::indicator).toList()),
            s.licence(),
            s.description(lang));
      }
      root.renderer().print(t);
      return VigilCommand.OK;
    }
  }

  /** {@code sources pull NAME [--since DATE]}. */
  @Command(
      name = "pull",
      mixinStandardHelpOptions = true,
      description =
          "Pull one source into the store as one batch (owned by the secretariat, PUBLIC), with"
              + " its licence and citation; values already stored are not stored again.")
  static final class Pull implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The source (see: sources list).")
    String name;

    @Option(
        names = "--since",
        paramLabel = "DATE",
        description = "Ask only for data from this day on (yyyy-MM-dd, or a year yyyy).")
    String since;

    @Option(
        names = "--base-url",
        paramLabel = "URL",
        description =
            "Read the source from this address instead of its own (a mirror or proxy); also"
                + " VIGIL_SOURCE_URL_<NAME>.")
    String baseUrl;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      Optional<LocalDate> from = since == null ? Optional.empty() : Optional.of(date(since));
      try (Vigil vigil = root.openVigil()) {
        AccessContext ctx = AgreementsCommand.actor(root, vigil);
        SourceCatalog catalog = SourceCatalog.fromEnvironment(System.getenv());
        if (baseUrl != null && !baseUrl.isBlank()) {
          catalog = catalog.withBaseUrl(catalog.find(name).name(), baseUrl.trim());
        }
        SourcePull pull = new SourceService(vigil, catalog, System.getenv()).pull(ctx, name, from);
        root.out().println(summary(pull));
        if (pull.rowsAdded() > 0) {
          int raised = new AlertService(vigil).evaluate(root.operator()).raised().size();
          root.err().println(raised + " new alert(s); list them with: vigil alerts list");
          AnalyticRun run =
              new AnalyticRunner(vigil).run("sources", false, AnalyticRunner.Progress.NONE);
          root.err()
              .println(
                  "analytic run "
                      + run.id()
                      + ": "
                      + run.seriesComputed()
                      + " series recomputed, "
                      + run.resultsChanged()
                      + " results changed");
        }
      }
      return VigilCommand.OK;
    }

    static String summary(SourcePull p) {
      String head =
          p.source().name()
              + ": "
              + p.records()
              + " records on "
              + p.pages()
              + " page(s) from "
              + p.url()
              + "; ";
      String body =
          p.rowsAdded() == 0
              ? "nothing new (every value is already stored): no batch added"
              : p.rowsAdded()
                  + " values added as batch "
                  + p.batchId()
                  + " (licence "
                  + p.source().licence()
                  + ")";
      String created =
          p.indicatorsCreated().isEmpty()
              ? ""
              : "; indicators defined: " + String.join(", ", p.indicatorsCreated());
      return head + body + created;
    }

    private static LocalDate date(String text) {
      String t = text.trim();
      try {
        return t.matches("\\d{4}") ? LocalDate.of(Integer.parseInt(t), 1, 1) : LocalDate.parse(t);
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(
            "--since: expected a date yyyy-MM-dd or a year yyyy, found '" + text + "'");
      }
    }
  }
}

package org.vigil.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.vigil.analytics.risk.Composite;
import org.vigil.analytics.risk.Methodology;
import org.vigil.analytics.risk.RiskScore;
import org.vigil.analytics.risk.RiskSpec;
import org.vigil.app.Vigil;
import org.vigil.app.analytics.RiskService;
import org.vigil.model.InvalidInputException;
import org.vigil.timeseries.Period;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil risk}: the composite risk index per state (as published, with the domains it covers)
 * or per state and domain with its bands, now and projected; {@code --as-of} shows what was
 * published then.
 */
@Command(
    name = "risk",
    mixinStandardHelpOptions = true,
    description =
        "Composite risk index per state (--view composite, the default) or per state and threat"
            + " domain with Monte Carlo bands (--view domains), as published by the analytic run.")
final class RiskCommand implements Callable<Integer> {
  /** What to print. */
  enum View {
    composite,
    domains
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--view",
      defaultValue = "composite",
      description = "composite (one row per state, the domains it covers) or domains.")
  View view;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "What was published on this day (UTC): the analytic run in force then.")
  LocalDate asOf;

  @Option(
      names = "--methodology",
      paramLabel = "FILE",
      description =
          "Methodology JSON file"
              + " (default: the built-in vigil-default; 'inform' for the INFORM preset).")
  String methodology;

  @Option(names = "--period", description = "Month to score, e.g. 2025-06 (default: latest).")
  String period;

  @Option(
      names = "--horizon",
      paramLabel = "MONTHS",
      description = "Project this many months ahead only (default: 6 and 12).")
  Integer horizon;

  @Option(names = "--draws", defaultValue = "1000", description = "Monte Carlo draws.")
  int draws;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the draws.")
  long seed;

  @Override
  public Integer call() {
    VigilCommand root = VigilCommand.of(spec);
    Methodology m = load();
    try (Vigil vigil = root.openVigil()) {
      RiskService.RiskRequest req =
          new RiskService.RiskRequest(
              m,
              Optional.ofNullable(period).map(p -> parsePeriod(p)),
              horizon == null ? List.of(6, 12) : List.of(horizon),
              RiskSpec.DEFAULT.withDraws(draws).withSeed(seed),
              Optional.ofNullable(asOf).map(RiskCommand::endOfDay));
      RiskService.RiskRun run = new RiskService(vigil).risk(root.caller(vigil), req);
      root.renderer()
          .note(
              "methodology "
                  + run.result().methodology()
                  + " "
                  + run.result().version()
                  + ", period "
                  + run.period()
                  + "; covers "
                  + run.coverage().text());
      run.result().diagnostics().forEach(d -> root.renderer().note("note: " + d));
      root.renderer().print(view == View.composite ? composites(run) : domains(run));
    }
    return VigilCommand.OK;
  }

  /** The last instant of the day (UTC): what was published by the end of it. */
  static Instant endOfDay(LocalDate day) {
    return day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);
  }

  /** One row per state, period and horizon: the composite and the domains it covers. */
  private static Table composites(RiskService.RiskRun run) {
    Table t =
        Table.of(
            "area",
            "period",
            "horizon",
            "composite",
            "change",
            "covers",
            "top_domain",
            "top_score",
            "with_restricted",
            "with_restricted_covers");
    for (RiskService.StateComposite c : RiskService.composites(run)) {
      t.row(
          c.area(),
          c.period().toString(),
          c.horizon(),
          c.composite().score(),
          c.composite().change(),
          c.composite().coverage(),
          c.top().domain(),
          c.top().score(),
          c.withRestricted().map(Composite::score).orElse(null),
          c.withRestricted().map(Composite::coverage).orElse(null));
    }
    return t;
  }

  private static Table domains(RiskService.RiskRun run) {
    Table t =
        Table.of(
            "domain",
            "area",
            "period",
            "horizon",
            "score",
            "lower",
            "upper",
            "rank",
            "rank_lower",
            "rank_upper",
            "reliability",
            "change",
            "top_drivers");
    for (RiskScore s : run.result().scores()) {
      if (s.period().compareTo(run.period()) < 0) {
        continue;
      }
      t.row(
          s.domain(),
          s.area(),
          s.period().toString(),
          s.horizon(),
          s.score(),
          s.lower(),
          s.upper(),
          s.rank(),
          s.rankLower(),
          s.rankUpper(),
          s.reliability(),
          s.change(),
          s.topDrivers(3).stream()
              .map(d -> String.format(Locale.ROOT, "%s %.2f", d.id(), d.contribution()))
              .collect(Collectors.joining("; ")));
    }
    return t;
  }

  private static Period parsePeriod(String p) {
    try {
      return Period.parse(p);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("--period: " + e.getMessage());
    }
  }

  private Methodology load() {
    if (methodology == null) {
      return Methodology.vigilDefault();
    }
    if (methodology.equalsIgnoreCase("inform")) {
      return Methodology.inform();
    }
    Path file = Path.of(methodology);
    try (InputStream in = Files.newInputStream(file)) {
      return Methodology.parse(in, file.toString());
    } catch (IOException e) {
      throw new InvalidInputException(
          "Cannot read methodology file "
              + file
              + ": "
              + e.getMessage()
              + "; give the path of a JSON methodology");
    }
  }
}

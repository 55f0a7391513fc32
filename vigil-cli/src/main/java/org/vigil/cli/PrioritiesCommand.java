package org.vigil.cli;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.vigil.analytics.priority.Priority;
import org.vigil.analytics.priority.PriorityList;
import org.vigil.analytics.priority.RegionalPriority;
import org.vigil.analytics.risk.RiskSpec;
import org.vigil.app.Vigil;
import org.vigil.app.analytics.PriorityService;
import org.vigil.model.InvalidInputException;
import org.vigil.timeseries.Period;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil priorities}: the ranked list, the regional view, or what moved. */
@Command(
    name = "priorities",
    mixinStandardHelpOptions = true,
    description =
        "Ranked (threat domain, state) priorities over the scores every member may read;"
            + " --view regional, moves or restricted (your scores not shared with every member).")
final class PrioritiesCommand implements Callable<Integer> {
  /** What to print. */
  enum View {
    list,
    regional,
    restricted,
    moves
  }

  @Spec CommandSpec spec;

  @Option(names = "--period", description = "Month to rank, e.g. 2025-06 (default: latest).")
  String period;

  @Option(
      names = "--view",
      defaultValue = "list",
      description = "list, regional, moves or restricted.")
  View view;

  @Option(names = "--draws", defaultValue = "1000", description = "Monte Carlo draws.")
  int draws;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "What was published on this day (UTC): the analytic run in force then.")
  LocalDate asOf;

  @Override
  public Integer call() {
    VigilCommand root = VigilCommand.of(spec);
    try (Vigil vigil = root.openVigil()) {
      Optional<Period> p;
      try {
        p = Optional.ofNullable(period).map(Period::parse);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("--period: " + e.getMessage());
      }
      PriorityService.Published pub =
          new PriorityService(vigil)
              .published(
                  root.caller(vigil),
                  p,
                  RiskSpec.DEFAULT.withDraws(draws),
                  Optional.ofNullable(asOf).map(RiskCommand::endOfDay));
      PriorityList list = pub.list();
      root.renderer()
          .note(
              "priorities for "
                  + list.period()
                  + " ("
                  + list.methodology()
                  + ")"
                  + (list.previousPeriod().isEmpty()
                      ? ", first run"
                      : ", compared with " + list.previousPeriod())
                  + "; covers "
                  + pub.coverage().text());
      root.renderer()
          .print(
              switch (view) {
                case list -> priorities(list.priorities());
                case moves -> moves(list);
                case regional -> regional(list);
                case restricted -> priorities(pub.restricted());
              });
      if (view != View.restricted && !pub.restricted().isEmpty()) {
        root.renderer()
            .note(
                pub.restricted().size()
                    + " scores you may read are not shared with every member and are left out of"
                    + " the ranking and the regional view: --view restricted lists them");
      }
    }
    return VigilCommand.OK;
  }

  private static Table priorities(java.util.List<Priority> ps) {
    Table t =
        Table.of(
            "rank",
            "domain",
            "area",
            "score",
            "lower",
            "upper",
            "trend",
            "outlook",
            "projected",
            "confidence",
            "previous_rank",
            "top_drivers");
    for (Priority p : ps) {
      t.row(
          p.rank(),
          p.domain(),
          p.area(),
          p.score(),
          p.lower(),
          p.upper(),
          p.trend().name(),
          p.outlook().name(),
          p.projected(),
          p.confidence().name(),
          p.previousRank(),
          p.drivers().stream().map(d -> d.id()).collect(Collectors.joining("; ")));
    }
    return t;
  }

  private static Table moves(PriorityList list) {
    Table t = Table.of("move", "places", "rank", "previous_rank", "domain", "area", "score");
    list.movedUp()
        .forEach(
            p ->
                t.row(
                    "up",
                    p.movedUp(),
                    p.rank(),
                    p.previousRank(),
                    p.domain(),
                    p.area(),
                    p.score()));
    list.movedDown()
        .forEach(
            p ->
                t.row(
                    "down",
                    -p.movedUp(),
                    p.rank(),
                    p.previousRank(),
                    p.domain(),
                    p.area(),
                    p.score()));
    return t;
  }

  private static Table regional(PriorityList list) {
    Table t =
        Table.of(
            "rank",
            "domain",
            "mean_score",
            "max_score",
            "worst_area",
            "states_included",
            "states_expected",
            "covers");
    for (RegionalPriority r : list.regional()) {
      t.row(
          r.rank(),
          r.domain(),
          r.meanScore(),
          r.maxScore(),
          r.worstArea(),
          r.statesIncluded(),
          r.statesExpected(),
          PriorityService.Published.states(r));
    }
    return t;
  }
}

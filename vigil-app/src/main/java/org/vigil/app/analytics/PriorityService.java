package org.vigil.app.analytics;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.analytics.priority.Prioritiser;
import org.vigil.analytics.priority.Priority;
import org.vigil.analytics.priority.PriorityList;
import org.vigil.analytics.risk.Methodology;
import org.vigil.analytics.risk.RiskNode;
import org.vigil.analytics.risk.RiskResult;
import org.vigil.analytics.risk.RiskScore;
import org.vigil.analytics.risk.RiskSpec;
import org.vigil.analytics.trend.Direction;
import org.vigil.analytics.trend.TrendAnalyser;
import org.vigil.analytics.trend.TrendSpec;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.run.AnalyticResult;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * The priority list for the caller: the risk index now and 6 and 12 months ahead, the trend of each
 * domain's headline indicator (the first indicator leaf of its tree) per state, and the comparison
 * with the organisation's last stored run (this run is then stored).
 */
public final class PriorityService {
  private final Vigil vigil;
  private final SeriesSource source;
  private final RiskService risk;

  public PriorityService(Vigil vigil) {
    this.vigil = vigil;
    this.source = new SeriesSource(vigil);
    this.risk = new RiskService(vigil);
  }

  /**
   * Ranks the published risk scores the caller may read with the {@link Prioritiser}, and compares
   * with the list of the month before. Reads only: nothing is stored.
   */
  public PriorityList priorities(AccessContext ctx, Optional<Period> period, RiskSpec spec) {
    return published(ctx, period, spec).list();
  }

  /**
   * The priority list, the list of the month before (for moves) and what both cover.
   *
   * @param list the ranked list of the period
   * @param previous the list of the month before, ranked the same way
   * @param coverage states shown of the members, methodology, data vintage and analytic run
   * @param restricted the (domain, state) scores this reader may read that not every member may
   *     (NATIONAL or RESTRICTED inputs), ranked among themselves: outside the shared ranking, so
   *     that the ranking and the regional view are the same for every member reader
   */
  public record Published(
      PriorityList list,
      PriorityList previous,
      RiskService.Coverage coverage,
      List<Priority> restricted) {
    public Published {
      restricted = List.copyOf(restricted);
    }

    /** What a regional row covers: "1 of 10 states" (so a subset is never shown unlabelled). */
    public static String states(org.vigil.analytics.priority.RegionalPriority r) {
      return r.statesIncluded() + " of " + r.statesExpected() + " states";
    }
  }

  /** {@link #priorities}, with the list of the month before and the coverage. Reads only. */
  public Published published(AccessContext ctx, Optional<Period> period, RiskSpec spec) {
    return published(ctx, period, spec, Optional.empty());
  }

  /**
   * As {@link #published(AccessContext, Optional, RiskSpec)}, from the analytic run in force at
   * asOf: what was published then (empty: the latest run). Reads only.
   *
   * @throws org.vigil.model.NotFoundException when no run had been published by asOf
   */
  public Published published(
      AccessContext ctx, Optional<Period> period, RiskSpec spec, Optional<Instant> asOf) {
    Methodology m = Methodology.vigilDefault();
    RiskService.RiskRun run =
        risk.risk(ctx, new RiskService.RiskRequest(m, period, List.of(6, 12), spec, asOf));
    Map<String, Direction> trends = trends(ctx, m, run);
    int total = run.coverage().statesTotal();
    Period before = run.period().plus(-1);
    // One ranking for every member: only the scores every member may read are ranked and make
    // the regional view; the reader's restricted scores are ranked apart.
    RiskResult common = only(run.result(), run::common);
    PriorityList previous = Prioritiser.rank(common, before, trends, Map.of(), "", total);
    Map<String, Integer> prevRanks = new HashMap<>();
    previous.priorities().forEach(p -> prevRanks.put(p.key(), p.rank()));
    PriorityList list =
        Prioritiser.rank(common, run.period(), trends, prevRanks, before.toString(), total);
    PriorityList restricted =
        Prioritiser.rank(
            only(run.result(), s -> !run.common(s)), run.period(), trends, Map.of(), "", total);
    return new Published(list, previous, run.coverage(), restricted.priorities());
  }

  private static RiskResult only(RiskResult r, Predicate<RiskScore> keep) {
    return new RiskResult(
        r.methodology(),
        r.version(),
        r.spec(),
        r.scores().stream().filter(keep).toList(),
        r.diagnostics());
  }

  /** Published trends of each domain's headline indicator, or computed from the series. */
  private Map<String, Direction> trends(AccessContext ctx, Methodology m, RiskService.RiskRun run) {
    Map<String, Direction> out = new HashMap<>();
    Map<String, String> stored = new HashMap<>();
    if (run.coverage().runId() > 0) {
      for (AnalyticResult r :
          vigil.store().analyticRuns().results(ctx, AnalyticRunner.TREND, run.coverage().runId())) {
        stored.put(r.subject(), r.payload());
      }
    }
    List<String> states = source.states(AccessContext.system());
    m.domains()
        .forEach(
            (domain, tree) ->
                headline(tree)
                    .ifPresent(
                        ind -> {
                          for (String s : states) {
                            String payload = stored.get(ind + "|" + s);
                            if (payload != null) {
                              Matcher mt = DIRECTION.matcher(payload);
                              if (mt.find()) {
                                out.put(domain + "|" + s, Direction.valueOf(mt.group(1)));
                              }
                              continue;
                            }
                            if (run.coverage().runId() > 0) {
                              continue;
                            }
                            source
                                .series(ctx, ind, s)
                                .map(ts -> cut(ts, run.period()))
                                .filter(ts -> ts.countPresent() > 0)
                                .ifPresent(
                                    ts ->
                                        out.put(
                                            domain + "|" + s,
                                            TrendAnalyser.analyse(
                                                    ts,
                                                    TrendSpec.builder().changePoints(false).build(),
                                                    "")
                                                .direction()));
                          }
                        }));
    return out;
  }

  private static final Pattern DIRECTION = Pattern.compile("\"direction\":\"([A-Z_]+)\"");

  private static TimeSeries cut(TimeSeries ts, Period last) {
    if (ts.frequency() != last.frequency()) {
      return ts;
    }
    long n = ts.start().until(last) + 1;
    return n >= ts.size() ? ts : ts.head((int) Math.max(1, n));
  }

  static Optional<String> headline(RiskNode node) {
    if (node instanceof RiskNode.IndicatorLeaf l) {
      return Optional.of(l.indicator());
    }
    if (node instanceof RiskNode.Group g) {
      for (RiskNode c : g.children()) {
        Optional<String> h = headline(c);
        if (h.isPresent()) {
          return h;
        }
      }
    }
    return Optional.empty();
  }
}

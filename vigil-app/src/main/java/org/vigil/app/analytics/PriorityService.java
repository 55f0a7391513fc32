package org.vigil.app.analytics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.analytics.priority.Prioritiser;
import org.vigil.analytics.priority.PriorityList;
import org.vigil.analytics.risk.Methodology;
import org.vigil.analytics.risk.RiskNode;
import org.vigil.analytics.risk.RiskSpec;
import org.vigil.analytics.trend.Direction;
import org.vigil.analytics.trend.TrendAnalyser;
import org.vigil.analytics.trend.TrendSpec;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
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
  private final PriorityRuns runs;

  public PriorityService(Vigil vigil) {
    this.vigil = vigil;
    this.source = new SeriesSource(vigil);
    this.risk = new RiskService(vigil);
    this.runs = new PriorityRuns(vigil.dataSource());
  }

  /** Ranks, compares with the last run and stores this one. */
  public PriorityList priorities(AccessContext ctx, Optional<Period> period, RiskSpec spec) {
    Methodology m = Methodology.vigilDefault();
    RiskService.RiskRun run =
        risk.risk(ctx, new RiskService.RiskRequest(m, period, List.of(6, 12), spec));
    Map<String, Direction> trends = trends(ctx, m, run.period());
    Optional<PriorityRuns.Previous> prev = runs.last(ctx.organisation());
    PriorityList list =
        Prioritiser.rank(
            run.result(),
            run.period(),
            trends,
            prev.map(PriorityRuns.Previous::ranks).orElse(Map.of()),
            prev.map(PriorityRuns.Previous::period).orElse(""),
            source.states(ctx).size());
    runs.save(ctx.organisation(), vigil.clock().instant(), list);
    return list;
  }

  private Map<String, Direction> trends(AccessContext ctx, Methodology m, Period upTo) {
    Map<String, Direction> out = new HashMap<>();
    List<String> states = source.states(ctx);
    m.domains()
        .forEach(
            (domain, tree) ->
                headline(tree)
                    .ifPresent(
                        ind -> {
                          for (String s : states) {
                            source
                                .series(ctx, ind, s)
                                .map(ts -> cut(ts, upTo))
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

package org.vigil.server;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.analytics.anomaly.AnomalySpec;
import org.vigil.analytics.priority.Priority;
import org.vigil.analytics.priority.PriorityList;
import org.vigil.analytics.priority.RegionalPriority;
import org.vigil.analytics.quality.QualityIssue;
import org.vigil.analytics.quality.QualityReport;
import org.vigil.analytics.risk.Composite;
import org.vigil.analytics.risk.Driver;
import org.vigil.analytics.risk.Methodology;
import org.vigil.analytics.risk.RiskScore;
import org.vigil.analytics.risk.RiskSpec;
import org.vigil.analytics.trend.ChangePoint;
import org.vigil.analytics.trend.TrendResult;
import org.vigil.analytics.trend.TrendSpec;
import org.vigil.app.Vigil;
import org.vigil.app.analytics.AnomalyService;
import org.vigil.app.analytics.PriorityService;
import org.vigil.app.analytics.PublishedAnomalies;
import org.vigil.app.analytics.QualityService;
import org.vigil.app.analytics.RiskService;
import org.vigil.app.analytics.TrendService;
import org.vigil.timeseries.Period;

/**
 * Analytics over the caller's readable data: {@code /api/analytics/trends}, {@code anomalies},
 * {@code quality}, {@code risk} and {@code priorities}. Numbers that do not exist (NaN) are sent as
 * null. Risk and priorities are read as published by the analytic run (or the one in force at
 * {@code asOf}); every route only reads.
 */
final class AnalyticsRoutes implements RouteGroup {
  private final Vigil vigil;

  /**
   * Published risk and anomaly bodies, serialised once per run, request and reader scope. 32 MB: a
   * month's risk body of the demo is about 70 KB (plus its gzip form).
   */
  private final KeptJson.Cache<Object> kept = new KeptJson.Cache<>(32L << 20);

  /**
   * What a published risk body is made of: the request, the run (immutable once finished), the
   * member count, and which of the run's scores the reader may see (the reader scope: the same list
   * for every reader of one organisation under the same agreements).
   */
  private record RiskKey(
      String methodology,
      String version,
      String period,
      List<Integer> horizons,
      int draws,
      long runId,
      int statesTotal,
      List<String> visible) {}

  /** What a published anomalies body is made of: the request, the run and the anomalies seen. */
  private record AnomaliesKey(
      Optional<String> indicator, Optional<String> area, long runId, List<String> visible) {}

  AnalyticsRoutes(Vigil vigil) {
    this.vigil = vigil;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/analytics/trends", this::trends);
    routes.get("/api/analytics/anomalies", this::anomalies);
    routes.get("/api/analytics/quality", this::quality);
    routes.get("/api/analytics/risk", this::risk);
    routes.get("/api/analytics/priorities", this::priorities);
  }

  private static String code(String s) {
    return s.trim().toUpperCase(Locale.ROOT);
  }

  private static Object num(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
  }

  private void trends(Context ctx) {
    TrendService.TrendReport r =
        new TrendService(vigil)
            .trend(
                Caller.of(ctx),
                code(Params.required(ctx, "indicator")),
                code(Params.required(ctx, "area")),
                TrendSpec.DEFAULT);
    TrendResult t = r.result();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("indicator", r.indicator().code());
    out.put("area", r.area());
    out.put("unit", r.indicator().unit());
    out.put("from", t.from().toString());
    out.put("to", t.to().toString());
    out.put("direction", t.direction().name());
    out.put("seasonal", t.seasonal());
    out.put("n", t.test().n());
    out.put("s", t.test().s());
    out.put("varS", num(t.test().varS()));
    out.put("z", num(t.test().z()));
    out.put("tau", num(t.test().tau()));
    out.put("pValue", num(t.test().pValue()));
    out.put("senSlopePerYear", num(t.slopePerYear()));
    out.put("slopeLowerPerYear", num(t.slopeLowerPerYear()));
    out.put("slopeUpperPerYear", num(t.slopeUpperPerYear()));
    List<Map<String, Object>> cps = new ArrayList<>();
    for (ChangePoint c : t.changePoints()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("period", c.period().toString());
      m.put("levelBefore", num(c.levelBefore()));
      m.put("levelAfter", num(c.levelAfter()));
      cps.add(m);
    }
    out.put("changePoints", cps);
    out.put("statement", t.statement());
    out.put("diagnostics", t.diagnostics());
    ctx.json(out);
  }

  private void anomalies(Context ctx) {
    Optional<String> area = Params.optional(ctx, "area").map(AnalyticsRoutes::code);
    String published = Params.optional(ctx, "published").orElse("false");
    if (!published.equals("true") && !published.equals("false")) {
      throw new BadRequestException(
          "Query parameter 'published' must be true or false, found '"
              + Params.clip(published)
              + "'");
    }
    // Published results may be read for every indicator at once (the dashboard's one call);
    // computing on request needs one indicator.
    Optional<String> indicator =
        published.equals("true")
            ? Params.optional(ctx, "indicator").map(AnalyticsRoutes::code)
            : Optional.of(code(Params.required(ctx, "indicator")));
    AnomalyService service = new AnomalyService(vigil);
    List<AnomalyService.AreaAnomaly> found;
    Long run = null;
    if (published.equals("true")) {
      // As the latest analytic run published them (robust z), read, never computed per reader;
      // before the first run, computed on request with the same detector.
      Optional<PublishedAnomalies.Read> read = service.published(Caller.of(ctx), indicator, area);
      found =
          read.map(PublishedAnomalies.Read::anomalies)
              .orElseGet(
                  () ->
                      indicator.isEmpty()
                          ? List.of()
                          : service.anomalies(
                              Caller.of(ctx), indicator.get(), area, PublishedAnomalies.SPEC));
      run = read.map(PublishedAnomalies.Read::runId).orElse(null);
    } else {
      found = service.anomalies(Caller.of(ctx), indicator.get(), area, AnomalySpec.DEFAULT);
    }
    if (run != null) {
      List<AnomalyService.AreaAnomaly> list = found;
      List<String> visible = new ArrayList<>(list.size());
      for (AnomalyService.AreaAnomaly a : list) {
        visible.add(
            a.indicator()
                + "|"
                + a.area()
                + "|"
                + a.anomaly().period()
                + "|"
                + a.anomaly().method());
      }
      long runId = run;
      KeptJson.send(
          ctx,
          kept.get(
              new AnomaliesKey(indicator, area, runId, visible),
              () -> json(anomaliesBody(list, true, runId))));
      return;
    }
    ctx.json(anomaliesBody(found, published.equals("true"), null));
  }

  private static byte[] json(Object body) {
    try {
      return JsonMapping.MAPPER.writeValueAsBytes(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Could not write a response body as JSON", e);
    }
  }

  private static Map<String, Object> anomaliesBody(
      List<AnomalyService.AreaAnomaly> found, boolean published, Long run) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (AnomalyService.AreaAnomaly a : found) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("indicator", a.indicator());
      m.put("area", a.area());
      m.put("period", a.anomaly().period().toString());
      m.put("value", num(a.anomaly().value()));
      m.put("expected", num(a.anomaly().expected()));
      m.put("lower", num(a.anomaly().lower()));
      m.put("upper", num(a.anomaly().upper()));
      m.put("method", a.anomaly().method().name());
      m.put("score", num(a.anomaly().score()));
      m.put("description", a.anomaly().description());
      rows.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("anomalies", rows);
    if (published) {
      out.put("run", run);
    }
    return out;
  }

  private void quality(Context ctx) {
    List<QualityReport> reports =
        new QualityService(vigil)
            .quality(Caller.of(ctx), Params.optional(ctx, "area").map(AnalyticsRoutes::code));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (QualityReport r : reports) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("area", r.area());
      m.put("dataset", r.dataset());
      m.put("completeness", num(r.completeness()));
      m.put("timeliness", num(r.timeliness()));
      List<Map<String, Object>> ind = new ArrayList<>();
      for (QualityReport.IndicatorQuality q : r.indicators()) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("indicator", q.indicator());
        i.put("expected", q.expected());
        i.put("present", q.present());
        i.put("onTime", q.onTime());
        i.put("medianDelayDays", num(q.medianDelayDays()));
        ind.add(i);
      }
      m.put("indicators", ind);
      List<Map<String, Object>> issues = new ArrayList<>();
      for (QualityIssue q : r.issues()) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("rule", q.rule().name());
        i.put("severity", q.severity().name());
        i.put("indicator", q.indicator());
        i.put("period", q.period());
        i.put("message", q.message());
        issues.add(i);
      }
      m.put("issues", issues);
      rows.add(m);
    }
    ctx.json(Map.of("reports", rows));
  }

  private static Optional<Period> period(Context ctx) {
    Optional<String> p = Params.optional(ctx, "period");
    try {
      return p.map(Period::parse);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          "Query parameter 'period' must be a month such as 2025-06, found '"
              + Params.clip(p.get())
              + "'");
    }
  }

  private void risk(Context ctx) {
    String name = Params.optional(ctx, "methodology").orElse("vigil-default");
    Methodology m;
    if (name.equalsIgnoreCase("vigil-default")) {
      m = Methodology.vigilDefault();
    } else if (name.equalsIgnoreCase("inform")) {
      m = Methodology.inform();
    } else {
      throw new BadRequestException(
          "Query parameter 'methodology' must be vigil-default or inform, found '"
              + Params.clip(name)
              + "'");
    }
    Optional<String> h = Params.optional(ctx, "horizon");
    // horizon=0: the period's scores only, no projections (what the dashboard draws).
    int one = h.isPresent() ? Params.intParam(ctx, "horizon", 12, 0, 12) : -1;
    List<Integer> horizons = one < 0 ? List.of(6, 12) : one == 0 ? List.of() : List.of(one);
    int draws = Params.intParam(ctx, "draws", 1000, 0, 10_000);
    RiskService.RiskRun run =
        new RiskService(vigil)
            .risk(
                Caller.of(ctx),
                new RiskService.RiskRequest(
                    m,
                    period(ctx),
                    horizons,
                    RiskSpec.DEFAULT.withDraws(draws),
                    Params.instant(ctx, "asOf")));
    long runId = run.coverage().runId();
    if (runId > 0) {
      // Published: the body is the same for every reader who sees the same scores of the run.
      List<String> visible = new ArrayList<>(run.result().scores().size());
      for (RiskScore s : run.result().scores()) {
        visible.add(RiskService.key(s));
      }
      RiskKey key =
          new RiskKey(
              run.result().methodology(),
              run.result().version(),
              run.period().toString(),
              horizons,
              draws,
              runId,
              run.coverage().statesTotal(),
              visible);
      KeptJson.send(ctx, kept.get(key, () -> json(riskBody(run, draws))));
      return;
    }
    ctx.json(riskBody(run, draws));
  }

  private static Map<String, Object> riskBody(RiskService.RiskRun run, int draws) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RiskScore s : run.result().scores()) {
      if (s.period().compareTo(run.period()) >= 0) {
        Map<String, Object> row = score(s);
        row.put("everyMember", run.common(s));
        rows.add(row);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("methodology", run.result().methodology());
    out.put("version", run.result().version());
    out.put("period", run.period().toString());
    out.put("draws", draws);
    out.put("coverage", coverage(run.coverage()));
    out.put("scores", rows);
    out.put("composites", composites(run));
    out.put("diagnostics", run.result().diagnostics());
    return out;
  }

  /**
   * Each state's composite ({@link Composite}, the one implementation, through {@link
   * RiskService#composites}) at every period and horizon of the response, with the domains it
   * covers.
   */
  private static List<Map<String, Object>> composites(RiskService.RiskRun run) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (RiskService.StateComposite sc : RiskService.composites(run)) {
      Composite c = sc.composite();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("area", sc.area());
      m.put("period", sc.period().toString());
      m.put("horizon", sc.horizon());
      m.put("score", num(c.score()));
      m.put("change", num(c.change()));
      m.put("domains", c.domains());
      m.put("domainsTotal", c.domainsTotal());
      m.put("covers", c.coverage());
      sc.withRestricted()
          .ifPresent(
              w -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("score", num(w.score()));
                x.put("change", num(w.change()));
                x.put("domains", w.domains());
                x.put("domainsTotal", w.domainsTotal());
                x.put("covers", w.coverage());
                m.put("withRestricted", x);
              });
      out.add(m);
    }
    return out;
  }

  /** What a figure covers: states shown of the members, methodology, data vintage, run. */
  static Map<String, Object> coverage(RiskService.Coverage c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("statesShown", c.statesShown());
    m.put("statesTotal", c.statesTotal());
    m.put("methodology", c.methodology());
    m.put("version", c.version());
    m.put("dataAsOf", c.dataAsOf().map(Object::toString).orElse(null));
    m.put("run", c.runId() > 0 ? c.runId() : null);
    m.put("text", c.text());
    return m;
  }

  private static Map<String, Object> score(RiskScore s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("domain", s.domain());
    m.put("area", s.area());
    m.put("period", s.period().toString());
    m.put("horizon", s.horizon());
    m.put("score", num(s.score()));
    m.put("lower", num(s.lower()));
    m.put("upper", num(s.upper()));
    m.put("rank", s.rank());
    m.put("rankLower", s.rankLower());
    m.put("rankUpper", s.rankUpper());
    m.put("reliability", num(s.reliability()));
    m.put("change", num(s.change()));
    m.put("reference", s.reference());
    Map<String, Object> comps = new LinkedHashMap<>();
    s.components().forEach((k, v) -> comps.put(k, num(v)));
    m.put("components", comps);
    m.put("drivers", s.drivers().stream().map(AnalyticsRoutes::driver).toList());
    return m;
  }

  private static Map<String, Object> driver(Driver d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id());
    m.put("name", d.name());
    m.put("input", d.key());
    m.put("value", num(d.value()));
    m.put("score", num(d.score()));
    m.put("contribution", num(d.contribution()));
    m.put("change", num(d.change()));
    return m;
  }

  private void priorities(Context ctx) {
    int draws = Params.intParam(ctx, "draws", 1000, 0, 10_000);
    PriorityService.Published pub =
        new PriorityService(vigil)
            .published(
                Caller.of(ctx),
                period(ctx),
                RiskSpec.DEFAULT.withDraws(draws),
                Params.instant(ctx, "asOf"));
    PriorityList list = pub.list();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("period", list.period().toString());
    out.put("methodology", list.methodology());
    out.put("coverage", coverage(pub.coverage()));
    out.put("previousPeriod", list.previousPeriod());
    out.put("priorities", list.priorities().stream().map(AnalyticsRoutes::priority).toList());
    out.put("regional", list.regional().stream().map(AnalyticsRoutes::regional).toList());
    out.put("restricted", pub.restricted().stream().map(AnalyticsRoutes::priority).toList());
    out.put("movedUp", list.movedUp().stream().map(Priority::key).toList());
    out.put("movedDown", list.movedDown().stream().map(Priority::key).toList());
    ctx.json(out);
  }

  private static Map<String, Object> priority(Priority p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rank", p.rank());
    m.put("domain", p.domain());
    m.put("area", p.area());
    m.put("score", num(p.score()));
    m.put("lower", num(p.lower()));
    m.put("upper", num(p.upper()));
    m.put("trend", p.trend().name());
    m.put("outlook", p.outlook().name());
    m.put("projected", num(p.projected()));
    m.put("confidence", p.confidence().name());
    m.put("previousRank", p.previousRank());
    m.put("drivers", p.drivers().stream().map(AnalyticsRoutes::driver).toList());
    return m;
  }

  private static Map<String, Object> regional(RegionalPriority r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rank", r.rank());
    m.put("domain", r.domain());
    m.put("meanScore", num(r.meanScore()));
    m.put("maxScore", num(r.maxScore()));
    m.put("worstArea", r.worstArea());
    m.put("statesIncluded", r.statesIncluded());
    m.put("statesExpected", r.statesExpected());
    m.put("covers", PriorityService.Published.states(r));
    return m;
  }
}

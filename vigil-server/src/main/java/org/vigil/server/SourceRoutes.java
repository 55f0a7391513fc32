package org.vigil.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.app.Vigil;
import org.vigil.app.analytics.AnalyticRunner;
import org.vigil.app.sources.IndicatorMapping;
import org.vigil.app.sources.SourceCatalog;
import org.vigil.app.sources.SourcePull;
import org.vigil.app.sources.SourceSchedule;
import org.vigil.app.sources.SourceService;
import org.vigil.app.sources.SourceSpec;
import org.vigil.model.AccessContext;
import org.vigil.model.run.AnalyticRun;

/**
 * Public sources under {@code /api/sources}: the list (any signed-in user) and a pull of one
 * ({@code POST /api/sources/{name}/pull}, system administrators; body {@code {"since":
 * "2020-01-01"}} optional). Also owns the pull schedule when the settings ask for one ({@code
 * VIGIL_SOURCES_SCHEDULE}), with the Vigil's clock; it stops with the server.
 */
final class SourceRoutes implements RouteGroup {
  private static final Logger LOG = LoggerFactory.getLogger(SourceRoutes.class);

  private final Vigil vigil;
  private final SourceService service;
  private final Optional<SourceSchedule> schedule;

  SourceRoutes(Vigil vigil, Map<String, String> settings) {
    this.vigil = vigil;
    this.service = new SourceService(vigil, SourceCatalog.fromEnvironment(settings), settings);
    Clock clock = vigil.clock();
    this.schedule =
        SourceSchedule.fromEnvironment(service, clock, settings).map(SourceSchedule::start);
    schedule.ifPresent(s -> LOG.info("Public sources: next scheduled pull at {}", s.due()));
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/sources", this::list);
    routes.post("/api/sources/{name}/pull", this::pull);
  }

  private void list(Context ctx) {
    Caller.authenticated(ctx);
    String lang = Optional.ofNullable(ctx.queryParam("lang")).orElse("en");
    ctx.json(service.catalog().sources().stream().map(s -> wire(s, lang)).toList());
  }

  private void pull(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    Optional<LocalDate> since = Optional.empty();
    String body = ctx.body();
    if (!body.isBlank()) {
      ObjectNode o = Bodies.object(ctx);
      Bodies.onlyFields(o, "since");
      since = Bodies.optionalText(o, "since").map(SourceRoutes::date);
    }
    SourcePull pull = service.pull(caller, ctx.pathParam("name"), since);
    Map<String, Object> out = wire(pull);
    if (pull.rowsAdded() > 0) {
      out.put("analyticRun", analyse(pull.source().name()));
    }
    ctx.status(pull.rowsAdded() > 0 ? 201 : 200).json(out);
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new BadRequestException("since: expected a date yyyy-MM-dd, found '" + text + "'");
    }
  }

  /** The incremental analytic run after a pull that added values, as after an upload. */
  private Map<String, Object> analyse(String source) {
    Map<String, Object> m = new LinkedHashMap<>();
    try {
      AnalyticRun run =
          new AnalyticRunner(vigil).run("sources", false, AnalyticRunner.Progress.NONE);
      m.put("id", run.id());
      m.put("seriesComputed", run.seriesComputed());
      m.put("resultsChanged", run.resultsChanged());
    } catch (RuntimeException e) {
      LOG.warn("Analytic run after the pull of {} failed", source, e);
      m.put("status", "FAILED");
      m.put("detail", "The batch is stored; the analytic run after it failed: run ./vigil analyse");
    }
    return m;
  }

  static Map<String, Object> wire(SourceSpec s, String lang) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("connector", s.kind().id());
    m.put("baseUrl", s.baseUrl());
    m.put("dataset", s.dataset());
    m.put("description", s.description(lang));
    m.put("licence", s.licence());
    m.put("citation", s.citation());
    m.put("areas", s.areas());
    m.put("indicators", s.indicators().stream().map(IndicatorMapping::indicator).toList());
    return m;
  }

  static Map<String, Object> wire(SourcePull p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", p.source().name());
    m.put("url", p.url());
    m.put("records", p.records());
    m.put("pages", p.pages());
    m.put("rowsAdded", p.rowsAdded());
    m.put("batch", p.batchId() == 0 ? null : p.batchId());
    m.put("licence", p.source().licence());
    m.put("citation", p.source().citation());
    m.put("indicatorsCreated", p.indicatorsCreated());
    return m;
  }

  @Override
  public void close() {
    schedule.ifPresent(SourceSchedule::close);
  }
}

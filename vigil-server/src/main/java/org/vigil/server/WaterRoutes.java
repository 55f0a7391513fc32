package org.vigil.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.app.Vigil;
import org.vigil.app.water.DemoBasin;
import org.vigil.app.water.DemoBasinNames;
import org.vigil.app.water.WaterComparison;
import org.vigil.app.water.WaterJson;
import org.vigil.app.water.WaterRunRequest;
import org.vigil.app.water.WaterService;
import org.vigil.app.water.WaterService.StoredWaterRun;
import org.vigil.model.AccessContext;
import org.vigil.model.water.WaterRun;
import org.vigil.water.AllocationProgress;

/**
 * Water allocation scenarios: the demo basins, runs (POST runs a scenario and stores it, owned by
 * the caller's organisation), stored runs and two runs side by side. Reads are filtered by the
 * store's read rule; POST needs a login and, with a cookie session, the CSRF header ({@link
 * Authentication}). Monthly series are arrays of numbers (hm³).
 */
public final class WaterRoutes implements RouteGroup {
  private final WaterService service;

  public WaterRoutes(Vigil vigil) {
    this.service = new WaterService(vigil);
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/water/basins", this::basins);
    routes.get("/api/water/basins/{code}", this::basin);
    routes.post("/api/water/runs", this::run);
    routes.get("/api/water/runs", this::runs);
    routes.get("/api/water/runs/{id}", this::get);
    routes.get("/api/water/compare", this::compare);
  }

  private void basins(Context ctx) {
    ctx.json(service.basins().stream().map(b -> summary(b)).toList());
  }

  private void basin(Context ctx) {
    DemoBasin b = service.basin(ctx.pathParam("code"));
    Map<String, Object> m = summary(b);
    m.put("sources", b.sources());
    m.put("reservoirs", b.reservoirs());
    m.put("withdrawals", b.withdrawals());
    m.put("envFlow", b.envFlow());
    m.put("namesRu", DemoBasinNames.russian(b));
    m.put(
        "links",
        b.links().stream()
            .map(
                l -> {
                  Map<String, Object> x = new LinkedHashMap<>();
                  x.put("from", l.from());
                  x.put("to", l.to());
                  x.put("lossFraction", l.loss());
                  x.put("capacity", Double.isInfinite(l.capacity()) ? null : l.capacity());
                  return x;
                })
            .toList());
    m.put("shares", b.shares());
    m.put("minimumReleaseWinter", b.winterRelease());
    m.put("minimumReleaseSummer", b.summerRelease());
    ctx.json(m);
  }

  static Map<String, Object> summary(DemoBasin b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", b.code());
    m.put("name", b.nameEn());
    m.put("nameRu", b.nameRu());
    m.put("states", b.shares().keySet().stream().sorted().toList());
    m.put("meanAnnualInflow", b.sources().stream().mapToDouble(DemoBasin.SourceSpec::annual).sum());
    m.put("reservoirNames", b.reservoirs().stream().map(DemoBasin.ReservoirSpec::name).toList());
    m.put("outlets", b.outlets());
    m.put("synthetic", true);
    m.put("notes", b.notes());
    return m;
  }

  private void run(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    ObjectNode body = Bodies.object(ctx);
    Bodies.onlyFields(body, "basin", "scenario", "fairness", "start", "months", "classification");
    Integer months = Bodies.optionalLong(body, "months").map(Math::toIntExact).orElse(null);
    WaterRunRequest request =
        WaterRunRequest.parse(
            Bodies.text(body, "basin"),
            Bodies.optionalText(body, "start").orElse(null),
            months,
            Bodies.optionalText(body, "fairness").orElse(null),
            Bodies.optionalText(body, "scenario").orElse(null),
            Bodies.optionalText(body, "classification").orElse(null),
            service.defaultStart());
    StoredWaterRun stored = service.run(caller, request, AllocationProgress.NONE);
    ctx.status(201).json(full(stored.run()));
  }

  private void runs(Context ctx) {
    List<WaterRun> all = service.runs(Caller.of(ctx), Params.optional(ctx, "basin"));
    ctx.json(Page.of(ctx, all, WaterRoutes::wire));
  }

  private void get(Context ctx) {
    ctx.json(full(service.get(Caller.of(ctx), id(ctx.pathParam("id"), "id")).run()));
  }

  private void compare(Context ctx) {
    long a = id(Params.required(ctx, "a"), "a");
    long b = id(Params.required(ctx, "b"), "b");
    WaterComparison c = service.compare(Caller.of(ctx), a, b);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a", wire(c.a()));
    m.put("b", wire(c.b()));
    m.put(
        "states",
        c.states().stream()
            .map(
                r -> {
                  Map<String, Object> x = new LinkedHashMap<>();
                  x.put("state", r.state());
                  x.put(
                      "a",
                      side(r.demandA(), r.deliveredA(), r.shortfallA(), r.relativeShortfallA()));
                  x.put(
                      "b",
                      side(r.demandB(), r.deliveredB(), r.shortfallB(), r.relativeShortfallB()));
                  x.put("shortfallChange", finite(r.shortfallChange()));
                  return x;
                })
            .toList());
    ctx.json(m);
  }

  private static Map<String, Object> side(
      double demand, double delivered, double shortfall, double relative) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("demand", finite(demand));
    m.put("delivered", finite(delivered));
    m.put("shortfall", finite(shortfall));
    m.put("relativeShortfall", finite(relative));
    return m;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static long id(String text, String name) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new BadRequestException(
          "Parameter '" + name + "' must be a water run number, found '" + Params.clip(text) + "'");
    }
  }

  static Map<String, Object> wire(WaterRun r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("basin", r.basin());
    m.put("scenario", r.scenario());
    m.put("fairness", r.fairness());
    m.put("start", r.start());
    m.put("months", r.months());
    m.put("status", r.status());
    m.put("totalShortfall", finite(r.totalShortfall()));
    m.put("owner", r.ownership().owner());
    m.put("classification", r.ownership().classification().name());
    m.put("createdBy", r.createdBy());
    m.put("createdAt", r.createdAt().toString());
    return m;
  }

  private static Map<String, Object> full(WaterRun r) {
    Map<String, Object> m = wire(r);
    m.put("inputs", WaterJson.tree(r.inputs()));
    m.put("result", WaterJson.tree(r.result()));
    return m;
  }
}

package org.vigil.server;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.Indicator;
import org.vigil.model.IngestBatch;
import org.vigil.model.NotFoundException;
import org.vigil.model.Observation;

/**
 * What the web UI opens on: the series of one state the caller may read, most recently updated
 * first, with their latest values and a short history for sparklines ({@code GET
 * /api/areas/{code}/latest}); and the history of submissions ({@code GET /api/batches}).
 */
final class StateRoutes implements RouteGroup {
  /** Values per series for a sparkline: two years of months. */
  static final int SPARK = 24;

  private final Vigil vigil;

  StateRoutes(Vigil vigil) {
    this.vigil = vigil;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/areas/{code}/latest", this::latest);
    routes.get("/api/batches", this::batches);
  }

  private void latest(Context ctx) {
    AccessContext caller = Caller.of(ctx);
    String area = ctx.pathParam("code").trim().toUpperCase(Locale.ROOT);
    if (vigil.reference().area(caller, area).isEmpty()) {
      throw new NotFoundException(
          "No area with code '" + Params.clip(area) + "': see GET /api/areas for the codes");
    }
    record Row(Indicator indicator, List<Observation> obs, Instant recorded) {}
    List<Row> rows = new ArrayList<>();
    // One read of every series of the area (not one per indicator).
    Map<String, List<Observation>> byIndicator = vigil.observations().latestByArea(caller, area);
    for (Indicator i : vigil.reference().indicators(caller)) {
      List<Observation> obs =
          byIndicator.getOrDefault(i.code(), List.of()).stream()
              .filter(o -> !Double.isNaN(o.value()))
              .toList();
      if (!obs.isEmpty()) {
        Instant recorded =
            obs.stream().map(Observation::recordedAt).max(Comparator.naturalOrder()).orElseThrow();
        rows.add(new Row(i, obs, recorded));
      }
    }
    rows.sort(
        Comparator.comparing(Row::recorded)
            .thenComparing(r -> r.obs().get(r.obs().size() - 1).period().toString())
            .reversed()
            .thenComparing(r -> r.indicator().code()));
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : rows) {
      Observation last = r.obs().get(r.obs().size() - 1);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("indicator", r.indicator().code());
      m.put("observations", r.obs().size());
      m.put("first", r.obs().get(0).period().toString());
      m.put("latest", last.period().toString());
      m.put("value", last.value());
      m.put("recordedAt", r.recorded());
      List<Map<String, Object>> spark = new ArrayList<>();
      for (Observation o : r.obs().subList(Math.max(0, r.obs().size() - SPARK), r.obs().size())) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("period", o.period().toString());
        p.put("value", o.value());
        spark.add(p);
      }
      m.put("recent", spark);
      out.add(m);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("area", area);
    body.put("series", out);
    ctx.json(body);
  }

  private void batches(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    Optional<String> org =
        Params.optional(ctx, "organisation").map(o -> o.toUpperCase(Locale.ROOT));
    List<IngestBatch> all =
        vigil.observations().batches(caller).stream()
            .filter(b -> org.isEmpty() || b.organisation().equals(org.get()))
            .toList();
    ctx.json(Page.of(ctx, all, StateRoutes::wire));
  }

  static Map<String, Object> wire(IngestBatch b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", b.id());
    m.put("organisation", b.organisation());
    m.put("user", b.user());
    m.put("at", b.at());
    m.put("sourceFile", b.sourceFile());
    m.put("format", b.format());
    m.put("rowsRead", b.rowsRead());
    m.put("rowsAdded", b.rowsAdded());
    m.put("rowsRejected", b.rowsRejected());
    m.put("licence", b.licence());
    m.put("citation", b.citation());
    return m;
  }
}

package org.vigil.server;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.app.Vigil;
import org.vigil.app.area.RegionTotal;
import org.vigil.app.area.RegionTotals;
import org.vigil.model.AccessContext;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.NotFoundException;
import org.vigil.model.ThreatDomain;

/**
 * Reference data: areas, indicators and organisations. Readable by anyone; cached by the browser
 * with revalidation (the server answers 304 when the ETag still matches).
 */
final class ReferenceRoutes implements RouteGroup {
  private final Vigil vigil;
  private final RegionTotals totals;

  ReferenceRoutes(Vigil vigil) {
    this.vigil = vigil;
    this.totals = RegionTotals.create(vigil);
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/areas", this::areas);
    routes.get("/api/areas/{code}", this::area);
    routes.get("/api/areas/{code}/regional-total", this::regionalTotal);
    routes.get("/api/indicators", this::indicators);
    routes.get("/api/indicators/{code}", this::indicator);
    routes.get("/api/organisations", this::organisations);
  }

  private void areas(Context ctx) {
    Optional<AreaKind> kind =
        Params.optional(ctx, "kind").map(k -> enumParam(AreaKind.class, "kind", k));
    Optional<String> parent = Params.optional(ctx, "parent").map(p -> p.toUpperCase(Locale.ROOT));
    int level = Params.intParam(ctx, "level", -1, 0, 2);
    AccessContext caller = Caller.of(ctx);
    List<Area> all = vigil.reference().areas(caller);
    if (parent.isPresent() && all.stream().noneMatch(a -> a.code().equals(parent.get()))) {
      throw notFound("area", parent.get(), "/api/areas");
    }
    revalidate(ctx)
        .json(
            all.stream()
                .filter(a -> kind.isEmpty() || a.kind() == kind.get())
                .filter(a -> parent.isEmpty() || a.parent().equals(parent.get()))
                .filter(a -> level < 0 || a.level() == level)
                .map(Wire::area)
                .toList());
  }

  /**
   * A state's figure made of its regions' values the caller may read, with what it covers ("12 of
   * 20 regions"): GET /api/areas/KAZ/regional-total?indicator=X.
   */
  private void regionalTotal(Context ctx) {
    String state = ctx.pathParam("code").toUpperCase(Locale.ROOT);
    String indicator = Params.required(ctx, "indicator");
    String lang = Params.optional(ctx, "lang").orElse("en");
    RegionTotal t = totals.total(Caller.of(ctx), indicator, state);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("indicator", t.indicator());
    out.put("area", t.state());
    Map<String, Object> coverage = new LinkedHashMap<>();
    coverage.put("regionsCovered", t.covered().size());
    coverage.put("regionsTotal", t.regions().size());
    coverage.put("regions", t.covered());
    coverage.put("text", t.coverage(lang));
    coverage.put("note", RegionTotal.NOTE.get("ru".equals(lang) ? "ru" : "en"));
    out.put("coverage", coverage);
    List<Map<String, Object>> points = new ArrayList<>();
    for (RegionTotal.Point p : t.points()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("period", p.period().toString());
      m.put("value", p.value());
      m.put("regions", p.regions());
      m.put("covers", RegionTotal.coverage(p.regions(), t.regions().size(), lang));
      points.add(m);
    }
    out.put("points", points);
    ctx.json(out);
  }

  private void area(Context ctx) {
    String code = ctx.pathParam("code").toUpperCase(Locale.ROOT);
    revalidate(ctx)
        .json(
            Wire.area(
                vigil
                    .reference()
                    .area(Caller.of(ctx), code)
                    .orElseThrow(() -> notFound("area", code, "/api/areas"))));
  }

  private void indicators(Context ctx) {
    Optional<ThreatDomain> domain =
        Params.optional(ctx, "domain").map(d -> enumParam(ThreatDomain.class, "domain", d));
    revalidate(ctx)
        .json(
            vigil.reference().indicators(Caller.of(ctx)).stream()
                .filter(i -> domain.isEmpty() || i.domain() == domain.get())
                .map(Wire::indicator)
                .toList());
  }

  private void indicator(Context ctx) {
    String code = ctx.pathParam("code").toUpperCase(Locale.ROOT);
    revalidate(ctx)
        .json(
            Wire.indicator(
                vigil
                    .reference()
                    .indicator(Caller.of(ctx), code)
                    .orElseThrow(() -> notFound("indicator", code, "/api/indicators"))));
  }

  private void organisations(Context ctx) {
    revalidate(ctx)
        .json(
            vigil.reference().organisations(Caller.of(ctx)).stream()
                .map(Wire::organisation)
                .toList());
  }

  static Context revalidate(Context ctx) {
    return ctx.header("Cache-Control", "private, no-cache");
  }

  static NotFoundException notFound(String what, String code, String listPath) {
    return new NotFoundException(
        "No " + what + " '" + Params.clip(code) + "'; list them with GET " + listPath);
  }

  static <E extends Enum<E>> E enumParam(Class<E> type, String name, String value) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          "Query parameter '"
              + name
              + "' must be one of "
              + java.util.Arrays.toString(type.getEnumConstants())
              + ", found '"
              + Params.clip(value)
              + "'");
    }
  }
}

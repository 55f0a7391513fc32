package org.vigil.server;

import io.javalin.http.Context;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.Indicator;
import org.vigil.model.Observation;
import org.vigil.timeseries.Period;

/**
 * Indicator series: the latest values ({@code /api/series}), as known at a past moment ({@code
 * asOf}), every vintage of one period ({@code /api/series/vintages}), and exports as CSV or
 * SDMX-CSV ({@code /api/export}). Only values the caller may read are returned; an indicator or
 * area without readable values gives an empty series, never a hint that hidden values exist.
 */
final class SeriesRoutes implements RouteGroup {
  private final Vigil vigil;

  SeriesRoutes(Vigil vigil) {
    this.vigil = vigil;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/series", this::series);
    routes.get("/api/series/vintages", this::vintages);
    routes.get("/api/export", this::export);
  }

  private void series(Context ctx) {
    AccessContext caller = Caller.of(ctx);
    Indicator indicator = indicator(ctx, caller);
    String area = area(ctx);
    Optional<Instant> asOf = Params.instant(ctx, "asOf");
    Optional<String> owner = Params.optional(ctx, "owner").map(o -> o.toUpperCase(Locale.ROOT));
    List<Observation> rows =
        owner.isPresent()
            ? vigil
                .observations()
                .series(caller, indicator.code(), area, owner.get(), asOf.orElse(Instant.MAX))
            : vigil.observations().series(caller, indicator.code(), area, asOf.orElse(Instant.MAX));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("indicator", indicator.code());
    out.put("area", area);
    // A series is one owner's: values other organisations reported for the area are listed in
    // "owners" and read with ?owner=, never mixed in.
    out.put("owner", owner.orElse(rows.isEmpty() ? null : rows.get(0).ownership().owner()));
    out.put("owners", vigil.observations().owners(caller, indicator.code(), area));
    out.put("frequency", indicator.frequency().name());
    out.put("unit", indicator.unit());
    out.put("asOf", asOf.orElse(null));
    out.put("observations", rows.stream().map(Wire::observation).toList());
    ctx.json(out);
  }

  private void vintages(Context ctx) {
    AccessContext caller = Caller.of(ctx);
    Indicator indicator = indicator(ctx, caller);
    String area = area(ctx);
    String periodText = Params.required(ctx, "period");
    Period period;
    try {
      period = Period.parse(periodText, indicator.frequency());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          "Query parameter 'period' must be a "
              + indicator.frequency().name().toLowerCase(Locale.ROOT)
              + " period such as 2024-03, 2024-Q1 or 2024, found '"
              + Params.clip(periodText)
              + "'");
    }
    List<Observation> rows = vigil.observations().vintages(caller, indicator.code(), area, period);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("indicator", indicator.code());
    out.put("area", area);
    out.put("period", period.toString());
    out.put("vintages", rows.stream().map(Wire::observation).toList());
    ctx.json(out);
  }

  private void export(Context ctx) {
    AccessContext caller = Caller.of(ctx);
    Indicator indicator = indicator(ctx, caller);
    Optional<String> area = Params.optional(ctx, "area").map(a -> a.toUpperCase(Locale.ROOT));
    Instant asOf = Params.instant(ctx, "asOf").orElse(Instant.MAX);
    SeriesExport.Format format;
    try {
      format = SeriesExport.Format.parse(Params.optional(ctx, "format").orElse("csv"));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    List<Observation> rows =
        area.isPresent()
            ? vigil.observations().series(caller, indicator.code(), area.get(), asOf)
            : vigil.observations().latestByIndicator(caller, indicator.code(), asOf);
    Map<String, Indicator> indicators =
        vigil.reference().indicators(caller).stream()
            .collect(Collectors.toMap(Indicator::code, Function.identity(), (a, b) -> a));
    String name =
        indicator.code()
            + area.map(a -> "_" + a).orElse("")
            + (format == SeriesExport.Format.SDMX_CSV ? "_sdmx" : "")
            + ".csv";
    ctx.contentType(format.mediaType());
    ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
    Writer w = new OutputStreamWriter(buffer, StandardCharsets.UTF_8);
    SeriesExport.write(rows, indicators, format, w);
    ctx.result(buffer.toByteArray());
  }

  private Indicator indicator(Context ctx, AccessContext caller) {
    String code = Params.required(ctx, "indicator").toUpperCase(Locale.ROOT);
    return vigil
        .reference()
        .indicator(caller, code)
        .orElseThrow(() -> ReferenceRoutes.notFound("indicator", code, "/api/indicators"));
  }

  private static String area(Context ctx) {
    String area = Params.required(ctx, "area").toUpperCase(Locale.ROOT);
    if (!area.matches("[A-Z0-9][A-Z0-9_-]{1,15}")) {
      throw new BadRequestException(
          "Query parameter 'area' must be an area code such as KAZ or KZ-AKM (2-16 letters,"
              + " digits, '_' or '-'), found '"
              + Params.clip(area)
              + "'");
    }
    return area;
  }
}

package org.vigil.server;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.app.Vigil;
import org.vigil.app.exchange.ExchangeService;
import org.vigil.app.exchange.SeriesSelection;
import org.vigil.ingest.SdmxDataflow;
import org.vigil.ingest.SdmxMapping;
import org.vigil.ingest.SdmxStructureWriter;
import org.vigil.ingest.SdmxWriter;
import org.vigil.model.AccessContext;
import org.vigil.model.Indicator;
import org.vigil.model.NotFoundException;
import org.vigil.timeseries.Period;

/**
 * SDMX REST data queries, so other systems can pull from Vigil: {@code /sdmx/data/{flow}/{key}}
 * where the key has one part per dimension of the flow, separated by dots, each part empty (every
 * code), one code, or codes joined by '+' ("M.KAZ+RUS.DEMO_X"; "all" is every series). {@code
 * startPeriod}, {@code endPeriod}, {@code includeHistory} (every vintage, one data set each) and
 * {@code asOf}; the format from {@code format=} or the Accept header: SDMX-ML 2.1
 * structure-specific (default), SDMX-JSON 1.0 or 2.0, SDMX-CSV. Only series the caller may read are
 * answered, through the same audited reads as {@code /api/series}.
 */
final class SdmxRoutes implements RouteGroup {
  private final Vigil vigil;
  private final ExchangeService exchange;

  SdmxRoutes(Vigil vigil) {
    this.vigil = vigil;
    this.exchange = new ExchangeService(vigil);
  }

  @Override
  public void register(Routes routes) {
    routes.get("/sdmx/data/{flow}", ctx -> data(ctx, "all"));
    routes.get("/sdmx/data/{flow}/{key}", ctx -> data(ctx, ctx.pathParam("key")));
    routes.get("/sdmx/datastructure/{agency}/{id}/{version}", this::structure);
  }

  private void structure(Context ctx) {
    String id = ctx.pathParam("id");
    SdmxDataflow flow =
        SdmxDataflow.all().stream()
            .filter(f -> f.dsd().equalsIgnoreCase(id) || f.id().equalsIgnoreCase(id))
            .findFirst()
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "No data structure '"
                            + Params.clip(id)
                            + "': expected DSD_INDICATORS or DSD_CRIM_OFF_CAT"));
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Writer w = new OutputStreamWriter(buffer, StandardCharsets.UTF_8);
    SdmxStructureWriter.write(flow, SdmxMapping.bundled(), vigil.clock().instant(), w);
    ctx.contentType("application/vnd.sdmx.structure+xml; version=2.1; charset=utf-8");
    ctx.result(buffer.toByteArray());
  }

  private void data(Context ctx, String key) {
    AccessContext caller = Caller.of(ctx);
    String flowRef = ctx.pathParam("flow");
    SdmxDataflow flow =
        SdmxDataflow.find(flowRef)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "No dataflow '"
                            + Params.clip(flowRef)
                            + "': expected one of DF_INDICATORS, CRIM_OFF_CAT"));
    List<List<String>> parts = key(flow, key);
    Map<String, Indicator> indicators = exchange.indicators(caller);
    List<String> codes = new ArrayList<>();
    for (Indicator i : indicators.values()) {
      if (matches(flow, parts, i)) {
        codes.add(i.code());
      }
    }
    List<String> areas = areas(flow, parts);
    SeriesSelection s;
    try {
      s =
          new SeriesSelection(
              codes,
              areas,
              period(ctx, "startPeriod"),
              period(ctx, "endPeriod"),
              Params.instant(ctx, "asOf").orElse(Instant.MAX),
              Params.optional(ctx, "includeHistory").map(Boolean::parseBoolean).orElse(false));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    SdmxWriter.Format format = format(ctx);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Writer w = new OutputStreamWriter(buffer, StandardCharsets.UTF_8);
    // SDMX REST: a query without results is 404 NoResultsFound, and it must look the same whether
    // no such series exists or the caller may not read it (no existence leak).
    int written = codes.isEmpty() ? 0 : exchange.export(caller, s, flow, format, w);
    if (written == 0) {
      throw new NotFoundException(
          "NoResultsFound: no series of "
              + flow.id()
              + " that you may read matches the key '"
              + Params.clip(key)
              + "'"
              + (s.from().isPresent() || s.to().isPresent() ? " in the periods asked for" : "")
              + "; expected a key of "
              + String.join(".", flow.dimensions())
              + " with codes of series you may read (list them with GET /sdmx/data/"
              + flow.id()
              + "/all)");
    }
    ctx.contentType(format.mediaType() + "; charset=utf-8");
    ctx.result(buffer.toByteArray());
  }

  /** The key's parts, one list of codes per dimension (empty: any). */
  private static List<List<String>> key(SdmxDataflow flow, String key) {
    List<List<String>> out = new ArrayList<>();
    String k = key.trim();
    if (k.isEmpty() || k.equalsIgnoreCase("all")) {
      flow.dimensions().forEach(d -> out.add(List.of()));
      return out;
    }
    String[] parts = k.split("\\.", -1);
    if (parts.length != flow.dimensions().size()) {
      throw new BadRequestException(
          "Series key '"
              + Params.clip(key)
              + "' has "
              + parts.length
              + " parts: expected "
              + flow.dimensions().size()
              + " separated by '.' ("
              + String.join(".", flow.dimensions())
              + "), each empty, a code or codes joined by '+'");
    }
    for (String p : parts) {
      List<String> codes = new ArrayList<>();
      for (String c : p.split("[+ ]")) {
        if (!c.isBlank()) {
          codes.add(c.trim());
        }
      }
      out.add(codes);
    }
    return out;
  }

  private static boolean matches(SdmxDataflow flow, List<List<String>> parts, Indicator i) {
    String freq = i.frequency().sdmxCode();
    if (!anyOf(parts.get(0), freq)) {
      return false;
    }
    if (flow.equals(SdmxDataflow.INDICATORS)) {
      return anyOf(parts.get(2), i.code());
    }
    Optional<SdmxMapping.Row> row = SdmxMapping.bundled().fromVigil("ICCS", i.code());
    return row.isPresent()
        && anyOf(parts.get(1), row.get().code())
        && anyOf(parts.get(2), row.get().unit());
  }

  private static List<String> areas(SdmxDataflow flow, List<List<String>> parts) {
    if (flow.equals(SdmxDataflow.INDICATORS)) {
      return parts.get(1).stream().map(a -> a.toUpperCase(Locale.ROOT)).toList();
    }
    List<String> out = new ArrayList<>();
    for (String geo : parts.get(3)) {
      out.add(SdmxMapping.bundled().toVigil("GEO", geo, "").orElse("?" + geo));
    }
    return out;
  }

  private static boolean anyOf(List<String> wanted, String code) {
    return wanted.isEmpty() || wanted.stream().anyMatch(w -> w.equalsIgnoreCase(code));
  }

  private static Optional<Period> period(Context ctx, String name) {
    Optional<String> text = Params.optional(ctx, name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Period.parse(text.get()));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          "Query parameter '"
              + name
              + "' must be a period such as 2024, 2024-Q1 or 2024-03, found '"
              + Params.clip(text.get())
              + "'");
    }
  }

  /** From format= (sdmx-ml, sdmx-json, sdmx-json-1, sdmx-json-2, sdmx-csv), else Accept. */
  static SdmxWriter.Format format(Context ctx) {
    Optional<String> f = Params.optional(ctx, "format");
    if (f.isPresent()) {
      return switch (f.get().trim().toLowerCase(Locale.ROOT)) {
        case "sdmx-ml", "sdmx-xml", "xml", "structurespecificdata" -> SdmxWriter.Format.SDMX_ML;
        case "sdmx-json", "sdmx-json-1", "json" -> SdmxWriter.Format.SDMX_JSON_1;
        case "sdmx-json-2" -> SdmxWriter.Format.SDMX_JSON_2;
        case "sdmx-csv", "csv" -> SdmxWriter.Format.SDMX_CSV;
        default ->
            throw new BadRequestException(
                "Query parameter 'format' must be sdmx-ml, sdmx-json (1.0), sdmx-json-2 or"
                    + " sdmx-csv, found '"
                    + Params.clip(f.get())
                    + "'");
      };
    }
    String accept = Optional.ofNullable(ctx.header("Accept")).orElse("").toLowerCase(Locale.ROOT);
    if (accept.contains("json")) {
      return accept.contains("version=2")
          ? SdmxWriter.Format.SDMX_JSON_2
          : SdmxWriter.Format.SDMX_JSON_1;
    }
    if (accept.contains("csv")) {
      return SdmxWriter.Format.SDMX_CSV;
    }
    return SdmxWriter.Format.SDMX_ML;
  }
}

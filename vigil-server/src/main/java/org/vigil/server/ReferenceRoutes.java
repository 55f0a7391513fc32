package org.vigil.server;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.AreaKind;
import org.vigil.model.NotFoundException;
import org.vigil.model.ThreatDomain;

/**
 * Reference data: areas, indicators and organisations. Readable by anyone; cached by the browser
 * with revalidation (the server answers 304 when the ETag still matches).
 */
final class ReferenceRoutes implements RouteGroup {
  private final Vigil vigil;

  ReferenceRoutes(Vigil vigil) {
    this.vigil = vigil;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/areas", this::areas);
    routes.get("/api/areas/{code}", this::area);
    routes.get("/api/indicators", this::indicators);
    routes.get("/api/indicators/{code}", this::indicator);
    routes.get("/api/organisations", this::organisations);
  }

  private void areas(Context ctx) {
    Optional<AreaKind> kind =
        Params.optional(ctx, "kind").map(k -> enumParam(AreaKind.class, "kind", k));
    AccessContext caller = Caller.of(ctx);
    revalidate(ctx)
        .json(
            vigil.reference().areas(caller).stream()
                .filter(a -> kind.isEmpty() || a.kind() == kind.get())
                .map(Wire::area)
                .toList());
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

package org.vigil.server;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.vigil.app.Vigil;
import org.vigil.model.Event;
import org.vigil.model.ThreatDomain;

/** Events and open-source documents, filtered and paged; only what the caller may read. */
final class EventRoutes implements RouteGroup {
  private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);
  private final Vigil vigil;

  EventRoutes(Vigil vigil) {
    this.vigil = vigil;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/events", this::events);
    routes.get("/api/documents", this::documents);
  }

  private void events(Context ctx) {
    LocalDate from = Params.date(ctx, "from").orElse(EARLIEST);
    LocalDate to = Params.date(ctx, "to").orElse(LATEST);
    if (to.isBefore(from)) {
      throw new BadRequestException(
          "Query parameter 'to' (" + to + ") must not be before 'from' (" + from + ")");
    }
    String area = Params.optional(ctx, "area").map(a -> a.toUpperCase(Locale.ROOT)).orElse("");
    ThreatDomain domain = domain(ctx);
    String order = Params.optional(ctx, "order").orElse("oldest").toLowerCase(Locale.ROOT);
    if (!order.equals("oldest") && !order.equals("newest")) {
      throw new BadRequestException(
          "Query parameter 'order' must be oldest or newest, found '" + Params.clip(order) + "'");
    }
    List<Event> events = vigil.events().events(Caller.of(ctx), from, to, area, domain);
    if (order.equals("newest")) {
      events = new ArrayList<>(events);
      Collections.reverse(events);
    }
    ctx.json(Page.of(ctx, events, Wire::event));
  }

  private void documents(Context ctx) {
    String q = Params.optional(ctx, "q").orElse("");
    if (q.length() > 200) {
      throw new BadRequestException(
          "Query parameter 'q' must have at most 200 characters, found " + q.length());
    }
    String area = Params.optional(ctx, "area").map(a -> a.toUpperCase(Locale.ROOT)).orElse("");
    ThreatDomain domain = domain(ctx);
    ctx.json(
        Page.of(ctx, vigil.events().documents(Caller.of(ctx), q, area, domain), Wire::document));
  }

  /** The domain filter; null means every domain (the repository's convention). */
  @SuppressWarnings("NullAway")
  private static ThreatDomain domain(Context ctx) {
    return Params.optional(ctx, "domain")
        .map(d -> ReferenceRoutes.enumParam(ThreatDomain.class, "domain", d))
        .orElse(null);
  }
}

package org.vigil.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.app.Vigil;
import org.vigil.app.alert.AlertGroup;
import org.vigil.app.alert.AlertService;
import org.vigil.model.AccessContext;
import org.vigil.model.alert.Alert;
import org.vigil.model.alert.AlertChange;
import org.vigil.model.alert.AlertQuery;
import org.vigil.model.alert.AlertRule;
import org.vigil.model.alert.AlertState;

/**
 * Alerts: list what the caller may read (paged), mark one seen or closed, and let administrators
 * run the rules. State changes are POSTs, so cookie sessions need the CSRF header ({@link
 * Authentication}).
 */
public final class AlertRoutes implements RouteGroup {
  private final AlertService service;

  public AlertRoutes(Vigil vigil) {
    this.service = new AlertService(vigil);
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/alerts", this::list);
    routes.post("/api/alerts/evaluate", this::evaluate);
    routes.post("/api/alerts/{id}/state", this::mark);
  }

  private void list(Context ctx) {
    AlertQuery q =
        new AlertQuery(
            Params.optional(ctx, "state")
                .map(s -> ReferenceRoutes.enumParam(AlertState.class, "state", s)),
            Params.optional(ctx, "area").map(a -> a.toUpperCase(Locale.ROOT)),
            Params.optional(ctx, "rule")
                .map(r -> ReferenceRoutes.enumParam(AlertRule.class, "rule", r)));
    String order = Params.optional(ctx, "order").orElse("newest").trim().toLowerCase(Locale.ROOT);
    switch (order) {
      case "newest" -> ctx.json(Page.of(ctx, service.list(Caller.of(ctx), q), AlertRoutes::wire));
      case "rank" -> ctx.json(Page.of(ctx, ranked(service.groups(Caller.of(ctx), q)), r -> r));
      default ->
          throw new BadRequestException(
              "Parameter 'order' must be newest or rank, found '" + Params.clip(order) + "'");
    }
  }

  /** Alerts in group order, each with its group's rank (1 = the most urgent subject). */
  private static List<Map<String, Object>> ranked(List<AlertGroup> groups) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      for (Alert a : groups.get(g).alerts()) {
        Map<String, Object> m = wire(a);
        m.put("group", g + 1);
        out.add(m);
      }
    }
    return out;
  }

  private void evaluate(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    AlertService.Evaluation e = service.evaluate(caller);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("findings", e.candidates());
    out.put("raised", e.raised().stream().map(AlertRoutes::wire).toList());
    ctx.json(out);
  }

  private void mark(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new BadRequestException(
          "Path parameter 'id' must be an alert number, found '"
              + Params.clip(ctx.pathParam("id"))
              + "'");
    }
    ObjectNode body = Bodies.object(ctx);
    String given = Bodies.text(body, "state");
    AlertState state;
    try {
      state = AlertState.valueOf(given.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          "Field 'state' must be seen or closed, found '" + Params.clip(given) + "'");
    }
    ctx.json(wire(service.mark(caller, id, state)));
  }

  static Map<String, Object> wire(Alert a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("rule", a.rule().name());
    m.put("severity", a.severity().name());
    m.put("indicator", a.subject().indicator());
    m.put("area", a.subject().area());
    m.put("period", a.subject().period());
    m.put("messageEn", a.messageEn());
    m.put("messageRu", a.messageRu());
    m.put("evidence", a.evidence());
    m.put("createdAt", a.createdAt().toString());
    m.put("state", a.state().name());
    m.put("owner", a.ownership().owner());
    m.put("classification", a.ownership().classification().name());
    List<Map<String, Object>> h = a.history().stream().map(AlertRoutes::change).toList();
    m.put("history", h);
    return m;
  }

  private static Map<String, Object> change(AlertChange c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state", c.state().name());
    m.put("by", c.by());
    m.put("organisation", c.organisation());
    m.put("at", c.at().toString());
    return m;
  }
}

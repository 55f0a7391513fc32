package org.vigil.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.store.ReportingAgreements.Agreement;

/**
 * Reporting agreements under {@code /api/agreements}: who may report values for an area besides its
 * own. Everyone sees the agreements that concern their organisation, as reporter or as the area's
 * owner (system admins all); a system admin or an organisation admin of the area's owner allows and
 * revokes them. The store checks who may, and audits both.
 */
final class AgreementRoutes implements RouteGroup {
  private final Vigil vigil;

  AgreementRoutes(Vigil vigil) {
    this.vigil = vigil;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/agreements", this::list);
    routes.post("/api/agreements", this::allow);
    routes.delete("/api/agreements/{reporter}/{area}", this::revoke);
  }

  private void list(Context ctx) {
    ctx.json(
        vigil.reportingAgreements().list(Caller.authenticated(ctx)).stream()
            .map(AgreementRoutes::wire)
            .toList());
  }

  private void allow(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    ObjectNode body = Bodies.object(ctx);
    Agreement a =
        new Agreement(
            Bodies.text(body, "reporter").trim().toUpperCase(Locale.ROOT),
            Bodies.text(body, "area").trim().toUpperCase(Locale.ROOT));
    boolean created = vigil.reportingAgreements().allow(caller, a.reporter(), a.area());
    ctx.status(created ? 201 : 200).json(wire(a));
  }

  private void revoke(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    vigil
        .reportingAgreements()
        .revoke(
            caller,
            ctx.pathParam("reporter").toUpperCase(Locale.ROOT),
            ctx.pathParam("area").toUpperCase(Locale.ROOT));
    ctx.status(204);
  }

  static Map<String, Object> wire(Agreement a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reporter", a.reporter());
    m.put("area", a.area());
    return m;
  }
}

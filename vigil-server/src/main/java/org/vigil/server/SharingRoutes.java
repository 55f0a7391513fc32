package org.vigil.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.Classification;
import org.vigil.model.SharingAgreement;
import org.vigil.model.ThreatDomain;

/**
 * Sharing agreements under {@code /api/sharing}: everyone sees the agreements their organisation
 * gives or receives (system admins all); the grantor's organisation admin (or a system admin) makes
 * and ends them. The store checks who may, and audits both.
 */
final class SharingRoutes implements RouteGroup {
  private final Vigil vigil;

  SharingRoutes(Vigil vigil) {
    this.vigil = vigil;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/sharing", this::list);
    routes.post("/api/sharing", this::grant);
    routes.delete("/api/sharing/{grantor}/{grantee}/{classification}", this::revoke);
  }

  private void list(Context ctx) {
    ctx.json(
        vigil.sharing().agreements(Caller.authenticated(ctx)).stream()
            .map(SharingRoutes::wire)
            .toList());
  }

  private void grant(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    ObjectNode body = Bodies.object(ctx);
    String grantor =
        Bodies.optionalText(body, "grantor").orElse(caller.organisation()).toUpperCase(Locale.ROOT);
    String grantee = Bodies.text(body, "grantee").toUpperCase(Locale.ROOT);
    Classification classification = Params.classification(Bodies.text(body, "classification"));
    if (vigil.reference().organisation(caller, grantee).isEmpty()) {
      throw new BadRequestException(
          "Field 'grantee' must name an organisation, found '"
              + Params.clip(grantee)
              + "': see GET /api/organisations");
    }
    Set<ThreatDomain> domains = domains(body.get("domains"));
    SharingAgreement agreement;
    try {
      agreement = new SharingAgreement(grantor, grantee, classification, domains);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    vigil.sharing().grant(caller, agreement);
    ctx.status(201).json(wire(agreement));
  }

  private void revoke(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    vigil
        .sharing()
        .revoke(
            caller,
            ctx.pathParam("grantor").toUpperCase(Locale.ROOT),
            ctx.pathParam("grantee").toUpperCase(Locale.ROOT),
            Params.classification(ctx.pathParam("classification")));
    ctx.status(204);
  }

  /** Absent or empty: all domains; else an array of domain names. */
  private static Set<ThreatDomain> domains(JsonNode node) {
    if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
      return SharingAgreement.allDomains();
    }
    if (!node.isArray()) {
      throw new BadRequestException(
          "Field 'domains' must be an array of threat domains such as [\"TERRORISM\"], found "
              + Params.clip(node.toString()));
    }
    Set<ThreatDomain> out = EnumSet.noneOf(ThreatDomain.class);
    for (JsonNode d : node) {
      try {
        out.add(ThreatDomain.valueOf(d.asText().trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new BadRequestException(
            "Field 'domains' must hold threat domains, one of "
                + java.util.Arrays.toString(ThreatDomain.values())
                + ", found '"
                + Params.clip(d.asText())
                + "'");
      }
    }
    return out;
  }

  static Map<String, Object> wire(SharingAgreement a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("grantor", a.grantor());
    m.put("grantee", a.grantee());
    m.put("classification", a.classification().name());
    m.put("domains", a.domains().stream().map(Enum::name).sorted().toList());
    return m;
  }
}

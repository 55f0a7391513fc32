package org.vigil.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.analytics.programme.DriftSpec;
import org.vigil.app.Vigil;
import org.vigil.app.programme.ProgrammeService;
import org.vigil.model.AccessContext;
import org.vigil.model.Classification;
import org.vigil.model.Ownership;
import org.vigil.model.programme.ImplementationReport;
import org.vigil.model.programme.MeasureStatus;
import org.vigil.model.programme.ProgrammeRevision;
import org.vigil.timeseries.Period;

/**
 * Strategic programmes: the registry and its versions, diffs, scorecards, plan drift with
 * adjustment proposals, accepting a proposal into a draft, coordinators' decisions, implementation
 * reports and reminders, JSON import and export. Reads are open to every caller (reports filtered
 * by the store); writes need a logged-in user with the right role.
 */
final class ProgrammeRoutes implements RouteGroup {
  private static final String BASE = "/api/programmes";
  private final ProgrammeService service;
  private final Vigil vigil;

  ProgrammeRoutes(Vigil vigil) {
    this.vigil = vigil;
    this.service = new ProgrammeService(vigil);
  }

  @Override
  public void register(Routes routes) {
    routes.get(BASE, ctx -> json(ctx, service.list(Caller.of(ctx))));
    routes.post(BASE + "/import", this::importProgramme);
    routes.get(BASE + "/{code}", this::show);
    routes.get(BASE + "/{code}/revisions", this::revisions);
    routes.post(BASE + "/{code}/revisions/{version}/decision", this::decide);
    routes.get(BASE + "/{code}/diff", this::diff);
    routes.get(BASE + "/{code}/scorecard", this::scorecard);
    routes.get(BASE + "/{code}/drift", ctx -> json(ctx, drift(ctx)));
    routes.post(BASE + "/{code}/proposals/{id}/accept", this::accept);
    routes.get(BASE + "/{code}/reports", this::reports);
    routes.post(BASE + "/{code}/reports", this::file);
    routes.get(BASE + "/{code}/reminders", this::reminders);
    routes.get(BASE + "/{code}/export", this::export);
  }

  private void json(Context ctx, Object value) {
    ctx.contentType("application/json").result(service.json().writeValue(value));
  }

  private void show(Context ctx) {
    String code = ctx.pathParam("code");
    AccessContext caller = Caller.of(ctx);
    int version = Params.intParam(ctx, "version", 0, 0, 1_000_000);
    ProgrammeRevision r =
        Params.date(ctx, "asOf")
            .map(d -> service.asOf(caller, code, d))
            .orElseGet(() -> service.show(caller, code, version));
    Map<String, Object> out = revision(r);
    out.put("content", r.content());
    json(ctx, out);
  }

  private void revisions(Context ctx) {
    List<Map<String, Object>> out = new ArrayList<>();
    service
        .revisions(Caller.of(ctx), ctx.pathParam("code"))
        .revisions()
        .forEach(r -> out.add(revision(r)));
    json(ctx, out);
  }

  static Map<String, Object> revision(ProgrammeRevision r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("programme", r.programme());
    m.put("version", r.version());
    m.put("baseVersion", r.baseVersion());
    m.put("state", r.state());
    m.put("author", r.author());
    m.put("organisation", r.organisation());
    m.put("createdAt", r.createdAt());
    m.put("reason", r.reason());
    m.put("decision", r.decision());
    m.put("consentRequired", r.consentRequired());
    m.put("consents", r.consents());
    m.put("awaitingConsentOf", r.awaitingConsentOf());
    return m;
  }

  private void diff(Context ctx) {
    int from = Params.intParam(ctx, "from", 0, 1, 1_000_000);
    int to = Params.intParam(ctx, "to", 0, 1, 1_000_000);
    if (from == 0 || to == 0) {
      throw new BadRequestException(
          "Query parameters 'from' and 'to' are required: the two version numbers to compare");
    }
    json(ctx, service.diff(Caller.of(ctx), ctx.pathParam("code"), from, to));
  }

  private void scorecard(Context ctx) {
    LocalDate asOf = Params.date(ctx, "asOf").orElse(LocalDate.now(vigil.clock()));
    json(ctx, service.scorecard(Caller.of(ctx), ctx.pathParam("code"), asOf));
  }

  private Object drift(Context ctx) {
    return service.drift(Caller.of(ctx), ctx.pathParam("code"), spec(ctx));
  }

  private static DriftSpec spec(Context ctx) {
    double threshold = 0.5;
    String t = Params.optional(ctx, "threshold").orElse("0.5");
    try {
      threshold = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new BadRequestException(
          "Query parameter 'threshold' must be a number in (0, 1), found '" + Params.clip(t) + "'");
    }
    if (!(threshold > 0 && threshold < 1)) {
      throw new BadRequestException(
          "Query parameter 'threshold' must be in (0, 1), e.g. 0.5, found " + threshold);
    }
    return DriftSpec.DEFAULT.withThreshold(threshold);
  }

  private void accept(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    String reason =
        ctx.body().isBlank() ? "" : Bodies.optionalText(Bodies.object(ctx), "reason").orElse("");
    ProgrammeRevision r =
        service.accept(caller, ctx.pathParam("code"), ctx.pathParam("id"), spec(ctx), reason);
    ctx.status(201);
    json(ctx, revision(r));
  }

  private void decide(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    ObjectNode body = Bodies.object(ctx);
    boolean approve =
        Bodies.optionalBoolean(body, "approve")
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "Field 'approve' is required: true to approve the draft, false to reject it"));
    int version = pathInt(ctx, "version");
    ProgrammeRevision r =
        service.decide(
            caller,
            ctx.pathParam("code"),
            version,
            approve,
            Bodies.optionalText(body, "comment").orElse(""));
    json(ctx, revision(r));
  }

  private void reports(Context ctx) {
    json(ctx, service.reports(Caller.of(ctx), ctx.pathParam("code")));
  }

  private void file(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    ObjectNode b = Bodies.object(ctx);
    Classification c =
        ReferenceRoutes.enumParam(
            Classification.class,
            "classification",
            Bodies.optionalText(b, "classification").orElse("NATIONAL"));
    Set<String> shared = Set.copyOf(strings(b, "sharedWith"));
    ImplementationReport r;
    try {
      r =
          new ImplementationReport(
              0,
              ctx.pathParam("code"),
              Bodies.text(b, "measure"),
              Bodies.text(b, "party"),
              Period.parse(Bodies.text(b, "period")),
              MeasureStatus.parse(Bodies.text(b, "status")),
              (int)
                  (long)
                      Bodies.optionalLong(b, "percentDone")
                          .orElseThrow(
                              () ->
                                  new BadRequestException(
                                      "Field 'percentDone' is required: a whole number 0..100")),
              Bodies.optionalText(b, "narrative").orElse(""),
              strings(b, "evidence"),
              new Ownership(caller.organisation(), c, shared),
              "",
              java.time.Instant.EPOCH);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    ctx.status(201);
    json(ctx, service.file(caller, r));
  }

  private static List<String> strings(ObjectNode b, String field) {
    JsonNode n = b.get(field);
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isArray()) {
      throw new BadRequestException(
          "Field '" + field + "' must be an array of strings, found " + n.getNodeType());
    }
    n.forEach(x -> out.add(x.asText()));
    return out;
  }

  private void reminders(Context ctx) {
    json(ctx, service.reminders(Caller.of(ctx), ctx.pathParam("code")));
  }

  private void export(Context ctx) {
    int version = Params.intParam(ctx, "version", 0, 0, 1_000_000);
    ctx.contentType("application/json")
        .result(service.exportJson(Caller.of(ctx), ctx.pathParam("code"), version));
  }

  private void importProgramme(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    String reason = Params.optional(ctx, "reason").orElse("");
    ProgrammeRevision r = service.importJson(caller, ctx.body(), "request body", reason);
    ctx.status(201);
    json(ctx, revision(r));
  }

  private static int pathInt(Context ctx, String name) {
    String v = ctx.pathParam(name);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new BadRequestException(
          "Path parameter '" + name + "' must be a whole number, found '" + Params.clip(v) + "'");
    }
  }
}

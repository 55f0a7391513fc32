package org.vigil.server;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.AuditEntry;
import org.vigil.model.AuditVerification;

/** The audit log for administrators: entries after a sequence number, and chain verification. */
final class AuditRoutes implements RouteGroup {
  private final Vigil vigil;

  AuditRoutes(Vigil vigil) {
    this.vigil = vigil;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/audit", this::entries);
    routes.get("/api/audit/verify", this::verify);
  }

  /**
   * With {@code about=data}: entries about the caller's organisation's data, by anyone (who read or
   * wrote it). Otherwise entries of the caller's own organisation only, also for a system
   * administrator: audit entries name what was touched (document titles, series), and
   * administration is not ownership. The operator reads the whole log with {@code vigil audit
   * list}.
   */
  private void entries(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    long after = Params.intParam(ctx, "after", 0, 0, Integer.MAX_VALUE);
    int limit = Params.intParam(ctx, "limit", 100, 1, 1000);
    String about = ctx.queryParam("about");
    if (about != null && !about.equals("actions") && !about.equals("data")) {
      throw new BadRequestException(
          "Query parameter 'about' must be 'actions' (what your organisation's users did) or"
              + " 'data' (who read or wrote your organisation's data), found '"
              + (about.length() > 40 ? about.substring(0, 40) + "..." : about)
              + "'");
    }
    if ("data".equals(about)) {
      ctx.json(
          vigil.audit().entriesAboutOwnData(caller, after, limit).stream()
              .map(AuditRoutes::wire)
              .toList());
      return;
    }
    List<Map<String, Object>> out = new ArrayList<>();
    while (out.size() < limit) {
      List<AuditEntry> batch = vigil.audit().entries(caller, after, 1000);
      for (AuditEntry e : batch) {
        if (e.organisation().equals(caller.organisation()) && out.size() < limit) {
          out.add(wire(e));
        }
      }
      if (batch.size() < 1000) {
        break;
      }
      after = batch.get(batch.size() - 1).seq();
    }
    ctx.json(out);
  }

  private void verify(Context ctx) {
    AuditVerification v = vigil.audit().verify(Caller.authenticated(ctx));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("valid", v.valid());
    m.put("entriesChecked", v.entriesChecked());
    m.put("firstBadSeq", v.valid() ? null : v.firstBadSeq());
    m.put("problem", v.problem());
    ctx.json(m);
  }

  private static Map<String, Object> wire(AuditEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", e.seq());
    m.put("at", e.at());
    m.put("user", e.user());
    m.put("organisation", e.organisation());
    m.put("action", e.action());
    m.put("subject", e.subject());
    m.put("origin", e.origin());
    m.put("detail", e.detail());
    m.put("hash", e.hash());
    return m;
  }
}

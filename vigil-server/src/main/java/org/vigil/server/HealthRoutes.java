package org.vigil.server;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vigil.app.Vigil;

/**
 * {@code GET /api/health}: liveness, whether the store answers and whether audited writes can take
 * the audit head lock ({@code auditWriter}: UP or WEDGED with the reason). Public, reveals no data.
 */
final class HealthRoutes implements RouteGroup {
  private final Vigil vigil;

  HealthRoutes(Vigil vigil) {
    this.vigil = vigil;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/health/live", ctx -> ctx.json(Map.of("status", "UP")));
    routes.get(
        "/api/health",
        ctx -> {
          Map<String, Object> body = new LinkedHashMap<>();
          boolean storeUp = storeAnswers();
          // An audit writer that cannot take the audit head lock makes every audited write fail.
          String writer = storeUp ? vigil.store().auditWriterStatus() : "DOWN";
          boolean up = storeUp && writer.equals("UP");
          body.put("status", up ? "UP" : "DOWN");
          body.put("store", storeUp ? "UP" : "DOWN");
          body.put("auditWriter", writer);
          body.put("time", vigil.clock().instant().toString());
          ctx.status(up ? 200 : 503).json(body);
        });
  }

  private boolean storeAnswers() {
    try (var c = vigil.dataSource().getConnection()) {
      return c.isValid(2);
    } catch (java.sql.SQLException e) {
      return false;
    }
  }
}

package org.vigil.server;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vigil.app.Vigil;

/** {@code GET /api/health}: liveness and whether the store answers. Public, reveals no data. */
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
          body.put("status", storeUp ? "UP" : "DOWN");
          body.put("store", storeUp ? "UP" : "DOWN");
          body.put("time", vigil.clock().instant().toString());
          ctx.status(storeUp ? 200 : 503).json(body);
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

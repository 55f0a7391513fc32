package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProblemJsonTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start("problems");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode problem(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode p = JSON.readTree(r.body());
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(p.get("type").asText()).isEqualTo("about:blank");
    assertThat(p.get("detail").asText()).isNotBlank();
    return p;
  }

  @Test
  void unknownRoute_isProblem404() throws Exception {
    JsonNode p = problem(server.get("/api/no-such-thing"), 404);
    assertThat(p.get("instance").asText()).isEqualTo("/api/no-such-thing");
  }

  @Test
  void protectedRoute_withoutCredentials_isProblem401() throws Exception {
    problem(server.get("/api/auth/me"), 401);
  }

  @Test
  void forgedBearerToken_isProblem401_evenOnPublicRoute() throws Exception {
    problem(server.get("/api/health", Map.of("Authorization", "Bearer vgl_forged")), 401);
  }

  @Test
  void malformedJson_isProblem400_namingJson() throws Exception {
    JsonNode p = problem(server.send("POST", "/api/auth/login", "{\"username\": ", Map.of()), 400);
    assertThat(p.get("detail").asText()).contains("not valid JSON");
  }

  @Test
  void missingField_isProblem400_namingField() throws Exception {
    JsonNode p =
        problem(server.send("POST", "/api/auth/login", "{\"username\":\"x\"}", Map.of()), 400);
    assertThat(p.get("detail").asText()).contains("'password'");
  }

  @Test
  void oversizedBody_isProblem413() throws Exception {
    // A small limit keeps the whole body in the socket buffers: with a 20 MB body the server's
    // early 413 and close could reach the client while it was still writing (a flaky reset).
    TestServer small =
        TestServer.start(
            org.vigil.app.Vigil.open(org.vigil.app.VigilConfig.h2InMemory("problems-413")),
            ServerConfig.builder().maxBodyBytes(4096).build());
    try {
      String big = "{\"username\":\"" + "x".repeat(64 * 1024) + "\"}";
      problem(small.send("POST", "/api/auth/login", big, Map.of()), 413);
      assertThat(small.send("POST", "/api/auth/login", "{}", Map.of()).statusCode()).isEqualTo(400);
    } finally {
      small.close();
    }
  }

  @Test
  void everyResponse_carriesSecurityHeaders() throws Exception {
    HttpResponse<String> r = server.get("/api/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("frame-ancestors 'none'")
        .contains("default-src 'self'");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
  }

  @Test
  void health_isUp() throws Exception {
    HttpResponse<String> r = server.get("/api/health");
    assertThat(JSON.readTree(r.body()).get("status").asText()).isEqualTo("UP");
    assertThat(JSON.readTree(r.body()).get("auditWriter").asText()).isEqualTo("UP");
  }

  @Test
  void health_auditHeadHeldByAStuckTransaction_isDownWithWedgedAuditWriter() throws Exception {
    try (java.sql.Connection holder = server.vigil().dataSource().getConnection()) {
      holder.setAutoCommit(false);
      try (java.sql.Statement s = holder.createStatement()) {
        s.executeQuery("SELECT last_seq FROM audit_head WHERE id = 1 FOR UPDATE").close();
      }
      HttpResponse<String> r = server.get("/api/health");
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(r.body()).get("auditWriter").asText()).startsWith("WEDGED");
      holder.rollback();
    }
    assertThat(server.get("/api/health").statusCode()).isEqualTo(200);
  }
}

package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.store.TestClock;

/**
 * {@code /api/agreements} against the real server: who may allow, revoke and list reporting
 * agreements, CSRF on the session cookie, the audit entries, and an ingest for another state's area
 * that is refused before, accepted after {@code allow} and refused again after {@code revoke}.
 */
class AgreementApiTest {
  static final String KAZ_FOR_RUS = "{\"reporter\":\"KAZ-SC\",\"area\":\"RUS\"}";

  TestServer server;

  @BeforeEach
  void start() {
    TestClock clock = new TestClock(TestData.T0);
    server =
        TestServer.start(
            TestData.open("agreements-" + System.nanoTime(), clock), ServerConfig.DEFAULT);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> upload(String period) throws Exception {
    Map<String, String> h = new HashMap<>(server.as("kaz.steward"));
    h.put("Content-Type", "text/csv");
    return server.send(
        "POST",
        "/api/ingest?file=kaz-for-rus-" + period + ".csv&classification=PUBLIC",
        "indicator,area,period,value\nTEST_CRIME,RUS," + period + ",5\n",
        h);
  }

  @Test
  void ingestForAnotherArea_refusedBefore_acceptedAfterAllow_refusedAgainAfterRevoke()
      throws Exception {
    HttpResponse<String> before = upload("2024-02");
    assertThat(before.statusCode()).as(before.body()).isEqualTo(403);
    assertThat(before.body())
        .contains("KAZ-SC may not report values for area RUS")
        .contains("./vigil agreements allow --reporter KAZ-SC --area RUS")
        .contains("RUS-SC");
    assertThat(before.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");

    HttpResponse<String> allow =
        server.send("POST", "/api/agreements", KAZ_FOR_RUS, server.as("rus.admin"));
    assertThat(allow.statusCode()).as(allow.body()).isEqualTo(201);
    assertThat(allow.body()).isEqualTo(KAZ_FOR_RUS);
    HttpResponse<String> again =
        server.send("POST", "/api/agreements", KAZ_FOR_RUS, server.as("sys.admin"));
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);

    HttpResponse<String> accepted = upload("2024-02");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);

    HttpResponse<String> revoke =
        server.send("DELETE", "/api/agreements/KAZ-SC/RUS", null, server.as("rus.admin"));
    assertThat(revoke.statusCode()).as(revoke.body()).isEqualTo(204);
    HttpResponse<String> after = upload("2024-03");
    assertThat(after.statusCode()).as(after.body()).isEqualTo(403);
    HttpResponse<String> gone =
        server.send("DELETE", "/api/agreements/KAZ-SC/RUS", null, server.as("rus.admin"));
    assertThat(gone.statusCode()).as(gone.body()).isEqualTo(404);

    // Both changes are audited, under the area owner's admin and about both organisations.
    String rusActions = server.get("/api/audit?limit=1000", server.as("rus.admin")).body();
    assertThat(rusActions).contains("reporting.allow").contains("reporting.revoke");
    String kazData = server.get("/api/audit?about=data&limit=1000", server.as("kaz.admin")).body();
    assertThat(kazData).contains("reporting.allow").contains("reporting.revoke");
    HttpResponse<String> verify = server.get("/api/audit/verify", server.as("sys.admin"));
    assertThat(verify.statusCode()).as(verify.body()).isEqualTo(200);
    assertThat(verify.body()).contains("\"valid\":true");
  }

  @Test
  void onlyTheSystemAdminOrTheAreaOwnersAdmin_mayChangeAgreements() throws Exception {
    for (String user : new String[] {"kaz.admin", "kaz.steward", "rus.analyst", "sec.viewer"}) {
      HttpResponse<String> r = server.send("POST", "/api/agreements", KAZ_FOR_RUS, server.as(user));
      assertThat(r.statusCode()).as(user + ": " + r.body()).isEqualTo(403);
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
    }
    HttpResponse<String> anonymous = server.send("POST", "/api/agreements", KAZ_FOR_RUS, Map.of());
    assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(401);
    assertThat(server.get("/api/agreements").statusCode()).isEqualTo(401);
    assertThat(server.get("/api/agreements", server.as("sys.admin")).body()).isEqualTo("[]");

    HttpResponse<String> bad =
        server.send("POST", "/api/agreements", "{\"reporter\":\"KAZ-SC\"}", server.as("sys.admin"));
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    HttpResponse<String> unknown =
        server.send(
            "POST",
            "/api/agreements",
            "{\"reporter\":\"NOPE-SC\",\"area\":\"RUS\"}",
            server.as("sys.admin"));
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(422);

    assertThat(
            server
                .send("POST", "/api/agreements", KAZ_FOR_RUS, server.as("sys.admin"))
                .statusCode())
        .isEqualTo(201);
    HttpResponse<String> foreignRevoke =
        server.send("DELETE", "/api/agreements/KAZ-SC/RUS", null, server.as("kaz.admin"));
    assertThat(foreignRevoke.statusCode()).as(foreignRevoke.body()).isEqualTo(403);

    // Everyone lists the agreements that concern their organisation; the secretariat none.
    assertThat(server.get("/api/agreements", server.as("kaz.steward")).body())
        .isEqualTo("[" + KAZ_FOR_RUS + "]");
    assertThat(server.get("/api/agreements", server.as("rus.analyst")).body())
        .isEqualTo("[" + KAZ_FOR_RUS + "]");
    assertThat(server.get("/api/agreements", server.as("sec.viewer")).body()).isEqualTo("[]");
  }

  @Test
  void sessionCookieWithoutCsrfToken_isRefused_andChangesNothing() throws Exception {
    HttpResponse<String> login =
        server.send(
            "POST",
            "/api/auth/login",
            "{\"username\":\"sys.admin\",\"password\":\"" + TestData.PASSWORD + "\"}",
            Map.of());
    String cookie =
        login.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("vigil_session="))
            .findFirst()
            .orElseThrow();
    HttpResponse<String> r =
        server.send(
            "POST",
            "/api/agreements",
            KAZ_FOR_RUS,
            Map.of("Cookie", cookie.substring(0, cookie.indexOf(';'))));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    assertThat(r.body()).contains("X-CSRF-Token");
    assertThat(server.get("/api/agreements", server.as("sys.admin")).body()).isEqualTo("[]");
  }
}

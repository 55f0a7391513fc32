package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.model.AccessContext;
import org.vigil.store.TestClock;

/** Login, logout, sessions, CSRF, tokens with expiry and revocation, throttling, user admin. */
class AuthApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  TestClock clock;
  TestServer server;

  @BeforeEach
  void start() {
    clock = new TestClock(TestData.T0);
    server = TestServer.start(TestData.open("auth", clock), ServerConfig.DEFAULT);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  HttpResponse<String> login(String user, String password) throws Exception {
    return server.send(
        "POST",
        "/api/auth/login",
        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}",
        Map.of());
  }

  /** The cookies a browser would send after this login: session and CSRF. */
  static Map<String, String> cookies(HttpResponse<String> login) {
    Map<String, String> out = new HashMap<>();
    for (String c : login.headers().allValues("Set-Cookie")) {
      String nv = c.substring(0, c.indexOf(';'));
      out.put(nv.substring(0, nv.indexOf('=')), nv.substring(nv.indexOf('=') + 1));
    }
    return out;
  }

  static Map<String, String> browser(Map<String, String> cookies, boolean withCsrf) {
    Map<String, String> h = new HashMap<>();
    h.put(
        "Cookie",
        "vigil_session="
            + cookies.get("vigil_session")
            + "; vigil_csrf="
            + cookies.get("vigil_csrf"));
    if (withCsrf) {
      h.put("X-CSRF-Token", cookies.get("vigil_csrf"));
    }
    return h;
  }

  @Test
  void login_setsHttpOnlyStrictSessionCookie_andCsrfCookie() throws Exception {
    HttpResponse<String> r = login("kaz.analyst", TestData.PASSWORD);
    assertThat(r.statusCode()).isEqualTo(200);
    List<String> set = r.headers().allValues("Set-Cookie");
    String session =
        set.stream().filter(c -> c.startsWith("vigil_session=")).findFirst().orElseThrow();
    assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
    assertThat(session).doesNotContainIgnoringCase("Secure"); // plain HTTP in this test
    String csrf = set.stream().filter(c -> c.startsWith("vigil_csrf=")).findFirst().orElseThrow();
    assertThat(csrf).doesNotContainIgnoringCase("HttpOnly");
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("organisation").asText()).isEqualTo("KAZ-SC");
    assertThat(body.get("csrfToken").asText()).isEqualTo(cookies(r).get("vigil_csrf"));
  }

  @Test
  void login_wrongPassword_is401_withoutSayingWhy() throws Exception {
    HttpResponse<String> wrong = login("kaz.analyst", "not the password at all");
    HttpResponse<String> unknown = login("nobody.here", "not the password at all");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(wrong.body()).get("detail"))
        .isEqualTo(JSON.readTree(unknown.body()).get("detail"));
  }

  @Test
  void logout_endsSession_cookieNoLongerAuthenticates() throws Exception {
    Map<String, String> c = cookies(login("kaz.analyst", TestData.PASSWORD));
    assertThat(server.get("/api/auth/me", browser(c, false)).statusCode()).isEqualTo(200);
    assertThat(server.send("POST", "/api/auth/logout", null, browser(c, true)).statusCode())
        .isEqualTo(204);
    assertThat(server.get("/api/auth/me", browser(c, false)).statusCode()).isEqualTo(401);
  }

  @Test
  void staleSessionCookie_afterLogoutAndNewLogin_doesNotClearTheNewSession() throws Exception {
    // A browser request sent with the old session before a logout can reach the server after the
    // next login: its response must not delete the session cookie the browser now holds.
    Map<String, String> old = cookies(login("kaz.analyst", TestData.PASSWORD));
    server.send("POST", "/api/auth/logout", null, browser(old, true));
    Map<String, String> fresh = cookies(login("kaz.steward", TestData.PASSWORD));

    HttpResponse<String> stale = server.get("/api/areas", browser(old, false));

    assertThat(stale.statusCode()).isEqualTo(200); // served as anonymous: PUBLIC records only
    assertThat(stale.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("vigil_"));
    HttpResponse<String> me = server.get("/api/auth/me", browser(fresh, false));
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(me.body()).get("username").asText()).isEqualTo("kaz.steward");
  }

  @Test
  void session_expiresAfterEightHours() throws Exception {
    Map<String, String> c = cookies(login("kaz.analyst", TestData.PASSWORD));
    clock.advance(Duration.ofHours(8).plusSeconds(1));
    assertThat(server.get("/api/auth/me", browser(c, false)).statusCode()).isEqualTo(401);
  }

  @Test
  void cookieSession_postWithoutCsrfHeader_is403_andChangesNothing() throws Exception {
    Map<String, String> c = cookies(login("kaz.analyst", TestData.PASSWORD));
    int before = tokenCount();
    HttpResponse<String> r =
        server.send("POST", "/api/auth/tokens", "{\"label\":\"x\"}", browser(c, false));
    assertThat(r.statusCode()).isEqualTo(403);
    Map<String, String> forged = browser(c, false);
    forged.put("X-CSRF-Token", "forged");
    assertThat(server.send("POST", "/api/auth/tokens", "{\"label\":\"x\"}", forged).statusCode())
        .isEqualTo(403);
    assertThat(tokenCount()).isEqualTo(before);
    assertThat(
            server
                .send("POST", "/api/auth/tokens", "{\"label\":\"x\"}", browser(c, true))
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void apiToken_worksUntilExpiry() throws Exception {
    Map<String, String> kaz = server.as("kaz.analyst");
    JsonNode t =
        JSON.readTree(
            server.send("POST", "/api/auth/tokens", "{\"label\":\"ci\",\"days\":1}", kaz).body());
    Map<String, String> bearer = Map.of("Authorization", "Bearer " + t.get("token").asText());
    assertThat(server.get("/api/auth/me", bearer).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofDays(1));
    assertThat(server.get("/api/auth/me", bearer).statusCode()).isEqualTo(401);
  }

  @Test
  void apiToken_revoked_isRejected_andListedAsRevoked() throws Exception {
    Map<String, String> kaz = server.as("kaz.analyst");
    JsonNode t =
        JSON.readTree(server.send("POST", "/api/auth/tokens", "{\"label\":\"ci\"}", kaz).body());
    Map<String, String> bearer = Map.of("Authorization", "Bearer " + t.get("token").asText());
    assertThat(server.get("/api/auth/me", bearer).statusCode()).isEqualTo(200);
    assertThat(
            server
                .send("DELETE", "/api/auth/tokens/" + t.get("id").asLong(), null, kaz)
                .statusCode())
        .isEqualTo(204);
    assertThat(server.get("/api/auth/me", bearer).statusCode()).isEqualTo(401);
    JsonNode list = JSON.readTree(server.get("/api/auth/tokens", kaz).body());
    assertThat(list.toString()).doesNotContain(t.get("token").asText());
  }

  @Test
  void revoke_otherUsersToken_isRefused() throws Exception {
    JsonNode t =
        JSON.readTree(
            server
                .send("POST", "/api/auth/tokens", "{\"label\":\"ci\"}", server.as("rus.analyst"))
                .body());
    HttpResponse<String> r =
        server.send(
            "DELETE", "/api/auth/tokens/" + t.get("id").asLong(), null, server.as("kaz.analyst"));
    assertThat(r.statusCode()).isIn(403, 404);
    assertThat(
            server
                .get("/api/auth/me", Map.of("Authorization", "Bearer " + t.get("token").asText()))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void bruteForce_fromOneAddress_backsOffWithRetryAfter_thenTheRightPasswordWorks()
      throws Exception {
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(20));
      assertThat(login("kaz.viewer.nobody", "wrong password " + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> r = login("kaz.viewer.nobody", "wrong password again");
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After").map(Long::parseLong).orElseThrow())
        .isBetween(1L, 8L);
    clock.advance(Duration.ofMinutes(16));
    assertThat(login("kaz.analyst", TestData.PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void users_orgAdmin_listsOwnOrganisationOnly_withoutHashes() throws Exception {
    HttpResponse<String> r = server.get("/api/users", server.as("rus.admin"));
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode users = JSON.readTree(r.body());
    assertThat(users.findValuesAsText("organisation")).containsOnly("RUS-SC");
    assertThat(r.body()).doesNotContain("argon2").doesNotContainIgnoringCase("hash");
  }

  @Test
  void users_orgAdmin_cannotAddToOtherOrganisation_orGrantSystemAdmin() throws Exception {
    Map<String, String> admin = server.as("rus.admin");
    String other =
        "{\"username\":\"mole\",\"organisation\":\"KAZ-SC\",\"role\":\"VIEWER\",\"password\":\"a long enough password\"}";
    assertThat(server.send("POST", "/api/users", other, admin).statusCode()).isEqualTo(403);
    String escalate =
        "{\"username\":\"mole\",\"role\":\"SYSTEM_ADMIN\",\"password\":\"a long enough password\"}";
    assertThat(server.send("POST", "/api/users", escalate, admin).statusCode()).isEqualTo(403);
    assertThat(server.vigil().users().findForLogin("mole")).isEmpty();
    String ok =
        "{\"username\":\"newbie\",\"role\":\"VIEWER\",\"password\":\"a long enough password\"}";
    assertThat(server.send("POST", "/api/users", ok, admin).statusCode()).isEqualTo(201);
    assertThat(login("newbie", "a long enough password").statusCode()).isEqualTo(200);
  }

  @Test
  void users_analyst_cannotList() throws Exception {
    assertThat(server.get("/api/users", server.as("kaz.analyst")).statusCode()).isEqualTo(403);
  }

  @Test
  void users_weakPassword_is422NamingRule() throws Exception {
    HttpResponse<String> r =
        server.send(
            "POST",
            "/api/users",
            "{\"username\":\"weak\",\"role\":\"VIEWER\",\"password\":\"short\"}",
            server.as("rus.admin"));
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).contains("12 to 256 characters");
  }

  @Test
  void disabledUser_sessionStopsWorking() throws Exception {
    Map<String, String> kaz = server.as("kaz.analyst");
    HttpResponse<String> r =
        server.send(
            "PATCH", "/api/users/kaz.analyst", "{\"active\":false}", server.as("kaz.admin"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(server.get("/api/auth/me", kaz).statusCode()).isEqualTo(401);
  }

  private int tokenCount() {
    return server.vigil().tokens().list(AccessContext.system(), "kaz.analyst").size();
  }
}

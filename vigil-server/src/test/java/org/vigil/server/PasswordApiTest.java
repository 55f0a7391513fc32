package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.app.auth.PasswordHasher;
import org.vigil.app.demo.DemoData;
import org.vigil.model.AccessContext;
import org.vigil.model.Role;
import org.vigil.model.User;
import org.vigil.store.TestClock;

/**
 * Passwords over HTTP: every user changes their own with the current one; a change, an admin's
 * reset or a disable ends the user's other sessions and tokens; a refused change changes nothing;
 * the published demo password must be changed before it logs in outside demo mode.
 */
class PasswordApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String NEW = "seven quiet lanterns";
  TestClock clock;
  TestServer server;

  @BeforeEach
  void start() {
    clock = new TestClock(TestData.T0);
    server = TestServer.start(TestData.open("passwords", clock), ServerConfig.DEFAULT);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static HttpResponse<String> login(TestServer s, String user, String password)
      throws Exception {
    return s.send(
        "POST",
        "/api/auth/login",
        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}",
        Map.of());
  }

  private HttpResponse<String> changeOwn(Map<String, String> as, String current, String next)
      throws Exception {
    return server.send(
        "POST",
        "/api/auth/password",
        "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}",
        as);
  }

  private int me(Map<String, String> as) throws Exception {
    return server.get("/api/auth/me", as).statusCode();
  }

  @Test
  void viewer_changesOwnPassword_keepsThisSession_endsTheOthers() throws Exception {
    Map<String, String> here = server.as("sec.viewer");
    Map<String, String> elsewhere = server.as("sec.viewer");
    HttpResponse<String> r = changeOwn(here, TestData.PASSWORD, NEW);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    assertThat(me(here)).isEqualTo(200);
    assertThat(me(elsewhere)).isEqualTo(401);
    assertThat(login(server, "sec.viewer", TestData.PASSWORD).statusCode()).isEqualTo(401);
    assertThat(login(server, "sec.viewer", NEW).statusCode()).isEqualTo(200);
  }

  @Test
  void changeOwn_wrongCurrentPassword_is401_andChangesNothing() throws Exception {
    Map<String, String> analyst = server.as("kaz.analyst");
    assertThat(changeOwn(analyst, "not my password at all", NEW).statusCode()).isEqualTo(401);
    assertThat(login(server, "kaz.analyst", TestData.PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void changeOwn_toTheDemoPassword_is422_namingTheList() throws Exception {
    HttpResponse<String> r =
        changeOwn(server.as("kaz.analyst"), TestData.PASSWORD, DemoData.PASSWORD);
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).contains("common, breached");
  }

  @Test
  void admin_changingOwnPasswordByPatch_needsTheCurrentOne() throws Exception {
    Map<String, String> admin = server.as("sys.admin");
    HttpResponse<String> without =
        server.send("PATCH", "/api/users/sys.admin", "{\"password\":\"" + NEW + "\"}", admin);
    assertThat(without.statusCode()).isEqualTo(422);
    assertThat(without.body()).contains("currentPassword");
    assertThat(login(server, "sys.admin", TestData.PASSWORD).statusCode()).isEqualTo(200);
    HttpResponse<String> with =
        server.send(
            "PATCH",
            "/api/users/sys.admin",
            "{\"password\":\"" + NEW + "\",\"currentPassword\":\"" + TestData.PASSWORD + "\"}",
            admin);
    assertThat(with.statusCode()).as(with.body()).isEqualTo(200);
    assertThat(me(admin)).isEqualTo(200);
    assertThat(login(server, "sys.admin", NEW).statusCode()).isEqualTo(200);
  }

  @Test
  void adminReset_endsTheUsersSessionsAndTokens() throws Exception {
    Map<String, String> session = server.as("kaz.analyst");
    String token =
        JSON.readTree(server.send("POST", "/api/auth/tokens", "{\"label\":\"ci\"}", session).body())
            .get("token")
            .asText();
    Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
    assertThat(me(bearer)).isEqualTo(200);
    HttpResponse<String> r =
        server.send(
            "PATCH",
            "/api/users/kaz.analyst",
            "{\"password\":\"" + NEW + "\"}",
            server.as("kaz.admin"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(me(session)).isEqualTo(401);
    assertThat(me(bearer)).isEqualTo(401);
  }

  @Test
  void disableThenEnable_doesNotRevive_oldSessions() throws Exception {
    Map<String, String> session = server.as("kaz.analyst");
    Map<String, String> admin = server.as("kaz.admin");
    server.send("PATCH", "/api/users/kaz.analyst", "{\"active\":false}", admin);
    server.send("PATCH", "/api/users/kaz.analyst", "{\"active\":true}", admin);
    assertThat(me(session)).isEqualTo(401);
    assertThat(login(server, "kaz.analyst", TestData.PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void refusedPatch_changesNothing_notEvenTheRole() throws Exception {
    Map<String, String> admin = server.as("kaz.admin");
    HttpResponse<String> weak =
        server.send(
            "PATCH",
            "/api/users/kaz.analyst",
            "{\"role\":\"DATA_STEWARD\",\"active\":false,\"password\":\"short\"}",
            admin);
    assertThat(weak.statusCode()).isEqualTo(422);
    HttpResponse<String> escalate =
        server.send(
            "PATCH",
            "/api/users/kaz.analyst",
            "{\"active\":false,\"role\":\"SYSTEM_ADMIN\"}",
            admin);
    assertThat(escalate.statusCode()).isEqualTo(403);
    HttpResponse<String> typo =
        server.send(
            "PATCH", "/api/users/kaz.analyst", "{\"role\":\"VIEWER\",\"actve\":false}", admin);
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(typo.body()).contains("actve");
    User u = server.vigil().users().findForLogin("kaz.analyst").orElseThrow();
    assertThat(u.role()).isEqualTo(Role.ANALYST);
    assertThat(u.active()).isTrue();
  }

  @Test
  void publishedPassword_isRefusedOutsideDemo_untilChanged_andWorksInDemoMode() throws Exception {
    Vigil vigil = server.vigil();
    String hash = new PasswordHasher(1024, 1).hash(DemoData.PASSWORD);
    vigil
        .users()
        .save(
            AccessContext.system(),
            new User("demo.user", "KAZ-SC", Role.ANALYST, hash, true, true));
    HttpResponse<String> refused = login(server, "demo.user", DemoData.PASSWORD);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("/api/auth/password");
    VigilServer demo = VigilServer.start(vigil, ServerConfig.builder().demo(true).build());
    try {
      HttpResponse<String> tour =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + demo.port() + "/api/auth/login"))
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"username\":\"demo.user\",\"password\":\""
                                  + DemoData.PASSWORD
                                  + "\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(tour.statusCode()).as(tour.body()).isEqualTo(200);
    } finally {
      demo.stop();
    }
    HttpResponse<String> changed =
        server.send(
            "POST",
            "/api/auth/password",
            "{\"username\":\"demo.user\",\"currentPassword\":\""
                + DemoData.PASSWORD
                + "\",\"newPassword\":\""
                + NEW
                + "\"}",
            Map.of());
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
    assertThat(login(server, "demo.user", NEW).statusCode()).isEqualTo(200);
    assertThat(vigil.users().findForLogin("demo.user").orElseThrow().passwordChangeRequired())
        .isFalse();
  }

  @Test
  void duplicateKey_is400_namingTheKey() throws Exception {
    HttpResponse<String> r =
        server.send(
            "POST",
            "/api/auth/login",
            "{\"username\":\"kaz.analyst\",\"password\":\"x\",\"username\":\"kaz.admin\"}",
            Map.of());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("'username' twice");
  }
}

package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.app.auth.PasswordHasher;
import org.vigil.model.AccessContext;
import org.vigil.model.Classification;
import org.vigil.model.SharingAgreement;
import org.vigil.model.ThreatDomain;
import org.vigil.store.TestClock;

/**
 * Issue 17, finding 4 ("administrator-minted identities"), reproduced over HTTP against the real
 * server: each attempt that used to succeed now fails to break in.
 */
class IdentityApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String NEW_PASSWORD = "a fresh and long enough passphrase";
  TestClock clock;
  TestServer server;

  @BeforeEach
  void start() {
    clock = new TestClock(TestData.T0);
    server = TestServer.start(TestData.open("identity", clock), ServerConfig.DEFAULT);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> login(String user, String password) throws Exception {
    return server.send(
        "POST",
        "/api/auth/login",
        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}",
        Map.of());
  }

  private HttpResponse<String> addUser(String as, String username, String org, String role)
      throws Exception {
    return server.send(
        "POST",
        "/api/users",
        "{\"username\":\""
            + username
            + "\",\"organisation\":\""
            + org
            + "\",\"role\":\""
            + role
            + "\",\"password\":\""
            + NEW_PASSWORD
            + "\"}",
        server.as(as));
  }

  @Test
  void systemAdmin_cannotCreateAUserInOrganisationSystem() throws Exception {
    HttpResponse<String> r = addUser("sys.admin", "ghost", "SYSTEM", "SYSTEM_ADMIN");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    assertThat(r.body()).contains("internal context");
    assertThat(server.vigil().users().findForLogin("ghost")).isEmpty();
  }

  @Test
  void aUserRowInOrganisationSystem_cannotLogIn() throws Exception {
    // Placed behind Vigil's back (the store refuses to write it): still no way in.
    try (Connection c = server.vigil().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO app_user (username, organisation, user_role, password_hash, active)"
                    + " VALUES ('ghost', 'SYSTEM', 'SYSTEM_ADMIN', ?, TRUE)")) {
      ps.setString(1, new PasswordHasher(1024, 1).hash(TestData.PASSWORD));
      ps.executeUpdate();
    }
    assertThat(login("ghost", TestData.PASSWORD).statusCode()).isEqualTo(401);
  }

  @Test
  void systemAdmin_cannotPlaceAUserInAMemberState() throws Exception {
    HttpResponse<String> r = addUser("sys.admin", "mole", "RUS-SC", "ANALYST");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    assertThat(r.body()).contains("created by its own administrators");
    assertThat(server.vigil().users().findForLogin("mole")).isEmpty();
    // RUS's own administrator may
    HttpResponse<String> own = addUser("rus.admin", "rus.viewer2", "RUS-SC", "VIEWER");
    assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
  }

  @Test
  void aUserInANonExistentOrganisation_isRefused() throws Exception {
    HttpResponse<String> r = addUser("sys.admin", "drifter", "NOWHERE-SC", "VIEWER");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    assertThat(r.body()).contains("NOWHERE-SC").contains("does not exist");
    assertThat(server.vigil().users().findForLogin("drifter")).isEmpty();
  }

  @Test
  void systemAdmin_cannotResetAMembersPassword_butMayDisableTheAccount() throws Exception {
    HttpResponse<String> r =
        server.send(
            "PATCH",
            "/api/users/rus.analyst",
            "{\"password\":\"" + NEW_PASSWORD + "\"}",
            server.as("sys.admin"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    assertThat(r.body()).contains("reset the password");
    assertThat(login("rus.analyst", NEW_PASSWORD).statusCode()).isEqualTo(401);
    assertThat(login("rus.analyst", TestData.PASSWORD).statusCode()).isEqualTo(200);

    HttpResponse<String> disable =
        server.send(
            "PATCH", "/api/users/rus.analyst", "{\"active\":false}", server.as("sys.admin"));
    assertThat(disable.statusCode()).as(disable.body()).isEqualTo(200);
    assertThat(login("rus.analyst", TestData.PASSWORD).statusCode()).isEqualTo(401);
  }

  @Test
  void orgAdmin_mayResetItsOwnUsersPassword() throws Exception {
    HttpResponse<String> r =
        server.send(
            "PATCH",
            "/api/users/rus.analyst",
            "{\"password\":\"" + NEW_PASSWORD + "\"}",
            server.as("rus.admin"));
    assertThat(r.statusCode()).as(r.body()).isLessThan(300);
    assertThat(login("rus.analyst", NEW_PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void dataOwner_readsWhoReadItsData() throws Exception {
    server
        .vigil()
        .sharing()
        .grant(
            AccessContext.system(),
            new SharingAgreement(
                "KAZ-SC",
                "RUS-SC",
                Classification.NATIONAL,
                EnumSet.of(ThreatDomain.ORGANISED_CRIME)));
    HttpResponse<String> read =
        server.get("/api/series?indicator=TEST_CRIME&area=KAZ", server.as("rus.analyst"));
    assertThat(read.statusCode()).isEqualTo(200);

    JsonNode about =
        JSON.readTree(server.get("/api/audit?about=data", server.as("kaz.admin")).body());
    assertThat(about.findValuesAsText("user")).contains("rus.analyst");
    JsonNode rusAbout =
        JSON.readTree(server.get("/api/audit?about=data", server.as("rus.admin")).body());
    assertThat(rusAbout.findValuesAsText("user")).doesNotContain("rus.analyst");
    assertThat(server.get("/api/audit?about=data", server.as("kaz.analyst")).statusCode())
        .isEqualTo(403);
    assertThat(server.get("/api/audit?about=everything", server.as("kaz.admin")).statusCode())
        .isEqualTo(400);
  }
}

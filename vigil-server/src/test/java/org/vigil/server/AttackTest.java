package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.model.AccessContext;
import org.vigil.store.TestClock;

/**
 * Hostile requests: each gets the right 4xx and changes nothing (observation, user and token counts
 * and the audit chain are compared before and after every test).
 */
class AttackTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final TestClock clock = new TestClock(TestData.T0);
  static TestServer server;
  long observationsBefore;
  int usersBefore;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestData.open("attack", clock), ServerConfig.DEFAULT);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void counts() {
    observationsBefore = observations();
    usersBefore = server.vigil().users().list(AccessContext.system()).size();
  }

  void assertNothingChanged() {
    assertThat(observations()).isEqualTo(observationsBefore);
    assertThat(server.vigil().users().list(AccessContext.system())).hasSize(usersBefore);
    assertThat(server.vigil().audit().verify(AccessContext.system()).valid()).isTrue();
  }

  static long observations() {
    return server.vigil().observations().count(AccessContext.system());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  HttpResponse<String> upload(String query, String body, Map<String, String> headers)
      throws Exception {
    Map<String, String> h = new HashMap<>(headers);
    h.put("Content-Type", "text/csv");
    return server.send("POST", "/api/ingest?" + query, body, h);
  }

  @Test
  void sqlInjection_inQueryParameters_findsNothingExtra() throws Exception {
    Map<String, String> kaz = server.as("kaz.analyst");
    for (String evil :
        List.of(
            "TEST_CRIME' OR '1'='1",
            "TEST_CRIME\"; DROP TABLE observation; --",
            "x' UNION SELECT * FROM app_user --")) {
      HttpResponse<String> r = server.get("/api/series?indicator=" + enc(evil) + "&area=RUS", kaz);
      assertThat(r.statusCode()).isIn(400, 404);
    }
    HttpResponse<String> area =
        server.get("/api/series?indicator=TEST_CRIME&area=" + enc("RUS' OR 1=1 --"), kaz);
    assertThat(area.statusCode()).isEqualTo(400);
    JsonNode docs =
        JSON.readTree(server.get("/api/documents?q=" + enc("%' OR 1=1 --"), kaz).body());
    assertThat(docs.get("total").asInt()).isZero();
    JsonNode events =
        JSON.readTree(server.get("/api/events?area=" + enc("RUS' OR '1'='1"), kaz).body());
    assertThat(events.get("total").asInt()).isZero();
    assertThat(
            server
                .send(
                    "POST",
                    "/api/auth/login",
                    "{\"username\":\"' OR 1=1 --\",\"password\":\"x' OR '1'='1\"}",
                    Map.of())
                .statusCode())
        .isEqualTo(401);
    assertNothingChanged();
  }

  @Test
  void pathTraversal_neverServesFilesOutsideTheWebRoot() throws Exception {
    for (String path :
        List.of(
            "/../../../../etc/passwd",
            "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/webjars/..%2f..%2f..%2fetc%2fpasswd",
            "/webjars/swagger-ui/5.34.1/../../../../../../etc/passwd",
            "/api/areas/..%2f..%2fetc%2fpasswd",
            "/%252e%252e/etc/passwd")) {
      HttpResponse<String> r;
      try {
        r = server.get(path);
      } catch (IllegalArgumentException e) {
        continue; // the client refuses to send it at all
      }
      assertThat(r.statusCode()).as(path).isGreaterThanOrEqualTo(400).isLessThan(500);
      assertThat(r.body()).as(path).doesNotContain("root:");
    }
  }

  @Test
  void ingest_fileNameWithDirectories_isStrippedToItsBase() throws Exception {
    Map<String, String> steward = server.as("kaz.steward");
    HttpResponse<String> r =
        upload(
            "file=" + enc("../../etc/passwd") + "&classification=NATIONAL",
            "indicator,area,period,value\nTEST_CRIME,KAZ,2024-04,41\n",
            steward);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(JSON.readTree(r.body()).get("batch").get("file").asText()).isEqualTo("passwd");
    observationsBefore = observations();
    assertNothingChanged();
  }

  @Test
  void ingest_badRow_is422NamingLineAndField_andStoresNothing() throws Exception {
    HttpResponse<String> r =
        upload(
            "file=bad.csv",
            "indicator,area,period,value\nTEST_CRIME,KAZ,2024-05,1\nTEST_CRIME,KAZ,2024-06,n/a\n",
            server.as("kaz.steward"));
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(JSON.readTree(r.body()).get("detail").asText())
        .contains("bad.csv")
        .contains("line 3")
        .contains("value");
    assertNothingChanged();
  }

  @Test
  void ingest_forAnotherOrganisation_is403_andStoresNothing() throws Exception {
    HttpResponse<String> r =
        upload(
            "owner=RUS-SC",
            "indicator,area,period,value\nTEST_CRIME,RUS,2024-05,1\n",
            server.as("kaz.steward"));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(
            upload(
                    "",
                    "indicator,area,period,value\nTEST_CRIME,KAZ,2024-05,1\n",
                    server.as("kaz.analyst"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            upload("", "indicator,area,period,value\nTEST_CRIME,KAZ,2024-05,1\n", Map.of())
                .statusCode())
        .isEqualTo(401);
    assertNothingChanged();
  }

  @Test
  void ingest_binaryGarbage_is422_andStoresNothing() throws Exception {
    StringBuilder garbage = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      garbage.append((char) (i * 7919 % 65_000 + 1));
    }
    HttpResponse<String> r = upload("file=x.csv", garbage.toString(), server.as("kaz.steward"));
    assertThat(r.statusCode()).isEqualTo(422);
    assertNothingChanged();
  }

  @Test
  void malformedBodies_are400_andChangeNothing() throws Exception {
    Map<String, String> admin = server.as("kaz.admin");
    for (String body :
        List.of(
            "[]",
            "\"text\"",
            "{\"username\":",
            "{\"username\":1,\"role\":\"VIEWER\",\"password\":\"x\"}",
            "{\"username\":\"a b\",\"role\":[],\"password\":{}}")) {
      HttpResponse<String> r = server.send("POST", "/api/users", body, admin);
      assertThat(r.statusCode()).as(body).isEqualTo(400);
      assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
    }
    HttpResponse<String> role =
        server.send(
            "POST",
            "/api/users",
            "{\"username\":\"x1\",\"role\":\"EMPEROR\",\"password\":\"a long enough password\"}",
            admin);
    assertThat(role.statusCode()).isEqualTo(400);
    assertThat(role.body()).contains("EMPEROR");
    assertNothingChanged();
  }

  @Test
  void forgedAndMalformedTokens_are401() throws Exception {
    for (String auth :
        List.of(
            "Bearer vgl_forged",
            "Bearer ",
            "Basic a2F6OnB3",
            "Bearer " + "a".repeat(5000),
            "Bearer ' OR 1=1 --")) {
      HttpResponse<String> r;
      try {
        r = server.get("/api/series?indicator=TEST_CRIME&area=RUS", Map.of("Authorization", auth));
      } catch (IllegalArgumentException e) {
        continue;
      }
      assertThat(r.statusCode()).as(auth).isIn(400, 401, 431);
      assertThat(r.body()).doesNotContain("100.0").doesNotContain("200.0");
    }
  }

  @Test
  void errorMessages_neverLeakInternals() throws Exception {
    HttpResponse<String> r =
        server.get("/api/series/vintages?indicator=TEST_CRIME&area=RUS&period=2024-13");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .doesNotContain("Exception")
        .doesNotContain("SELECT")
        .doesNotContain("jdbc");
  }
}

package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.store.TestClock;

/**
 * {@code /api/water} against the real server: basins, a run stored and read back with its inputs
 * (monthly series as arrays of numbers), the read rule on stored runs, comparison, bad input as
 * problem+json with nothing stored, and CSRF on the session cookie.
 */
class WaterApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static TestServer server;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            TestData.open("water-" + System.nanoTime(), new TestClock(TestData.T0)),
            ServerConfig.DEFAULT);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  private static HttpResponse<String> post(String body, String user) throws Exception {
    return server.send("POST", "/api/water/runs", body, server.as(user));
  }

  private static int stored() throws Exception {
    return json(server.get("/api/water/runs", server.as("sys.admin"))).get("total").asInt();
  }

  @Test
  void basins_listAndDetail() throws Exception {
    HttpResponse<String> list = server.get("/api/water/basins");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(json(list).findValuesAsText("code")).containsExactly("SYR_DARYA", "AMU_DARYA");
    JsonNode syr = json(server.get("/api/water/basins/syr_darya"));
    assertThat(syr.get("states").toString()).isEqualTo("[\"KAZ\",\"KGZ\",\"TJK\",\"UZB\"]");
    assertThat(syr.get("reservoirNames").toString()).contains("Toktogul", "Shardara");
    assertThat(syr.get("links").get(0).get("from").asText()).isEqualTo("Naryn");
    assertThat(syr.get("synthetic").asBoolean()).isTrue();
    HttpResponse<String> nile = server.get("/api/water/basins/NILE");
    assertThat(nile.statusCode()).isEqualTo(404);
    assertThat(nile.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  @Test
  void run_storedWithInputs_readBack_sharedWithMembers_comparable() throws Exception {
    HttpResponse<String> dry =
        post(
            "{\"basin\":\"AMU_DARYA\",\"scenario\":\"dry\",\"fairness\":\"max-min\","
                + "\"start\":\"2027-01\",\"months\":12}",
            "kaz.analyst");
    assertThat(dry.statusCode()).as(dry.body()).isEqualTo(201);
    JsonNode a = json(dry);
    assertThat(a.get("owner").asText()).isEqualTo("KAZ-SC");
    assertThat(a.get("classification").asText()).isEqualTo("SHARED");
    assertThat(a.at("/inputs/scenario/quantile").asDouble()).isEqualTo(0.1);
    assertThat(a.at("/inputs/scenario/text").asText()).contains("10% quantile");
    JsonNode vakhsh = a.at("/inputs/network/nodes/0");
    assertThat(vakhsh.get("name").asText()).isEqualTo("Vakhsh");
    assertThat(vakhsh.get("inflow").isArray()).isTrue();
    assertThat(vakhsh.get("inflow")).hasSize(12);
    assertThat(vakhsh.get("inflow").get(0).isNumber()).isTrue();
    assertThat(a.at("/result/status").asText()).isEqualTo("OPTIMAL");
    assertThat(a.at("/result/reliefs/0/suggestion").asText()).startsWith("5% ");
    long idA = a.get("id").asLong();

    HttpResponse<String> back = server.get("/api/water/runs/" + idA, server.as("rus.analyst"));
    assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
    assertThat(json(back)).isEqualTo(a);
    assertThat(server.get("/api/water/runs/" + idA).statusCode()).isEqualTo(404);

    HttpResponse<String> wet =
        post(
            "{\"basin\":\"AMU_DARYA\",\"scenario\":\"wet\",\"fairness\":\"max-min\","
                + "\"start\":\"2027-01\",\"classification\":\"NATIONAL\"}",
            "kaz.analyst");
    assertThat(wet.statusCode()).as(wet.body()).isEqualTo(201);
    long idB = json(wet).get("id").asLong();
    assertThat(server.get("/api/water/runs/" + idB, server.as("rus.analyst")).statusCode())
        .isEqualTo(404);
    assertThat(server.get("/api/water/runs?basin=AMU_DARYA", server.as("rus.analyst")).body())
        .contains("\"id\":" + idA)
        .doesNotContain("\"id\":" + idB + ",");

    HttpResponse<String> cmp =
        server.get("/api/water/compare?a=" + idA + "&b=" + idB, server.as("kaz.analyst"));
    assertThat(cmp.statusCode()).as(cmp.body()).isEqualTo(200);
    JsonNode c = json(cmp);
    assertThat(c.get("states").findValuesAsText("state")).containsExactly("TJK", "TKM", "UZB");
    JsonNode uzb = c.get("states").get(2);
    assertThat(uzb.at("/a/shortfall").asDouble()).isGreaterThan(uzb.at("/b/shortfall").asDouble());
    assertThat(uzb.at("/a/relativeShortfall").asDouble())
        .isEqualTo(uzb.at("/a/shortfall").asDouble() / uzb.at("/a/demand").asDouble());
    assertThat(
            server
                .get("/api/water/compare?a=" + idA + "&b=" + idB, server.as("rus.analyst"))
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void badInput_problemJson_nothingStored() throws Exception {
    int before = stored();
    Map<String, String> cases =
        Map.of(
            "{\"basin\":\"NILE\"}", "Unknown basin 'NILE'",
            "{\"basin\":\"SYR_DARYA\",\"months\":-1}", "Months must be 1..36, found -1",
            "{\"basin\":\"SYR_DARYA\",\"fairness\":\"greedy\"}", "Unknown fairness rule 'greedy'",
            "{\"basin\":\"SYR_DARYA\",\"scenario\":\"damp\"}", "expected dry, normal or wet");
    for (Map.Entry<String, String> e : cases.entrySet()) {
      HttpResponse<String> r = post(e.getKey(), "kaz.analyst");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(r.body()).contains(e.getValue());
    }
    HttpResponse<String> viewer = post("{\"basin\":\"SYR_DARYA\"}", "sec.viewer");
    assertThat(viewer.statusCode()).as(viewer.body()).isEqualTo(403);
    HttpResponse<String> anonymous =
        server.send("POST", "/api/water/runs", "{\"basin\":\"SYR_DARYA\"}", Map.of());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(server.get("/api/water/compare?a=x&b=1").statusCode()).isEqualTo(400);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void sessionCookieWithoutCsrfToken_isRefused() throws Exception {
    HttpResponse<String> login =
        server.send(
            "POST",
            "/api/auth/login",
            "{\"username\":\"kaz.analyst\",\"password\":\"" + TestData.PASSWORD + "\"}",
            Map.of());
    String cookie =
        login.headers().allValues("Set-Cookie").stream()
            .filter(x -> x.startsWith("vigil_session="))
            .findFirst()
            .orElseThrow();
    int before = stored();
    HttpResponse<String> r =
        server.send(
            "POST",
            "/api/water/runs",
            "{\"basin\":\"SYR_DARYA\",\"months\":2}",
            Map.of("Cookie", cookie.substring(0, cookie.indexOf(';'))));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    assertThat(r.body()).contains("X-CSRF-Token");
    assertThat(stored()).isEqualTo(before);
  }
}

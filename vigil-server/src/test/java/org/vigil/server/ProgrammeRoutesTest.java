package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.demo.DemoData;
import org.vigil.app.programme.ProgrammeDemo;

/** The programme API over the demo, on a real server: access to reports, drift, revisions. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeRoutesTest {
  private static final String CRIME = "/api/programmes/" + ProgrammeDemo.CRIME;
  private static final ObjectMapper JSON = new ObjectMapper();
  private TestServer server;

  @BeforeAll
  void start() {
    Vigil vigil = Vigil.open(VigilConfig.h2InMemory("programme_api"));
    DemoData.load(vigil);
    server = TestServer.start(vigil, ServerConfig.builder().demo(true).build());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private Map<String, String> as(String user) throws Exception {
    return server.as(user, DemoData.PASSWORD);
  }

  private JsonNode get(String path, Map<String, String> headers) throws Exception {
    HttpResponse<String> r = server.get(path, headers);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private List<String> classifications(Map<String, String> headers) throws Exception {
    List<String> out = new ArrayList<>();
    get(CRIME + "/reports", headers)
        .forEach(r -> out.add(r.get("ownership").get("classification").asText()));
    return out;
  }

  @Test
  void reports_confidentialOnesOnlyForPartiesAndSecretariat() throws Exception {
    assertThat(classifications(as("kaz.viewer"))).contains("NATIONAL", "RESTRICTED");
    assertThat(classifications(as("secretariat.viewer"))).contains("NATIONAL", "RESTRICTED");
    // Moldova is not a party of the demo programme: it sees SHARED and PUBLIC reports only.
    assertThat(classifications(as("mda.viewer")))
        .isNotEmpty()
        .doesNotContain("NATIONAL", "RESTRICTED");
    // Russia is a party; KAZ's NATIONAL report stays with KAZ and the secretariat.
    assertThat(classifications(as("rus.viewer"))).doesNotContain("NATIONAL").contains("RESTRICTED");
    assertThat(classifications(Map.of())).containsOnly("PUBLIC");
  }

  @Test
  void drift_missingAndMeetingKpisOnEitherSideOfHalf() throws Exception {
    JsonNode kpis = get(CRIME + "/drift", as("secretariat.analyst")).get("kpis");
    Map<String, Double> p = new java.util.HashMap<>();
    kpis.forEach(k -> p.put(k.get("kpi").asText(), k.get("probability").asDouble()));
    assertThat(p.get("K1")).isLessThan(0.5);
    assertThat(p.get("K2")).isGreaterThan(0.5);
  }

  @Test
  void acceptThenApprove_newVersionInForceAndDiffShowsTheChange() throws Exception {
    HttpResponse<String> accepted =
        server.send(
            "POST",
            CRIME + "/proposals/K4-TARGET/accept",
            "{\"reason\":\"API test\"}",
            as("kgz.analyst"));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    int version = JSON.readTree(accepted.body()).get("version").asInt();

    HttpResponse<String> denied =
        server.send(
            "POST",
            CRIME + "/revisions/" + version + "/decision",
            "{\"approve\":true}",
            as("kgz.admin"));
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(get(CRIME, Map.of()).get("version").asInt()).isEqualTo(version - 1);

    HttpResponse<String> approved =
        server.send(
            "POST",
            CRIME + "/revisions/" + version + "/decision",
            "{\"approve\":true,\"comment\":\"ok\"}",
            as("secretariat.coordinator"));
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(get(CRIME, Map.of()).get("version").asInt()).isEqualTo(version);

    JsonNode diff = get(CRIME + "/diff?from=" + (version - 1) + "&to=" + version, Map.of());
    assertThat(diff.get("changes")).hasSize(1);
    assertThat(diff.get("changes").get(0).get("path").asText()).isEqualTo("kpis[K4].target");
    assertThat(get(CRIME + "/revisions", Map.of())).hasSize(version);
  }

  @Test
  void fileReport_forAnotherState_forbidden() throws Exception {
    HttpResponse<String> r =
        server.send(
            "POST",
            CRIME + "/reports",
            "{\"measure\":\"M1.1\",\"party\":\"KAZ\",\"period\":\"2025\",\"status\":\"IN_PROGRESS\","
                + "\"percentDone\":60,\"classification\":\"NATIONAL\"}",
            as("rus.steward"));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
  }

  @Test
  void fileReport_ownState_storedAndVisibleToSecretariat() throws Exception {
    HttpResponse<String> r =
        server.send(
            "POST",
            CRIME + "/reports",
            "{\"measure\":\"M1.1\",\"party\":\"TJK\",\"period\":\"2025\",\"status\":\"IN_PROGRESS\","
                + "\"percentDone\":60,\"narrative\":\"API\",\"classification\":\"NATIONAL\"}",
            as("tjk.steward"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    long id = JSON.readTree(r.body()).get("id").asLong();
    List<Long> ids = new ArrayList<>();
    get(CRIME + "/reports", as("secretariat.viewer")).forEach(x -> ids.add(x.get("id").asLong()));
    assertThat(ids).contains(id);
    List<Long> seenByKaz = new ArrayList<>();
    get(CRIME + "/reports", as("kaz.viewer")).forEach(x -> seenByKaz.add(x.get("id").asLong()));
    assertThat(seenByKaz).doesNotContain(id);
  }
}

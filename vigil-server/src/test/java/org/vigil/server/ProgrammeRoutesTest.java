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
  private Vigil vigil;

  @BeforeAll
  void start() {
    vigil = Vigil.open(VigilConfig.h2InMemory("programme_api"));
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

  private HttpResponse<String> approve(int version, String user) throws Exception {
    return server.send(
        "POST",
        CRIME + "/revisions/" + version + "/decision",
        "{\"approve\":true,\"comment\":\"by " + user + "\"}",
        as(user));
  }

  @Test
  void amendmentOfAnotherPartysKpi_pendingUntilThatPartyApproves_othersRefused() throws Exception {
    // K1 is Russia's KPI; Kyrgyzstan's analyst renames it (a change that leaves its drift alone,
    // so the other tests here still see K1 at risk) through an import of the version in force.
    com.fasterxml.jackson.databind.node.ObjectNode doc =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            JSON.readTree(server.get(CRIME + "/export", Map.of()).body());
    doc.get("kpis")
        .forEach(
            k -> {
              if (k.get("code").asText().equals("K1")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) k)
                    .put("nameEn", "Drug trafficking offences, Russia (renamed by KGZ)");
              }
            });
    HttpResponse<String> accepted =
        server.send(
            "POST",
            "/api/programmes/import?reason=rename%20Russia%27s%20KPI",
            JSON.writeValueAsString(doc),
            as("kgz.analyst"));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    JsonNode draft = JSON.readTree(accepted.body());
    int version = draft.get("version").asInt();
    assertThat(draft.get("state").asText()).isEqualTo("DRAFT");
    assertThat(draft.get("awaitingConsentOf").toString()).isEqualTo("[\"RUS\"]");

    for (String other : List.of("kgz.coordinator", "kaz.coordinator")) {
      HttpResponse<String> refused = approve(version, other);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
      assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
      assertThat(refused.body()).contains("KPIs or measures of RUS");
    }
    assertThat(get(CRIME, Map.of()).get("version").asInt()).isLessThan(version);
    JsonNode pending = get(CRIME + "/revisions", Map.of()).get(version - 1); // versions are 1-based
    assertThat(pending.get("state").asText()).isEqualTo("DRAFT");
    assertThat(pending.get("awaitingConsentOf").toString()).isEqualTo("[\"RUS\"]");

    HttpResponse<String> approved = approve(version, "rus.coordinator");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    JsonNode decided = JSON.readTree(approved.body());
    assertThat(decided.get("state").asText()).isEqualTo("APPROVED");
    assertThat(decided.get("consents").get(0).get("party").asText()).isEqualTo("RUS");
    assertThat(get(CRIME, Map.of()).get("version").asInt()).isEqualTo(version);

    String subject = ProgrammeDemo.CRIME + " v" + version;
    List<String> audited =
        vigil.audit().entries(org.vigil.model.AccessContext.system(), 0, 100_000).stream()
            .filter(e -> e.subject().equals(subject))
            .map(e -> e.action() + " " + e.user())
            .toList();
    assertThat(audited)
        .containsExactly(
            "programme.draft kgz.analyst",
            "programme.consent rus.coordinator",
            "programme.approved rus.coordinator");
  }

  /**
   * Issue 17: a joint KPI (its area the CIS, not one party) concerns every party, so a party that
   * adds one needs every other party's approval or the secretariat's; one party alone cannot make
   * it take effect.
   */
  @Test
  void amendmentAddingAJointKpi_needsEveryOtherParty_orTheSecretariat() throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode doc =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            JSON.readTree(server.get(CRIME + "/export", Map.of()).body());
    com.fasterxml.jackson.databind.node.ObjectNode joint =
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("kpis").get(0)).deepCopy();
    joint.put("code", "KJ");
    joint.put("area", "CIS");
    joint.put("nameEn", "Drug trafficking offences in the CIS down 5%");
    ((com.fasterxml.jackson.databind.node.ArrayNode) doc.get("kpis")).add(joint);
    HttpResponse<String> accepted =
        server.send(
            "POST",
            "/api/programmes/import?reason=a%20joint%20KPI",
            JSON.writeValueAsString(doc),
            as("kgz.analyst"));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    JsonNode draft = JSON.readTree(accepted.body());
    int version = draft.get("version").asInt();
    assertThat(draft.get("awaitingConsentOf").toString())
        .isEqualTo("[\"ARM\",\"AZE\",\"BLR\",\"KAZ\",\"RUS\",\"TJK\",\"UZB\"]");

    HttpResponse<String> own = approve(version, "kgz.coordinator");
    assertThat(own.statusCode()).as(own.body()).isEqualTo(403);
    assertThat(own.body()).contains("KPIs or measures of ARM, AZE, BLR, KAZ, RUS, TJK, UZB");

    HttpResponse<String> one = approve(version, "rus.coordinator");
    assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
    assertThat(JSON.readTree(one.body()).get("state").asText()).isEqualTo("DRAFT");
    assertThat(get(CRIME, Map.of()).get("version").asInt()).isLessThan(version);
    JsonNode pending = get(CRIME + "/revisions", Map.of()).get(version - 1);
    assertThat(pending.get("awaitingConsentOf").toString())
        .isEqualTo("[\"ARM\",\"AZE\",\"BLR\",\"KAZ\",\"TJK\",\"UZB\"]");

    HttpResponse<String> secretariat = approve(version, "secretariat.coordinator");
    assertThat(secretariat.statusCode()).as(secretariat.body()).isEqualTo(200);
    assertThat(JSON.readTree(secretariat.body()).get("state").asText()).isEqualTo("APPROVED");
    assertThat(get(CRIME, Map.of()).get("version").asInt()).isEqualTo(version);
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

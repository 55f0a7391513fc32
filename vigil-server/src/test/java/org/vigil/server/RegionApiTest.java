package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.app.demo.DemoReference;

/**
 * Regions over HTTP: the hierarchy (GET /api/areas?parent=), region series uploaded by their state,
 * read under the usual rules, refused for another state, and a state's figure made of its regions
 * with what it covers.
 */
class RegionApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String IND = TestData.INDICATOR;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    Vigil vigil = TestData.open("regions", new org.vigil.store.TestClock(TestData.NOW));
    DemoReference.ensure(vigil);
    server = TestServer.start(vigil, ServerConfig.DEFAULT);
    upload("kaz.steward", "SHARED", "KZ-AKM", 5, 201);
    upload("kaz.steward", "SHARED", "KZ-ALA", 7, 201);
    upload("kaz.steward", "NATIONAL", "KZ-AST", 11, 201);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> upload(String user, String cls, String area, double v, int status)
      throws Exception {
    String csv = "indicator,area,period,value\n" + IND + "," + area + ",2025-01," + v + "\n";
    Map<String, String> h = new HashMap<>(server.as(user));
    h.put("Content-Type", "text/csv");
    HttpResponse<String> r =
        server.send(
            "POST",
            "/api/ingest?file=" + area + ".csv&format=long-csv&classification=" + cls,
            csv,
            h);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return r;
  }

  @Test
  void areas_parentKaz_listsItsTwentyRegionsWithParentAndLevel() throws Exception {
    HttpResponse<String> r = server.get("/api/areas?parent=KAZ");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode list = JSON.readTree(r.body());
    assertThat(list).hasSize(20);
    for (JsonNode a : list) {
      assertThat(a.get("parent").asText()).isEqualTo("KAZ");
      assertThat(a.get("level").asInt()).isEqualTo(1);
      assertThat(a.get("kind").asText()).isEqualTo("REGION");
      assertThat(a.get("code").asText()).startsWith("KZ-");
    }
    assertThat(list.findValuesAsText("nameRu")).contains("Акмолинская область");
    JsonNode kaz = JSON.readTree(server.get("/api/areas/KAZ").body());
    assertThat(kaz.get("level").asInt()).isZero();
    assertThat(kaz.get("parent").isNull()).isTrue();
    JsonNode fallback = JSON.readTree(server.get("/api/areas/KG-B").body());
    assertThat(fallback.get("nameRuFallback").asBoolean()).isTrue();
    assertThat(JSON.readTree(server.get("/api/areas?level=1").body()).size()).isEqualTo(262);
  }

  @Test
  void areas_unknownParent_is404ProblemJson() throws Exception {
    HttpResponse<String> r = server.get("/api/areas?parent=XX-NOPE");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    assertThat(r.body()).contains("XX-NOPE");
  }

  @Test
  void nationalRegionSeries_readByItsState_notByAnotherStatesAnalyst() throws Exception {
    String path = "/api/series?indicator=" + IND + "&area=KZ-AST";
    JsonNode kaz = JSON.readTree(server.get(path, server.as("kaz.analyst")).body());
    assertThat(kaz.get("observations")).hasSize(1);
    HttpResponse<String> rus = server.get(path, server.as("rus.analyst"));
    assertThat(rus.body()).doesNotContain("11.0").doesNotContain("\"value\":11");
    if (rus.statusCode() == 200) {
      assertThat(JSON.readTree(rus.body()).get("observations")).isEmpty();
    } else {
      assertThat(rus.statusCode()).isEqualTo(404);
    }
  }

  @Test
  void regionalTotal_coversTheRegionsTheReaderMayRead() throws Exception {
    String path = "/api/areas/KAZ/regional-total?indicator=" + IND;
    JsonNode rus = JSON.readTree(server.get(path, server.as("rus.analyst")).body());
    assertThat(rus.at("/coverage/text").asText()).isEqualTo("2 of 20 regions");
    assertThat(rus.at("/points/0/value").asDouble()).isEqualTo(12.0);
    JsonNode kaz = JSON.readTree(server.get(path + "&lang=ru", server.as("kaz.analyst")).body());
    assertThat(kaz.at("/coverage/text").asText()).isEqualTo("3 из 20 регионов");
    assertThat(kaz.at("/points/0/value").asDouble()).isEqualTo(23.0);
    assertThat(kaz.at("/points/0/covers").asText()).isEqualTo("3 из 20 регионов");
    HttpResponse<String> none = server.get("/api/areas/CIS/regional-total?indicator=" + IND);
    assertThat(none.statusCode()).isEqualTo(404);
  }

  @Test
  void upload_anotherStatesRegion_isRefused_unknownRegionNamesLineAndField() throws Exception {
    HttpResponse<String> rus = upload("rus.steward", "SHARED", "KZ-AKM", 1, 403);
    assertThat(rus.body()).contains("KZ-AKM");
    HttpResponse<String> bad = upload("kaz.steward", "SHARED", "KZ-XYZ", 1, 422);
    assertThat(bad.body()).contains("line 2").contains("area").contains("KZ-XYZ");
  }
}

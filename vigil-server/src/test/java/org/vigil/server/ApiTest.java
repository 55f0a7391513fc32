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
import org.vigil.store.TestClock;

/** The read API over {@link TestData}: reference data, series, vintages, tenancy. */
class ApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static TestClock clock = new TestClock(TestData.T0);
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestData.open("api", clock), ServerConfig.DEFAULT);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  static List<Double> values(JsonNode series) {
    List<Double> out = new ArrayList<>();
    series.get("observations").forEach(o -> out.add(o.get("value").asDouble()));
    return out;
  }

  @Test
  void areas_anonymous_listsAreasWithEtag_andRevalidates() throws Exception {
    HttpResponse<String> r = server.get("/api/areas");
    JsonNode areas = json(r);
    assertThat(areas.findValuesAsText("code")).contains("KAZ", "RUS");
    String etag = r.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = server.get("/api/areas", Map.of("If-None-Match", etag));
    assertThat(again.statusCode()).isEqualTo(304);
  }

  @Test
  void areas_unknownKind_is400NamingParameter() throws Exception {
    HttpResponse<String> r = server.get("/api/areas?kind=PLANET");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("'kind'").contains("PLANET");
  }

  @Test
  void indicator_unknown_is404() throws Exception {
    assertThat(server.get("/api/indicators/NOPE").statusCode()).isEqualTo(404);
  }

  @Test
  void series_owner_seesLatestVintage() throws Exception {
    JsonNode s =
        json(server.get("/api/series?indicator=TEST_CRIME&area=KAZ", server.as("kaz.analyst")));
    assertThat(values(s)).containsExactly(10.0, 25.0, 30.0);
    assertThat(s.get("frequency").asText()).isEqualTo("MONTHLY");
  }

  @Test
  void series_asOf_givesValuesAsKnownThen() throws Exception {
    var kaz = server.as("kaz.analyst");
    assertThat(
            values(
                json(server.get("/api/series?indicator=TEST_CRIME&area=KAZ&asOf=2025-02-15", kaz))))
        .containsExactly(10.0, 20.0, 30.0);
    assertThat(
            values(
                json(
                    server.get(
                        "/api/series?indicator=TEST_CRIME&area=KAZ&asOf=2025-01-15T00:00:00Z",
                        kaz))))
        .isEmpty();
    assertThat(
            values(
                json(server.get("/api/series?indicator=TEST_CRIME&area=KAZ&asOf=2025-03-01", kaz))))
        .containsExactly(10.0, 25.0, 30.0);
  }

  @Test
  void series_badAsOf_is400() throws Exception {
    HttpResponse<String> r = server.get("/api/series?indicator=TEST_CRIME&area=KAZ&asOf=yesterday");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("'asOf'");
  }

  @Test
  void vintages_listEveryRecordedValue() throws Exception {
    JsonNode v =
        json(
            server.get(
                "/api/series/vintages?indicator=TEST_CRIME&area=KAZ&period=2024-02",
                server.as("kaz.analyst")));
    List<Double> values = new ArrayList<>();
    v.get("vintages").forEach(o -> values.add(o.get("value").asDouble()));
    assertThat(values).containsExactly(20.0, 25.0);
  }

  @Test
  void series_otherOrganisation_seesNoNationalValues() throws Exception {
    JsonNode s =
        json(server.get("/api/series?indicator=TEST_CRIME&area=RUS", server.as("kaz.analyst")));
    assertThat(values(s)).containsExactlyInAnyOrder(70.0, 80.0, 90.0);
    assertThat(s.toString()).doesNotContain("NATIONAL");
  }

  @Test
  void series_anonymous_seesPublicOnly() throws Exception {
    JsonNode s = json(server.get("/api/series?indicator=TEST_CRIME&area=RUS"));
    assertThat(values(s)).containsExactly(80.0);
  }

  @Test
  void series_ownerOrganisation_seesEverything() throws Exception {
    JsonNode s =
        json(server.get("/api/series?indicator=TEST_CRIME&area=RUS", server.as("rus.analyst")));
    assertThat(values(s)).containsExactly(70.0, 80.0, 90.0, 100.0, 200.0, 300.0);
  }

  @Test
  void series_systemAdminOfOtherOrganisation_seesNoNationalValues() throws Exception {
    JsonNode s =
        json(server.get("/api/series?indicator=TEST_CRIME&area=RUS", server.as("sys.admin")));
    assertThat(values(s)).doesNotContainAnyElementsOf(TestData.SECRET);
  }

  @Test
  void export_otherOrganisation_containsNoNationalValues() throws Exception {
    HttpResponse<String> csv =
        server.get("/api/export?indicator=TEST_CRIME", server.as("kaz.analyst"));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.body()).contains("KAZ,2024-02,25").contains("RUS,2023-11,80");
    assertThat(csv.body()).doesNotContain(",100,").doesNotContain(",200,").doesNotContain(",300,");
    HttpResponse<String> sdmx =
        server.get("/api/export?indicator=TEST_CRIME&format=sdmx-csv", server.as("kaz.analyst"));
    assertThat(sdmx.body())
        .startsWith("DATAFLOW,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS")
        .contains(SeriesExport.DATAFLOW + ",M,KAZ,TEST_CRIME,2024-02,25,A,cases");
  }

  @Test
  void events_otherOrganisation_seesPublicOnly_withTotal() throws Exception {
    JsonNode page = json(server.get("/api/events?area=RUS", server.as("kaz.analyst")));
    assertThat(page.get("total").asInt()).isEqualTo(1);
    assertThat(page.get("items").get(0).get("summary").asText()).isEqualTo("public protest");
    JsonNode own = json(server.get("/api/events?area=RUS", server.as("rus.analyst")));
    assertThat(own.get("total").asInt()).isEqualTo(2);
  }

  @Test
  void documents_searchOtherOrganisationsSecret_findsNothing() throws Exception {
    JsonNode page = json(server.get("/api/documents?q=secret", server.as("kaz.analyst")));
    assertThat(page.get("total").asInt()).isZero();
    assertThat(
            json(server.get("/api/documents?q=secret", server.as("rus.analyst")))
                .get("total")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void events_pagination_respectsLimitAndOffset() throws Exception {
    JsonNode page = json(server.get("/api/events?limit=1&offset=1", server.as("rus.analyst")));
    assertThat(page.get("items")).hasSize(1);
    assertThat(page.get("limit").asInt()).isEqualTo(1);
    assertThat(page.get("offset").asInt()).isEqualTo(1);
    assertThat(server.get("/api/events?limit=0").statusCode()).isEqualTo(400);
  }
}

package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The analytics routes on a real server: results for the owner, nothing for others. */
class AnalyticsApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static TestServer server;

  @BeforeAll
  static void start() {
    server =
        TestData.withKazHistory(
            "analytics",
            i ->
                100
                    + 2 * i
                    + 10 * Math.sin(2 * Math.PI * i / 12.0)
                    + ((i * 7) % 5 - 2)
                    + (i == 30 ? 80 : 0));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void trends_owner_getsRisingTrendWithStatement() throws Exception {
    HttpResponse<String> r =
        server.get("/api/analytics/trends?indicator=TEST_CRIME&area=KAZ", server.as("kaz.analyst"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode t = JSON.readTree(r.body());
    assertThat(t.get("direction").asText()).isEqualTo("RISING");
    assertThat(t.get("senSlopePerYear").asDouble()).isBetween(18.0, 30.0);
    assertThat(t.get("statement").asText()).startsWith("Rising by");
  }

  @Test
  void trends_otherOrganisation_404WithoutValues() throws Exception {
    HttpResponse<String> r =
        server.get("/api/analytics/trends?indicator=TEST_CRIME&area=KAZ", server.as("rus.analyst"));
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).doesNotContain("senSlopePerYear").doesNotContain("RISING");
  }

  @Test
  void anomalies_owner_spikeFoundWithReason() throws Exception {
    HttpResponse<String> r =
        server.get(
            "/api/analytics/anomalies?indicator=TEST_CRIME&area=KAZ", server.as("kaz.analyst"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode a = JSON.readTree(r.body()).get("anomalies");
    assertThat(a.size()).isGreaterThanOrEqualTo(1);
    assertThat(a.get(0).get("period").asText()).isEqualTo("2022-07");
    assertThat(a.get(0).get("description").asText()).contains("above the expected");
  }

  @Test
  void risk_unknownMethodology_is400() throws Exception {
    HttpResponse<String> r =
        server.get("/api/analytics/risk?methodology=astrology", server.as("kaz.analyst"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("'methodology'");
  }

  @Test
  void risk_noMethodologyInputsReadable_clientErrorNot500() throws Exception {
    HttpResponse<String> r = server.get("/api/analytics/risk?draws=10", server.as("kaz.analyst"));
    assertThat(r.statusCode()).as(r.body()).isIn(400, 422);
  }
}

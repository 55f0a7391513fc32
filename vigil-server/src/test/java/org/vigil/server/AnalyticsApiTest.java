package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.Classification;
import org.vigil.model.IngestBatch;
import org.vigil.model.Observation;
import org.vigil.model.Ownership;
import org.vigil.store.TestClock;
import org.vigil.timeseries.Period;

/** The analytics routes on a real server: results for the owner, nothing for others. */
class AnalyticsApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static TestServer server;

  @BeforeAll
  static void start() {
    TestClock clock = new TestClock(TestData.T0);
    Vigil vigil = TestData.open("analytics", clock);
    List<Observation> rows = new ArrayList<>();
    Ownership kaz = Ownership.of("KAZ-SC", Classification.NATIONAL);
    for (int i = 0; i < 48; i++) {
      Period p = Period.month(2020, 1).plus(i);
      double v = 100 + 2 * i + 10 * Math.sin(2 * Math.PI * i / 12.0) + ((i * 7) % 5 - 2);
      if (i == 30) {
        v += 80;
      }
      rows.add(new Observation(TestData.INDICATOR, "KAZ", p, v, "", "t", 0, null, kaz));
    }
    vigil
        .observations()
        .append(
            AccessContext.system(),
            new IngestBatch(
                0,
                "system",
                "KAZ-SC",
                Instant.EPOCH,
                "a.csv",
                "d".repeat(64),
                "long-csv",
                48,
                0,
                0),
            rows);
    server = TestServer.start(vigil, ServerConfig.DEFAULT);
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

package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Forecasts and backtests through the API, with the caller's access. */
class ForecastApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static TestServer server;

  @BeforeAll
  static void start() {
    server =
        TestData.withKazHistory("forecast", i -> 100 + i + 10 * Math.sin(2 * Math.PI * i / 12.0));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void forecast_owner_getsPointsInsideIntervals() throws Exception {
    HttpResponse<String> r =
        server.get(
            "/api/forecast?indicator=TEST_CRIME&area=KAZ&h=6&method=ets", server.as("kaz.analyst"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode f = JSON.readTree(r.body());
    assertThat(f.get("points")).hasSize(6);
    assertThat(f.get("periods").get(0).asText()).isEqualTo("2024-04");
    JsonNode widest = f.get("intervals").get(f.get("intervals").size() - 1);
    for (int i = 0; i < 6; i++) {
      double point = f.get("points").get(i).asDouble();
      assertThat(widest.get("lower").get(i).asDouble()).isLessThanOrEqualTo(point);
      assertThat(widest.get("upper").get(i).asDouble()).isGreaterThanOrEqualTo(point);
    }
  }

  @Test
  void forecast_otherOrganisation_cannotForecastNationalSeries() throws Exception {
    HttpResponse<String> r =
        server.get("/api/forecast?indicator=TEST_CRIME&area=KAZ", server.as("rus.analyst"));
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).doesNotContain("101.").doesNotContain("\"points\"");
  }

  @Test
  void backtest_owner_getsAccuracy() throws Exception {
    HttpResponse<String> r =
        server.get(
            "/api/backtest?indicator=TEST_CRIME&area=KAZ&h=3&origins=3&method=snaive",
            server.as("kaz.analyst"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode b = JSON.readTree(r.body());
    assertThat(b.get("origins")).hasSize(3);
    assertThat(b.get("mase").isNumber()).isTrue();
  }

  @Test
  void forecast_unknownMethod_is400() throws Exception {
    HttpResponse<String> r =
        server.get(
            "/api/forecast?indicator=TEST_CRIME&area=KAZ&method=crystal-ball",
            server.as("kaz.analyst"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("'method'");
  }

  @Test
  void forecast_tooFewReadableValues_isNeverA500() throws Exception {
    HttpResponse<String> r = server.get("/api/forecast?indicator=TEST_CRIME&area=RUS&method=arima");
    assertThat(r.statusCode()).as(r.body()).isIn(200, 404, 422);
  }
}

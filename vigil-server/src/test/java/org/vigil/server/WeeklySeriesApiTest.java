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
import org.vigil.model.AccessContext;
import org.vigil.model.Aggregation;
import org.vigil.model.Indicator;
import org.vigil.model.Polarity;
import org.vigil.model.ThreatDomain;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;

/**
 * A weekly series end to end over HTTP: a CSV of ISO weeks uploaded by the state's steward, read
 * back as a series and forecast (AUTO picks MSTL for weekly data) with ISO-week periods.
 */
class WeeklySeriesApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String WEEKLY = "TEST_REPORTS_WEEKLY";
  static TestServer server;

  @BeforeAll
  static void start() {
    Vigil vigil = TestData.open("weekly", new org.vigil.store.TestClock(TestData.NOW));
    vigil
        .reference()
        .saveIndicator(
            AccessContext.system(),
            new Indicator(
                WEEKLY,
                "Reports (weekly)",
                "Сообщения (еженедельно)",
                ThreatDomain.ORGANISED_CRIME,
                "reports",
                Frequency.WEEKLY,
                "",
                Polarity.RISE_IS_BAD,
                Aggregation.SUM,
                "test",
                true));
    server = TestServer.start(vigil, ServerConfig.DEFAULT);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void weeklyCsv_ingestedReadAndForecast_keepsIsoWeeks() throws Exception {
    StringBuilder csv = new StringBuilder("indicator,area,period,value\n");
    Period first = Period.week(2022, 1);
    for (int i = 0; i < 156; i++) {
      double v = 40 + 10 * Math.sin(2 * Math.PI * i / (365.25 / 7)) + (i * 7 % 5);
      csv.append(WEEKLY).append(",KAZ,").append(first.plus(i)).append(',').append(v).append('\n');
    }
    Map<String, String> steward = new HashMap<>(server.as("kaz.steward"));
    steward.put("Content-Type", "text/csv");
    HttpResponse<String> up =
        server.send("POST", "/api/ingest?file=weekly.csv&format=long-csv", csv.toString(), steward);
    assertThat(up.statusCode()).as(up.body()).isEqualTo(201);

    Map<String, String> analyst = server.as("kaz.analyst");
    HttpResponse<String> s = server.get("/api/series?indicator=" + WEEKLY + "&area=KAZ", analyst);
    assertThat(s.statusCode()).as(s.body()).isEqualTo(200);
    assertThat(s.body()).contains("\"2022-W01\"").contains("\"2024-W52\"");

    HttpResponse<String> r =
        server.get("/api/forecast?indicator=" + WEEKLY + "&area=KAZ&h=8", analyst);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode f = JSON.readTree(r.body());
    assertThat(f.get("method").asText()).isEqualTo("MSTL");
    assertThat(f.get("model").asText()).startsWith("STL(52.18)");
    assertThat(f.get("periods").get(0).asText()).isEqualTo("2025-W01");
    assertThat(f.get("periods").get(7).asText()).isEqualTo("2025-W08");
    // The seasonal cycle carries into the forecast: a year on, the values repeat the shape.
    assertThat(f.get("points").get(0).asDouble()).isBetween(25.0, 60.0);
  }

  @Test
  void weeklyCsv_weekOutsideTheCalendar_isRejectedNamingLineAndForm() throws Exception {
    Map<String, String> steward = new HashMap<>(server.as("kaz.steward"));
    steward.put("Content-Type", "text/csv");
    HttpResponse<String> up =
        server.send(
            "POST",
            "/api/ingest?file=bad-week.csv&format=long-csv",
            "indicator,area,period,value\n" + WEEKLY + ",KAZ,2025-W53,4\n",
            steward);
    assertThat(up.statusCode()).isBetween(400, 422);
    assertThat(up.body()).contains("YYYY-Www").contains("2025-W53");
  }
}

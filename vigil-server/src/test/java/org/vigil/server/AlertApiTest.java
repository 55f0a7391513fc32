package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.model.AccessContext;
import org.vigil.model.Classification;
import org.vigil.model.IngestBatch;
import org.vigil.model.Observation;
import org.vigil.model.Ownership;
import org.vigil.timeseries.Period;

/** The alert routes on a real server: evaluation by admins, NATIONAL alerts for the owner only. */
class AlertApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static TestServer server;

  /**
   * Four clean years of history; TestData adds KAZ values of 10-30 for 2024-01..03, a collapse long
   * before the clock (2025-04-01); the clean history resumes in 2024-04 and collapses again in
   * 2025-03, in the alert window.
   */
  @BeforeAll
  static void start() {
    IntToDoubleFunction clean =
        i -> 100 + 2 * i + 10 * Math.sin(2 * Math.PI * i / 12.0) + ((i * 7) % 5 - 2);
    server = TestData.withKazHistory("alerts", clean);
    Ownership kaz = Ownership.of("KAZ-SC", Classification.NATIONAL);
    List<Observation> rows = new ArrayList<>();
    for (int i = 51; i <= 62; i++) {
      double v = i == 62 ? 10 : clean.applyAsDouble(i);
      rows.add(
          new Observation(
              TestData.INDICATOR, "KAZ", Period.month(2020, 1).plus(i), v, "", "t", 0, null, kaz));
    }
    server
        .vigil()
        .observations()
        .append(
            AccessContext.system(),
            new IngestBatch(
                0,
                "system",
                "KAZ-SC",
                Instant.EPOCH,
                "recent.csv",
                "e".repeat(64),
                "long-csv",
                rows.size(),
                0,
                0),
            rows);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void alerts_evaluateListAndMark_ownerOnlyAndHistoryKept() throws Exception {
    HttpResponse<String> denied =
        server.send("POST", "/api/alerts/evaluate", null, server.as("kaz.analyst"));
    assertThat(denied.statusCode()).as(denied.body()).isEqualTo(403);

    HttpResponse<String> eval =
        server.send("POST", "/api/alerts/evaluate", null, server.as("kaz.admin"));
    assertThat(eval.statusCode()).as(eval.body()).isEqualTo(200);
    JsonNode spike = null;
    for (JsonNode a : JSON.readTree(eval.body()).get("raised")) {
      if (a.get("rule").asText().equals("ANOMALY") && a.get("period").asText().equals("2025-03")) {
        spike = a;
      }
    }
    assertThat(spike).as(eval.body()).isNotNull();
    assertThat(spike.get("classification").asText()).isEqualTo("NATIONAL");
    assertThat(spike.get("messageRu").asText()).contains("Необычно низкое");
    long id = spike.get("id").asLong();

    HttpResponse<String> again =
        server.send("POST", "/api/alerts/evaluate", null, server.as("kaz.admin"));
    assertThat(JSON.readTree(again.body()).get("raised")).isEmpty();

    HttpResponse<String> rus =
        server.get("/api/alerts?rule=ANOMALY&area=KAZ", server.as("rus.analyst"));
    assertThat(rus.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(rus.body()).get("total").asInt()).isZero();
    HttpResponse<String> rusMark =
        server.send(
            "POST", "/api/alerts/" + id + "/state", "{\"state\":\"seen\"}", server.as("rus.admin"));
    assertThat(rusMark.statusCode()).isEqualTo(404);

    HttpResponse<String> kaz =
        server.get("/api/alerts?rule=ANOMALY&state=NEW&limit=1", server.as("kaz.analyst"));
    assertThat(kaz.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(kaz.body()).get("total").asInt()).isPositive();
    assertThat(JSON.readTree(kaz.body()).get("items")).hasSize(1);

    HttpResponse<String> marked =
        server.send(
            "POST",
            "/api/alerts/" + id + "/state",
            "{\"state\":\"seen\"}",
            server.as("kaz.analyst"));
    assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
    JsonNode m = JSON.readTree(marked.body());
    assertThat(m.get("state").asText()).isEqualTo("SEEN");
    assertThat(m.get("history")).hasSize(2);
    assertThat(m.get("history").get(1).get("by").asText()).isEqualTo("kaz.analyst");

    HttpResponse<String> twice =
        server.send(
            "POST",
            "/api/alerts/" + id + "/state",
            "{\"state\":\"seen\"}",
            server.as("kaz.analyst"));
    assertThat(twice.statusCode()).isEqualTo(422);

    // Grouped by subject, most urgent first, each item with its group's rank.
    JsonNode ranked =
        JSON.readTree(server.get("/api/alerts?order=rank", server.as("kaz.analyst")).body());
    assertThat(ranked.get("total").asInt()).isPositive();
    int previous = 1;
    for (JsonNode a : ranked.get("items")) {
      assertThat(a.get("group").asInt()).isBetween(previous, previous + 1);
      previous = a.get("group").asInt();
    }
    HttpResponse<String> badOrder =
        server.get("/api/alerts?order=oldest", server.as("kaz.analyst"));
    assertThat(badOrder.statusCode()).isEqualTo(400);
    assertThat(badOrder.body()).contains("newest or rank");
  }

  @Test
  void markAlert_cookieSessionWithoutCsrfHeader_isRefused() throws Exception {
    HttpResponse<String> login =
        server.send(
            "POST",
            "/api/auth/login",
            "{\"username\":\"kaz.analyst\",\"password\":\"" + TestData.PASSWORD + "\"}",
            Map.of());
    String cookie =
        login.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("vigil_session="))
            .findFirst()
            .orElseThrow();
    HttpResponse<String> r =
        server.send(
            "POST",
            "/api/alerts/1/state",
            "{\"state\":\"closed\"}",
            Map.of("Cookie", cookie.substring(0, cookie.indexOf(';'))));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    assertThat(r.body()).contains("X-CSRF-Token");
  }
}

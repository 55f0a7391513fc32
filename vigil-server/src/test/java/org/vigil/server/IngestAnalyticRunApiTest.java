package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.analytics.AnalyticRunner;
import org.vigil.app.analytics.PublishedAnomalies;
import org.vigil.app.demo.DemoData;
import org.vigil.model.AccessContext;
import org.vigil.model.Observation;
import org.vigil.model.run.AnalyticResult;
import org.vigil.model.run.AnalyticRun;
import org.vigil.timeseries.Period;

/**
 * HTTP ingest starts an incremental analytic run (issue 10): one new value of one series recomputes
 * that series only, the run lists the new input vintage, the API serves the new run, and {@code
 * asOf} before the upload returns what was published then.
 */
class IngestAnalyticRunApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SERIES = "DEMO_DRUG_TRAFFICKING_OFFENCES";
  private static TestServer server;
  private static AnalyticRun first;

  @BeforeAll
  static void start() {
    Vigil vigil = Vigil.open(VigilConfig.h2InMemory("ingest-run-" + System.nanoTime()));
    DemoData.load(vigil);
    first = new AnalyticRunner(vigil).run("test", true, AnalyticRunner.Progress.NONE);
    server = TestServer.start(vigil, ServerConfig.builder().demo(true).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Map<String, String> login(String user) throws Exception {
    return server.as(user, DemoData.PASSWORD);
  }

  private static Map<String, Double> kazScores(JsonNode risk) {
    Map<String, Double> out = new HashMap<>();
    for (JsonNode s : risk.get("scores")) {
      if (s.get("area").asText().equals("KAZ") && !s.get("score").isNull()) {
        out.put(
            s.get("domain").asText() + "|" + s.get("period").asText(), s.get("score").asDouble());
      }
    }
    return out;
  }

  @Test
  void publishedAnomalies_areTheRunsStoredResults_filteredByReader() throws Exception {
    AccessContext sys = AccessContext.system();
    var repo = server.vigil().store().analyticRuns();
    long run = repo.latest(sys, Instant.MAX).orElseThrow().id();
    Map<String, String> kaz = login("kaz.analyst");
    JsonNode all =
        JSON.readTree(server.get("/api/analytics/anomalies?published=true&area=KAZ", kaz).body());
    assertThat(all.get("run").asLong()).isEqualTo(run);
    // Exactly what the run stored for the state's series that the reader may read.
    long stored = 0;
    for (AnalyticResult r : repo.results(sys, PublishedAnomalies.KIND, run)) {
      if (r.area().equals("KAZ")
          && AccessContext.of("k", "KAZ-SC", org.vigil.model.Role.ANALYST).canRead(r.ownership())) {
        stored += JSON.readTree(r.payload()).get("anomalies").size();
      }
    }
    assertThat(all.get("anomalies").size()).isEqualTo(stored).isPositive();
    for (JsonNode a : all.get("anomalies")) {
      assertThat(a.get("area").asText()).isEqualTo("KAZ");
      assertThat(a.get("method").asText()).isEqualTo("ROBUST_Z");
    }
    // One indicator: the same rows as the all-indicator read has for it.
    String ind = all.get("anomalies").get(0).get("indicator").asText();
    JsonNode one =
        JSON.readTree(
            server
                .get("/api/analytics/anomalies?published=true&area=KAZ&indicator=" + ind, kaz)
                .body());
    long expected = 0;
    for (JsonNode a : all.get("anomalies")) {
      expected += a.get("indicator").asText().equals(ind) ? 1 : 0;
    }
    assertThat(one.get("anomalies").size()).isEqualTo(expected);
    // Computing on request still needs an indicator; a bad flag is a 400.
    assertThat(server.get("/api/analytics/anomalies?area=KAZ", kaz).statusCode()).isEqualTo(400);
    assertThat(server.get("/api/analytics/anomalies?published=yes&area=KAZ", kaz).statusCode())
        .isEqualTo(400);
  }

  @Test
  void oneNewValueOverHttp_recomputesThatSeriesOnly_andAsOfShowsWhatWasPublished()
      throws Exception {
    AccessContext sys = AccessContext.system();
    Vigil vigil = server.vigil();
    Period month = Period.parse(first.period().orElseThrow()).plus(-1);
    Observation old =
        vigil.observations().series(sys, SERIES, "KAZ").stream()
            .filter(o -> o.period().equals(month))
            .findFirst()
            .orElseThrow();
    Map<String, String> analyst = login("kaz.analyst");
    String period = "&period=" + month;
    JsonNode before =
        JSON.readTree(server.get("/api/analytics/risk?horizon=1" + period, analyst).body());
    assertThat(before.get("coverage").get("run").asLong()).isEqualTo(first.id());
    Instant published = Instant.now();

    Map<String, String> steward = new HashMap<>(login("kaz.steward"));
    steward.put("Content-Type", "text/csv");
    HttpResponse<String> up =
        server.send(
            "POST",
            "/api/ingest?file=one-value.csv&format=long-csv",
            "indicator,area,period,value\n"
                + SERIES
                + ",KAZ,"
                + month
                + ","
                + (old.value() * 3 + 10)
                + "\n",
            steward);
    assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
    JsonNode run = JSON.readTree(up.body()).get("analyticRun");
    assertThat(run.get("status").asText()).as(up.body()).isEqualTo("DONE");
    assertThat(run.get("seriesComputed").asInt()).isEqualTo(1);
    long runId = run.get("id").asLong();
    assertThat(runId).isGreaterThan(first.id());

    // The run lists its input vintages: the new one for the series, the old ones for the rest.
    AnalyticRun inc = vigil.store().analyticRuns().run(sys, runId).orElseThrow();
    String subject = SERIES + "|KAZ";
    assertThat(inc.inputs().get(subject)).isGreaterThan(first.inputs().get(subject));
    first
        .inputs()
        .forEach(
            (k, v) -> {
              if (!k.equals(subject)) {
                assertThat(inc.inputs().get(k)).as(k).isEqualTo(v);
              }
            });
    // Only that series' forecast changed.
    assertThat(vigil.store().analyticRuns().changedBy(sys, AnalyticRunner.FORECAST, runId))
        .extracting(AnalyticResult::subject)
        .containsExactly(subject);

    JsonNode after =
        JSON.readTree(server.get("/api/analytics/risk?horizon=1" + period, analyst).body());
    assertThat(after.get("coverage").get("run").asLong()).isEqualTo(runId);
    assertThat(kazScores(after).get("DRUG_TRAFFICKING|" + month))
        .isNotEqualTo(kazScores(before).get("DRUG_TRAFFICKING|" + month));
    JsonNode then =
        JSON.readTree(
            server
                .get("/api/analytics/risk?horizon=1" + period + "&asOf=" + published, analyst)
                .body());
    assertThat(then.get("coverage").get("run").asLong()).isEqualTo(first.id());
    assertThat(kazScores(then)).isEqualTo(kazScores(before));
  }

  /**
   * A published risk body is serialised once per run and reader scope and served from memory: the
   * same bytes to two readers of one organisation, other bytes to another state's reader, a 304 for
   * a matching If-None-Match (and a full answer for another scope's tag), the gzip form the same
   * JSON.
   */
  @Test
  void publishedRisk_keptPerReaderScope_revalidatesAndCompresses() throws Exception {
    Map<String, String> kaz = login("kaz.analyst");
    Map<String, String> kazViewer = login("kaz.viewer");
    Map<String, String> rus = login("rus.analyst");
    String path = "/api/analytics/risk?horizon=0";
    HttpResponse<String> a = server.get(path, kaz);
    assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
    String tag = a.headers().firstValue("ETag").orElseThrow();
    assertThat(a.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    assertThat(JSON.readTree(a.body()).get("coverage").get("run").asLong()).isPositive();

    HttpResponse<String> sameScope = server.get(path, kazViewer);
    assertThat(sameScope.body()).isEqualTo(a.body());
    assertThat(sameScope.headers().firstValue("ETag")).contains(tag);

    HttpResponse<String> other = server.get(path, rus);
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(other.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(tag);
    assertThat(kazScores(JSON.readTree(other.body())))
        .isNotEqualTo(kazScores(JSON.readTree(a.body())));

    Map<String, String> revalidate = new HashMap<>(kaz);
    revalidate.put("If-None-Match", tag);
    HttpResponse<String> notModified = server.get(path, revalidate);
    assertThat(notModified.statusCode()).isEqualTo(304);
    assertThat(notModified.body()).isEmpty();
    Map<String, String> otherTag = new HashMap<>(rus);
    otherTag.put("If-None-Match", tag);
    HttpResponse<String> full = server.get(path, otherTag);
    assertThat(full.statusCode()).isEqualTo(200);
    assertThat(full.body()).isEqualTo(other.body());

    Map<String, String> gzip = new HashMap<>(kaz);
    gzip.put("Accept-Encoding", "gzip");
    HttpResponse<byte[]> z = server.getBytes(path, gzip);
    assertThat(z.statusCode()).isEqualTo(200);
    assertThat(z.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(z.headers().firstValue("ETag")).contains(tag);
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(z.body()))) {
      assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(a.body());
    }
  }
}

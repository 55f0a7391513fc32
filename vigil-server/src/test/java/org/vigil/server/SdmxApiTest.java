package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.model.AccessContext;
import org.vigil.model.AuditEntry;
import org.vigil.model.Classification;
import org.vigil.model.Role;
import org.vigil.store.TestClock;

/**
 * {@code /sdmx/data}: two analysts of different states ask for the same key and each gets only the
 * series values it may read (the access matrix's marked values: each state's NATIONAL, RESTRICTED,
 * SHARED and PUBLIC values of TEST_CRIME); unknown flows are 404 problem+json.
 */
class SdmxApiTest {
  static final TestClock clock = new TestClock(TestData.T0);
  static TestServer server;

  @BeforeAll
  static void start() {
    Vigil vigil = Vigil.open(VigilConfig.h2InMemory("sdmx-api").withClock(clock));
    TestData.load(vigil, clock);
    AccessMatrixTest.world(vigil);
    server = TestServer.start(vigil, ServerConfig.builder().requestsPerMinute(0).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String get(String user, String path) throws Exception {
    HttpResponse<String> r = server.get(path, server.as(user));
    assertThat(r.statusCode()).as(path + "\n" + r.body()).isEqualTo(200);
    return r.body();
  }

  @Test
  void data_twoReadersOfDifferentStates_eachGetsOnlyWhatItMayRead() throws Exception {
    for (String format : List.of("sdmx-ml", "sdmx-json", "sdmx-json-2", "sdmx-csv")) {
      String path = "/sdmx/data/DF_INDICATORS/.KAZ+RUS." + TestData.INDICATOR + "?format=" + format;
      Map<String, String> bodies =
          Map.of(
              "KAZ-SC", get(AccessMatrixTest.user("KAZ-SC", Role.ANALYST), path),
              "RUS-SC", get(AccessMatrixTest.user("RUS-SC", Role.ANALYST), path));
      // RECORDS is shared with AccessMatrixTest (its world() may have run in this JVM too): count
      // each (reader, marker) once.
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (AccessMatrixTest.Marked m : AccessMatrixTest.RECORDS) {
        if (m.marker().startsWith("mark")) {
          continue; // events' and documents' words: not in series
        }
        for (var b : bodies.entrySet()) {
          if (m.readableBy(b.getKey())) {
            assertThat(b.getValue())
                .as(format + " " + b.getKey() + " sees " + m)
                .contains(m.marker());
            seen.add(b.getKey() + " " + m.marker());
          } else {
            assertThat(b.getValue())
                .as(format + " " + b.getKey() + " must not see " + m)
                .doesNotContain(m.marker());
          }
        }
      }
      assertThat(seen).as(format).hasSize(16);
    }
    assertThat(AccessMatrixTest.RECORDS)
        .anySatisfy(m -> assertThat(m.classification()).isEqualTo(Classification.NATIONAL));
  }

  @Test
  void data_readIsAudited() throws Exception {
    AccessContext sys = AccessContext.system();
    long before = last(sys);
    get(AccessMatrixTest.user("KAZ-SC", Role.VIEWER), "/sdmx/data/DF_INDICATORS/all");
    // The audit writer appends read records on its own thread: wait for it (at most 20 s).
    List<AuditEntry> after = server.vigil().audit().entries(sys, before, 100);
    for (int i = 0;
        i < 200 && after.stream().noneMatch(e -> e.action().equals("observation.read"));
        i++) {
      Thread.sleep(100);
      after = server.vigil().audit().entries(sys, before, 100);
    }
    assertThat(after)
        .anySatisfy(
            e -> {
              assertThat(e.user()).isEqualTo(AccessMatrixTest.user("KAZ-SC", Role.VIEWER));
              assertThat(e.action()).isEqualTo("observation.read");
              assertThat(e.subject()).contains(TestData.INDICATOR);
            });
  }

  private static long last(AccessContext sys) {
    List<AuditEntry> all = server.vigil().audit().entries(sys, 0, 100_000);
    return all.isEmpty() ? 0 : all.get(all.size() - 1).seq();
  }

  @Test
  void data_acceptHeader_choosesTheFormat() throws Exception {
    Map<String, String> h =
        new java.util.HashMap<>(server.as(AccessMatrixTest.user("KAZ-SC", Role.ANALYST)));
    h.put("Accept", "application/vnd.sdmx.data+json; version=2.0.0");
    HttpResponse<String> r = server.get("/sdmx/data/DF_INDICATORS/M.KAZ." + TestData.INDICATOR, h);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("sdmx.data+json");
    assertThat(r.body()).contains("\"structures\"").contains("\"dataSets\"");
    h.put("Accept", "application/vnd.sdmx.data+csv");
    r = server.get("/sdmx/data/DF_INDICATORS/M.KAZ." + TestData.INDICATOR, h);
    assertThat(r.body()).startsWith("DATAFLOW,FREQ,REF_AREA,INDICATOR,TIME_PERIOD");
  }

  @Test
  void data_nothingReadableMatches_is404NoResultsFound_theSameAsNoSuchSeries() throws Exception {
    Map<String, String> rus = server.as(AccessMatrixTest.user("RUS-SC", Role.ANALYST));
    Map<String, String> kaz = server.as(AccessMatrixTest.user("KAZ-SC", Role.ANALYST));
    String key = "/sdmx/data/DF_INDICATORS/M.KAZ." + TestData.INDICATOR;
    // KAZ-SC's 2022-01 value is NATIONAL (the access matrix's marker): RUS-SC may not read it.
    String hidden = key + "?startPeriod=2022-01&endPeriod=2022-01&format=";
    String absent = key + "?startPeriod=1990-01&endPeriod=1990-01&format=";
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    String marker =
        AccessMatrixTest.RECORDS.stream()
            .filter(
                m -> m.owner().equals("KAZ-SC") && m.classification() == Classification.NATIONAL)
            .filter(m -> !m.marker().startsWith("mark"))
            .findFirst()
            .orElseThrow()
            .marker();
    for (String format : List.of("sdmx-ml", "sdmx-json", "sdmx-json-2", "sdmx-csv")) {
      HttpResponse<String> owner = server.get(hidden + format, kaz);
      assertThat(owner.statusCode()).as(owner.body()).isEqualTo(200);
      assertThat(owner.body()).contains(marker);

      HttpResponse<String> notReadable = server.get(hidden + format, rus);
      HttpResponse<String> noSuch = server.get(absent + format, rus);
      for (HttpResponse<String> r : List.of(notReadable, noSuch)) {
        assertThat(r.statusCode()).as(format + " " + r.body()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElse(""))
            .startsWith("application/problem+json");
        assertThat(r.body()).contains("NoResultsFound").contains("FREQ.REF_AREA.INDICATOR");
      }
      assertThat(json.readTree(notReadable.body()).path("detail"))
          .as("no existence leak")
          .isEqualTo(json.readTree(noSuch.body()).path("detail"));
      assertThat(notReadable.body()).doesNotContain(marker);
    }
    HttpResponse<String> unknownIndicator =
        server.get("/sdmx/data/DF_INDICATORS/M.KAZ.NO_SUCH_INDICATOR", rus);
    assertThat(unknownIndicator.statusCode()).isEqualTo(404);
    assertThat(unknownIndicator.body()).contains("NoResultsFound");
  }

  @Test
  void data_unknownFlowOrBadKey_isProblemJson() throws Exception {
    Map<String, String> h = server.as(AccessMatrixTest.user("KAZ-SC", Role.ANALYST));
    HttpResponse<String> r = server.get("/sdmx/data/NO_SUCH_FLOW/M.KAZ.X", h);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(r.body()).contains("NO_SUCH_FLOW").contains("DF_INDICATORS, CRIM_OFF_CAT");
    HttpResponse<String> bad = server.get("/sdmx/data/DF_INDICATORS/M.KAZ", h);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("expected 3 separated by '.' (FREQ.REF_AREA.INDICATOR)");
  }

  @Test
  void datastructure_crimeFlow_listsIccsDimensionAndCodes() throws Exception {
    HttpResponse<String> r = server.get("/sdmx/datastructure/VIGIL/DSD_CRIM_OFF_CAT/1.0", Map.of());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("<str:Dimension id=\"ICCS\" position=\"2\"")
        .contains("<str:Code id=\"ICCS0101\"")
        .contains("<str:Code id=\"KZ\"")
        .contains("<str:TimeDimension id=\"TIME_PERIOD\" position=\"5\"")
        .contains("<str:PrimaryMeasure id=\"OBS_VALUE\"");
    assertThat(server.get("/sdmx/datastructure/VIGIL/NOPE/1.0", Map.of()).statusCode())
        .isEqualTo(404);
  }
}

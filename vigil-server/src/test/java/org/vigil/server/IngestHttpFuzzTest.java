package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.store.StoreFixtures;
import org.vigil.store.TestClock;

/**
 * Generated uploads through the real HTTP ingest endpoint, in every format: each one is either
 * stored (201), recognised as already loaded (200) or refused with a 4xx problem; never a 5xx, and
 * after every refusal the database is byte-for-byte what it was. Files are assembled field by field
 * from valid and invalid tokens (seeded), so both paths run many times.
 */
class IngestHttpFuzzTest {
  private static final int INPUTS = 240;
  private static final TestClock clock = new TestClock(TestData.T0);
  private static TestServer server;

  private static final List<String> INDICATORS =
      List.of(TestData.INDICATOR, TestData.INDICATOR, "NO_SUCH", "", "test_crime", "'; DROP");
  private static final List<String> AREAS = List.of("KAZ", "KAZ", "RUS", "ZZZ", "", "kaz");
  private static final List<String> PERIODS =
      List.of("2024-01", "2024-02", "2024-13", "2024", "2024-Q1", "", "24-01", "2024-1");
  private static final List<String> VALUES =
      List.of("1", "2.5", "-3e2", "", "n/a", "1,5", "NaN", "1e99999", "\"7\"", "0x10");
  private static final List<String> FORMATS = List.of("long-csv", "json", "sdmx-csv", "owid");

  @BeforeAll
  static void start() {
    server = TestServer.start(TestData.open("http-fuzz", clock), ServerConfig.DEFAULT);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void upload_generatedFiles_neverFailOnTheServer_andRefusalsChangeNothing() throws Exception {
    SplittableRandom r = new SplittableRandom(20261129);
    Map<String, String> steward = server.as("kaz.steward");
    int stored = 0;
    int refused = 0;
    for (int i = 0; i < INPUTS; i++) {
      String format = FORMATS.get(i % FORMATS.size());
      String body = file(format, r);
      Map<String, String> h = new HashMap<>(steward);
      h.put("Content-Type", format.equals("json") ? "application/json" : "text/csv");
      String before = StoreFixtures.dump(server.vigil().dataSource());
      HttpResponse<String> resp =
          server.send(
              "POST",
              "/api/ingest?file=fuzz-" + i + "&format=" + format + owidOptions(format),
              body,
              h);
      int status = resp.statusCode();
      assertThat(status).as("input %d (%s):%n%s%n%s", i, format, body, resp.body()).isLessThan(500);
      if (status >= 400) {
        refused++;
        assertThat(resp.headers().firstValue("Content-Type").orElse(""))
            .startsWith("application/problem+json");
        assertThat(StoreFixtures.dump(server.vigil().dataSource()))
            .as("database after refused input %d: %s", i, resp.body())
            .isEqualTo(before);
      } else {
        stored++;
      }
    }
    assertThat(stored).as("stored inputs").isGreaterThan(INPUTS / 20);
    assertThat(refused).as("refused inputs").isGreaterThan(INPUTS / 4);
    assertThat(server.vigil().audit().verify(org.vigil.model.AccessContext.system()).valid())
        .isTrue();
  }

  private static String owidOptions(String format) {
    return format.equals("owid") ? "&column=Rate&indicator=" + TestData.INDICATOR : "";
  }

  private static String pick(List<String> tokens, SplittableRandom r) {
    // Mostly valid tokens, so that whole files are often valid too.
    return r.nextInt(4) == 0 ? tokens.get(r.nextInt(tokens.size())) : tokens.get(0);
  }

  private static String file(String format, SplittableRandom r) {
    int rows = 1 + r.nextInt(4);
    StringBuilder b = new StringBuilder();
    switch (format) {
      case "json" -> b.append('[');
      case "sdmx-csv" -> b.append("DATAFLOW,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE\n");
      case "owid" -> b.append("Entity,Code,Year,Rate\n");
      default -> b.append("indicator,area,period,value\n");
    }
    for (int k = 0; k < rows; k++) {
      String period = r.nextBoolean() ? pick(PERIODS, r) : "2023-" + (10 + r.nextInt(3));
      String value = pick(VALUES, r);
      switch (format) {
        case "json" ->
            b.append(k == 0 ? "" : ",")
                .append("{\"indicator\":\"")
                .append(pick(INDICATORS, r))
                .append("\",\"area\":\"")
                .append(pick(AREAS, r))
                .append("\",\"period\":\"")
                .append(period)
                .append("\",\"value\":")
                .append(value.isEmpty() ? "null" : value);
        case "sdmx-csv" ->
            b.append("VIGIL:X(1.0),M,")
                .append(pick(AREAS, r))
                .append(',')
                .append(pick(INDICATORS, r))
                .append(',')
                .append(period)
                .append(',')
                .append(value)
                .append('\n');
        case "owid" ->
            b.append(r.nextInt(4) == 0 ? "Atlantis" : "Kazakhstan")
                .append(",KAZ,")
                .append(r.nextInt(4) == 0 ? "19x" : String.valueOf(1990 + r.nextInt(30)))
                .append(',')
                .append(value)
                .append('\n');
        default ->
            b.append(pick(INDICATORS, r))
                .append(',')
                .append(pick(AREAS, r))
                .append(',')
                .append(period)
                .append(',')
                .append(value)
                .append('\n');
      }
      if (format.equals("json")) {
        b.append(r.nextInt(8) == 0 ? "" : "}");
      }
    }
    if (format.equals("json")) {
      b.append(r.nextInt(8) == 0 ? "" : "]");
    }
    return b.toString();
  }
}

package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.model.AccessContext;
import org.vigil.model.AuditEntry;
import org.vigil.store.TestClock;

/**
 * POST /api/texts/train through the real server on a file database (issue 11): who may retrain, the
 * scores, that later ingests through the running server use the new model, and that a bad file
 * changes nothing.
 */
class TextTrainApiTest {
  static final TestClock clock = new TestClock(TestData.T0);
  @TempDir static Path dir;
  static TestServer server;
  static Path model;

  @BeforeAll
  static void start() {
    Path db = dir.resolve("db/vigil").toAbsolutePath();
    model = dir.resolve("db/vigil-domain-model.json");
    Vigil vigil =
        Vigil.open(
            VigilConfig.h2InMemory("train").withDbUrl("jdbc:h2:file:" + db).withClock(clock));
    TestData.load(vigil, clock);
    server = TestServer.start(vigil, ServerConfig.builder().requestsPerMinute(0).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Texts that teach "smurfing" (a word the lexicon does not know) as ORGANISED_CRIME. */
  private static String labelled() {
    StringBuilder csv = new StringBuilder("text,domains\n");
    String[] places = {"Osh", "Almaty", "Khujand", "Minsk", "Baku", "Gomel", "Omsk", "Aktobe"};
    for (String place : places) {
      csv.append("\"Investigators in ")
          .append(place)
          .append(
              " uncovered a smurfing scheme of couriers, who split cash into small deposits.\",")
          .append("ORGANISED_CRIME\n")
          .append("The river flooded villages near ")
          .append(place)
          .append(" after heavy rain,WATER\n")
          .append("Inflation in ")
          .append(place)
          .append(" rose as prices climbed,ECONOMIC\n");
    }
    return csv.toString();
  }

  private static HttpResponse<String> train(String query, String csv, String user)
      throws Exception {
    Map<String, String> h = new HashMap<>(server.as(user));
    h.put("Content-Type", "text/csv");
    return server.send("POST", "/api/texts/train" + query, csv, h);
  }

  /** Ingests one PUBLIC text as kaz.steward and returns the domains it was coded with. */
  private static List<String> ingestedDomains(String title, String text) throws Exception {
    String body =
        "{\"classification\":\"PUBLIC\",\"files\":[{\"name\":\"n.jsonl\",\"content\":"
            + JsonMapping.MAPPER.valueToTree(
                "{\"title\":\""
                    + title
                    + "\",\"text\":\""
                    + text
                    + "\",\"published\":\"2025-04-01\"}")
            + "}]}";
    HttpResponse<String> r = server.send("POST", "/api/texts", body, server.as("kaz.steward"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    long id = JsonMapping.MAPPER.readTree(r.body()).path("ids").get(0).asLong();
    JsonNode shown =
        JsonMapping.MAPPER.readTree(
            server.get("/api/texts/" + id, server.as("kaz.analyst")).body());
    return JsonMapping.MAPPER.convertValue(shown.path("domains"), List.class);
  }

  @Test
  void train_bySystemAdmin_scoresKeepsAndLaterIngestsUseTheModel_othersAre403() throws Exception {
    HttpResponse<String> denied = train("", labelled(), "kaz.analyst");
    assertThat(denied.statusCode()).as(denied.body()).isEqualTo(403);
    assertThat(denied.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(train("", labelled(), "kaz.admin").statusCode()).isEqualTo(403);
    assertThat(server.send("POST", "/api/texts/train", labelled(), Map.of()).statusCode())
        .isEqualTo(401);
    assertThat(model).doesNotExist();
    assertThat(ingestedDomains("Cash couriers", "A smurfing scheme of couriers in Bishkek."))
        .doesNotContain("ORGANISED_CRIME");

    HttpResponse<String> r = train("?folds=4&seed=7", labelled(), "sys.admin");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode s = JsonMapping.MAPPER.readTree(r.body());
    assertThat(s.path("texts").asInt()).isEqualTo(24);
    assertThat(s.path("folds").asInt()).isEqualTo(4);
    assertThat(s.path("seed").asLong()).isEqualTo(7);
    assertThat(s.path("kept").asBoolean()).isTrue();
    assertThat(s.path("microF1").asDouble()).isGreaterThan(s.path("lexiconMicroF1").asDouble());
    assertThat(s.path("exactMatch").asDouble()).isBetween(0.0, 1.0);
    assertThat(r.body()).doesNotContain(dir.toString());
    assertThat(model).exists();

    assertThat(
            ingestedDomains(
                "Cash mules",
                "Police in Tashkent described smurfing: couriers split cash into deposits at many"
                    + " banks."))
        .contains("ORGANISED_CRIME");
    List<AuditEntry> audited =
        server.vigil().audit().entries(AccessContext.system(), 0, 10_000).stream()
            .filter(e -> e.action().equals("texts.train"))
            .toList();
    assertThat(audited).hasSize(1);
    assertThat(audited.get(0).user()).isEqualTo("sys.admin");
    assertThat(audited.get(0).detail())
        .contains("24 text(s), 4 folds, seed 7")
        .contains("micro F1");
  }

  @Test
  void train_badCsv_is400NamingTheLine_andLeavesTheModelAlone() throws Exception {
    byte[] before = Files.exists(model) ? Files.readAllBytes(model) : null;
    HttpResponse<String> bad = train("", "text,domains\nSome text,PIRACY\n", "sys.admin");
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    assertThat(bad.body()).contains("request body line 2: unknown domain 'PIRACY'");
    HttpResponse<String> json =
        server.send("POST", "/api/texts/train", "{}", server.as("sys.admin"));
    assertThat(json.statusCode()).isEqualTo(400);
    assertThat(json.body()).contains("text/csv");
    assertThat(train("?folds=1", labelled(), "sys.admin").statusCode()).isEqualTo(400);
    HttpResponse<String> few = train("?folds=20", labelled(), "sys.admin");
    assertThat(few.statusCode()).as(few.body()).isEqualTo(422);
    if (before == null) {
      assertThat(model).doesNotExist();
    } else {
      assertThat(Files.readAllBytes(model)).isEqualTo(before);
    }
  }

  @Test
  void train_isInTheOpenApiDocument() throws Exception {
    JsonNode api = JsonMapping.MAPPER.readTree(server.get("/api/openapi.json").body());
    JsonNode op = api.path("paths").path("/api/texts/train").path("post");
    assertThat(op.path("requestBody").path("content").has("text/csv")).isTrue();
    assertThat(op.path("responses").has("403")).isTrue();
  }
}

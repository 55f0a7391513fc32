package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.store.TestClock;

/** Texts through the real server (issue 11): ingest, search with access, one text, errors. */
class TextApiTest {
  static final TestClock clock = new TestClock(TestData.T0);
  static TestServer server;

  @BeforeAll
  static void start() {
    Vigil vigil = Vigil.open(VigilConfig.h2InMemory("texts-api").withClock(clock));
    TestData.load(vigil, clock);
    server = TestServer.start(vigil, ServerConfig.builder().requestsPerMinute(0).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String files(String classification, String name, String content) {
    return "{\"classification\":\""
        + classification
        + "\",\"files\":[{\"name\":\""
        + name
        + "\",\"content\":"
        + JsonMapping.MAPPER.valueToTree(content)
        + "}]}";
  }

  @Test
  void ingestSearchShow_respectOwnershipAndRemoveNames() throws Exception {
    Map<String, String> kaz = server.as("kaz.steward");
    HttpResponse<String> r =
        server.send(
            "POST",
            "/api/texts",
            files(
                "NATIONAL",
                "a.jsonl",
                "{\"title\":\"Граница\",\"text\":\"Пограничники Таджикистана задержали"
                    + " контрабандистов. Министр Иван Петрович Сидоров заявил об"
                    + " этом.\",\"published\":\"2025-03-01\"}"),
            kaz);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    HttpResponse<String> again =
        server.send(
            "POST",
            "/api/texts",
            files(
                "NATIONAL",
                "a.jsonl",
                "{\"title\":\"Граница\",\"text\":\"Пограничники Таджикистана задержали"
                    + " контрабандистов. Министр Иван Петрович Сидоров заявил об"
                    + " этом.\",\"published\":\"2025-03-01\"}"),
            kaz);
    assertThat(JsonMapping.MAPPER.readTree(again.body()).path("alreadyStored").asInt()).isOne();

    JsonNode own =
        JsonMapping.MAPPER.readTree(
            server
                .get(
                    "/api/texts?q=%D0%B2%20%D0%A2%D0%B0%D0%B4%D0%B6%D0%B8%D0%BA%D0%B8%D1%81%D1%82%D0%B0%D0%BD%D0%B5",
                    server.as("kaz.analyst"))
                .body());
    assertThat(own.path("total").asInt()).isEqualTo(1);
    long id = own.path("items").get(0).path("id").asLong();
    String q = "/api/texts?q=%D0%A2%D0%B0%D0%B4%D0%B6%D0%B8%D0%BA%D0%B8%D1%81%D1%82%D0%B0%D0%BD";
    assertThat(
            JsonMapping.MAPPER
                .readTree(server.get(q, server.as("kaz.analyst")).body())
                .path("total")
                .asInt())
        .isEqualTo(1);
    HttpResponse<String> rus = server.get(q, server.as("rus.analyst"));
    assertThat(JsonMapping.MAPPER.readTree(rus.body()).path("total").asInt()).isZero();
    assertThat(rus.body()).doesNotContain("Таджикистана");
    assertThat(server.get("/api/texts/" + id, server.as("rus.analyst")).statusCode())
        .isEqualTo(404);
    HttpResponse<String> anonymous =
        server.get("/api/texts?q=%D0%B3%D1%80%D0%B0%D0%BD%D0%B8%D1%86%D0%B0");
    assertThat(anonymous.body()).doesNotContain("Таджикистана");
    HttpResponse<String> show = server.get("/api/texts/" + id, server.as("kaz.analyst"));
    assertThat(show.statusCode()).isEqualTo(200);
    JsonNode doc = JsonMapping.MAPPER.readTree(show.body());
    assertThat(doc.path("states").toString()).contains("TJK");
    assertThat(doc.path("extraction").path("places").size()).isPositive();
    assertThat(show.body()).doesNotContain("Сидоров");
  }

  @Test
  void badInput_is422NamingFileLineAndField_andWritesNeedAStewardOfTheOwner() throws Exception {
    HttpResponse<String> bad =
        server.send(
            "POST",
            "/api/texts",
            files(
                "PUBLIC",
                "b.jsonl",
                "{\"title\":\"t\",\"text\":\"Police.\",\"published\":\"soon\"}"),
            server.as("kaz.steward"));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("b.jsonl line 1, field published");
    HttpResponse<String> denied =
        server.send(
            "POST",
            "/api/texts",
            files("PUBLIC", "c.txt", "Title\nPolice in Almaty."),
            server.as("kaz.analyst"));
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(server.get("/api/texts/abc", server.as("kaz.analyst")).statusCode()).isEqualTo(400);
  }

  @Test
  void train_onAnInMemoryServer_is422SayingThereIsNowhereToKeepTheModel() throws Exception {
    Map<String, String> h = new java.util.HashMap<>(server.as("sys.admin"));
    h.put("Content-Type", "text/csv");
    HttpResponse<String> r =
        server.send("POST", "/api/texts/train", "text,domains\nFlood,WATER\n", h);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    assertThat(r.body()).contains("nowhere to keep the model");
  }
}

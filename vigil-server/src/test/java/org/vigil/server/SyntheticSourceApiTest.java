package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.demo.DemoTexts;
import org.vigil.app.text.TextService;
import org.vigil.model.AccessContext;
import org.vigil.model.Classification;
import org.vigil.model.DemoSource;
import org.vigil.model.Document;
import org.vigil.model.Event;
import org.vigil.model.Ownership;
import org.vigil.model.ThreatDomain;
import org.vigil.store.TestClock;

/**
 * Texts, documents and events say whether they are synthetic, by the one rule of {@link
 * DemoSource#synthetic}: the demo corpus's texts and the demo generator's events and documents
 * carry {@code "synthetic": true} and the key of their source's label; an ingested real text and
 * the real events and documents carry false and no key.
 */
class SyntheticSourceApiTest {
  static final TestClock clock = new TestClock(TestData.T0);
  static TestServer server;

  @BeforeAll
  static void start() {
    Vigil vigil = Vigil.open(VigilConfig.h2InMemory("synthetic-source-api").withClock(clock));
    TestData.load(vigil, clock);
    AccessContext sys = AccessContext.system();
    Ownership pub = Ownership.of("KAZ-SC", Classification.PUBLIC);
    // Three texts of the demo corpus itself, stored through the text pipeline as `demo` does.
    try (TextService texts = TextService.open(vigil)) {
      texts.ingest(
          sys,
          DemoTexts.corpus(YearMonth.of(2024, 12)).stream()
              .limit(3)
              .map(DemoTexts.OwnedText::text)
              .toList(),
          pub);
    }
    vigil
        .events()
        .addEvent(
            sys,
            new Event(
                0,
                LocalDate.of(2024, 3, 5),
                "KAZ",
                Double.NaN,
                Double.NaN,
                "SEIZE",
                List.of("drugs"),
                List.of("police"),
                0,
                ThreatDomain.DRUG_TRAFFICKING,
                "Synthetic demo event: a seizure.",
                DemoSource.GENERATOR.text(),
                pub));
    vigil
        .events()
        .addDocument(
            sys,
            new Document(
                0,
                DemoSource.GENERATOR.text(),
                "",
                "en",
                LocalDate.of(2024, 3, 6),
                "Synthetic bulletin",
                "SYNTHETIC DEMO TEXT. A seizure.",
                Set.of(ThreatDomain.DRUG_TRAFFICKING),
                Set.of("KAZ"),
                pub));
    server = TestServer.start(vigil, ServerConfig.builder().requestsPerMinute(0).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode json(String path, Map<String, String> who) throws Exception {
    HttpResponse<String> r = server.get(path, who);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JsonMapping.MAPPER.readTree(r.body());
  }

  @Test
  void texts_demoCorpusTextIsSyntheticWithItsLabelKey_ingestedRealTextIsNot() throws Exception {
    Map<String, String> steward = server.as("kaz.steward");
    HttpResponse<String> posted =
        server.send(
            "POST",
            "/api/texts",
            "{\"classification\":\"PUBLIC\",\"files\":[{\"name\":\"kazinform.jsonl\",\"content\":"
                + JsonMapping.MAPPER.valueToTree(
                    "{\"title\":\"Border guards report\",\"text\":\"Border guards of Kazakhstan"
                        + " stopped a smuggling attempt.\",\"published\":\"2024-05-01\","
                        + "\"source\":\"Kazinform\"}")
                + "}]}",
            steward);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    long realId = JsonMapping.MAPPER.readTree(posted.body()).path("ids").get(0).asLong();

    JsonNode all = json("/api/texts?limit=100", server.as("kaz.analyst"));
    JsonNode demo = null;
    JsonNode real = null;
    for (JsonNode t : all.path("items")) {
      if (t.path("id").asLong() == realId) {
        real = t;
      } else if (t.path("source").asText().equals(DemoTexts.SOURCE)) {
        demo = t;
      }
      expectFlagOfItsSource(t);
    }
    assertThat(demo).as("a text of the demo corpus").isNotNull();
    assertThat(real).as("the ingested text").isNotNull();
    assertThat(demo.path("synthetic").isBoolean()).isTrue();
    assertThat(demo.path("synthetic").asBoolean()).isTrue();
    assertThat(demo.path("sourceKey").asText()).isEqualTo("source.demoCorpus");
    assertThat(real.path("source").asText()).isEqualTo("Kazinform");
    assertThat(real.path("synthetic").isBoolean()).isTrue();
    assertThat(real.path("synthetic").asBoolean()).isFalse();
    assertThat(real.path("sourceKey").isNull()).isTrue();

    JsonNode oneDemo = json("/api/texts/" + demo.path("id").asLong(), server.as("kaz.analyst"));
    assertThat(oneDemo.path("synthetic").asBoolean()).isTrue();
    assertThat(oneDemo.path("sourceKey").asText()).isEqualTo("source.demoCorpus");
    JsonNode oneReal = json("/api/texts/" + realId, server.as("kaz.analyst"));
    assertThat(oneReal.path("synthetic").asBoolean()).isFalse();
    assertThat(oneReal.path("sourceKey").isNull()).isTrue();
  }

  @Test
  void eventsAndDocuments_carryTheFlagFromTheirSource() throws Exception {
    JsonNode events = json("/api/events?limit=100", server.as("kaz.analyst"));
    assertThat(events.path("items").findValuesAsText("source"))
        .contains(DemoSource.GENERATOR.text(), "test");
    events.path("items").forEach(SyntheticSourceApiTest::expectFlagOfItsSource);

    JsonNode docs = json("/api/documents?limit=100", server.as("kaz.analyst"));
    assertThat(docs.path("items").findValuesAsText("source"))
        .contains(DemoSource.GENERATOR.text(), DemoSource.CORPUS.text(), "test");
    docs.path("items").forEach(SyntheticSourceApiTest::expectFlagOfItsSource);
  }

  /** The demo's two sources are synthetic with their label's key; the test data's are real. */
  private static void expectFlagOfItsSource(JsonNode item) {
    Map<String, String> keys =
        Map.of(
            DemoSource.GENERATOR.text(),
            "source.demoGenerator",
            DemoSource.CORPUS.text(),
            "source.demoCorpus",
            "test",
            "",
            "Kazinform",
            "");
    String source = item.path("source").asText();
    assertThat(keys).as(item.toString()).containsKey(source);
    String key = keys.get(source);
    assertThat(item.path("synthetic").isBoolean()).as(item.toString()).isTrue();
    assertThat(item.path("synthetic").asBoolean()).as(item.toString()).isEqualTo(!key.isEmpty());
    assertThat(item.has("sourceKey")).as(item.toString()).isTrue();
    assertThat(item.path("sourceKey").asText("")).as(item.toString()).isEqualTo(key);
  }

  @Test
  void labelKeys_existInEnglishAndRussian() throws Exception {
    for (String lang : List.of("en", "ru")) {
      JsonNode dict = json("/api/i18n/" + lang, Map.of());
      for (DemoSource s : DemoSource.values()) {
        assertThat(dict.path(s.labelKey()).asText()).as(lang + " " + s).isNotBlank();
      }
      assertThat(dict.path("source.demoCorpus").asText())
          .as(lang)
          .doesNotContain(DemoSource.CORPUS.text());
    }
  }
}

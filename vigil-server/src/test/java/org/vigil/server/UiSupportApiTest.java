package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.store.TestClock;

/**
 * The routes the web UI opens on: translations, the caller's state and capabilities, a state's
 * readable series, the submission history, and sharing agreements, on a real server.
 */
class UiSupportApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static TestServer server;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            TestData.open("ui-support", new TestClock(TestData.T0)), ServerConfig.DEFAULT);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode ok(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
    return JSON.readTree(r.body());
  }

  @Test
  void i18n_bothLanguages_sameKeys_publicAndUnknownIs400() throws Exception {
    JsonNode en = ok(server.get("/api/i18n/en"));
    JsonNode ru = ok(server.get("/api/i18n/ru"));
    assertThat(ru.get("nav.dashboard").asText()).isEqualTo("Обзор");
    assertThat(en.get("domain.TERRORISM").asText()).isEqualTo("Terrorism");
    List<String> enKeys = new ArrayList<>();
    en.fieldNames().forEachRemaining(enKeys::add);
    List<String> ruKeys = new ArrayList<>();
    ru.fieldNames().forEachRemaining(ruKeys::add);
    assertThat(ruKeys).isEqualTo(enKeys);

    HttpResponse<String> de = server.get("/api/i18n/de");
    assertThat(de.statusCode()).isEqualTo(400);
    assertThat(de.body()).contains("en, ru").contains("'de'");
  }

  /**
   * The texts page's event-category filter and a text's coded events name every category and mode
   * in the page's language: Russian words on Russian pages, English nouns (not PLOVER's verbs) on
   * English ones; the page's list of categories is the text engine's.
   */
  @Test
  void i18n_everyPloverCategoryAndMode_hasARussianAndAReadableEnglishLabel() throws Exception {
    JsonNode en = ok(server.get("/api/i18n/en"));
    JsonNode ru = ok(server.get("/api/i18n/ru"));
    java.util.Set<String> verbs =
        java.util.Set.of(
            "AGREE",
            "CONSULT",
            "CONCEDE",
            "COOPERATE",
            "ACCUSE",
            "REJECT",
            "THREATEN",
            "MOBILIZE",
            "COERCE",
            "DISAPPROVE",
            "INVESTIGATE",
            "FIGHT",
            "SEIZE",
            "MOVE");
    for (String c : org.vigil.text.PloverTrigger.CATEGORIES) {
      String english = en.path("plover." + c).asText("");
      assertThat(english).as(c).matches("[A-Z][a-z]+( [a-z]+)*");
      if (verbs.contains(c)) {
        assertThat(english.toUpperCase(java.util.Locale.ROOT)).as(c).isNotEqualTo(c);
      }
      assertThat(ru.path("plover." + c).asText("")).as(c).matches("[А-ЯЁ][а-яё]+( [а-яё]+)*");
    }
    assertThat(en.get("plover.COERCE").asText()).isEqualTo("Coercion");
    List<String> modes = new ArrayList<>();
    try (var in =
        org.vigil.text.PloverTrigger.class.getResourceAsStream("/org/vigil/text/plover.tsv")) {
      new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.startsWith("#") && l.split("\t")[0].contains(":"))
          .forEach(l -> modes.add(l.split("\t")[0].split(":")[1]));
    }
    assertThat(modes).contains("arrest", "strike-hun");
    for (String m : modes) {
      assertThat(en.path("plover.mode." + m).asText("")).as(m).matches("[a-z]+( [a-z]+)*");
      assertThat(ru.path("plover.mode." + m).asText("")).as(m).matches("[а-яё]+( [а-яё]+)*");
    }
    String page;
    try (var in = UiSupportApiTest.class.getResourceAsStream("/web/js/domains.js")) {
      page = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    String list = page.substring(page.indexOf("PLOVER_CATEGORIES = ["));
    List<String> listed = new ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("'([A-Z]+)'").matcher(list.substring(0, list.indexOf(']')));
    while (m.find()) {
      listed.add(m.group(1));
    }
    assertThat(listed).containsExactlyInAnyOrderElementsOf(org.vigil.text.PloverTrigger.CATEGORIES);
  }

  @Test
  void me_namesTheUsersState_andWhatTheRoleMayDo() throws Exception {
    JsonNode analyst = ok(server.get("/api/auth/me", server.as("kaz.analyst")));
    assertThat(analyst.get("area").asText()).isEqualTo("KAZ");
    // An analyst of a member organisation may run water scenarios, and nothing else of the list.
    assertThat(analyst.get("can").toString()).isEqualTo("[\"water.run\"]");
    JsonNode steward = ok(server.get("/api/auth/me", server.as("kaz.steward")));
    assertThat(steward.get("can").toString()).contains("data.upload").doesNotContain("users");
    JsonNode admin = ok(server.get("/api/auth/me", server.as("kaz.admin")));
    assertThat(admin.get("can").toString())
        .contains("users.manage")
        .contains("sharing.manage")
        .doesNotContain("audit.verify");
    JsonNode sys = ok(server.get("/api/auth/me", server.as("sys.admin")));
    assertThat(sys.get("can").toString()).contains("audit.verify");
  }

  @Test
  void areaLatest_showsOnlyReadableValues_newestSeriesFirst() throws Exception {
    JsonNode kazOnRus = ok(server.get("/api/areas/RUS/latest", server.as("kaz.analyst")));
    JsonNode series = kazOnRus.get("series").get(0);
    assertThat(series.get("indicator").asText()).isEqualTo(TestData.INDICATOR);
    // KAZ-SC reads RUS's PUBLIC, SHARED and RESTRICTED-to-KAZ values, never the NATIONAL ones.
    assertThat(series.get("latest").asText()).isEqualTo("2023-12");
    assertThat(series.get("observations").asInt()).isEqualTo(3);
    assertThat(kazOnRus.toString()).doesNotContain("\"value\":100.0", "\"value\":300.0");

    JsonNode rusOnRus = ok(server.get("/api/areas/RUS/latest", server.as("rus.analyst")));
    assertThat(rusOnRus.get("series").get(0).get("latest").asText()).isEqualTo("2024-03");
    assertThat(rusOnRus.get("series").get(0).get("value").asDouble()).isEqualTo(300.0);

    JsonNode kaz = ok(server.get("/api/areas/KAZ/latest", server.as("kaz.analyst")));
    JsonNode recent = kaz.get("series").get(0).get("recent");
    assertThat(recent.get(0).get("period").asText()).isEqualTo("2024-01");
    assertThat(recent.get(1).get("value").asDouble()).isEqualTo(25.0); // the revision

    assertThat(server.get("/api/areas/XXX/latest", server.as("kaz.analyst")).statusCode())
        .isEqualTo(404);
  }

  @Test
  void batches_ownOrganisationOnly_systemAdminSeesAll() throws Exception {
    HttpResponse<String> up =
        server.send(
            "POST",
            "/api/ingest?file=kaz-3.csv&format=long-csv",
            "indicator,area,period,value\n" + TestData.INDICATOR + ",KAZ,2024-04,40\n",
            Map.of(
                "Content-Type",
                "text/csv",
                "Authorization",
                server.as("kaz.steward").get("Authorization")));
    assertThat(up.statusCode()).as(up.body()).isEqualTo(201);

    JsonNode kaz = ok(server.get("/api/batches", server.as("kaz.analyst")));
    assertThat(kaz.get("total").asInt()).isEqualTo(1);
    JsonNode b = kaz.get("items").get(0);
    assertThat(b.get("organisation").asText()).isEqualTo("KAZ-SC");
    assertThat(b.get("sourceFile").asText()).isEqualTo("kaz-3.csv");
    assertThat(b.get("user").asText()).isEqualTo("kaz.steward");
    assertThat(b.get("rowsAdded").asInt()).isEqualTo(1);

    assertThat(ok(server.get("/api/batches", server.as("rus.analyst"))).get("total").asInt())
        .isZero();
    JsonNode all = ok(server.get("/api/batches", server.as("sys.admin")));
    assertThat(all.get("total").asInt()).isGreaterThan(1);
    JsonNode onlyKaz = ok(server.get("/api/batches?organisation=kaz-sc", server.as("sys.admin")));
    assertThat(onlyKaz.get("total").asInt()).isEqualTo(1);
    assertThat(server.get("/api/batches").statusCode()).isEqualTo(401);
  }

  @Test
  void sharing_adminGrantsAndRevokes_othersMayNot_andTheGranteeThenReads() throws Exception {
    Map<String, String> admin = server.as("rus.admin");
    Map<String, String> analyst = server.as("rus.analyst");
    String body = "{\"grantee\":\"KAZ-SC\",\"classification\":\"NATIONAL\",\"domains\":[]}";

    HttpResponse<String> denied = server.send("POST", "/api/sharing", body, analyst);
    assertThat(denied.statusCode()).as(denied.body()).isEqualTo(403);
    HttpResponse<String> bad =
        server.send(
            "POST",
            "/api/sharing",
            "{\"grantee\":\"KAZ-SC\",\"classification\":\"NATIONAL\",\"domains\":[\"SPACE\"]}",
            admin);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("'domains'").contains("SPACE");
    assertThat(ok(server.get("/api/sharing", admin))).isEmpty();

    JsonNode made = ok(server.send("POST", "/api/sharing", body, admin));
    assertThat(made.get("grantor").asText()).isEqualTo("RUS-SC");
    assertThat(made.get("domains")).hasSize(11);
    JsonNode seenByGrantee = ok(server.get("/api/sharing", server.as("kaz.analyst")));
    assertThat(seenByGrantee).hasSize(1);
    JsonNode kazOnRus = ok(server.get("/api/areas/RUS/latest", server.as("kaz.analyst")));
    assertThat(kazOnRus.get("series").get(0).get("latest").asText()).isEqualTo("2024-03");

    HttpResponse<String> revokeDenied =
        server.send("DELETE", "/api/sharing/RUS-SC/KAZ-SC/NATIONAL", null, server.as("kaz.admin"));
    assertThat(revokeDenied.statusCode()).isEqualTo(403);
    HttpResponse<String> revoked =
        server.send("DELETE", "/api/sharing/RUS-SC/KAZ-SC/NATIONAL", null, admin);
    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
    assertThat(ok(server.get("/api/sharing", admin))).isEmpty();
    JsonNode after = ok(server.get("/api/areas/RUS/latest", server.as("kaz.analyst")));
    assertThat(after.get("series").get(0).get("latest").asText()).isEqualTo("2023-12");
  }
}

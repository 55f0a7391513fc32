package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.analytics.AnalyticRunner;
import org.vigil.app.auth.AuthService;
import org.vigil.app.auth.PasswordHasher;
import org.vigil.app.demo.DemoData;
import org.vigil.app.demo.DemoUser;
import org.vigil.app.report.ReportRequest;
import org.vigil.app.report.ReportService;
import org.vigil.model.AccessContext;
import org.vigil.model.User;
import org.vigil.model.run.AnalyticRun;
import org.vigil.report.IndicatorRow;
import org.vigil.report.PriorityRow;
import org.vigil.report.ReportLanguage;
import org.vigil.report.RiskRow;
import org.vigil.report.Section;
import org.vigil.report.SituationReport;
import org.vigil.server.ServerConfig;
import org.vigil.server.VigilServer;
import org.vigil.timeseries.Period;

/**
 * One number for everyone (issue 10, acceptance): on the demo after one analytic run, readers x
 * surfaces (HTTP API, CLI, report) x horizons show the same score for the same state, domain and
 * period wherever the reader may see it, and every figure states what it covers.
 */
class OneNumberAcceptanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> READERS = List.of("admin", "kaz.analyst", "rus.viewer");
  private static final List<Integer> HORIZONS = List.of(1, 6, 12);
  private static Vigil vigil;
  private static VigilServer server;
  private static String dbUrl;
  private static Period period;
  private static final Map<String, String> TOKENS = new LinkedHashMap<>();
  private static final Map<String, AccessContext> CONTEXTS = new LinkedHashMap<>();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dir;

  /**
   * The demo, one full run and a token per reader, in a file database: the CLI opens and closes it
   * per command (closing shuts H2 down), so the server opens it only after the CLI calls.
   */
  @BeforeAll
  static void open() {
    dbUrl = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
    vigil = Vigil.open(VigilConfig.of(dbUrl, "", ""));
    DemoData.load(vigil);
    AnalyticRun run = new AnalyticRunner(vigil).run("test", true, AnalyticRunner.Progress.NONE);
    period = Period.parse(run.period().orElseThrow());
    AuthService auth =
        new AuthService(
            vigil.users(), vigil.tokens(), vigil.audit(), vigil.clock(), new SecureRandom());
    String hash = new PasswordHasher(1024, 1).hash("acceptance-test-password-1");
    for (DemoUser u : DemoData.users()) {
      if (READERS.contains(u.username())) {
        vigil
            .users()
            .save(
                AccessContext.system(),
                new User(u.username(), u.organisation(), u.role(), hash, true));
        AccessContext ctx = AccessContext.of(u.username(), u.organisation(), u.role());
        CONTEXTS.put(u.username(), ctx);
        TOKENS.put(u.username(), auth.createToken(ctx, "acceptance", Duration.ofHours(1)).secret());
      }
    }
    assertThat(TOKENS).hasSize(READERS.size());
    vigil.close();
  }

  @AfterAll
  static void close() {
    if (server != null) {
      server.stop();
    }
    if (vigil != null) {
      vigil.close();
    }
  }

  private static JsonNode api(String reader, String path) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + TOKENS.get(reader))
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + " as " + reader + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** stdout (JSON) and stderr of one CLI command as the reader. */
  private static String[] cli(String reader, String... args) {
    List<String> all =
        new ArrayList<>(List.of("--db", dbUrl, "--token", TOKENS.get(reader), "--format", "json"));
    all.addAll(List.of(args));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        VigilCommand.execute(
            all.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(String.join(" ", all) + ": " + err).isZero();
    return new String[] {
      out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)
    };
  }

  private static String key(JsonNode s) {
    return s.get("area").asText()
        + "|"
        + s.get("domain").asText()
        + "|"
        + s.get("period").asText()
        + "|"
        + s.get("horizon").asInt();
  }

  /** Records a score seen on a surface; the first sighting fixes the number for everyone. */
  private static void see(
      Map<String, Double> seen, Map<String, String> where, String key, double v, String surface) {
    Double before = seen.putIfAbsent(key, v);
    if (before == null) {
      where.put(key, surface);
    } else {
      assertThat(v)
          .as(key + " on " + surface + " vs " + where.get(key))
          .isCloseTo(before, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  private static void seeText(Map<String, String> seen, String key, String v, String surface) {
    String before = seen.putIfAbsent(key, v);
    if (before != null) {
      assertThat(v).as("what the composite of " + key + " covers, on " + surface).isEqualTo(before);
    }
  }

  @Test
  void sameScore_readersTimesSurfacesTimesHorizons() throws Exception {
    Map<String, Double> domainScores = new HashMap<>();
    Map<String, String> where = new HashMap<>();
    Map<String, Double> cliComposites = new HashMap<>();
    Map<String, String> cliWhere = new HashMap<>();
    Map<String, String> covers = new HashMap<>();
    int sightings = 0;
    // The CLI first (each command opens and closes the database).
    for (String reader : READERS) {
      for (int h : HORIZONS) {
        String[] cli = cli(reader, "risk", "--view", "domains", "--horizon", Integer.toString(h));
        assertThat(cli[1]).containsPattern("covers \\d+ of \\d+ states");
        for (JsonNode s : JSON.readTree(cli[0])) {
          if (!s.get("score").isNull()) {
            see(domainScores, where, key(s), s.get("score").asDouble(), "CLI " + reader + " h" + h);
            sightings++;
          }
        }
      }
      // The CLI's default view: each state's published composite with the domains it covers.
      String[] comp = cli(reader, "risk", "--horizon", "1");
      assertThat(comp[1]).containsPattern("covers \\d+ of \\d+ states");
      for (JsonNode c : JSON.readTree(comp[0])) {
        assertThat(c.get("covers").asText()).matches("\\d+ of \\d+ domains");
        if (c.get("horizon").asInt() == 0) {
          // Every composite, whatever it covers: it averages the domains every member may read,
          // so readers who see different domains of a state still get the same composite.
          String k = c.get("area").asText() + "|" + c.get("period").asText();
          see(cliComposites, cliWhere, k, c.get("composite").asDouble(), "CLI " + reader);
          seeText(covers, k, c.get("covers").asText(), "CLI " + reader);
        }
      }
      String[] cliPri = cli(reader, "priorities");
      assertThat(cliPri[1]).containsPattern("covers \\d+ of \\d+ states");
      for (JsonNode p : JSON.readTree(cliPri[0])) {
        String k = p.get("area").asText() + "|" + p.get("domain").asText() + "|" + period + "|0";
        see(domainScores, where, k, p.get("score").asDouble(), "CLI priorities " + reader);
      }
    }
    vigil = Vigil.open(VigilConfig.of(dbUrl, "", ""));
    server = VigilServer.start(vigil, ServerConfig.DEFAULT);
    Map<String, Double> composites = new HashMap<>();
    Map<String, String> compositeWhere = new HashMap<>();
    int reportChecks = 0;
    int fuller = 0;
    for (String reader : READERS) {
      Map<String, Double> readerComposites = new HashMap<>();
      for (int h : HORIZONS) {
        JsonNode api = api(reader, "/api/analytics/risk?horizon=" + h);
        assertThat(api.get("coverage").get("text").asText())
            .matches("\\d+ of \\d+ states, methodology vigil-default .*");
        java.util.Set<String> shown = new java.util.TreeSet<>();
        for (JsonNode s : api.get("scores")) {
          if (!s.get("score").isNull()) {
            see(domainScores, where, key(s), s.get("score").asDouble(), "API " + reader + " h" + h);
            sightings++;
            if (s.get("horizon").asInt() == 0
                && s.get("period").asText().equals(period.toString())) {
              shown.add(s.get("area").asText());
            }
          }
        }
        // The label counts exactly the states whose figures the reader gets: never a silent subset.
        assertThat(api.get("coverage").get("statesShown").asInt())
            .as("states shown to " + reader + ": " + shown)
            .isEqualTo(shown.size());
        assertThat(api.get("coverage").get("text").asText())
            .startsWith(shown.size() + " of " + api.get("coverage").get("statesTotal").asInt());
        for (JsonNode c : api.get("composites")) {
          assertThat(c.get("covers").asText()).matches("\\d+ of \\d+ domains");
          String k = c.get("area").asText() + "|" + c.get("period").asText();
          if (c.get("horizon").asInt() == 0) {
            see(composites, compositeWhere, k, c.get("score").asDouble(), "API " + reader);
            seeText(covers, k, c.get("covers").asText(), "API " + reader);
            readerComposites.put(k, c.get("score").asDouble());
          }
          if (c.has("withRestricted")) {
            // The reader's fuller figure is a second, labelled number with more domains.
            assertThat(c.get("withRestricted").get("domains").asInt())
                .as("domains of the fuller figure of " + k + " for " + reader)
                .isGreaterThan(c.get("domains").asInt());
            fuller++;
          }
        }
      }
      // The web UI's data calls, exactly as the pages make them (dashboard: horizon=0; state
      // profile: horizon=1; risk page: no parameters): the pages show these composites as they
      // come.
      for (String ui :
          List.of(
              "/api/analytics/risk?horizon=0",
              "/api/analytics/risk?horizon=1",
              "/api/analytics/risk")) {
        JsonNode page = api(reader, ui);
        assertThat(page.get("coverage").get("run").asLong()).as(ui).isPositive();
        for (JsonNode s : page.get("scores")) {
          if (!s.get("score").isNull()) {
            see(domainScores, where, key(s), s.get("score").asDouble(), "UI " + ui + " " + reader);
          }
        }
        for (JsonNode c : page.get("composites")) {
          String k = c.get("area").asText() + "|" + c.get("period").asText();
          if (c.get("horizon").asInt() == 0) {
            see(
                composites,
                compositeWhere,
                k,
                c.get("score").asDouble(),
                "UI " + ui + " " + reader);
            seeText(covers, k, c.get("covers").asText(), "UI " + ui + " " + reader);
          }
        }
      }
      // Priorities: API and CLI list the same (domain, state) scores as the risk surfaces.
      JsonNode pri = api(reader, "/api/analytics/priorities");
      assertThat(pri.get("coverage").get("text").asText()).contains(" states, methodology");
      for (JsonNode p : pri.get("priorities")) {
        String k = p.get("area").asText() + "|" + p.get("domain").asText() + "|" + period + "|0";
        see(domainScores, where, k, p.get("score").asDouble(), "API priorities " + reader);
      }
      // One ranking and one regional view for every member reader (the reader's scores that not
      // every member may read are listed apart, unranked in the shared list).
      StringBuilder ranking = new StringBuilder();
      for (JsonNode p : pri.get("priorities")) {
        ranking
            .append(p.get("rank").asInt())
            .append(' ')
            .append(p.get("area").asText())
            .append(' ')
            .append(p.get("domain").asText())
            .append('\n');
      }
      StringBuilder regionalView = new StringBuilder();
      for (JsonNode r : pri.get("regional")) {
        regionalView
            .append(r.get("rank").asInt())
            .append(' ')
            .append(r.get("domain").asText())
            .append(' ')
            .append(r.get("meanScore").asDouble())
            .append(' ')
            .append(r.get("covers").asText())
            .append('\n');
      }
      assertThat(ranking).as("ranking for " + reader).isNotEmpty();
      assertThat(regionalView).as("regional view for " + reader).isNotEmpty();
      seeText(covers, "ranking", ranking.toString(), "API priorities " + reader);
      seeText(covers, "regional", regionalView.toString(), "API priorities " + reader);
      for (JsonNode r : pri.get("regional")) {
        assertThat(r.get("covers").asText())
            .isEqualTo(
                r.get("statesIncluded").asInt()
                    + " of "
                    + r.get("statesExpected").asInt()
                    + " states");
      }
      // The report: composite per state and the state's priorities from the Prioritiser.
      SituationReport cis =
          ReportService.create(vigil)
              .assemble(
                  CONTEXTS.get(reader),
                  new ReportRequest("CIS", Optional.of(period), ReportLanguage.EN));
      Section<RiskRow> risk = cis.risk();
      if (risk.available()) {
        assertThat(risk.coverage()).containsPattern("\\d+ of \\d+ states");
        for (RiskRow row : risk.rows()) {
          Double api = readerComposites.get(row.area().code() + "|" + period);
          if (api != null) {
            assertThat(row.score())
                .as("report composite " + row.area().code() + " for " + reader)
                .isCloseTo(
                    Math.max(0, Math.min(10, api)), org.assertj.core.data.Offset.offset(1e-9));
            reportChecks++;
          }
        }
      }
      // Regional indicator values say, per indicator, how many states they cover.
      Section<IndicatorRow> indicators = cis.indicators();
      if (indicators.available()) {
        for (IndicatorRow row : indicators.rows()) {
          assertThat(row.coverage().stated())
              .as("coverage of " + row.indicator().code() + " for " + reader)
              .isTrue();
          assertThat(row.coverage().states())
              .as("states covered by " + row.indicator().code() + " for " + reader)
              .isBetween(1, row.coverage().total());
        }
      }
      Section<PriorityRow> regional = cis.priorities();
      if (regional.available()) {
        assertThat(regional.coverage()).containsPattern("over (\\d+ of \\d+ states)");
      }
      SituationReport kaz =
          ReportService.create(vigil)
              .assemble(
                  CONTEXTS.get(reader),
                  new ReportRequest("KAZ", Optional.of(period), ReportLanguage.EN));
      for (PriorityRow p : kaz.priorities().rows()) {
        String k = "KAZ|" + p.domain().name() + "|" + period + "|0";
        if (domainScores.containsKey(k)) {
          assertThat(p.score())
              .as("report priority " + k)
              .isCloseTo(
                  Math.max(0, Math.min(10, domainScores.get(k))),
                  org.assertj.core.data.Offset.offset(1e-9));
        }
      }
    }
    assertThat(sightings).isGreaterThan(100);
    assertThat(composites).isNotEmpty();
    assertThat(cliComposites).isNotEmpty();
    cliComposites.forEach(
        (k, v) ->
            assertThat(v)
                .as("CLI composite " + k + " vs " + compositeWhere.get(k))
                .isCloseTo(composites.get(k), org.assertj.core.data.Offset.offset(1e-9)));
    assertThat(reportChecks).isGreaterThan(0);
    assertThat(fuller).as("readers who see restricted domains get a fuller figure").isPositive();
  }
}

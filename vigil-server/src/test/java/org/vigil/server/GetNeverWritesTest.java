package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.alert.AlertService;
import org.vigil.app.analytics.AnalyticRunner;
import org.vigil.app.demo.DemoData;
import org.vigil.app.programme.ProgrammeDemo;
import org.vigil.model.AccessContext;

/**
 * GET requests never write (issue 10): on the demo after an analytic run, calling every GET route
 * of openapi.json as an administrator, a state analyst and anonymously leaves every table's row
 * count unchanged (the audit tables aside: reads are audited).
 */
class GetNeverWritesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestServer server;
  private static String dbUrl;

  @BeforeAll
  static void start() {
    VigilConfig cfg = VigilConfig.h2InMemory("get-never-writes-" + System.nanoTime());
    dbUrl = cfg.dbUrl();
    Vigil vigil = Vigil.open(cfg);
    DemoData.load(vigil);
    ProgrammeDemo.load(vigil);
    new AlertService(vigil).evaluate(AccessContext.system());
    new AnalyticRunner(vigil).run("test", true, AnalyticRunner.Progress.NONE);
    server = TestServer.start(vigil, ServerConfig.builder().demo(true).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Row count of every table but the audit's. */
  private static Map<String, Long> counts() throws Exception {
    Map<String, Long> out = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(dbUrl, "", "");
        Statement st = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery(
              "SELECT table_name FROM information_schema.tables"
                  + " WHERE table_schema = 'PUBLIC' AND table_type = 'BASE TABLE'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        if (t.toLowerCase(Locale.ROOT).startsWith("audit")) {
          continue;
        }
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"" + t + "\"")) {
          rs.next();
          out.put(t, rs.getLong(1));
        }
      }
    }
    return out;
  }

  private static String value(String name) {
    return switch (name) {
      case "indicator" -> "DEMO_DRUG_TRAFFICKING_OFFENCES";
      case "area" -> "KAZ";
      case "period" -> "2024-01";
      case "horizon" -> "6";
      case "draws" -> "100";
      case "from" -> "1";
      case "to" -> "1";
      case "lang" -> "en";
      default -> "x";
    };
  }

  private static List<String> getRoutes() throws Exception {
    JsonNode doc;
    try (InputStream in = GetNeverWritesTest.class.getResourceAsStream("/openapi.json")) {
      doc = JSON.readTree(in);
    }
    List<String> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode get = e.getValue().get("get");
      if (get == null) {
        continue;
      }
      String path = e.getKey();
      StringBuilder query = new StringBuilder();
      for (JsonNode p : get.path("parameters")) {
        String name = p.get("name").asText();
        String v = value(name);
        if (name.equals("code")) {
          v =
              path.startsWith("/api/programmes")
                  ? ProgrammeDemo.CRIME
                  : path.startsWith("/api/indicators") ? value("indicator") : "KAZ";
        }
        if ("path".equals(p.path("in").asText())) {
          path = path.replace("{" + name + "}", v);
        } else if (p.path("required").asBoolean()) {
          query.append(query.length() == 0 ? "?" : "&").append(name).append('=').append(v);
        }
      }
      out.add(path + query);
    }
    return out;
  }

  private static Map<String, String> login(String user) throws Exception {
    return server.as(user, DemoData.PASSWORD);
  }

  @Test
  void everyGetRoute_asEveryKindOfReader_leavesEveryRowCountUnchanged() throws Exception {
    List<Map<String, String>> readers = List.of(login("admin"), login("kaz.analyst"), Map.of());
    List<String> routes = getRoutes();
    assertThat(routes).hasSizeGreaterThan(30);
    Map<String, Long> before = counts();
    int ok = 0;
    List<String> statuses = new ArrayList<>();
    for (Map<String, String> who : readers) {
      for (String route : routes) {
        long t0 = System.nanoTime();
        HttpResponse<String> r;
        try {
          r = server.get(route, who);
        } catch (HttpTimeoutException e) {
          throw new AssertionError("GET " + route + " did not answer within the client timeout", e);
        }
        statuses.add(
            r.statusCode() + " " + route + " " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        if (r.statusCode() == 200) {
          ok++;
        }
        assertThat(counts()).as("row counts after GET " + route).isEqualTo(before);
      }
    }
    // Most routes answered (the check is not vacuous over error responses).
    assertThat(ok).as(String.join("\n", statuses)).isGreaterThan(routes.size());
    statuses.stream()
        .sorted(Comparator.comparingLong(GetNeverWritesTest::millis).reversed())
        .limit(5)
        .forEach(st -> System.out.println("slowest GET: " + st));
  }

  private static long millis(String status) {
    String[] w = status.split(" ");
    return Long.parseLong(w[w.length - 2]);
  }
}

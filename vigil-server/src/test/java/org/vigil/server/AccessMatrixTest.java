package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.auth.PasswordHasher;
import org.vigil.model.AccessContext;
import org.vigil.model.Classification;
import org.vigil.model.Document;
import org.vigil.model.Event;
import org.vigil.model.IngestBatch;
import org.vigil.model.Observation;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.model.ThreatDomain;
import org.vigil.model.User;
import org.vigil.store.TestClock;
import org.vigil.timeseries.Period;

/**
 * Issue 6's access matrix: every GET route the server registers (its own and other groups') x every
 * role of two member organisations and anonymous x every classification of records owned by each
 * organisation. Each record carries a unique marker (a value in observations, a word in events and
 * documents); a response may contain a marker only when the caller may read the record:
 *
 * <ul>
 *   <li>the owner organisation: every classification (whatever the role);
 *   <li>another member organisation: SHARED, PUBLIC, and RESTRICTED when it is named (a system
 *       admin of another organisation included: administration is not ownership);
 *   <li>anonymous: PUBLIC only.
 * </ul>
 *
 * The rule is written out here independently of {@code AccessContext.canRead}. Responses include
 * list endpoints, exports, aggregates and error messages (4xx bodies are scanned too). Positive
 * checks on the series, export, events and documents routes make sure the test is not vacuous.
 * Limitation: a marker can only be found where a response prints the record itself; an aggregate
 * that mixes a hidden value into a sum is not caught by string matching.
 */
class AccessMatrixTest {
  static final List<String> ORGS = List.of("KAZ-SC", "RUS-SC");
  static final Map<String, String> AREA = Map.of("KAZ-SC", "KAZ", "RUS-SC", "RUS");
  static final List<Role> ROLES = List.of(Role.values());
  static final TestClock clock = new TestClock(TestData.T0);
  static TestServer server;

  /** A record of one owner and classification, with its marker. */
  record Marked(String owner, Classification classification, String sharedWith, String marker) {
    boolean readableBy(String org) {
      if (org == null) {
        return classification == Classification.PUBLIC;
      }
      if (org.equals(owner)) {
        return true;
      }
      return switch (classification) {
        case PUBLIC, SHARED -> true;
        case RESTRICTED -> sharedWith.equals(org);
        case NATIONAL -> false;
      };
    }
  }

  static final List<Marked> RECORDS = new ArrayList<>();

  @BeforeAll
  static void start() {
    Vigil vigil = Vigil.open(VigilConfig.h2InMemory("matrix").withClock(clock));
    TestData.load(vigil, clock);
    world(vigil);
    server = TestServer.start(vigil, ServerConfig.builder().requestsPerMinute(0).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static void world(Vigil vigil) {
    AccessContext sys = AccessContext.system();
    String hash = new PasswordHasher(1024, 1).hash(TestData.PASSWORD);
    for (String org : ORGS) {
      for (Role role : ROLES) {
        String name = user(org, role);
        if (vigil.users().findForLogin(name).isEmpty()) {
          vigil.users().save(sys, new User(name, org, role, hash, true));
        }
      }
    }
    int month = 1;
    for (String org : ORGS) {
      String other = org.equals("KAZ-SC") ? "RUS-SC" : "KAZ-SC";
      List<Observation> rows = new ArrayList<>();
      for (Object[] c :
          new Object[][] {
            {Classification.NATIONAL, ""},
            {Classification.RESTRICTED, other},
            {Classification.RESTRICTED, "SECRETARIAT"},
            {Classification.SHARED, ""},
            {Classification.PUBLIC, ""}
          }) {
        Classification cl = (Classification) c[0];
        String shared = (String) c[1];
        Ownership o =
            cl == Classification.RESTRICTED
                ? Ownership.restricted(org, Set.of(shared))
                : Ownership.of(org, cl);
        double value =
            7000
                + month * 10
                + 0.1
                + month * 0.0001; // sums and differences of two markers are no marker
        String valueMarker = Double.toString(value);
        RECORDS.add(new Marked(org, cl, shared, valueMarker));
        rows.add(
            new Observation(
                TestData.INDICATOR,
                AREA.get(org),
                Period.month(2022, month),
                value,
                "",
                "matrix",
                0,
                null,
                o));
        String word = "mark" + org.substring(0, 3).toLowerCase() + cl.name().toLowerCase() + month;
        RECORDS.add(new Marked(org, cl, shared, word));
        vigil.events().addEvent(sys, event(AREA.get(org), word, o, month));
        vigil.events().addDocument(sys, document(AREA.get(org), word, o, month));
        month++;
      }
      vigil
          .observations()
          .append(
              sys,
              new IngestBatch(
                  0,
                  "system",
                  org,
                  Instant.EPOCH,
                  "matrix-" + org,
                  (org.equals("KAZ-SC") ? "a" : "b").repeat(64),
                  "long-csv",
                  rows.size(),
                  0,
                  0),
              rows);
    }
  }

  static String user(String org, Role role) {
    return "m."
        + org.substring(0, 3).toLowerCase()
        + "."
        + role.name().toLowerCase().replace('_', '-');
  }

  static Event event(String area, String word, Ownership o, int month) {
    return new Event(
        0,
        LocalDate.of(2022, month, 15),
        area,
        Double.NaN,
        Double.NaN,
        "ASSAULT",
        List.of("terrorism"),
        List.of("militant group"),
        1,
        ThreatDomain.TERRORISM,
        "event " + word,
        "matrix",
        o);
  }

  static Document document(String area, String word, Ownership o, int month) {
    return new Document(
        0,
        "matrix",
        "",
        "en",
        LocalDate.of(2022, month, 16),
        "document " + word,
        "text " + word,
        Set.of(ThreatDomain.TERRORISM),
        Set.of(area),
        o);
  }

  /** Callers: anonymous (null organisation) and every role of both organisations. */
  static Map<String, String> callers() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("anonymous", null);
    for (String org : ORGS) {
      for (Role role : ROLES) {
        out.put(user(org, role), org);
      }
    }
    return out;
  }

  /** Concrete requests for a registered GET route (path parameters and queries filled in). */
  static List<String> requests(String path) {
    List<String> out = new ArrayList<>();
    for (String area : List.of("KAZ", "RUS")) {
      String p =
          path.replace("{code}", path.contains("indicators") ? TestData.INDICATOR : area)
              .replace("{flow}", "DF_INDICATORS")
              .replace("{key}", "." + area + "." + TestData.INDICATOR)
              .replace("{area}", area)
              .replace("{indicator}", TestData.INDICATOR)
              .replaceAll("\\{[^}]+}", "1");
      String q =
          switch (path) {
            case "/api/series/vintages" -> null;
            case "/api/reports" -> "area=" + area + "&format=html&lang=en";
            case "/api/export" -> "indicator=" + TestData.INDICATOR + "&area=" + area;
            case "/sdmx/data/{flow}", "/sdmx/data/{flow}/{key}" ->
                "includeHistory=true&format=" + (area.equals("KAZ") ? "sdmx-csv" : "sdmx-json");
            default ->
                "indicator="
                    + TestData.INDICATOR
                    + "&area="
                    + area
                    + "&limit=1000&q=mark&from=2020-01-01";
          };
      if (q == null) {
        for (int m = 1; m <= 10; m++) {
          out.add(
              p
                  + "?indicator="
                  + TestData.INDICATOR
                  + "&area="
                  + area
                  + "&period=2022-"
                  + String.format("%02d", m));
        }
      } else {
        out.add(p + "?" + q);
      }
    }
    if (path.equals("/api/export")) {
      out.add("/api/export?indicator=" + TestData.INDICATOR + "&format=sdmx-csv");
    }
    return out;
  }

  @Test
  void everyGetRoute_everyCaller_seesOnlyReadableMarkers() throws Exception {
    SoftAssertions soft = new SoftAssertions();
    Map<String, Map<String, String>> headers = new LinkedHashMap<>();
    for (var c : callers().entrySet()) {
      headers.put(c.getKey(), c.getValue() == null ? Map.of() : server.as(c.getKey()));
    }
    int checked = 0;
    for (Routes.Route route : server.server().routes()) {
      if (!route.method().equals("GET")) {
        continue;
      }
      for (String request : requests(route.path())) {
        for (var c : callers().entrySet()) {
          HttpResponse<String> r = server.get(request, headers.get(c.getKey()));
          soft.assertThat(r.statusCode()).as(c.getKey() + " " + request).isLessThan(500);
          for (Marked m : RECORDS) {
            if (!m.readableBy(c.getValue())) {
              soft.assertThat(r.body())
                  .as(
                      "%s GET %s leaks %s %s of %s",
                      c.getKey(), request, m.classification(), m.marker(), m.owner())
                  .doesNotContain(m.marker());
            }
          }
          checked++;
        }
      }
    }
    soft.assertThat(checked).isGreaterThan(200);
    soft.assertAll();
  }

  @Test
  void dataRoutes_everyCaller_seeEveryReadableMarker() throws Exception {
    SoftAssertions soft = new SoftAssertions();
    for (var c : callers().entrySet()) {
      Map<String, String> h = c.getValue() == null ? Map.of() : server.as(c.getKey());
      StringBuilder all = new StringBuilder();
      for (String area : List.of("KAZ", "RUS")) {
        all.append(server.get("/api/series?indicator=TEST_CRIME&area=" + area, h).body());
        all.append(server.get("/api/events?limit=1000&area=" + area, h).body());
        all.append(server.get("/api/documents?limit=1000&q=mark&area=" + area, h).body());
      }
      String export = server.get("/api/export?indicator=TEST_CRIME", h).body();
      for (Marked m : RECORDS) {
        if (m.readableBy(c.getValue())) {
          soft.assertThat(all.toString()).as("%s misses %s", c.getKey(), m).contains(m.marker());
          if (m.marker().matches("[0-9.]+")) {
            soft.assertThat(export).as("%s export misses %s", c.getKey(), m).contains(m.marker());
          }
        }
      }
    }
    soft.assertAll();
  }

  @Test
  void hiddenRecord_andMissingRecord_lookTheSame() throws Exception {
    // KAZ-SC's NATIONAL value sits in 2022-01; 2019-01 has nothing at all.
    Map<String, String> rus = server.as(user("RUS-SC", Role.SYSTEM_ADMIN));
    HttpResponse<String> hidden =
        server.get("/api/series/vintages?indicator=TEST_CRIME&area=KAZ&period=2022-01", rus);
    HttpResponse<String> missing =
        server.get("/api/series/vintages?indicator=TEST_CRIME&area=KAZ&period=2019-01", rus);
    assertThat(hidden.statusCode()).isEqualTo(missing.statusCode());
    assertThat(hidden.body().replace("2022-01", "X"))
        .isEqualTo(missing.body().replace("2019-01", "X"));
  }

  @Test
  void ingest_everyRole_writesOnlyForOwnOrganisation_andOnlyAsStewardOrAdmin() throws Exception {
    Set<Role> writers = EnumSet.of(Role.DATA_STEWARD, Role.ORG_ADMIN, Role.SYSTEM_ADMIN);
    SoftAssertions soft = new SoftAssertions();
    int period = 1;
    for (var c : callers().entrySet()) {
      for (String owner : ORGS) {
        long before = server.vigil().observations().count(AccessContext.system());
        String csv =
            "indicator,area,period,value\nTEST_CRIME,"
                + AREA.get(owner)
                + ",2021-"
                + String.format("%02d", 1 + period % 12)
                + ","
                + (period++)
                + ".5\n";
        Map<String, String> h =
            new LinkedHashMap<>(c.getValue() == null ? Map.of() : server.as(c.getKey()));
        h.put("Content-Type", "text/csv");
        HttpResponse<String> r =
            server.send(
                "POST",
                "/api/ingest?owner=" + owner + "&classification=NATIONAL&file=m" + period + ".csv",
                csv,
                h);
        boolean allowed =
            c.getValue() != null
                && c.getValue().equals(owner)
                && writers.contains(
                    Role.valueOf(c.getKey().substring(6).toUpperCase().replace('-', '_')));
        long after = server.vigil().observations().count(AccessContext.system());
        if (allowed) {
          soft.assertThat(r.statusCode())
              .as(c.getKey() + " -> " + owner + ": " + r.body())
              .isEqualTo(201);
          soft.assertThat(after).as(c.getKey()).isEqualTo(before + 1);
        } else {
          soft.assertThat(r.statusCode()).as(c.getKey() + " -> " + owner).isIn(401, 403);
          soft.assertThat(after).as(c.getKey()).isEqualTo(before);
        }
      }
    }
    soft.assertAll();
  }
}

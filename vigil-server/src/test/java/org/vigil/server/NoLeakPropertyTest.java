package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.auth.PasswordHasher;
import org.vigil.model.AccessContext;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Classification;
import org.vigil.model.IngestBatch;
import org.vigil.model.Observation;
import org.vigil.model.Organisation;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.model.SharingAgreement;
import org.vigil.model.ThreatDomain;
import org.vigil.model.User;
import org.vigil.store.TestClock;
import org.vigil.store.TestSeries;
import org.vigil.timeseries.Period;

/**
 * The acceptance property of issue 17: for random owners, classifications (some raised after a
 * first, wider vintage), reporting by one state for another's area, sharing agreements and readers,
 * no value, bound, expected level or driver of a series the reader may not read appears in the
 * response of any route of the OpenAPI document that returns data: every GET route except the few
 * that serve no stored data ({@link #NO_DATA}), plus {@code POST /api/alerts/evaluate}, over a
 * published analytic run (risk, composites, drivers, priorities) and the alerts the rules raised.
 *
 * <p>Each series lives at its own scale, 987654.321 times a power of seven: flat (a wiggle of one
 * part in a million) with a 20% spike in its last month, so that anomaly alerts fire and every
 * level, median, expected value and bound computed from it lands within {@value #BAND} (relative)
 * of the scale or of the spike. Such a number in a response, for a series the reader may not read,
 * is a leak; derived numbers of readable series (errors, changes, sums) do not land there, as no
 * power of seven is a small multiple of another.
 *
 * <p>Speed: {@value #WORLDS} worlds are built once (store, data, alerts, server) and shared by the
 * tries; a try is one reader of one world scanning every data route. Parameters that choose data
 * (indicator, area, owner, code) are expanded fully; the others take one seeded value a route
 * (Monte Carlo draws and backtest origins kept small), so a try is about a hundred requests.
 */
class NoLeakPropertyTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final double SENTINEL = 987_654.321;
  static final double BAND = 1e-4;
  static final double SPIKE = 1.2;
  static final int WORLDS = 2;
  static final List<String> STATES = List.of("KAZ", "RUS", "ARM");
  static final List<String> ORGS = List.of("KAZ-SC", "RUS-SC", "ARM-SC", "SECRETARIAT");
  static final Map<String, ThreatDomain> INDICATORS =
      Map.of(
          "DEMO_TERROR_INCIDENTS", ThreatDomain.TERRORISM,
          "DEMO_ORGANISED_CRIME_OFFENCES", ThreatDomain.ORGANISED_CRIME);
  static final List<Role> READER_ROLES =
      List.of(Role.VIEWER, Role.ANALYST, Role.DATA_STEWARD, Role.ORG_ADMIN);
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  static final Instant NOW = Instant.parse("2025-04-01T00:00:00Z");

  /** GET routes that serve no stored data (documents, health, session, translations). */
  static final Set<String> NO_DATA =
      Set.of(
          "/api/health",
          "/api/health/live",
          "/api/openapi.json",
          "/api/auth/me",
          "/api/auth/tokens",
          "/api/i18n/{lang}");

  /** Data-choosing parameters: every value is requested. */
  static final Set<String> EXPANDED = Set.of("indicator", "area", "owner", "code");

  private static final Pattern NUMBER =
      Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?(?![\\w])");
  private static final Pattern GROUPING =
      Pattern.compile("(?<=\\d)[\\u00A0\\u202F\\u2009 ,](?=\\d{3}(?!\\d))");

  /** One generated series: who owns it, how it is classified now, its scale. */
  record Series(
      String indicator, String area, Ownership ownership, Ownership firstVintage, double scale) {}

  /**
   * A world: its series and agreements, the instant between the first vintages and the raised ones
   * (for asOf reads), its server and the readers' session headers.
   */
  record World(
      List<Series> series,
      List<SharingAgreement> agreements,
      Instant between,
      TestServer server,
      Map<String, Map<String, String>> sessions) {}

  private static final Map<Integer, World> BUILT = new HashMap<>();

  @AfterContainer
  static void closeWorlds() {
    BUILT.values().forEach(w -> w.server().close());
    BUILT.clear();
  }

  @Provide
  Arbitrary<String> readers() {
    List<String> all = new ArrayList<>(List.of("anonymous", "sys.admin", "secretariat.viewer"));
    for (String org : ORGS.subList(0, 3)) {
      for (Role role : READER_ROLES) {
        all.add(user(org, role));
      }
    }
    return Arbitraries.of(all);
  }

  @Property(tries = 6, seed = "20261205", shrinking = ShrinkingMode.OFF)
  void dataRoutes_neverShowWhatTheReaderMayNotRead(
      @ForAll @IntRange(min = 0, max = WORLDS - 1) int worldIndex,
      @ForAll("readers") String reader,
      @ForAll long sampling)
      throws Exception {
    World world = world(worldIndex);
    List<String> routes = routes(world, new SplittableRandom(sampling));
    scan(world, reader, routes);
  }

  /** The routes list must keep up with the OpenAPI document: every GET route is scanned. */
  @Example
  void everyGetRouteWithData_isScanned() throws Exception {
    JsonNode doc = openApi();
    for (String skipped : NO_DATA) {
      assertThat(doc.get("paths").has(skipped)).as("%s is documented", skipped).isTrue();
    }
    Set<String> scanned = new TreeSet<>();
    for (String url : routes(null, new SplittableRandom(1))) {
      scanned.add(url.replaceAll("\\?.*", ""));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      if (path.getValue().has("get") && !NO_DATA.contains(path.getKey())) {
        String template = path.getKey();
        assertThat(scanned.stream().anyMatch(u -> matches(template, u)))
            .as("GET %s is not scanned (scanned: %s)", template, scanned)
            .isTrue();
      }
    }
  }

  private static boolean matches(String template, String url) {
    return url.matches(Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
  }

  private static void scan(World world, String reader, List<String> routes)
      throws IOException, InterruptedException {
    Map<String, String> headers = world.sessions().get(reader);
    List<Series> hidden = hidden(world, reader);
    int scanned = 0;
    for (String route : routes) {
      HttpResponse<String> resp = world.server().get(route, headers);
      assertThat(resp.statusCode()).as("%s as %s: %s", route, reader, resp.body()).isLessThan(500);
      assertNoLeak("GET " + route, reader, resp.body(), hidden);
      scanned++;
    }
    assertThat(scanned).isGreaterThan(50);
  }

  static List<Series> hidden(World world, String reader) {
    AccessContext ctx = context(reader);
    return world.series().stream().filter(s -> !readable(ctx, s, world.agreements())).toList();
  }

  static void assertNoLeak(String request, String reader, String body, List<Series> hidden) {
    for (Series s : hidden) {
      List<String> found = new ArrayList<>(near(body, s.scale()));
      found.addAll(near(body, s.scale() * SPIKE));
      assertThat(found)
          .as(
              "%s as %s shows numbers of %s/%s owned by %s (%s):%n%s",
              request,
              reader,
              s.indicator(),
              s.area(),
              s.ownership().owner(),
              s.ownership().classification(),
              body)
          .isEmpty();
    }
  }

  /** Numbers in a body within {@link #BAND} of a scale. */
  static List<String> near(String body, double scale) {
    List<String> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(GROUPING.matcher(body).replaceAll(""));
    while (m.find()) {
      double v = Math.abs(Double.parseDouble(m.group()));
      if (v > scale * (1 - BAND) && v < scale * (1 + BAND)) {
        out.add(m.group());
      }
    }
    return out;
  }

  // ---- the worlds

  private static World world(int index) throws Exception {
    World w = BUILT.get(index);
    if (w == null) {
      w = build(new SplittableRandom(20_261_205L + index), index);
      BUILT.put(index, w);
    }
    return w;
  }

  private static World build(SplittableRandom r, int index) throws Exception {
    List<Series> series = new ArrayList<>();
    int k = 0;
    List<String> codes = new ArrayList<>(new TreeSet<>(INDICATORS.keySet()));
    for (String ind : codes) {
      for (int a = 0; a < STATES.size(); a++) {
        String area = STATES.get(a);
        List<String> owners = new ArrayList<>(List.of(ORGS.get(a)));
        if (r.nextInt(3) == 0) {
          owners.add(ORGS.get((a + 1 + r.nextInt(3)) % ORGS.size())); // reports for another area
        }
        for (String owner : owners) {
          Ownership now = ownership(owner, r);
          Ownership first = r.nextInt(3) == 0 ? wider(now, r) : now;
          series.add(new Series(ind, area, now, first, SENTINEL * Math.pow(7, k++)));
        }
      }
    }
    List<SharingAgreement> agreements = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      String grantor = ORGS.get(r.nextInt(3));
      String grantee = ORGS.get(r.nextInt(4));
      if (!grantor.equals(grantee)) {
        agreements.add(
            new SharingAgreement(
                grantor,
                grantee,
                r.nextBoolean() ? Classification.NATIONAL : Classification.RESTRICTED,
                Set.of(INDICATORS.get(codes.get(r.nextInt(codes.size()))))));
      }
    }
    TestClock clock = new TestClock(T0);
    Vigil vigil = Vigil.open(VigilConfig.h2InMemory("noleak-" + index).withClock(clock));
    Instant between = load(vigil, clock, series, agreements);
    clock.advance(Duration.between(clock.instant(), NOW));
    // Derived results are published by an analytic run over every owner's data (risk scores,
    // composites, drivers, priorities, forecasts): the routes that read them are scanned too.
    org.vigil.model.run.AnalyticRun run =
        new org.vigil.app.analytics.AnalyticRunner(vigil)
            .run("test", true, org.vigil.app.analytics.AnalyticRunner.Progress.NONE);
    assertThat(run.resultsChanged()).as("the analytic run publishes results: %s", run).isPositive();
    // A scan is about a hundred requests a try: no rate limit, it would answer 429 instead.
    TestServer server =
        TestServer.start(vigil, ServerConfig.builder().requestsPerMinute(0).build());
    Map<String, Map<String, String>> sessions = new LinkedHashMap<>();
    sessions.put("anonymous", Map.of());
    sessions.put("sys.admin", server.as("sys.admin"));
    sessions.put("secretariat.viewer", server.as("secretariat.viewer"));
    for (String org : ORGS.subList(0, 3)) {
      for (Role role : READER_ROLES) {
        sessions.put(user(org, role), server.as(user(org, role)));
      }
    }
    World w = new World(series, agreements, between, server, sessions);
    // The alert rules run at an organisation administrator's request, as in the reported leak:
    // what they raise (and answer) is computed in each series' owner's context, never the
    // evaluator's.
    String evaluator = user(ORGS.get(r.nextInt(3)), Role.ORG_ADMIN);
    HttpResponse<String> eval =
        server.send("POST", "/api/alerts/evaluate", null, sessions.get(evaluator));
    assertThat(eval.statusCode()).as(eval.body()).isEqualTo(200);
    assertNoLeak("POST /api/alerts/evaluate", evaluator, eval.body(), hidden(w, evaluator));
    assertThat(
            new org.vigil.app.alert.AlertService(vigil)
                .list(
                    AccessContext.system(), new org.vigil.model.alert.AlertQuery(null, null, null)))
        .as("the world raises alerts")
        .isNotEmpty();
    return w;
  }

  private static Ownership ownership(String owner, SplittableRandom r) {
    Classification c = Classification.values()[r.nextInt(Classification.values().length)];
    if (c != Classification.RESTRICTED) {
      return Ownership.of(owner, c);
    }
    Set<String> with = new TreeSet<>();
    for (String o : ORGS) {
      if (!o.equals(owner) && r.nextBoolean()) {
        with.add(o);
      }
    }
    return Ownership.restricted(owner, with);
  }

  /** A classification at most as strict as now's, for an earlier vintage. */
  private static Ownership wider(Ownership now, SplittableRandom r) {
    return switch (now.classification()) {
      case NATIONAL, RESTRICTED ->
          Ownership.of(
              now.owner(), r.nextBoolean() ? Classification.SHARED : Classification.PUBLIC);
      case SHARED -> Ownership.of(now.owner(), Classification.PUBLIC);
      case PUBLIC -> now;
    };
  }

  /** Loads reference data, users, agreements and both vintages; returns an instant between. */
  private static Instant load(
      Vigil vigil, TestClock clock, List<Series> series, List<SharingAgreement> agreements) {
    AccessContext sys = AccessContext.system();
    var ref = vigil.reference();
    for (int a = 0; a < STATES.size(); a++) {
      String s = STATES.get(a);
      ref.saveArea(sys, new Area(s, AreaKind.COUNTRY, s, s, s.substring(0, 2), "00" + a));
      ref.saveOrganisation(sys, new Organisation(ORGS.get(a), s + " council", "", s, false));
    }
    ref.saveOrganisation(sys, new Organisation("SECRETARIAT", "Secretariat", "", "KAZ", true));
    INDICATORS.forEach(
        (code, domain) ->
            ref.saveIndicator(sys, TestSeries.monthlyCount(code, code, "", domain, "cases")));
    String hash = new PasswordHasher(1024, 1).hash(TestData.PASSWORD);
    vigil.users().save(sys, new User("sys.admin", "SECRETARIAT", Role.SYSTEM_ADMIN, hash, true));
    vigil.users().save(sys, new User("secretariat.viewer", "SECRETARIAT", Role.VIEWER, hash, true));
    for (String org : ORGS.subList(0, 3)) {
      for (Role role : READER_ROLES) {
        vigil.users().save(sys, new User(user(org, role), org, role, hash, true));
      }
    }
    for (SharingAgreement a : agreements) {
      vigil.sharing().grant(sys, a);
    }
    Instant between = null;
    for (boolean first : new boolean[] {true, false}) {
      for (Series s : series) {
        Ownership o = first ? s.firstVintage() : s.ownership();
        if (!first && o.equals(s.firstVintage())) {
          continue;
        }
        List<Observation> rows = new ArrayList<>();
        // 2022-02 .. 2025-01: the spike is in the alert window at NOW (2025-01 .. 2025-04).
        for (int i = 0; i < 36; i++) {
          double v = i == 35 ? s.scale() * SPIKE : s.scale() * (1 + 1e-6 * Math.sin(i * 1.7));
          rows.add(
              new Observation(
                  s.indicator(), s.area(), Period.month(2022, 2).plus(i), v, "", "t", 0, null, o));
        }
        clock.advance(Duration.ofMinutes(1));
        vigil
            .observations()
            .append(
                sys,
                new IngestBatch(
                    0,
                    "system",
                    o.owner(),
                    Instant.EPOCH,
                    s.indicator() + s.area() + ".csv",
                    String.format(Locale.ROOT, "%064x", clock.instant().getEpochSecond()),
                    "long-csv",
                    rows.size(),
                    0,
                    0),
                rows);
      }
      if (first) {
        between = clock.instant().plusSeconds(30);
      }
    }
    return between;
  }

  private static String user(String org, Role role) {
    return org.toLowerCase(Locale.ROOT) + "." + role.name().toLowerCase(Locale.ROOT);
  }

  private static AccessContext context(String reader) {
    if (reader.equals("anonymous")) {
      return AccessContext.anonymous();
    }
    if (reader.equals("sys.admin")) {
      return AccessContext.of(reader, "SECRETARIAT", Role.SYSTEM_ADMIN);
    }
    String org = reader.substring(0, reader.indexOf('.')).toUpperCase(Locale.ROOT);
    return AccessContext.of(reader, org, Role.VIEWER);
  }

  /** The read rule, restated: the latest vintage's ownership decides, widened by agreements. */
  static boolean readable(AccessContext ctx, Series s, List<SharingAgreement> agreements) {
    if (ctx.canRead(s.ownership())) {
      return true;
    }
    if (!ctx.memberOrganisation()) {
      return false;
    }
    for (SharingAgreement a : agreements) {
      if (a.grantor().equals(s.ownership().owner())
          && a.grantee().equals(ctx.organisation())
          && a.classification() == s.ownership().classification()
          && a.domains().contains(INDICATORS.get(s.indicator()))) {
        return true;
      }
    }
    return false;
  }

  // ---- the routes

  static JsonNode openApi() throws IOException {
    try (InputStream in = NoLeakPropertyTest.class.getResourceAsStream("/openapi.json")) {
      return JSON.readTree(in);
    }
  }

  /**
   * Every GET route of the OpenAPI document that returns data, its data-choosing parameters
   * expanded and the others sampled once (world null: parameter values without a world).
   */
  static List<String> routes(World w, SplittableRandom r) throws IOException {
    JsonNode doc = openApi();
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("indicator", new ArrayList<>(new TreeSet<>(INDICATORS.keySet())));
    values.put("area", STATES);
    values.put("owner", ORGS);
    values.put("code", codes());
    values.put("period", List.of("2024-12", "2024-06"));
    values.put("limit", List.of("1000"));
    values.put("draws", List.of("20"));
    values.put("origins", List.of("2"));
    values.put("h", List.of("3", "6"));
    values.put("horizon", List.of("6", "12"));
    values.put(
        "asOf",
        List.of(
            w == null ? "2025-01-01T00:10:00Z" : w.between().toString(), "2025-03-01T00:00:00Z"));
    List<String> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      JsonNode get = path.getValue().get("get");
      if (get == null || NO_DATA.contains(path.getKey())) {
        continue;
      }
      List<String> urls = new ArrayList<>(List.of(path.getKey()));
      for (JsonNode p : get.path("parameters")) {
        urls = expand(urls, p, values, r);
      }
      out.addAll(urls);
    }
    return out;
  }

  private static List<String> codes() {
    Set<String> c = new LinkedHashSet<>(STATES);
    c.addAll(INDICATORS.keySet());
    return new ArrayList<>(c);
  }

  private static List<String> expand(
      List<String> urls, JsonNode p, Map<String, List<String>> values, SplittableRandom r) {
    String name = p.path("name").asText();
    boolean path = p.path("in").asText().equals("path");
    boolean required = path || p.path("required").asBoolean(false);
    List<String> candidates = new ArrayList<>();
    JsonNode en = p.path("schema").path("enum");
    if (en.isArray() && !en.isEmpty()) {
      en.forEach(v -> candidates.add(v.asText()));
      candidates.remove("pdf"); // binary; its text is the HTML report's
    } else if (values.containsKey(name)) {
      candidates.addAll(values.get(name));
    } else if (required) {
      candidates.add("1");
    }
    if (!required && !name.equals("limit") && !name.equals("format")) {
      candidates.add(null);
    }
    List<String> chosen;
    if (EXPANDED.contains(name)) {
      chosen = candidates; // what is read: every value
    } else {
      chosen = new ArrayList<>();
      chosen.add(candidates.isEmpty() ? null : candidates.get(r.nextInt(candidates.size())));
    }
    List<String> out = new ArrayList<>();
    for (String url : urls) {
      for (String v : chosen) {
        if (v == null) {
          out.add(url);
        } else if (path) {
          out.add(url.replace("{" + name + "}", enc(v)));
        } else {
          out.add(url + (url.contains("?") ? "&" : "?") + name + "=" + enc(v));
        }
      }
    }
    return out;
  }

  private static String enc(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }
}

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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.alert.AlertService;
import org.vigil.app.auth.PasswordHasher;
import org.vigil.model.AccessContext;
import org.vigil.model.Aggregation;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Classification;
import org.vigil.model.Indicator;
import org.vigil.model.IngestBatch;
import org.vigil.model.Observation;
import org.vigil.model.Organisation;
import org.vigil.model.Ownership;
import org.vigil.model.Polarity;
import org.vigil.model.Role;
import org.vigil.model.SharingAgreement;
import org.vigil.model.ThreatDomain;
import org.vigil.model.User;
import org.vigil.store.TestClock;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;

/**
 * The acceptance property of issue 17: for random owners, classifications (some raised after a
 * first, wider vintage), reporting by one state for another's area, sharing agreements and readers,
 * no value, bound, expected level or driver of a series the reader may not read appears in the
 * response of any GET route of the OpenAPI document, derived results and alerts included.
 *
 * <p>Each series lives at its own scale, 987654.321 times a power of seven: flat (a wiggle of one
 * part in a million) with a 20% spike in its last month, so that anomaly alerts fire and every
 * level, median, expected value and bound computed from it lands within {@value #BAND} (relative)
 * of the scale or of the spike. Such a number in a response, for a series the reader may not read,
 * is a leak; derived numbers of readable series (errors, changes, sums) do not land there, as no
 * power of seven is a small multiple of another. The routes come from {@code openapi.json}, so
 * routes added later are scanned too; path and query parameters are filled from the world's data.
 */
class NoLeakPropertyTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final double SENTINEL = 987_654.321;
  static final double BAND = 1e-4;
  static final double SPIKE = 1.2;
  static final List<String> STATES = List.of("KAZ", "RUS", "ARM");
  static final List<String> ORGS = List.of("KAZ-SC", "RUS-SC", "ARM-SC", "SECRETARIAT");
  static final Map<String, ThreatDomain> INDICATORS =
      Map.of(
          "DEMO_TERROR_INCIDENTS", ThreatDomain.TERRORISM,
          "DEMO_ORGANISED_CRIME_OFFENCES", ThreatDomain.ORGANISED_CRIME);
  static final List<Role> READER_ROLES =
      List.of(Role.VIEWER, Role.ANALYST, Role.DATA_STEWARD, Role.ORG_ADMIN);
  static final Instant NOW = Instant.parse("2025-04-01T00:00:00Z");
  private static final Pattern NUMBER =
      Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?(?![\\w])");
  private static final Pattern GROUPING =
      Pattern.compile("(?<=\\d)[\\u00A0\\u202F\\u2009 ,](?=\\d{3}(?!\\d))");

  /** One generated series: who owns it, how it is classified now, its scale. */
  record Series(
      String indicator, String area, Ownership ownership, Ownership firstVintage, double scale) {}

  record World(List<Series> series, List<SharingAgreement> agreements) {}

  @Property(tries = 3, seed = "20261205", shrinking = ShrinkingMode.OFF)
  void getRoutes_neverShowWhatTheReaderMayNotRead(@ForAll long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    World world = world(r);
    TestClock clock = new TestClock(Instant.parse("2025-01-01T00:00:00Z"));
    Vigil vigil =
        Vigil.open(VigilConfig.h2InMemory("noleak-" + System.nanoTime()).withClock(clock));
    load(vigil, clock, world);
    clock.advance(Duration.between(clock.instant(), NOW));
    new AlertService(vigil).evaluate(AccessContext.system());
    // A scan is a few hundred requests a reader: no rate limit, it would answer 429 instead.
    ServerConfig unlimited = ServerConfig.builder().requestsPerMinute(0).build();
    try (TestServer server = TestServer.start(vigil, unlimited)) {
      // Three readers a world: anonymous or the secretariat's system administrator, and two
      // members' users of random roles (a scan is a few hundred requests each).
      List<String> readers = new ArrayList<>(List.of(r.nextBoolean() ? "anonymous" : "sys.admin"));
      for (int i = 0; i < 2; i++) {
        readers.add(user(ORGS.get(r.nextInt(3)), READER_ROLES.get(r.nextInt(READER_ROLES.size()))));
      }
      List<String> routes = routes(world);
      for (String reader : readers) {
        scan(server, world, reader, routes);
      }
    }
  }

  private static void scan(TestServer server, World world, String reader, List<String> routes)
      throws IOException, InterruptedException {
    Map<String, String> headers = reader.equals("anonymous") ? Map.of() : server.as(reader);
    AccessContext ctx = context(reader);
    List<Series> hidden =
        world.series().stream().filter(s -> !readable(ctx, s, world.agreements())).toList();
    int scanned = 0;
    for (String route : routes) {
      HttpResponse<String> resp = server.get(route, headers);
      assertThat(resp.statusCode()).as("%s as %s: %s", route, reader, resp.body()).isLessThan(500);
      for (Series s : hidden) {
        List<String> found = new ArrayList<>(near(resp.body(), s.scale()));
        found.addAll(near(resp.body(), s.scale() * SPIKE));
        assertThat(found)
            .as(
                "GET %s as %s shows numbers of %s/%s owned by %s (%s):%n%s",
                route,
                reader,
                s.indicator(),
                s.area(),
                s.ownership().owner(),
                s.ownership().classification(),
                resp.body())
            .isEmpty();
      }
      scanned++;
    }
    assertThat(scanned).isGreaterThan(50);
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

  // ---- the world

  private static World world(SplittableRandom r) {
    List<Series> series = new ArrayList<>();
    int k = 0;
    List<String> codes = new ArrayList<>(new TreeSet<>(INDICATORS.keySet()));
    for (String ind : codes) {
      for (int a = 0; a < STATES.size(); a++) {
        String area = STATES.get(a);
        List<String> owners = new ArrayList<>(List.of(ORGS.get(a)));
        if (r.nextInt(4) == 0) {
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
    return new World(series, agreements);
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

  private static void load(Vigil vigil, TestClock clock, World w) {
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
            ref.saveIndicator(
                sys,
                new Indicator(
                    code,
                    code,
                    "",
                    domain,
                    "cases",
                    Frequency.MONTHLY,
                    "",
                    Polarity.RISE_IS_BAD,
                    Aggregation.SUM,
                    "test",
                    true)));
    String hash = new PasswordHasher(1024, 1).hash(TestData.PASSWORD);
    vigil.users().save(sys, new User("sys.admin", "SECRETARIAT", Role.SYSTEM_ADMIN, hash, true));
    for (String org : ORGS.subList(0, 3)) {
      for (Role role : READER_ROLES) {
        vigil.users().save(sys, new User(user(org, role), org, role, hash, true));
      }
    }
    for (SharingAgreement a : w.agreements()) {
      vigil.sharing().grant(sys, a);
    }
    for (boolean first : new boolean[] {true, false}) {
      for (Series s : w.series()) {
        Ownership o = first ? s.firstVintage() : s.ownership();
        if (!first && o.equals(s.firstVintage())) {
          continue;
        }
        List<Observation> rows = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
          double v = i == 35 ? s.scale() * SPIKE : s.scale() * (1 + 1e-6 * Math.sin(i * 1.7));
          rows.add(
              new Observation(
                  s.indicator(), s.area(), Period.month(2022, 1).plus(i), v, "", "t", 0, null, o));
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
                    String.format(java.util.Locale.ROOT, "%064x", clock.instant().getEpochSecond()),
                    "long-csv",
                    rows.size(),
                    0,
                    0),
                rows);
      }
    }
  }

  private static String user(String org, Role role) {
    return org.toLowerCase(java.util.Locale.ROOT)
        + "."
        + role.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static AccessContext context(String reader) {
    if (reader.equals("anonymous")) {
      return AccessContext.anonymous();
    }
    if (reader.equals("sys.admin")) {
      return AccessContext.of(reader, "SECRETARIAT", Role.SYSTEM_ADMIN);
    }
    String org = reader.substring(0, reader.indexOf('.')).toUpperCase(java.util.Locale.ROOT);
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

  /** Every GET route of the OpenAPI document, with its parameters filled from the world. */
  static List<String> routes(World w) throws IOException {
    JsonNode doc;
    try (InputStream in = NoLeakPropertyTest.class.getResourceAsStream("/openapi.json")) {
      doc = JSON.readTree(in);
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("indicator", new ArrayList<>(new TreeSet<>(INDICATORS.keySet())));
    values.put("area", STATES);
    values.put("owner", ORGS);
    values.put("code", codes());
    values.put("period", List.of("2024-12", "2024-06"));
    values.put("limit", List.of("1000"));
    List<String> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      JsonNode get = path.getValue().get("get");
      if (get == null) {
        continue;
      }
      List<String> urls = new ArrayList<>(List.of(path.getKey()));
      for (JsonNode p : get.path("parameters")) {
        urls = expand(urls, p, values);
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
      List<String> urls, JsonNode p, Map<String, List<String>> values) {
    String name = p.path("name").asText();
    boolean required = p.path("required").asBoolean(false);
    List<String> candidates = new ArrayList<>();
    JsonNode en = p.path("schema").path("enum");
    if (en.isArray() && !en.isEmpty()) {
      en.forEach(v -> candidates.add(v.asText()));
      candidates.remove("pdf");
    } else if (values.containsKey(name)) {
      candidates.addAll(values.get(name));
    } else if (required) {
      candidates.add("1");
    }
    if (!required && !p.path("in").asText().equals("path") && !(en.isArray() && !en.isEmpty())) {
      candidates.add(null);
    }
    List<String> out = new ArrayList<>();
    for (String url : urls) {
      for (String v : candidates) {
        if (v == null) {
          out.add(url);
        } else if (p.path("in").asText().equals("path")) {
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

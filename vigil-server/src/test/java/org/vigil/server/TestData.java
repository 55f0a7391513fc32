package org.vigil.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.auth.PasswordHasher;
import org.vigil.model.AccessContext;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Classification;
import org.vigil.model.Document;
import org.vigil.model.Event;
import org.vigil.model.IngestBatch;
import org.vigil.model.Observation;
import org.vigil.model.Organisation;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.model.ThreatDomain;
import org.vigil.model.User;
import org.vigil.store.TestClock;
import org.vigil.store.TestSeries;
import org.vigil.timeseries.Period;

/**
 * A small world for HTTP tests: two member states' councils and the secretariat, one indicator,
 * values of every classification, a revision, events and documents, and users of several roles (all
 * with {@link #PASSWORD}, hashed cheaply so tests stay fast).
 *
 * <p>Observations of indicator {@link #INDICATOR}:
 *
 * <ul>
 *   <li>KAZ, owned by KAZ-SC, NATIONAL: 2024-01..03 = 10, 20, 30 recorded at {@link #T1}; 2024-02
 *       revised to 25 at {@link #T2};
 *   <li>RUS, owned by RUS-SC, NATIONAL: 2024-01..03 = 100, 200, 300 ({@link #SECRET} values);
 *   <li>RUS, owned by RUS-SC: SHARED 2023-12 = 90, PUBLIC 2023-11 = 80; RESTRICTED (shared with
 *       KAZ-SC) 2023-10 = 70.
 * </ul>
 */
final class TestData {
  static final String PASSWORD = "correct horse battery staple";
  static final String INDICATOR = "TEST_CRIME";
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  static final Instant T1 = Instant.parse("2025-02-01T00:00:00Z");
  static final Instant T2 = Instant.parse("2025-03-01T00:00:00Z");
  static final Instant NOW = Instant.parse("2025-04-01T00:00:00Z");

  /** Values only RUS-SC may see; no response to anyone else may contain them. */
  static final List<Double> SECRET = List.of(100.0, 200.0, 300.0);

  private TestData() {}

  /** A fresh in-memory Vigil with the world loaded; the clock stands at {@link #NOW}. */
  static Vigil open(String name, TestClock clock) {
    Vigil vigil = Vigil.open(VigilConfig.h2InMemory(name).withClock(clock));
    load(vigil, clock);
    return vigil;
  }

  static void load(Vigil vigil, TestClock clock) {
    AccessContext sys = AccessContext.system();
    var ref = vigil.reference();
    ref.saveArea(sys, new Area("KAZ", AreaKind.COUNTRY, "Kazakhstan", "Казахстан", "KZ", "398"));
    ref.saveArea(sys, new Area("RUS", AreaKind.COUNTRY, "Russia", "Россия", "RU", "643"));
    ref.saveOrganisation(sys, new Organisation("KAZ-SC", "Kazakhstan council", "", "KAZ", false));
    ref.saveOrganisation(sys, new Organisation("RUS-SC", "Russia council", "", "RUS", false));
    ref.saveOrganisation(sys, new Organisation("SECRETARIAT", "Secretariat", "", "KAZ", true));
    ref.saveIndicator(
        sys,
        TestSeries.monthlyCount(
            INDICATOR, "Test crimes", "", ThreatDomain.ORGANISED_CRIME, "cases"));
    String hash = new PasswordHasher(1024, 1).hash(PASSWORD);
    for (String[] u :
        new String[][] {
          {"kaz.analyst", "KAZ-SC", "ANALYST"},
          {"kaz.steward", "KAZ-SC", "DATA_STEWARD"},
          {"kaz.admin", "KAZ-SC", "ORG_ADMIN"},
          {"rus.analyst", "RUS-SC", "ANALYST"},
          {"rus.steward", "RUS-SC", "DATA_STEWARD"},
          {"rus.admin", "RUS-SC", "ORG_ADMIN"},
          {"sec.viewer", "SECRETARIAT", "VIEWER"},
          {"sys.admin", "SECRETARIAT", "SYSTEM_ADMIN"}
        }) {
      vigil.users().save(sys, new User(u[0], u[1], Role.parse(u[2]), hash, true));
    }
    clock.advance(java.time.Duration.between(clock.instant(), T1));
    Ownership kazNational = Ownership.of("KAZ-SC", Classification.NATIONAL);
    append(
        vigil,
        "KAZ-SC",
        "kaz-1.csv",
        List.of(
            obs("KAZ", "2024-01", 10, kazNational),
            obs("KAZ", "2024-02", 20, kazNational),
            obs("KAZ", "2024-03", 30, kazNational)));
    Ownership rusNational = Ownership.of("RUS-SC", Classification.NATIONAL);
    List<Observation> rus = new ArrayList<>();
    rus.add(obs("RUS", "2024-01", SECRET.get(0), rusNational));
    rus.add(obs("RUS", "2024-02", SECRET.get(1), rusNational));
    rus.add(obs("RUS", "2024-03", SECRET.get(2), rusNational));
    rus.add(obs("RUS", "2023-12", 90, Ownership.of("RUS-SC", Classification.SHARED)));
    rus.add(obs("RUS", "2023-11", 80, Ownership.of("RUS-SC", Classification.PUBLIC)));
    rus.add(obs("RUS", "2023-10", 70, Ownership.restricted("RUS-SC", java.util.Set.of("KAZ-SC"))));
    append(vigil, "RUS-SC", "rus-1.csv", rus);
    clock.advance(java.time.Duration.between(clock.instant(), T2));
    append(vigil, "KAZ-SC", "kaz-2.csv", List.of(obs("KAZ", "2024-02", 25, kazNational)));
    vigil.events().addEvent(sys, event("RUS", Classification.NATIONAL, "secret raid"));
    vigil.events().addEvent(sys, event("RUS", Classification.PUBLIC, "public protest"));
    vigil.events().addEvent(sys, event("KAZ", Classification.NATIONAL, "kaz national event"));
    vigil.events().addDocument(sys, document("RUS-SC", Classification.NATIONAL, "secret report"));
    vigil.events().addDocument(sys, document("RUS-SC", Classification.PUBLIC, "public report"));
    clock.advance(java.time.Duration.between(clock.instant(), NOW));
  }

  static Observation obs(String area, String period, double value, Ownership o) {
    return TestSeries.value(INDICATOR, area, Period.parse(period), value, o);
  }

  private static void append(Vigil vigil, String org, String file, List<Observation> rows) {
    TestSeries.append(vigil.observations(), org, Instant.EPOCH, file, sha256(file), rows);
  }

  private static String sha256(String s) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Event event(String area, Classification c, String summary) {
    String owner = area.equals("RUS") ? "RUS-SC" : "KAZ-SC";
    return new Event(
        0,
        java.time.LocalDate.of(2024, 3, 1),
        area,
        Double.NaN,
        Double.NaN,
        "ASSAULT",
        List.of("terrorism"),
        List.of("militant group"),
        0,
        ThreatDomain.TERRORISM,
        summary,
        "test",
        Ownership.of(owner, c));
  }

  private static Document document(String owner, Classification c, String title) {
    return new Document(
        0,
        "test",
        "",
        "en",
        java.time.LocalDate.of(2024, 3, 2),
        title,
        "text of " + title,
        java.util.Set.of(ThreatDomain.TERRORISM),
        java.util.Set.of("RUS"),
        Ownership.of(owner, c));
  }

  /**
   * A server over {@link #open} plus 48 monthly NATIONAL values of {@link #INDICATOR} for KAZ from
   * 2020-01 (value {@code i} at month {@code i}), appended as one system batch.
   */
  static TestServer withKazHistory(String name, java.util.function.IntToDoubleFunction value) {
    Vigil vigil = open(name, new org.vigil.store.TestClock(T0));
    Ownership kaz = Ownership.of("KAZ-SC", Classification.NATIONAL);
    List<Observation> rows = new ArrayList<>();
    for (int i = 0; i < 48; i++) {
      org.vigil.timeseries.Period p = org.vigil.timeseries.Period.month(2020, 1).plus(i);
      rows.add(new Observation(INDICATOR, "KAZ", p, value.applyAsDouble(i), "", "t", 0, null, kaz));
    }
    IngestBatch batch =
        new IngestBatch(
            0,
            "system",
            "KAZ-SC",
            Instant.EPOCH,
            name + ".csv",
            "d".repeat(64),
            "long-csv",
            48,
            0,
            0);
    vigil.observations().append(AccessContext.system(), batch, rows);
    return TestServer.start(vigil, ServerConfig.DEFAULT);
  }
}

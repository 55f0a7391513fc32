package org.vigil.app.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vigil.app.Vigil;
import org.vigil.app.auth.PasswordHasher;
import org.vigil.app.text.TextService;
import org.vigil.model.AccessContext;
import org.vigil.model.Document;
import org.vigil.model.Event;
import org.vigil.model.IngestBatch;
import org.vigil.model.Observation;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.model.User;
import org.vigil.text.source.RawText;
import org.vigil.timeseries.Period;

/**
 * The demo: reference data, the Penn World Table extract, the synthetic monthly indicators with
 * their ground truth, synthetic events and documents, and demo users of every role. {@link #load}
 * is idempotent: it loads once and recognises a database that already has the demo.
 *
 * <p>See resources/demo/README.md for the generator, the classifications and the logins.
 */
public final class DemoData {
  /** The password of every demo user. Demo only: change or disable these users in production. */
  public static final String PASSWORD = "vigil-demo-password";

  static final String PWT_FILE = "demo:pwt91_cis.csv";
  static final String FIRST_RELEASE_FILE = "demo:synthetic-first-release";
  static final String REVISION_FILE = "demo:synthetic-revisions";
  static final String HIGH_FREQUENCY_FILE = "demo:synthetic-weekly-daily";

  /** Who the demo's submissions name (an internal job, not a stored user). */
  static final String LOADER = "demo-loader";

  private DemoData() {}

  /**
   * What a load did.
   *
   * @param alreadyLoaded true when the database had the demo already (nothing was added)
   * @param referenceAdded reference records added
   * @param observationsAdded observation rows added (all vintages)
   * @param events events added
   * @param documents documents added
   * @param texts texts stored through the text pipeline (the synthetic corpus of {@link DemoTexts})
   * @param users users added
   * @param spec the generator spec used
   */
  public record LoadResult(
      boolean alreadyLoaded,
      int referenceAdded,
      int observationsAdded,
      int events,
      int documents,
      int texts,
      int users,
      DemoSpec spec) {}

  /**
   * Loads the demo into the database unless it is there already. Months run to the last full month
   * before the Vigil clock's today (at least 2025-12).
   */
  public static LoadResult load(Vigil vigil) {
    DemoSpec spec = DemoSpec.endingBefore(LocalDate.now(vigil.clock()));
    int reference = DemoReference.ensure(vigil);
    reference += DemoReference.ensureIndicators(vigil, DemoIndicators.synthetic());
    reference += DemoReference.ensureIndicators(vigil, DemoHighFrequency.indicators());
    reference += DemoReference.ensureIndicators(vigil, DemoIndicators.water());
    reference +=
        DemoReference.ensureAreas(vigil, Subdivisions.syntheticDistricts(Subdivisions.registry()));
    reference += DemoReference.ensureIndicators(vigil, DemoRegional.indicators());
    org.vigil.app.programme.ProgrammeDemo.load(vigil);
    AccessContext sys = AccessContext.system();
    List<GeneratedSeries> series = new SyntheticGenerator(spec).generate();
    List<Observation> revised = revisions(series);
    long owners = revised.stream().map(o -> o.ownership().owner()).distinct().count();
    boolean loaded =
        vigil.observations().batches(sys).stream()
                .filter(b -> b.sourceFile().equals(REVISION_FILE))
                .count()
            == owners;
    if (loaded) {
      return new LoadResult(true, reference, 0, 0, 0, 0, 0, spec);
    }
    // Each step skips what is already there, and the revision batch (the marker above) comes
    // last, so a load that was interrupted completes on the next run without duplicates.
    int users = addUsers(vigil);
    int events = addEvents(vigil, spec);
    int documents = addDocuments(vigil);
    int texts = addTexts(vigil, spec);
    int added = appendBatch(vigil, sys, PWT_FILE, "pwt-csv", PennWorldTable.observations());
    // Each state's council submits its own series (the loader acts for it as a data steward), so
    // every state's submission history (the Data page, GET /api/batches) shows its two demo
    // submissions: first releases, then revisions.
    added += appendByOwner(vigil, FIRST_RELEASE_FILE, firstReleases(series));
    added += appendByOwner(vigil, HIGH_FREQUENCY_FILE, DemoHighFrequency.observations(spec));
    added += appendByOwner(vigil, DemoWater.FILE, DemoWater.observations(spec));
    added += appendByOwner(vigil, DemoRegional.FILE, DemoRegional.observations(spec));
    added += appendByOwner(vigil, REVISION_FILE, revised);
    return new LoadResult(false, reference, added, events, documents, texts, users, spec);
  }

  /**
   * The ground truth of the default spec (2015-01 .. 2025-12). Of it, each series' trend,
   * seasonality, history shocks (spikes and level shifts, all in 2015-06 .. 2025-06), reporting
   * gaps and 2022 revisions hold for any later end month too. The recent events ({@link
   * PlantedSeries#recentShocks}) and the revised provisional last three months ({@link
   * PlantedSeries#revised}) are placed by the end month and move with it: for a demo loaded on
   * another day use {@code groundTruth(DemoSpec.endingBefore(today))}, as {@link #load} does.
   */
  public static List<PlantedSeries> groundTruth() {
    return groundTruth(DemoSpec.DEFAULT);
  }

  /** The ground truth of the series the generator makes for a spec. */
  public static List<PlantedSeries> groundTruth(DemoSpec spec) {
    return new SyntheticGenerator(spec).generate().stream().map(GeneratedSeries::truth).toList();
  }

  /** The generated series themselves, without a database (for engine tests). */
  public static List<GeneratedSeries> series(DemoSpec spec) {
    return new SyntheticGenerator(spec).generate();
  }

  /** Every demo login; all share {@link #PASSWORD}. */
  public static List<DemoUser> users() {
    List<DemoUser> out = new ArrayList<>();
    String sec = DemoOrganisations.SECRETARIAT;
    out.add(new DemoUser("admin", sec, Role.SYSTEM_ADMIN));
    out.add(new DemoUser("secretariat.admin", sec, Role.ORG_ADMIN));
    out.add(new DemoUser("secretariat.analyst", sec, Role.ANALYST));
    out.add(new DemoUser("secretariat.coordinator", sec, Role.PROGRAMME_COORDINATOR));
    out.add(new DemoUser("secretariat.steward", sec, Role.DATA_STEWARD));
    out.add(new DemoUser("secretariat.viewer", sec, Role.VIEWER));
    Map<Role, String> suffix =
        Map.of(
            Role.ORG_ADMIN, "admin",
            Role.ANALYST, "analyst",
            Role.DATA_STEWARD, "steward",
            Role.PROGRAMME_COORDINATOR, "coordinator",
            Role.VIEWER, "viewer");
    for (String state : WorldAreas.CIS_STATES) {
      for (Role r :
          List.of(
              Role.ORG_ADMIN,
              Role.ANALYST,
              Role.DATA_STEWARD,
              Role.PROGRAMME_COORDINATOR,
              Role.VIEWER)) {
        out.add(
            new DemoUser(
                state.toLowerCase(java.util.Locale.ROOT) + "." + suffix.get(r),
                DemoOrganisations.councilOf(state),
                r));
      }
    }
    return out;
  }

  static int addEvents(Vigil vigil, DemoSpec spec) {
    AccessContext sys = AccessContext.system();
    boolean present =
        vigil
            .events()
            .events(sys, spec.first().atDay(1), spec.last().atEndOfMonth(), "", null)
            .stream()
            .anyMatch(e -> e.source().equals(DemoIndicators.SYNTHETIC_SOURCE));
    if (present) {
      return 0;
    }
    List<Event> events = DemoEvents.events(spec);
    events.forEach(e -> vigil.events().addEvent(sys, e));
    return events.size();
  }

  static int addDocuments(Vigil vigil) {
    AccessContext sys = AccessContext.system();
    boolean present =
        vigil.events().documents(sys, "", "", null).stream()
            .anyMatch(d -> d.source().equals(DemoIndicators.SYNTHETIC_SOURCE));
    if (present) {
      return 0;
    }
    List<Document> documents = DemoEvents.documents();
    documents.forEach(d -> vigil.events().addDocument(sys, d));
    return documents.size();
  }

  /**
   * Stores the synthetic bilingual corpus ({@link DemoTexts}) through the text pipeline, which
   * derives its signals; texts already stored are skipped, so a resumed load adds nothing twice.
   */
  static int addTexts(Vigil vigil, DemoSpec spec) {
    AccessContext sys = AccessContext.system();
    Map<Ownership, List<RawText>> byOwner = new LinkedHashMap<>();
    for (DemoTexts.OwnedText t : DemoTexts.corpus(spec.last())) {
      byOwner.computeIfAbsent(t.ownership(), k -> new ArrayList<>()).add(t.text());
    }
    int stored = 0;
    try (TextService texts = TextService.open(vigil)) {
      for (Map.Entry<Ownership, List<RawText>> e : byOwner.entrySet()) {
        stored += texts.ingest(sys, e.getValue(), e.getKey()).stored();
      }
    }
    return stored;
  }

  private static int addUsers(Vigil vigil) {
    // One hash for all: Argon2id costs ~0.1 s, and every demo user has the same password anyway.
    String hash = new PasswordHasher().hash(PASSWORD);
    int added = 0;
    for (DemoUser u : users()) {
      if (vigil.users().findForLogin(u.username()).isEmpty()) {
        vigil
            .users()
            .save(
                AccessContext.system(),
                new User(u.username(), u.organisation(), u.role(), hash, true, true));
        added++;
      }
    }
    return added;
  }

  static List<Observation> firstReleases(List<GeneratedSeries> series) {
    List<Observation> out = new ArrayList<>();
    for (GeneratedSeries s : series) {
      Period lastThree = s.values().isEmpty() ? null : s.values().lastKey().plus(-2);
      s.values()
          .forEach(
              (p, v) -> {
                Double first = s.firstRelease().get(p);
                boolean provisional =
                    first != null && lastThree != null && p.compareTo(lastThree) >= 0;
                out.add(obs(s, p, first == null ? v : first, provisional ? "P" : ""));
              });
    }
    return out;
  }

  static List<Observation> revisions(List<GeneratedSeries> series) {
    List<Observation> out = new ArrayList<>();
    for (GeneratedSeries s : series) {
      s.firstRelease().keySet().forEach(p -> out.add(obs(s, p, s.values().get(p), "")));
    }
    return out;
  }

  private static Observation obs(GeneratedSeries s, Period p, double v, String flags) {
    return new Observation(
        s.truth().indicator(),
        s.truth().area(),
        p,
        v,
        flags,
        DemoIndicators.SYNTHETIC_SOURCE,
        0,
        null,
        s.ownership());
  }

  /** One batch of a file per owning organisation, skipping owners whose batch is already in. */
  static int appendByOwner(Vigil vigil, String file, List<Observation> obs) {
    Map<String, List<Observation>> byOwner = new TreeMap<>();
    obs.forEach(o -> byOwner.computeIfAbsent(o.ownership().owner(), k -> new ArrayList<>()).add(o));
    int added = 0;
    for (Map.Entry<String, List<Observation>> e : byOwner.entrySet()) {
      // A state's council reports for its own state; what the secretariat owns (shared river
      // basins) has no reporting agreement in the demo and is loaded by the system.
      AccessContext as =
          e.getKey().endsWith("-SC")
              ? AccessContext.of(LOADER, e.getKey(), Role.DATA_STEWARD)
              : AccessContext.system();
      added += appendBatch(vigil, as, file, "synthetic", e.getValue());
    }
    return added;
  }

  private static int appendBatch(
      Vigil vigil, AccessContext as, String file, String format, List<Observation> obs) {
    boolean there =
        vigil.observations().batches(AccessContext.system()).stream()
            .anyMatch(
                b -> b.sourceFile().equals(file) && b.organisation().equals(as.organisation()));
    if (there) {
      return 0;
    }
    IngestBatch batch =
        new IngestBatch(
            0,
            as.user(),
            as.organisation(),
            Instant.EPOCH,
            file,
            sha256(file),
            format,
            obs.size(),
            0,
            0);
    return vigil.observations().append(as, batch, obs).rowsAdded();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK has no SHA-256", e);
    }
  }
}

package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Aggregation;
import org.vigil.model.ApiToken;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.AuditEntry;
import org.vigil.model.AuditVerification;
import org.vigil.model.Classification;
import org.vigil.model.Document;
import org.vigil.model.Event;
import org.vigil.model.GroupMembership;
import org.vigil.model.Indicator;
import org.vigil.model.IngestBatch;
import org.vigil.model.InvalidInputException;
import org.vigil.model.Observation;
import org.vigil.model.Organisation;
import org.vigil.model.Ownership;
import org.vigil.model.Polarity;
import org.vigil.model.Role;
import org.vigil.model.SharingAgreement;
import org.vigil.model.ThreatDomain;
import org.vigil.model.User;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;

/** The repository contract, run on H2 and on PostgreSQL by the subclasses. */
abstract class StoreContractTest {
  static final String KAZ = "KAZ-SC";
  static final String RUS = "RUS-SC";
  static final String ARM = "ARM-SC";
  static final AccessContext SYSTEM = AccessContext.system();
  static final AccessContext KAZ_STEWARD = AccessContext.of("kaz.steward", KAZ, Role.DATA_STEWARD);
  static final AccessContext KAZ_VIEWER = AccessContext.of("kaz.viewer", KAZ, Role.VIEWER);
  static final AccessContext RUS_VIEWER = AccessContext.of("rus.viewer", RUS, Role.VIEWER);
  static final AccessContext RUS_ADMIN = AccessContext.of("rus.admin", RUS, Role.ORG_ADMIN);
  static final AccessContext RUS_SYSADMIN =
      AccessContext.of("rus.sysadmin", RUS, Role.SYSTEM_ADMIN);
  static final AccessContext ARM_VIEWER = AccessContext.of("arm.viewer", ARM, Role.VIEWER);
  static final AccessContext KAZ_ADMIN = AccessContext.of("kaz.admin", KAZ, Role.ORG_ADMIN);

  TestClock clock;
  StoreFixtures.OpenStore open;
  Store store;

  abstract StoreFixtures.TestDatabase database();

  @BeforeEach
  void openStore() {
    clock = TestClock.standard();
    open = StoreFixtures.open(database(), clock);
    store = open.store();
    for (String c : List.of("KAZ", "RUS", "ARM")) {
      store.reference().saveArea(SYSTEM, new Area(c, AreaKind.COUNTRY, c, c, "", ""));
      // Who may report for which area is data: each council reports for its own state.
      store
          .reference()
          .saveOrganisation(SYSTEM, new Organisation(c + "-SC", c + " council", "", c, false));
    }
    store.reference().saveArea(SYSTEM, new Area("CIS", AreaKind.GROUP, "CIS", "СНГ", "", ""));
    for (String c : List.of("KAZ", "RUS", "ARM")) {
      store
          .reference()
          .saveOrganisation(SYSTEM, new Organisation(c + "-SC", c + " council", "", c, false));
    }
    store.reference().saveIndicator(SYSTEM, indicator("TERROR_INCIDENTS", ThreatDomain.TERRORISM));
    store
        .reference()
        .saveIndicator(SYSTEM, indicator("DRUG_SEIZURES", ThreatDomain.DRUG_TRAFFICKING));
  }

  @AfterEach
  void closeStore() {
    open.close();
  }

  static Indicator indicator(String code, ThreatDomain d) {
    return new Indicator(
        code,
        code,
        "",
        d,
        "count",
        Frequency.MONTHLY,
        "",
        Polarity.RISE_IS_BAD,
        Aggregation.SUM,
        "",
        false);
  }

  static Observation obs(String ind, String area, int month, double v, Ownership o) {
    return new Observation(ind, area, Period.month(2024, month), v, "", "test", 0, null, o);
  }

  private static final java.util.concurrent.atomic.AtomicLong DIGESTS =
      new java.util.concurrent.atomic.AtomicLong();

  /** A batch with a digest of its own: one (organisation, digest) is stored once. */
  static IngestBatch batch(String file) {
    String sha = String.format(java.util.Locale.ROOT, "%064x", DIGESTS.incrementAndGet());
    return new IngestBatch(0, "x", "x", Instant.EPOCH, file, sha, "long-csv", 0, 0, 0);
  }

  IngestBatch append(AccessContext ctx, Observation... obs) {
    clock.advance(Duration.ofHours(1));
    return store.observations().append(ctx, batch("f.csv"), List.of(obs));
  }

  @Test
  void append_batchWithLicenceAndCitation_keepsThemWithTheBatch() {
    clock.advance(Duration.ofHours(1));
    IngestBatch pulled =
        batch("https://api.worldbank.org/v2/country/KAZ/indicator/X?format=json")
            .withProvenance("CC BY 4.0", "World Bank, World Development Indicators");
    IngestBatch stored =
        store
            .observations()
            .append(
                SYSTEM,
                pulled,
                List.of(
                    obs(
                        "TERROR_INCIDENTS",
                        "KAZ",
                        1,
                        5,
                        Ownership.of(KAZ, Classification.PUBLIC))));
    IngestBatch byHand =
        append(
            KAZ_STEWARD,
            obs("TERROR_INCIDENTS", "KAZ", 2, 6, Ownership.of(KAZ, Classification.PUBLIC)));

    assertThat(stored.licence()).isEqualTo("CC BY 4.0");
    List<IngestBatch> listed = store.observations().batches(SYSTEM);
    IngestBatch read = listed.stream().filter(b -> b.id() == stored.id()).findFirst().orElseThrow();
    assertThat(read.licence()).isEqualTo("CC BY 4.0");
    assertThat(read.citation()).isEqualTo("World Bank, World Development Indicators");
    IngestBatch hand = listed.stream().filter(b -> b.id() == byHand.id()).findFirst().orElseThrow();
    assertThat(hand.licence()).isEmpty();
    assertThat(hand.citation()).isEmpty();
  }

  // ---- access control

  @Test
  void series_nationalOfOtherOrganisation_isNotReturned() {
    append(
        KAZ_STEWARD,
        obs("TERROR_INCIDENTS", "KAZ", 1, 5, Ownership.of(KAZ, Classification.NATIONAL)));

    assertThat(store.observations().series(KAZ_VIEWER, "TERROR_INCIDENTS", "KAZ")).hasSize(1);
    assertThat(store.observations().series(RUS_VIEWER, "TERROR_INCIDENTS", "KAZ")).isEmpty();
    assertThat(store.observations().series(RUS_SYSADMIN, "TERROR_INCIDENTS", "KAZ")).isEmpty();
    assertThat(store.observations().latestByIndicator(RUS_VIEWER, "TERROR_INCIDENTS", Instant.MAX))
        .isEmpty();
    assertThat(
            store
                .observations()
                .vintages(RUS_VIEWER, "TERROR_INCIDENTS", "KAZ", Period.month(2024, 1)))
        .isEmpty();
    assertThat(store.observations().count(RUS_VIEWER)).isZero();
    assertThat(store.observations().count(KAZ_VIEWER)).isEqualTo(1);
  }

  @Test
  void series_weeklyAndDailyPeriods_roundTripInTimeOrder() {
    for (Frequency f : List.of(Frequency.WEEKLY, Frequency.DAILY)) {
      Indicator i = indicator("REPORTS_" + f, ThreatDomain.TERRORISM);
      store
          .reference()
          .saveIndicator(
              SYSTEM,
              new Indicator(
                  i.code(),
                  i.nameEn(),
                  i.nameRu(),
                  i.domain(),
                  i.unit(),
                  f,
                  i.iccsCode(),
                  i.polarity(),
                  i.aggregation(),
                  i.source(),
                  false));
    }
    Ownership kaz = Ownership.of(KAZ, Classification.SHARED);
    List<Observation> obs = new ArrayList<>();
    // Written out of order, across a 53-week year and a leap day.
    for (String p : List.of("2021-W01", "2020-W53", "2020-W52")) {
      obs.add(new Observation("REPORTS_WEEKLY", "KAZ", Period.parse(p), 1, "", "t", 0, null, kaz));
    }
    for (String p : List.of("2024-03-01", "2024-02-29", "2024-02-28")) {
      obs.add(new Observation("REPORTS_DAILY", "KAZ", Period.parse(p), 2, "", "t", 0, null, kaz));
    }
    clock.advance(Duration.ofHours(1));
    store.observations().append(KAZ_STEWARD, batch("w.csv"), obs);

    assertThat(store.observations().series(KAZ_VIEWER, "REPORTS_WEEKLY", "KAZ"))
        .extracting(o -> o.period().toString())
        .containsExactly("2020-W52", "2020-W53", "2021-W01");
    assertThat(store.observations().series(KAZ_VIEWER, "REPORTS_DAILY", "KAZ"))
        .extracting(o -> o.period().toString())
        .containsExactly("2024-02-28", "2024-02-29", "2024-03-01");
  }

  @Test
  void series_restricted_readableOnlyByNamedOrganisations() {
    append(
        KAZ_STEWARD, obs("TERROR_INCIDENTS", "KAZ", 1, 5, Ownership.restricted(KAZ, Set.of(RUS))));

    assertThat(store.observations().series(RUS_VIEWER, "TERROR_INCIDENTS", "KAZ")).hasSize(1);
    assertThat(store.observations().series(ARM_VIEWER, "TERROR_INCIDENTS", "KAZ")).isEmpty();
    assertThat(store.observations().series(AccessContext.anonymous(), "TERROR_INCIDENTS", "KAZ"))
        .isEmpty();
  }

  @Test
  void series_sharedAndPublic_followMembership() {
    append(
        KAZ_STEWARD,
        obs("TERROR_INCIDENTS", "KAZ", 1, 5, Ownership.of(KAZ, Classification.SHARED)),
        obs("TERROR_INCIDENTS", "KAZ", 2, 6, Ownership.of(KAZ, Classification.PUBLIC)));

    assertThat(store.observations().series(RUS_VIEWER, "TERROR_INCIDENTS", "KAZ")).hasSize(2);
    assertThat(store.observations().series(AccessContext.anonymous(), "TERROR_INCIDENTS", "KAZ"))
        .extracting(Observation::value)
        .containsExactly(6.0);
  }

  @Test
  void append_othersData_isDeniedAndChangesNothing() {
    String before = StoreFixtures.dump(open.dataSource());

    assertThatThrownBy(
            () ->
                append(
                    RUS_ADMIN,
                    obs("TERROR_INCIDENTS", "KAZ", 1, 5, Ownership.of(KAZ, Classification.PUBLIC))))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("KAZ-SC");
    assertThatThrownBy(
            () ->
                append(
                    KAZ_VIEWER,
                    obs("TERROR_INCIDENTS", "KAZ", 1, 5, Ownership.of(KAZ, Classification.PUBLIC))))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(StoreFixtures.dump(open.dataSource())).isEqualTo(before);
  }

  @Test
  void sharingAgreement_grantsOneDomainUntilRevoked() {
    append(
        KAZ_STEWARD,
        obs("TERROR_INCIDENTS", "KAZ", 1, 5, Ownership.of(KAZ, Classification.NATIONAL)),
        obs("DRUG_SEIZURES", "KAZ", 1, 7, Ownership.of(KAZ, Classification.NATIONAL)));
    store
        .sharing()
        .grant(
            KAZ_ADMIN,
            new SharingAgreement(
                KAZ, RUS, Classification.NATIONAL, Set.of(ThreatDomain.TERRORISM)));

    assertThat(store.observations().series(RUS_VIEWER, "TERROR_INCIDENTS", "KAZ")).hasSize(1);
    assertThat(store.observations().series(RUS_VIEWER, "DRUG_SEIZURES", "KAZ")).isEmpty();
    assertThat(store.observations().series(ARM_VIEWER, "TERROR_INCIDENTS", "KAZ")).isEmpty();
    assertThat(store.sharing().agreements(RUS_VIEWER)).hasSize(1);

    store.sharing().revoke(KAZ_ADMIN, KAZ, RUS, Classification.NATIONAL);
    assertThat(store.observations().series(RUS_VIEWER, "TERROR_INCIDENTS", "KAZ")).isEmpty();
  }

  @Test
  void sharingAgreement_byOtherOrganisation_isDenied() {
    assertThatThrownBy(
            () ->
                store
                    .sharing()
                    .grant(
                        RUS_ADMIN,
                        new SharingAgreement(
                            KAZ, RUS, Classification.NATIONAL, SharingAgreement.allDomains())))
        .isInstanceOf(AccessDeniedException.class);
  }

  // ---- vintages

  @Test
  void append_revisedValue_addsVintageAndAsOfSeesThePast() {
    Ownership o = Ownership.of(KAZ, Classification.SHARED);
    IngestBatch first = append(KAZ_STEWARD, obs("TERROR_INCIDENTS", "KAZ", 1, 5, o));
    Instant afterFirst = clock.advance(Duration.ofMinutes(1));
    IngestBatch second =
        append(
            KAZ_STEWARD,
            obs("TERROR_INCIDENTS", "KAZ", 1, 6, o),
            obs("TERROR_INCIDENTS", "KAZ", 2, 9, o));

    assertThat(first.rowsAdded()).isEqualTo(1);
    assertThat(second.rowsAdded()).isEqualTo(2);
    assertThat(store.observations().series(KAZ_VIEWER, "TERROR_INCIDENTS", "KAZ"))
        .extracting(Observation::value)
        .containsExactly(6.0, 9.0);
    assertThat(store.observations().series(KAZ_VIEWER, "TERROR_INCIDENTS", "KAZ", afterFirst))
        .extracting(Observation::value, Observation::batch)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(5.0, first.id()));
    assertThat(
            store
                .observations()
                .series(KAZ_VIEWER, "TERROR_INCIDENTS", "KAZ", first.at().minusNanos(1000)))
        .isEmpty();
    assertThat(
            store
                .observations()
                .vintages(KAZ_VIEWER, "TERROR_INCIDENTS", "KAZ", Period.month(2024, 1)))
        .extracting(Observation::value, Observation::recordedAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(5.0, first.at()),
            org.assertj.core.groups.Tuple.tuple(6.0, second.at()));
  }

  @Test
  void append_identicalReingest_addsNothingAndChangesNothing() {
    Ownership o = Ownership.of(KAZ, Classification.NATIONAL);
    List<Observation> rows = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      rows.add(obs("TERROR_INCIDENTS", "KAZ", m, m * 1.5, o));
    }
    rows.add(
        new Observation(
            "TERROR_INCIDENTS", "KAZ", Period.month(2023, 12), Double.NaN, "", "test", 0, null, o));
    IngestBatch first = store.observations().append(KAZ_STEWARD, batch("a.csv"), rows);
    String before = StoreFixtures.dump(open.dataSource());
    clock.advance(Duration.ofDays(1));

    IngestBatch again = store.observations().append(KAZ_STEWARD, batch("a.csv"), rows);

    assertThat(first.rowsAdded()).isEqualTo(13);
    assertThat(again.rowsAdded()).isZero();
    assertThat(again.id()).isZero();
    assertThat(StoreFixtures.dump(open.dataSource())).isEqualTo(before);
    assertThat(store.observations().series(KAZ_VIEWER, "TERROR_INCIDENTS", "KAZ").get(0).value())
        .isNaN();
  }

  @Test
  void append_sameValuesUnderAnotherSourceLabel_addsNothing_aChangedValueStillDoes() {
    Ownership o = Ownership.of(KAZ, Classification.SHARED);
    List<Observation> rows = new ArrayList<>();
    for (int m = 1; m <= 6; m++) {
      rows.add(obs("TERROR_INCIDENTS", "KAZ", m, m * 2.0, o));
    }
    IngestBatch first = store.observations().append(KAZ_STEWARD, batch("export.xml"), rows);
    String before = StoreFixtures.dump(open.dataSource());
    clock.advance(Duration.ofDays(1));
    // The same values again, from a file of another name (e.g. an SDMX export re-imported): the
    // source label differs, the reading does not, so it is no revision.
    List<Observation> relabelled = new ArrayList<>();
    for (Observation r : rows) {
      relabelled.add(
          new Observation(
              r.indicator(),
              r.area(),
              r.period(),
              r.value(),
              r.flags(),
              "export-copy.xml",
              0,
              null,
              r.ownership()));
    }
    IngestBatch again =
        store.observations().append(KAZ_STEWARD, batch("export-copy.xml"), relabelled);
    assertThat(first.rowsAdded()).isEqualTo(6);
    assertThat(again.rowsAdded()).isZero();
    assertThat(StoreFixtures.dump(open.dataSource())).isEqualTo(before);

    relabelled.set(
        0,
        new Observation(
            "TERROR_INCIDENTS",
            "KAZ",
            Period.month(2024, 1),
            99.0,
            "",
            "export-copy.xml",
            0,
            null,
            o));
    IngestBatch revised =
        store.observations().append(KAZ_STEWARD, batch("export-copy.xml"), relabelled);
    assertThat(revised.rowsAdded()).isEqualTo(1);
  }

  @Test
  void append_conflictingDuplicateInOneBatch_isRejected() {
    Ownership o = Ownership.of(KAZ, Classification.NATIONAL);
    assertThatThrownBy(
            () ->
                append(
                    KAZ_STEWARD,
                    obs("TERROR_INCIDENTS", "KAZ", 1, 1, o),
                    obs("TERROR_INCIDENTS", "KAZ", 1, 2, o)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("TERROR_INCIDENTS/KAZ/2024-01");
  }

  @Test
  void append_unknownReferences_areNamedAndNothingIsWritten() {
    String before = StoreFixtures.dump(open.dataSource());
    Ownership o = Ownership.of(KAZ, Classification.NATIONAL);

    assertThatThrownBy(
            () ->
                append(
                    KAZ_STEWARD,
                    obs("TERROR_INCIDENTS", "KAZ", 1, 1, o),
                    obs("NO_SUCH", "XYZ", 1, 2, o)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("NO_SUCH")
        .hasMessageContaining("XYZ");
    assertThat(StoreFixtures.dump(open.dataSource())).isEqualTo(before);
  }

  /** The last row breaks a column limit only the database checks, after 12,000 rows were sent. */
  @Test
  void append_failingInTheMiddleOfWriting_leavesDatabaseUnchanged() {
    append(
        KAZ_STEWARD,
        obs("TERROR_INCIDENTS", "KAZ", 1, 1, Ownership.of(KAZ, Classification.NATIONAL)));
    String before = StoreFixtures.dump(open.dataSource());
    Ownership o = Ownership.of(KAZ, Classification.NATIONAL);
    List<Observation> rows = new ArrayList<>();
    for (int i = 0; i < 12_000; i++) {
      Period p = Period.month(1000 + i / 12, i % 12 + 1);
      rows.add(new Observation("TERROR_INCIDENTS", "KAZ", p, i, "", "", 0, null, o));
    }
    rows.add(
        new Observation(
            "TERROR_INCIDENTS", "KAZ", Period.month(2024, 1), 1, "X".repeat(40), "", 0, null, o));

    assertThatThrownBy(() -> store.observations().append(KAZ_STEWARD, batch("big.csv"), rows))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("Nothing was changed");
    assertThat(StoreFixtures.dump(open.dataSource())).isEqualTo(before);
    assertThat(store.audit().verify(SYSTEM).valid()).isTrue();
  }

  @Test
  void append_batchRecordsWhoWhenFileAndCounts() {
    clock.advance(Duration.ofHours(1));
    IngestBatch b =
        store
            .observations()
            .append(
                KAZ_STEWARD,
                new IngestBatch(
                    0, "ignored", "ignored", Instant.EPOCH, "kaz.csv", "ff00", "owid", 3, 0, 1),
                List.of(
                    obs(
                        "TERROR_INCIDENTS",
                        "KAZ",
                        1,
                        1,
                        Ownership.of(KAZ, Classification.NATIONAL))));

    assertThat(store.observations().batches(KAZ_VIEWER))
        .containsExactly(
            new IngestBatch(
                b.id(), "kaz.steward", KAZ, clock.instant(), "kaz.csv", "ff00", "owid", 3, 1, 1));
    assertThat(store.observations().batches(RUS_VIEWER)).isEmpty();
  }

  // ---- audit

  @Test
  void audit_writesAndSensitiveReads_areRecordedAndVerify() {
    append(
        KAZ_STEWARD,
        obs("TERROR_INCIDENTS", "KAZ", 1, 5, Ownership.of(KAZ, Classification.NATIONAL)));
    store.observations().series(KAZ_VIEWER.withOrigin("10.0.0.7"), "TERROR_INCIDENTS", "KAZ");

    List<AuditEntry> entries = store.audit().entries(RUS_SYSADMIN, 0, 100);
    assertThat(entries)
        .extracting(AuditEntry::action)
        .contains("reference.insert", "observation.append", "observation.read");
    AuditEntry read =
        entries.stream()
            .filter(e -> e.action().equals("observation.read"))
            .findFirst()
            .orElseThrow();
    assertThat(read.user()).isEqualTo("kaz.viewer");
    assertThat(read.organisation()).isEqualTo(KAZ);
    assertThat(read.origin()).isEqualTo("10.0.0.7");
    assertThat(read.subject()).isEqualTo("TERROR_INCIDENTS/KAZ");
    assertThat(store.audit().verify(SYSTEM)).isEqualTo(AuditVerification.ok(entries.size() + 1L));
  }

  @Test
  void audit_isReadableByAdminsOnly() {
    assertThatThrownBy(() -> store.audit().entries(KAZ_VIEWER, 0, 10))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> store.audit().verify(KAZ_ADMIN))
        .isInstanceOf(AccessDeniedException.class);
    store.audit().record(RUS_ADMIN, "login", "rus.admin", "");
    assertThat(store.audit().entries(KAZ_ADMIN, 0, 100))
        .allMatch(e -> e.organisation().equals(KAZ));
  }

  @Test
  void verify_changedEntry_isDetected() throws SQLException {
    sql("UPDATE audit_log SET subject = 'area XXX' WHERE seq = 2");
    AuditVerification v = store.audit().verify(SYSTEM);
    assertThat(v.valid()).isFalse();
    assertThat(v.firstBadSeq()).isEqualTo(2);
    assertThat(v.problem()).contains("changed");
  }

  @Test
  void verify_removedEntry_isDetected() throws SQLException {
    sql("DELETE FROM audit_log WHERE seq = 3");
    AuditVerification v = store.audit().verify(SYSTEM);
    assertThat(v.valid()).isFalse();
    assertThat(v.firstBadSeq()).isEqualTo(3);
    assertThat(v.problem()).contains("removed");
  }

  @Test
  void verify_removedLastEntry_isDetectedByTheHead() throws SQLException {
    sql("DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)");
    AuditVerification v = store.audit().verify(SYSTEM);
    assertThat(v.valid()).isFalse();
    assertThat(v.problem()).contains("head");
  }

  @Test
  void verify_reorderedEntries_isDetected() throws SQLException {
    // Swap the contents of entries 2 and 3 (keeping the sequence numbers in place).
    sql("UPDATE audit_log SET seq = -2 WHERE seq = 2");
    sql("UPDATE audit_log SET seq = 2 WHERE seq = 3");
    sql("UPDATE audit_log SET seq = 3 WHERE seq = -2");
    AuditVerification v = store.audit().verify(SYSTEM);
    assertThat(v.valid()).isFalse();
    assertThat(v.firstBadSeq()).isEqualTo(2);
  }

  void sql(String statement) throws SQLException {
    try (Connection c = open.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  // ---- reference, users, tokens, events, documents

  @Test
  void reference_roundTripsAndIsWrittenBySystemAdminsOnly() {
    store
        .reference()
        .saveMembership(
            SYSTEM,
            new GroupMembership(
                "CIS", "KAZ", LocalDate.of(1991, 12, 21), LocalDate.MAX.withYear(9999)));
    store
        .reference()
        .saveOrganisation(SYSTEM, new Organisation(KAZ, "KAZ council", "", "KAZ", false));

    assertThat(store.reference().members(KAZ_VIEWER, "CIS", LocalDate.of(2024, 1, 1)))
        .containsExactly("KAZ");
    assertThat(store.reference().members(KAZ_VIEWER, "CIS", LocalDate.of(1990, 1, 1))).isEmpty();
    assertThat(store.reference().indicator(KAZ_VIEWER, "DRUG_SEIZURES"))
        .contains(indicator("DRUG_SEIZURES", ThreatDomain.DRUG_TRAFFICKING));
    assertThat(store.reference().organisation(AccessContext.anonymous(), KAZ)).isPresent();
    assertThat(store.reference().areas(KAZ_VIEWER)).hasSize(4);
    assertThatThrownBy(
            () ->
                store
                    .reference()
                    .saveArea(KAZ_ADMIN, new Area("UZB", AreaKind.COUNTRY, "U", "", "", "")))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void users_orgAdminManagesOwnOrganisationOnly() {
    // The store keeps the PHC string it is given; hashing is the auth service's job.
    String hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2g";
    store.users().save(KAZ_ADMIN, new User("kaz.analyst", KAZ, Role.ANALYST, hash, true));

    assertThatThrownBy(
            () ->
                store
                    .users()
                    .save(KAZ_ADMIN, new User("rus.analyst", RUS, Role.ANALYST, hash, true)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                store
                    .users()
                    .save(KAZ_ADMIN, new User("kaz.root", KAZ, Role.SYSTEM_ADMIN, hash, true)))
        .isInstanceOf(AccessDeniedException.class);
    User u = store.users().findForLogin("kaz.analyst").orElseThrow();
    assertThat(u.passwordHash()).isEqualTo(hash);
    assertThat(store.users().list(RUS_ADMIN)).isEmpty();
    assertThat(store.users().list(KAZ_ADMIN))
        .extracting(User::username)
        .containsExactly("kaz.analyst");
  }

  @Test
  void tokens_createFindAndRevoke() {
    store.users().save(SYSTEM, new User("kaz.analyst", KAZ, Role.ANALYST, "$argon2id$x", true));
    AccessContext me = AccessContext.of("kaz.analyst", KAZ, Role.ANALYST);
    ApiToken t =
        store
            .tokens()
            .create(me, "kaz.analyst", "hash1", "ci", clock.instant().plus(Duration.ofDays(1)));

    assertThat(store.tokens().findByHash("hash1")).contains(t);
    assertThat(t.usableAt(clock.instant())).isTrue();
    assertThatThrownBy(() -> store.tokens().list(RUS_ADMIN, "kaz.analyst"))
        .isInstanceOf(AccessDeniedException.class);

    store.tokens().revoke(me, t.id());
    Optional<ApiToken> revoked = store.tokens().findByHash("hash1");
    assertThat(revoked.orElseThrow().usableAt(clock.instant())).isFalse();
  }

  @Test
  void events_andDocuments_areFilteredByTheReadRule() {
    store
        .events()
        .addEvent(
            KAZ_STEWARD,
            new Event(
                0,
                LocalDate.of(2024, 3, 1),
                "KAZ",
                43.2,
                76.9,
                "ASSAULT",
                List.of("terrorism"),
                List.of("militant group"),
                2,
                ThreatDomain.TERRORISM,
                "",
                "",
                Ownership.of(KAZ, Classification.NATIONAL)));
    store
        .events()
        .addDocument(
            KAZ_STEWARD,
            new Document(
                0,
                "press",
                "",
                "en",
                LocalDate.of(2024, 3, 2),
                "Seizure 100% heroin",
                "text",
                Set.of(ThreatDomain.DRUG_TRAFFICKING),
                Set.of("KAZ"),
                Ownership.restricted(KAZ, Set.of(RUS))));
    LocalDate from = LocalDate.of(2024, 1, 1);
    LocalDate to = LocalDate.of(2024, 12, 31);

    assertThat(store.events().events(KAZ_VIEWER, from, to, "KAZ", null)).hasSize(1);
    assertThat(store.events().events(RUS_VIEWER, from, to, "", null)).isEmpty();
    assertThat(store.events().documents(RUS_VIEWER, "100%", "KAZ", ThreatDomain.DRUG_TRAFFICKING))
        .hasSize(1);
    assertThat(store.events().documents(RUS_VIEWER, "100_", "", null)).isEmpty();
    assertThat(store.events().documents(ARM_VIEWER, "", "", null)).isEmpty();
  }
}

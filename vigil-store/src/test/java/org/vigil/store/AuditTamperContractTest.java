package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.AuditEntry;
import org.vigil.model.AuditVerification;
import org.vigil.model.Classification;
import org.vigil.model.IngestBatch;
import org.vigil.model.InvalidInputException;
import org.vigil.model.Observation;
import org.vigil.model.Organisation;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.model.SharingAgreement;
import org.vigil.model.ThreatDomain;
import org.vigil.model.User;
import org.vigil.timeseries.Period;

/**
 * Offline tampering with the audited database (issue 17, item 5 of "Why"): each test builds a small
 * history, closes the store (which checkpoints the head to a file outside the database), edits the
 * database directly as an attacker with database access but without the audit key would, reopens
 * the store and expects {@code audit verify} to name the damage. Run on H2 and PostgreSQL.
 */
abstract class AuditTamperContractTest {
  static final String KAZ = "KAZ-SC";
  static final String RUS = "RUS-SC";
  static final String SEC = "SECRETARIAT";
  static final AccessContext SYSTEM = AccessContext.system();
  static final AccessContext KAZ_STEWARD = AccessContext.of("kaz.steward", KAZ, Role.DATA_STEWARD);
  static final AccessContext KAZ_ADMIN = AccessContext.of("kaz.admin", KAZ, Role.ORG_ADMIN);
  static final AccessContext RUS_VIEWER = AccessContext.of("rus.viewer", RUS, Role.VIEWER);
  static final AccessContext RUS_ADMIN = AccessContext.of("rus.admin", RUS, Role.ORG_ADMIN);
  static final AccessContext SEC_ADMIN = AccessContext.of("admin", SEC, Role.SYSTEM_ADMIN);
  static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";

  @TempDir Path dir;
  TestClock clock;
  HikariDataSource ds;
  StoreFixtures.OpenStore first;
  Store store;
  AuditSettings settings;
  long batch1;
  long batch2;

  abstract StoreFixtures.TestDatabase database();

  @BeforeEach
  void history() {
    clock = TestClock.standard();
    settings = AuditSettings.inDirectory(dir);
    first = StoreFixtures.open(database(), clock, settings);
    ds = first.dataSource();
    store = first.store();
    for (String c : List.of("KAZ", "RUS")) {
      store.reference().saveArea(SYSTEM, new Area(c, AreaKind.COUNTRY, c, c, "", ""));
      store
          .reference()
          .saveOrganisation(SYSTEM, new Organisation(c + "-SC", c + " council", "", c, false));
    }
    store.reference().saveOrganisation(SYSTEM, new Organisation(SEC, "sec", "", "CIS", true));
    store
        .reference()
        .saveIndicator(
            SYSTEM, StoreContractTest.indicator("TERROR_INCIDENTS", ThreatDomain.TERRORISM));
    store.users().save(SYSTEM, new User("admin", SEC, Role.SYSTEM_ADMIN, HASH, true));
    store.users().save(SYSTEM, new User("kaz.admin", KAZ, Role.ORG_ADMIN, HASH, true));
    store.users().save(KAZ_ADMIN, new User("kaz.viewer", KAZ, Role.VIEWER, HASH, true));
    store
        .sharing()
        .grant(
            KAZ_ADMIN,
            new SharingAgreement(
                KAZ, RUS, Classification.RESTRICTED, EnumSet.of(ThreatDomain.TERRORISM)));
    batch1 = append(1, 2, 3).id();
    batch2 = append(4, 5).id();
    store.observations().series(KAZ_STEWARD, "TERROR_INCIDENTS", "KAZ");
    store.audit().record(KAZ_ADMIN, "auth.login", "kaz.admin", "");
    AuditVerification v = store.audit().verify(SEC_ADMIN);
    assertThat(v.valid()).as(v.problem()).isTrue();
    store.close(); // checkpoints the head outside the database
  }

  @AfterEach
  void closeAll() {
    store.close();
    first.close();
  }

  private IngestBatch append(int... months) {
    clock.advance(Duration.ofHours(1));
    List<Observation> obs = new ArrayList<>();
    for (int m : months) {
      obs.add(
          new Observation(
              "TERROR_INCIDENTS",
              "KAZ",
              Period.month(2024, m),
              10 + m,
              "",
              "test",
              0,
              null,
              Ownership.of(KAZ, Classification.NATIONAL)));
    }
    return store
        .observations()
        .append(
            KAZ_STEWARD,
            new IngestBatch(
                0,
                "x",
                "x",
                Instant.EPOCH,
                "f" + months[0] + ".csv",
                "ab" + months[0],
                "csv",
                0,
                0,
                0),
            obs);
  }

  /** Reopens the store on the tampered database (as the server or CLI would) and verifies. */
  private AuditVerification reopenAndVerify() {
    store = Store.open(ds, clock, settings);
    return store.audit().verify(SEC_ADMIN);
  }

  private void sql(String... statements) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (String st : statements) {
        s.executeUpdate(st);
      }
    }
  }

  private long scalar(String query) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private String text(String query) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /**
   * Recomputes entry {@code from} onwards and the head, as an attacker would: with {@code keys} (a
   * key of their own under the real key id), or with no key at all (the old unkeyed SHA-256).
   */
  private void rechain(long from, AuditKeys keys) throws SQLException {
    try (Connection c = ds.getConnection()) {
      String prev =
          from == 1
              ? AuditLog.GENESIS
              : text("SELECT entry_hash FROM audit_log WHERE seq = " + (from - 1));
      List<Object[]> rows = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement("SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq"); ) {
        ps.setLong(1, from);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(
                new Object[] {
                  AuditLog.entry(rs),
                  rs.getString("key_id"),
                  rs.getString("owners"),
                  rs.getString("state_digest")
                });
          }
        }
      }
      for (Object[] r : rows) {
        AuditEntry e = (AuditEntry) r[0];
        AuditEntry moved =
            new AuditEntry(
                e.seq(),
                e.at(),
                e.user(),
                e.organisation(),
                e.action(),
                e.subject(),
                e.origin(),
                e.detail(),
                prev,
                "");
        String keyId = keys == null ? "" : (String) r[1];
        String hash =
            keys == null
                ? AuditLog.hash(moved)
                : keys.mac(keyId, canonicalForTest(moved, keyId, (String) r[2], (String) r[3]));
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE audit_log SET prev_hash = ?, entry_hash = ?, key_id = ? WHERE seq = ?")) {
          ps.setString(1, prev);
          ps.setString(2, hash);
          ps.setString(3, keyId);
          ps.setLong(4, e.seq());
          ps.executeUpdate();
        }
        prev = hash;
      }
      long last = scalar("SELECT MAX(seq) FROM audit_log");
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
        ps.setLong(1, last);
        ps.setString(2, prev);
        ps.executeUpdate();
      }
    }
  }

  private static String canonicalForTest(AuditEntry e, String... more) {
    return AuditLog.canonical(e, more);
  }

  // ---- the untouched database verifies, also after reopening

  @Test
  void untouched_verifies() {
    AuditVerification v = reopenAndVerify();
    assertThat(v.valid()).as(v.problem()).isTrue();
    assertThat(Files.exists(dir.resolve("audit-checkpoints"))).isTrue();
    assertThat(Files.exists(dir.resolve("audit-keys"))).isTrue();
  }

  // ---- 1. to 7.: the log itself

  @Test
  void t01_deleteTailAndMoveHeadBack_isDetected() throws SQLException {
    long last = scalar("SELECT MAX(seq) FROM audit_log");
    String h = text("SELECT entry_hash FROM audit_log WHERE seq = " + (last - 2));
    sql(
        "DELETE FROM audit_log WHERE seq > " + (last - 2),
        "UPDATE audit_head SET last_seq = " + (last - 2) + ", last_hash = '" + h + "'");
    AuditVerification v = reopenAndVerify();
    assertThat(v.valid()).isFalse();
    assertThat(v.problem()).contains("checkpoint").contains("removed");
  }

  @Test
  void t02_wipeTheLogAndResetTheHead_isDetected() throws SQLException {
    sql(
        "DELETE FROM audit_log",
        "UPDATE audit_head SET last_seq = 0, last_hash = '" + AuditLog.GENESIS + "'");
    AuditVerification v = reopenAndVerify();
    assertThat(v.valid()).isFalse();
    assertThat(v.problem()).contains("checkpoint");
  }

  @Test
  void t03_editAnEntryAndRecomputeTheChainWithoutTheKey_isDetected() throws SQLException {
    sql("UPDATE audit_log SET detail = 'nothing happened' WHERE seq = 4");
    rechain(1, null);
    AuditVerification v = reopenAndVerify();
    assertThat(v.valid()).isFalse();
  }

  @Test
  void t03b_editTheLastEntriesAndRecomputeThemWithoutTheKey_isDetected() throws SQLException {
    long last = scalar("SELECT MAX(seq) FROM audit_log");
    sql("UPDATE audit_log SET username = 'nobody' WHERE seq = " + last);
    rechain(last, null);
    AuditVerification v = reopenAndVerify();
    assertThat(v.valid()).isFalse();
    assertThat(v.problem()).contains("without the key");
  }

  @Test
  void t04_editAnEntryPayload_isDetected() throws SQLException {
    sql("UPDATE audit_log SET subject = 'area XXX' WHERE seq = 3");
    AuditVerification v = reopenAndVerify();
    assertThat(v.valid()).isFalse();
    assertThat(v.firstBadSeq()).isEqualTo(3);
    assertThat(v.problem()).contains("MAC");
  }

  @Test
  void t05_deleteAMiddleEntry_isDetected() throws SQLException {
    sql("DELETE FROM audit_log WHERE seq = 5");
    AuditVerification v = reopenAndVerify();
    assertThat(v.valid()).isFalse();
    assertThat(v.firstBadSeq()).isEqualTo(5);
  }

  @Test
  void t05b_deleteAMiddleEntryAndRenumberAndRechainWithoutTheKey_isDetected() throws SQLException {
    sql("DELETE FROM audit_log WHERE seq = 5", "UPDATE audit_log SET seq = seq - 1 WHERE seq > 5");
    rechain(5, null);
    assertThat(reopenAndVerify().valid()).isFalse();
  }

  @Test
  void t06_reorderEntries_isDetected() throws SQLException {
    sql(
        "UPDATE audit_log SET seq = -2 WHERE seq = 2",
        "UPDATE audit_log SET seq = 2 WHERE seq = 3",
        "UPDATE audit_log SET seq = 3 WHERE seq = -2");
    AuditVerification v = reopenAndVerify();
    assertThat(v.valid()).isFalse();
    assertThat(v.firstBadSeq()).isEqualTo(2);
  }

  @Test
  void t07_rechainWithAWrongKey_isDetected() throws SQLException {
    String id = text("SELECT key_id FROM audit_log WHERE seq = 1");
    AuditKeys forged =
        AuditKeys.load(
            new AuditSettings(
                null, AuditKeys.newInlineKey(id, new SecureRandom()), null, Duration.ofMinutes(1)));
    sql("UPDATE audit_log SET detail = 'nothing happened' WHERE seq = 2");
    rechain(1, forged);
    AuditVerification v = reopenAndVerify();
    assertThat(v.valid()).isFalse();
    assertThat(v.firstBadSeq()).isEqualTo(1);
    assertThat(v.problem()).contains("MAC");
  }

  @Test
  void checkpointFileEdited_isDetected() throws Exception {
    Path cp = dir.resolve("audit-checkpoints");
    List<String> lines = new ArrayList<>(Files.readAllLines(cp));
    String[] f = lines.get(lines.size() - 1).split(" ");
    f[1] = Long.toString(Long.parseLong(f[1]) - 2); // claim an earlier head
    lines.set(lines.size() - 1, String.join(" ", f));
    Files.write(cp, lines);
    assertThat(reopenAndVerify().problem()).contains("MAC");
  }

  // ---- 8. to 10.: users, roles, sharing

  @Test
  void t08_backDoorSystemAdminRow_isDetected() throws SQLException {
    sql(
        "INSERT INTO app_user (username, organisation, user_role, password_hash, active)"
            + " VALUES ('root2', 'SECRETARIAT', 'SYSTEM_ADMIN', '"
            + HASH
            + "', TRUE)");
    AuditVerification v = reopenAndVerify();
    assertThat(v.valid()).isFalse();
    assertThat(v.problem()).contains("user table");
  }

  @Test
  void t09_changeAUsersRoleInTheTable_isDetected() throws SQLException {
    sql("UPDATE app_user SET user_role = 'SYSTEM_ADMIN' WHERE username = 'kaz.viewer'");
    AuditVerification v = reopenAndVerify();
    assertThat(v.valid()).isFalse();
    assertThat(v.problem()).contains("user table");
  }

  @Test
  void t10_addASharingAgreementDirectly_isDetected() throws SQLException {
    sql(
        "INSERT INTO sharing_agreement (grantor, grantee, classification, domain)"
            + " VALUES ('KAZ-SC', 'RUS-SC', 'NATIONAL', 'TERRORISM')");
    AuditVerification v = reopenAndVerify();
    assertThat(v.valid()).isFalse();
    assertThat(v.problem()).contains("sharing");
  }

  @Test
  void t10b_addAReportingAgreementDirectly_isDetected() throws SQLException {
    sql("INSERT INTO reporting_agreement (reporter, area_code) VALUES ('KAZ-SC', 'RUS')");
    AuditVerification v = reopenAndVerify();
    assertThat(v.valid()).isFalse();
    assertThat(v.problem()).contains("reporting agreements");
  }

  @Test
  void t10c_removeAnAuditedReportingAgreementDirectly_isDetected() throws SQLException {
    store = Store.open(ds, clock, settings);
    store.reportingAgreements().allow(RUS_ADMIN, KAZ, "RUS");
    store.reportingAgreements().allow(SEC_ADMIN, RUS, "KAZ");
    store.reportingAgreements().revoke(SEC_ADMIN, RUS, "KAZ");
    AuditVerification ok = store.audit().verify(SEC_ADMIN);
    assertThat(ok.valid()).as(ok.problem()).isTrue();
    store.close();
    sql("DELETE FROM reporting_agreement");
    AuditVerification v = reopenAndVerify();
    assertThat(v.valid()).isFalse();
    assertThat(v.problem()).contains("reporting agreements");
  }

  // ---- 11. to 13.: observations

  @Test
  void t11_lowerAnObservationsClassificationDirectly_isDetected() throws SQLException {
    sql(
        "UPDATE observation SET classification = 'PUBLIC' WHERE batch_id = "
            + batch1
            + " AND period_code = '2024-02'");
    AuditVerification v = reopenAndVerify();
    assertThat(v.valid()).isFalse();
    assertThat(v.problem()).contains("batch " + batch1);
  }

  @Test
  void t11b_raiseAnObservationsClassificationDirectly_isDetected() throws SQLException {
    sql(
        "UPDATE observation SET classification = 'RESTRICTED', shared_with = ',RUS-SC,'"
            + " WHERE batch_id = "
            + batch2);
    AuditVerification v = reopenAndVerify();
    assertThat(v.valid()).isFalse();
    assertThat(v.problem()).contains("batch " + batch2);
  }

  @Test
  void t12_deleteRowsOfABatch_isDetected() throws SQLException {
    sql("DELETE FROM observation WHERE batch_id = " + batch1 + " AND period_code = '2024-03'");
    AuditVerification v = reopenAndVerify();
    assertThat(v.valid()).isFalse();
    assertThat(v.problem()).contains("batch " + batch1);
  }

  @Test
  void t13_addRowsToABatch_isDetected() throws SQLException {
    sql(
        "INSERT INTO observation ("
            + JdbcObservationRepository.COLUMNS
            + ") VALUES ('TERROR_INCIDENTS', 'KAZ', '2024-09', 99, '', 'test', "
            + batch2
            + ", 'KAZ-SC', 'NATIONAL', '')");
    AuditVerification v = reopenAndVerify();
    assertThat(v.valid()).isFalse();
    assertThat(v.problem()).contains("batch " + batch2);
  }

  @Test
  void changeAValueDirectly_isDetected() throws SQLException {
    sql("UPDATE observation SET obs_value = 1 WHERE batch_id = " + batch2);
    assertThat(reopenAndVerify().problem()).contains("batch " + batch2);
  }

  // ---- rotation and legitimate changes

  @Test
  void keyRotation_oldEntriesStillVerify_newEntriesUseTheNewKey() throws SQLException {
    String id = AuditKeys.rotate(dir.resolve("audit-keys"), new SecureRandom());
    assertThat(id).isEqualTo("k2");
    store = Store.open(ds, clock, settings);
    store.users().save(KAZ_ADMIN, new User("kaz.analyst", KAZ, Role.ANALYST, HASH, true));
    assertThat(text("SELECT key_id FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)"))
        .isEqualTo("k2");
    assertThat(text("SELECT key_id FROM audit_log WHERE seq = 1")).isEqualTo("k1");
    AuditVerification v = store.audit().verify(SEC_ADMIN);
    assertThat(v.valid()).as(v.problem()).isTrue();
  }

  @Test
  void aRemovedOldKey_isReportedByName() throws Exception {
    AuditKeys.rotate(dir.resolve("audit-keys"), new SecureRandom());
    Path keys = dir.resolve("audit-keys");
    Files.writeString(
        keys,
        String.join(
            "\n", Files.readAllLines(keys).stream().filter(l -> !l.startsWith("k1 ")).toList()));
    AuditVerification v = reopenAndVerify();
    assertThat(v.valid()).isFalse();
    assertThat(v.problem()).contains("'k1'");
  }

  @Test
  void auditedChanges_andReadsAfterReopening_verify() {
    store = Store.open(ds, clock, settings);
    store.users().save(KAZ_ADMIN, new User("kaz.analyst", KAZ, Role.ANALYST, HASH, true));
    store.sharing().revoke(KAZ_ADMIN, KAZ, RUS, Classification.RESTRICTED);
    append(7);
    store.observations().series(KAZ_STEWARD, "TERROR_INCIDENTS", "KAZ");
    assertThat(store.checkpointAudit()).isEmpty();
    AuditVerification v = store.audit().verify(SEC_ADMIN);
    assertThat(v.valid()).as(v.problem()).isTrue();
  }

  // ---- item 3: no identity above the rules (store side)

  @Test
  void identity_userInOrganisationSystem_isRefused() {
    store = Store.open(ds, clock, settings);
    assertThatThrownBy(
            () ->
                store
                    .users()
                    .save(
                        SEC_ADMIN,
                        new User("ghost", AccessContext.SYSTEM_ORG, Role.SYSTEM_ADMIN, HASH, true)))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("internal context");
    assertThat(store.users().findForLogin("ghost")).isEmpty();
  }

  @Test
  void identity_userInANonExistentOrganisation_isRefused() {
    store = Store.open(ds, clock, settings);
    assertThatThrownBy(
            () ->
                store
                    .users()
                    .save(SEC_ADMIN, new User("drifter", "NOWHERE", Role.VIEWER, HASH, true)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void identity_systemAdminPlacingAUserInAMemberState_isRefused() {
    store = Store.open(ds, clock, settings);
    store.users().save(SYSTEM, new User("rus.admin", RUS, Role.ORG_ADMIN, HASH, true));
    assertThatThrownBy(
            () -> store.users().save(SEC_ADMIN, new User("spy", RUS, Role.ANALYST, HASH, true)))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("created by its own administrators");
    // its own admin may
    store.users().save(RUS_ADMIN, new User("rus.analyst", RUS, Role.ANALYST, HASH, true));
    assertThat(store.users().findForLogin("rus.analyst")).isPresent();
  }

  @Test
  void identity_systemAdminMayBootstrapOnlyTheFirstAdminOfAnEmptyOrganisation() {
    store = Store.open(ds, clock, settings);
    assertThatThrownBy(
            () ->
                store.users().save(SEC_ADMIN, new User("rus.viewer", RUS, Role.VIEWER, HASH, true)))
        .isInstanceOf(AccessDeniedException.class);
    store.users().save(SEC_ADMIN, new User("rus.admin", RUS, Role.ORG_ADMIN, HASH, true));
    assertThatThrownBy(
            () ->
                store
                    .users()
                    .save(SEC_ADMIN, new User("rus.admin2", RUS, Role.ORG_ADMIN, HASH, true)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void identity_systemAdminResettingAMembersPassword_isRefused_butMayDisable() {
    store = Store.open(ds, clock, settings);
    User viewer = store.users().findForLogin("kaz.viewer").orElseThrow();
    assertThatThrownBy(
            () ->
                store
                    .users()
                    .save(
                        SEC_ADMIN,
                        new User(viewer.username(), KAZ, viewer.role(), HASH + "x", true)))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("reset the password");
    assertThat(store.users().findForLogin("kaz.viewer").orElseThrow().passwordHash())
        .isEqualTo(HASH);
    store.users().save(SEC_ADMIN, new User(viewer.username(), KAZ, viewer.role(), HASH, false));
    assertThat(store.users().findForLogin("kaz.viewer").orElseThrow().active()).isFalse();
    // the organisation's own admin may reset it
    store
        .users()
        .save(KAZ_ADMIN, new User(viewer.username(), KAZ, viewer.role(), HASH + "y", true));
  }

  @Test
  void identity_movingAUserToAnotherOrganisation_isRefused() {
    store = Store.open(ds, clock, settings);
    assertThatThrownBy(
            () ->
                store.users().save(SEC_ADMIN, new User("kaz.viewer", RUS, Role.VIEWER, HASH, true)))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("cannot be moved");
  }

  @Test
  void ownersReadTheAuditEntriesAboutTheirData() {
    store = Store.open(ds, clock, settings);
    store
        .sharing()
        .grant(
            KAZ_ADMIN,
            new SharingAgreement(
                KAZ, RUS, Classification.NATIONAL, EnumSet.of(ThreatDomain.TERRORISM)));
    store.observations().series(RUS_VIEWER.withOrigin("10.1.2.3"), "TERROR_INCIDENTS", "KAZ");
    List<AuditEntry> about = store.audit().entriesAboutOwnData(KAZ_ADMIN, 0, 1000);
    assertThat(about)
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("observation.read");
              assertThat(e.user()).isEqualTo("rus.viewer");
              assertThat(e.organisation()).isEqualTo(RUS);
            });
    assertThat(store.audit().entries(KAZ_ADMIN, 0, 1000))
        .anySatisfy(e -> assertThat(e.user()).isEqualTo("rus.viewer"));
    assertThat(store.audit().entriesAboutOwnData(RUS_ADMIN, 0, 1000))
        .noneSatisfy(e -> assertThat(e.user()).isEqualTo("rus.viewer"));
    assertThatThrownBy(() -> store.audit().entriesAboutOwnData(RUS_VIEWER, 0, 10))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void systemReads_areAudited() throws SQLException {
    store = Store.open(ds, clock, settings);
    long before = scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'observation.read'");
    store.observations().series(SYSTEM, "TERROR_INCIDENTS", "KAZ");
    assertThat(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'observation.read'"))
        .isEqualTo(before + 1);
  }
}

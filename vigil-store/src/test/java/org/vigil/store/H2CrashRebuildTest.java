package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.model.AccessContext;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.ThreatDomain;

/**
 * The rebuild of an H2 file that a killed ingest left with an incomplete batch: the logical copy
 * keeps every committed row, identity counter and the audit chain, the file as it was is kept
 * aside, and the store then removes the dead batch as usual. Without a dead batch, or with another
 * session open, nothing is done.
 */
class H2CrashRebuildTest {
  @TempDir Path dir;

  @Test
  void deadBatch_fileRebuiltFromLogicalCopy_thenRecoveredWithAuditIntact() throws Exception {
    StoreFixtures.TestDatabase db = database();
    long batch = plantDeadBatch(db);

    Optional<Path> kept =
        H2CrashRebuild.rebuildIfCrashed(db.url(), db.user(), db.password(), TestClock.standard());

    assertThat(kept).isPresent();
    assertThat(kept.get()).exists().hasFileName("vigil.mv.db.crashed-20250101T000000");
    assertThat(dir.resolve("vigil.mv.db")).exists();
    assertThat(dir.resolve("vigil.recovery.sql.gz")).doesNotExist();
    try (StoreFixtures.OpenStore open = StoreFixtures.open(db, TestClock.standard())) {
      assertThat(open.store().recoveredBatches()).isEqualTo(1);
      assertThat(count(open, "SELECT COUNT(*) FROM observation")).isZero();
      assertThat(count(open, "SELECT COUNT(*) FROM ingest_batch")).isZero();
      assertThat(count(open, "SELECT COUNT(*) FROM area WHERE code = 'KZZ'")).isEqualTo(1);
      assertThat(open.store().audit().verify(AccessContext.system()).valid()).isTrue();
      // Identity counters survive the copy: a new batch row does not reuse the dead one's id.
      try (Connection c = open.dataSource().getConnection();
          Statement s = c.createStatement()) {
        s.execute(insertBatch("again.csv", "cc", "COMPLETE"));
      }
      assertThat(count(open, "SELECT MAX(id) FROM ingest_batch")).isGreaterThan(batch);
    }
    assertThat(
            H2CrashRebuild.rebuildIfCrashed(
                db.url(), db.user(), db.password(), TestClock.standard()))
        .as("a healthy file is left alone")
        .isEmpty();
  }

  @Test
  void anotherSessionOpen_leftToTheUsualRecovery() throws Exception {
    StoreFixtures.TestDatabase db = database();
    plantDeadBatch(db);
    try (Connection other = DriverManager.getConnection(db.url(), db.user(), db.password())) {
      assertThat(
              H2CrashRebuild.rebuildIfCrashed(
                  db.url(), db.user(), db.password(), TestClock.standard()))
          .isEmpty();
      assertThat(other.isValid(1)).isTrue();
    }
    try (Statement s = DriverManager.getConnection(db.url(), "", "").createStatement()) {
      s.execute("SHUTDOWN");
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("crashed"));
    }
  }

  @Test
  void notAnH2File_nothingDone() {
    assertThat(H2CrashRebuild.rebuildIfCrashed("jdbc:h2:mem:x", "", "", TestClock.standard()))
        .isEmpty();
    assertThat(
            H2CrashRebuild.rebuildIfCrashed(
                "jdbc:h2:file:" + dir.resolve("none"), "", "", TestClock.standard()))
        .isEmpty();
    assertThat(dir.resolve("none.mv.db")).doesNotExist();
  }

  private StoreFixtures.TestDatabase database() {
    return new StoreFixtures.TestDatabase(
        "jdbc:h2:file:" + dir.resolve("vigil").toAbsolutePath(), "", "");
  }

  /** A migrated file with an audited write and what a killed writer leaves; returns its id. */
  private static long plantDeadBatch(StoreFixtures.TestDatabase db) throws SQLException {
    try (StoreFixtures.OpenStore open = StoreFixtures.open(db, TestClock.standard())) {
      open.store()
          .reference()
          .saveArea(AccessContext.system(), new Area("KZZ", AreaKind.COUNTRY, "KZZ", "", "", ""));
      open.store()
          .reference()
          .saveIndicator(
              AccessContext.system(),
              StoreContractTest.indicator("TERROR_INCIDENTS", ThreatDomain.TERRORISM));
      open.store()
          .reference()
          .saveOrganisation(
              AccessContext.system(),
              new org.vigil.model.Organisation("KZZ-SC", "KZZ council", "", "KZZ", false));
      try (Connection c = open.dataSource().getConnection();
          Statement s = c.createStatement()) {
        s.execute(insertBatch("killed.csv", "bb", "INCOMPLETE"));
        long id = count(open, "SELECT MAX(id) FROM ingest_batch");
        s.execute("INSERT INTO batch_writer (batch_id) VALUES (" + id + ")");
        s.execute(
            "INSERT INTO observation (indicator_code, area_code, period_code, obs_value, flags,"
                + " source, batch_id, owner_org, classification, shared_with)"
                + " VALUES ('TERROR_INCIDENTS', 'KZZ', '1990-01', 1, '', 't', "
                + id
                + ", 'KZZ-SC', 'NATIONAL', ''), ('TERROR_INCIDENTS', 'KZZ', '1990-02', 2, '', 't', "
                + id
                + ", 'KZZ-SC', 'NATIONAL', '')");
        assertThat(count(open, "SELECT COUNT(*) FROM observation")).isEqualTo(2);
        return id;
      }
    }
  }

  private static String insertBatch(String file, String sha, String status) {
    return "INSERT INTO ingest_batch (username, organisation, recorded_at, source_file, sha256,"
        + " input_format, rows_read, rows_added, rows_rejected, status, file_key) VALUES"
        + " ('system', 'SYSTEM', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', '"
        + file
        + "', '"
        + sha
        + "', 'long-csv', 10, 10, 0, '"
        + status
        + "', '"
        + sha
        + "')";
  }

  private static long count(StoreFixtures.OpenStore open, String sql) throws SQLException {
    try (Connection c = open.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

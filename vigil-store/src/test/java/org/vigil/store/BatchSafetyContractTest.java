package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.model.AccessContext;
import org.vigil.model.AlreadyLoadedException;
import org.vigil.model.AuditEntry;
import org.vigil.model.AuditVerification;
import org.vigil.model.Classification;
import org.vigil.model.IngestBatch;
import org.vigil.model.Observation;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.model.ThreatDomain;

/**
 * Crash safety of batches, on H2 and PostgreSQL: incomplete batches are invisible and removed on
 * open (unless their writer is alive), duplicate files are stored once even when uploaded at the
 * same moment, {@code audit verify} cross-checks batches, and a wedged audit head fails writes fast
 * and shows in the writer status.
 */
abstract class BatchSafetyContractTest {
  static final String KAZ = "KAZ-SC";
  static final AccessContext SYSTEM = AccessContext.system();
  static final AccessContext KAZ_STEWARD = AccessContext.of("kaz.steward", KAZ, Role.DATA_STEWARD);
  static final Ownership NATIONAL = Ownership.of(KAZ, Classification.NATIONAL);

  StoreFixtures.TestDatabase database;
  StoreFixtures.OpenStore open;
  Store store;

  abstract StoreFixtures.TestDatabase database();

  @BeforeEach
  void openStore() {
    database = database();
    open = StoreFixtures.open(database, TestClock.standard());
    store = open.store();
    store
        .reference()
        .saveArea(
            SYSTEM,
            new org.vigil.model.Area("KAZ", org.vigil.model.AreaKind.COUNTRY, "KAZ", "", "", ""));
    store
        .reference()
        .saveIndicator(
            SYSTEM, StoreContractTest.indicator("TERROR_INCIDENTS", ThreatDomain.TERRORISM));
    // KAZ-SC reports for its own area (ReportingRule).
    store
        .reference()
        .saveOrganisation(
            SYSTEM, new org.vigil.model.Organisation(KAZ, "KAZ council", "", "KAZ", false));
  }

  @AfterEach
  void closeStore() {
    open.close();
  }

  static List<Observation> rows(int n, double offset) {
    List<Observation> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          new Observation(
              "TERROR_INCIDENTS",
              "KAZ",
              // 2,000 months from 1850 end before today (later periods would be projections)
              org.vigil.timeseries.Period.month(1850, 1).plus(i),
              i + offset,
              "",
              "t",
              0,
              null,
              NATIONAL));
    }
    return out;
  }

  static IngestBatch batch(String file, String sha) {
    return new IngestBatch(0, "", "", Instant.EPOCH, file, sha, "long-csv", 0, 0, 0);
  }

  long count(String sql) throws SQLException {
    try (Connection c = open.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  void exec(String... sql) throws SQLException {
    try (Connection c = open.dataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  /** What a killed writer leaves: an INCOMPLETE batch, its (unlocked) writer row, some rows. */
  long plantIncompleteBatch() throws SQLException {
    IngestBatch complete =
        store.observations().append(KAZ_STEWARD, batch("a.csv", "aa"), rows(3, 0));
    exec(
        "INSERT INTO ingest_batch (username, organisation, recorded_at, source_file, sha256,"
            + " input_format, rows_read, rows_added, rows_rejected, status, file_key) VALUES"
            + " ('kaz.steward', 'KAZ-SC', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00',"
            + " 'killed.csv', 'bb', 'long-csv', 10, 10, 0, 'INCOMPLETE', 'bb')");
    long id = count("SELECT MAX(id) FROM ingest_batch");
    exec(
        "INSERT INTO batch_writer (batch_id) VALUES (" + id + ")",
        "INSERT INTO observation (indicator_code, area_code, period_code, obs_value, flags,"
            + " source, batch_id, owner_org, classification, shared_with) VALUES"
            + " ('TERROR_INCIDENTS', 'KAZ', '1990-01', 999, '', 't', "
            + id
            + ", 'KAZ-SC', 'NATIONAL', ''),"
            + " ('TERROR_INCIDENTS', 'KAZ', '1990-02', 999, '', 't', "
            + id
            + ", 'KAZ-SC', 'NATIONAL', '')");
    assertThat(complete.id()).isLessThan(id);
    return id;
  }

  /** A second store on the same database (as another process would open it). */
  record Reopened(Store store, com.zaxxer.hikari.HikariDataSource ds) implements AutoCloseable {
    @Override
    public void close() {
      ds.close(); // no SHUTDOWN: the test's own store keeps using an in-memory H2 database
    }
  }

  Reopened reopen() {
    com.zaxxer.hikari.HikariDataSource ds = new com.zaxxer.hikari.HikariDataSource();
    ds.setJdbcUrl(database.url());
    if (!database.user().isEmpty()) {
      ds.setUsername(database.user());
    }
    ds.setMaximumPoolSize(3);
    return new Reopened(Store.open(ds, TestClock.standard()), ds);
  }

  @Test
  void incompleteBatch_isInvisible_andRemovedWithAuditEntryWhenTheStoreOpens() throws Exception {
    long id = plantIncompleteBatch();

    assertThat(store.observations().series(SYSTEM, "TERROR_INCIDENTS", "KAZ"))
        .extracting(Observation::value)
        .containsExactly(0.0, 1.0, 2.0);
    assertThat(store.observations().batches(SYSTEM))
        .extracting(IngestBatch::sourceFile)
        .containsExactly("a.csv");
    assertThat(store.observations().count(SYSTEM)).isEqualTo(3);

    try (Reopened again = reopen()) {
      assertThat(again.store().recoveredBatches()).isEqualTo(1);
      List<AuditEntry> log = again.store().audit().entries(SYSTEM, 0, 1000);
      assertThat(log)
          .filteredOn(e -> e.action().equals("observation.recover"))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.subject()).isEqualTo("batch " + id);
                assertThat(e.detail()).contains("killed.csv").contains("2 of 10 rows");
              });
      // (verify after recovery is checked by BatchKillTest on file databases: a second store on
      // an in-memory database has its own audit key)
    }
    assertThat(count("SELECT COUNT(*) FROM observation WHERE batch_id = " + id)).isZero();
    assertThat(count("SELECT COUNT(*) FROM ingest_batch WHERE id = " + id)).isZero();
    assertThat(count("SELECT COUNT(*) FROM batch_writer")).isZero();
    // the file's digest is free again: the killed file loads fully
    IngestBatch again =
        store.observations().append(KAZ_STEWARD, batch("killed.csv", "bb"), rows(10, 5));
    assertThat(again.rowsAdded()).isEqualTo(10);
  }

  @Test
  void incompleteBatchOfALiveWriter_isLeftAlone() throws Exception {
    long id = plantIncompleteBatch();
    try (Connection writer = open.dataSource().getConnection()) {
      writer.setAutoCommit(false);
      try (PreparedStatement ps =
          writer.prepareStatement(
              "SELECT batch_id FROM batch_writer WHERE batch_id = ? FOR UPDATE")) {
        ps.setLong(1, id);
        ps.executeQuery().close();
      }
      try (Reopened other = reopen()) {
        assertThat(other.store().recoveredBatches()).isZero();
      }
      assertThat(count("SELECT COUNT(*) FROM observation WHERE batch_id = " + id)).isEqualTo(2);
      writer.rollback();
    }
    try (Reopened after = reopen()) {
      assertThat(after.store().recoveredBatches()).isEqualTo(1);
    }
  }

  @Test
  void twoSimultaneousUploadsOfOneFile_storeOneBatch_theOtherIsAlreadyLoaded() throws Exception {
    for (int round = 0; round < 3; round++) {
      String sha = "cc" + round;
      double offset = 100.0 * (round + 1);
      CyclicBarrier start = new CyclicBarrier(2);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Callable<String> upload =
            () -> {
              start.await(10, TimeUnit.SECONDS);
              try {
                return "stored "
                    + store
                        .observations()
                        .append(KAZ_STEWARD, batch("same.csv", sha), rows(2000, offset))
                        .rowsAdded();
              } catch (AlreadyLoadedException e) {
                return "already loaded";
              }
            };
        Future<String> a = pool.submit(upload);
        Future<String> b = pool.submit(upload);
        assertThat(List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS)))
            .containsExactlyInAnyOrder("stored 2000", "already loaded");
      } finally {
        pool.shutdownNow();
      }
      assertThat(count("SELECT COUNT(*) FROM ingest_batch WHERE sha256 = '" + sha + "'"))
          .isEqualTo(1);
    }
    assertThat(count("SELECT COUNT(*) FROM observation")).isEqualTo(6000);
    assertThat(store.audit().verify(SYSTEM).valid()).isTrue();
  }

  @Test
  void sameFileAgain_isAlreadyLoaded() {
    store.observations().append(KAZ_STEWARD, batch("a.csv", "dd"), rows(3, 0));
    assertThatThrownBy(
            () -> store.observations().append(KAZ_STEWARD, batch("a.csv", "dd"), rows(3, 7)))
        .isInstanceOf(AlreadyLoadedException.class)
        .hasMessageContaining("already loaded by KAZ-SC as batch");
  }

  @Test
  void verify_reportsRowsRemovedFromABatch() throws Exception {
    IngestBatch b = store.observations().append(KAZ_STEWARD, batch("a.csv", "ee"), rows(5, 0));
    exec("DELETE FROM observation WHERE batch_id = " + b.id() + " AND period_code = '1850-03'");

    AuditVerification v = store.audit().verify(SYSTEM);
    assertThat(v.valid()).isFalse();
    assertThat(v.problem()).contains("batch " + b.id()).containsPattern("holds 4 rows|4 now");
  }

  @Test
  void verify_reportsABatchWithoutAuditEntry() throws Exception {
    exec(
        "INSERT INTO ingest_batch (username, organisation, recorded_at, source_file, sha256,"
            + " input_format, rows_read, rows_added, rows_rejected) VALUES"
            + " ('x', 'KAZ-SC', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00',"
            + " 'sneaked.csv', 'ff', 'long-csv', 0, 0, 0)");

    AuditVerification v = store.audit().verify(SYSTEM);
    assertThat(v.valid()).isFalse();
    assertThat(v.problem()).contains("has no audit entry");
  }

  @Test
  void verify_reportsABatchDigestThatDiffersFromItsAuditEntry() throws Exception {
    IngestBatch b = store.observations().append(KAZ_STEWARD, batch("a.csv", "ab12"), rows(2, 0));
    exec("UPDATE ingest_batch SET sha256 = 'cd34' WHERE id = " + b.id());

    AuditVerification v = store.audit().verify(SYSTEM);
    assertThat(v.valid()).isFalse();
    assertThat(v.problem()).contains("does not match audit entry");
  }

  @Test
  void verify_reportsAnAuditedBatchThatWasDeleted() throws Exception {
    IngestBatch b = store.observations().append(KAZ_STEWARD, batch("a.csv", "ab13"), rows(2, 0));
    exec(
        "DELETE FROM observation WHERE batch_id = " + b.id(),
        "DELETE FROM ingest_batch WHERE id = " + b.id());

    AuditVerification v = store.audit().verify(SYSTEM);
    assertThat(v.valid()).isFalse();
    assertThat(v.problem()).contains("batch " + b.id()).contains("missing");
  }

  /**
   * The head lock's bound is the lock wait's own, not a query timeout left on the connection: H2's
   * {@code setQueryTimeout} is a session setting, and a pooled connection that kept the 7 s bound
   * of an audited write cancelled a later long read (the 2,000,000-row kill run's alert evaluation
   * failed with 57014 after a re-ingest).
   */
  @Test
  void auditedWritesAndProbes_leaveNoQueryTimeoutOnPooledConnections() throws Exception {
    for (int i = 0; i < 6; i++) {
      store.audit().record(SYSTEM, "test.write", "x" + i, "y");
      assertThat(store.auditWriterStatus()).isEqualTo("UP");
    }
    store.observations().append(KAZ_STEWARD, batch("t.csv", "qt01"), rows(3, 0));
    List<Connection> all = new ArrayList<>();
    try {
      // Every idle pooled connection (the store keeps one of its own for the writer's lease).
      int idle = open.dataSource().getHikariPoolMXBean().getIdleConnections();
      assertThat(idle).isPositive();
      for (int i = 0; i < idle; i++) {
        all.add(open.dataSource().getConnection());
      }
      for (Connection c : all) {
        try (Statement s = c.createStatement()) {
          assertThat(s.getQueryTimeout()).as("query timeout of a pooled connection").isZero();
        }
      }
    } finally {
      for (Connection c : all) {
        c.close();
      }
    }
  }

  @Test
  void heldAuditHead_auditedWriteFailsFastWithClearError_andWriterStatusSaysWedged()
      throws Exception {
    assertThat(store.auditWriterStatus()).isEqualTo("UP");
    try (Connection holder = open.dataSource().getConnection()) {
      holder.setAutoCommit(false);
      try (Statement s = holder.createStatement()) {
        s.executeQuery("SELECT last_seq FROM audit_head WHERE id = 1 FOR UPDATE").close();
      }
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> store.audit().record(SYSTEM, "test.write", "x", "y"))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("stayed locked")
          .hasMessageContaining("nothing was changed");
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertThat(waited).isBetween(4_000L, 9_000L);
      assertThat(store.auditWriterStatus()).startsWith("WEDGED");
      holder.rollback();
    }
    assertThat(store.auditWriterStatus()).isEqualTo("UP");
    long t0 = System.nanoTime();
    store.audit().record(SYSTEM, "test.write", "x", "y");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(1000);
  }
}

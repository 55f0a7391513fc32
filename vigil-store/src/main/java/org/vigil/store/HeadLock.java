package org.vigil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The audit head lock with a bounded wait, and the health probe of the audit writer. An audited
 * write that cannot take the lock within its wait fails with a clear error instead of hanging; the
 * probe takes the lock with a 2 s wait (in a transaction it rolls back) on a daemon thread and
 * reports WEDGED when that fails or does not return within 4 s.
 */
final class HeadLock {
  private static final int PROBE_WAIT_SECONDS = 2;
  private static final ExecutorService PROBES =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "vigil-audit-probe");
            t.setDaemon(true);
            return t;
          });
  private final Database db;
  private Future<String> running;

  HeadLock(Database db) {
    this.db = db;
  }

  static PreparedStatement prepare(Connection c, Database.Dialect dialect, int seconds)
      throws SQLException {
    String sql = "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE";
    if (dialect == Database.Dialect.POSTGRESQL) {
      try (Statement s = c.createStatement()) {
        s.execute("SET LOCAL lock_timeout = '" + seconds + "s'");
      }
      PreparedStatement ps = c.prepareStatement(sql);
      ps.setQueryTimeout(seconds + 2); // per statement in PostgreSQL's driver
      return ps;
    }
    // H2: the WAIT clause is the bound. No setQueryTimeout here: H2 keeps it as a setting of the
    // session, so the pooled connection would cancel every later statement that runs longer.
    return c.prepareStatement(sql + " WAIT " + seconds);
  }

  /** Lock timeout (H2 HYT00, PostgreSQL 55P03) or cancelled statement (57014). */
  static boolean timedOut(SQLException e) {
    String state = e.getSQLState();
    return "HYT00".equals(state) || "55P03".equals(state) || "57014".equals(state);
  }

  /** "UP", or "WEDGED: why". */
  synchronized String probe() {
    if (running == null || running.isDone()) {
      running =
          PROBES.submit(
              () -> {
                try (Connection c = db.dataSource().getConnection()) {
                  c.setAutoCommit(false);
                  try (PreparedStatement ps = prepare(c, db.dialect(), PROBE_WAIT_SECONDS)) {
                    ps.executeQuery().close();
                    return "UP";
                  } catch (SQLException e) {
                    return "WEDGED: the audit head lock was not granted within "
                        + PROBE_WAIT_SECONDS
                        + " s ("
                        + e.getMessage()
                        + "); audited writes fail until the holder ends";
                  } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                  }
                }
              });
    }
    try {
      return running.get(PROBE_WAIT_SECONDS + 2L, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return "WEDGED: taking the audit head lock did not return within "
          + (PROBE_WAIT_SECONDS + 2)
          + " s; audited writes hang or fail";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "WEDGED: the probe was interrupted";
    } catch (java.util.concurrent.ExecutionException e) {
      return "WEDGED: " + e.getCause().getMessage();
    }
  }
}

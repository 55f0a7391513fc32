package org.vigil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.vigil.model.AccessContext;

/**
 * Removes batches whose writer died (a killed process): INCOMPLETE batches whose {@code
 * batch_writer} row nobody holds locked. Runs when a store opens; a batch still being written by
 * another live process (the CLI next to the server) is locked and skipped. Each removal deletes the
 * rows in committed chunks (by id window, so every chunk is a small transaction), then deletes the
 * batch and writer rows and appends an {@code observation.recover} audit entry in one transaction.
 */
final class BatchRecovery {
  private BatchRecovery() {}

  /** A batch found incomplete. */
  record Dead(long id, String organisation, String file, String sha256, int rowsAdded) {}

  /** Recovers every dead batch; returns what was removed. */
  static List<Dead> recover(Database db, AuditLog audit) {
    try (Connection lock = db.dataSource().getConnection();
        Connection rows = db.dataSource().getConnection()) {
      lock.setAutoCommit(false);
      rows.setAutoCommit(false);
      try {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps =
                lock.prepareStatement("SELECT batch_id FROM batch_writer FOR UPDATE SKIP LOCKED");
            ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
        try (PreparedStatement ps =
                lock.prepareStatement(
                    "SELECT id FROM ingest_batch WHERE status <> 'COMPLETE'"
                        + " AND id NOT IN (SELECT batch_id FROM batch_writer)");
            ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
        List<Dead> dead = new ArrayList<>();
        for (long id : ids) {
          Dead d = dead(lock, id);
          long removed = removeRows(rows, id);
          removeClaim(lock, id);
          if (d != null) {
            dead.add(d);
            audit.append(
                lock,
                AccessContext.system(),
                "observation.recover",
                "batch " + id,
                "incomplete batch removed when the store opened (its writer stopped): file "
                    + d.file()
                    + ", sha256 "
                    + d.sha256()
                    + ", organisation "
                    + d.organisation()
                    + ", "
                    + removed
                    + " of "
                    + d.rowsAdded()
                    + " rows had been written");
          }
        }
        lock.commit();
        return dead;
      } catch (SQLException | RuntimeException e) {
        lock.rollback();
        throw e;
      } finally {
        lock.setAutoCommit(true);
        rows.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw Database.failure("removing incomplete ingest batches", e);
    }
  }

  private static Dead dead(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT organisation, source_file, sha256, rows_added FROM ingest_batch"
                + " WHERE id = ? AND status <> 'COMPLETE'")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? new Dead(id, rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4))
            : null;
      }
    }
  }

  /** Deletes a batch's observations in committed chunks of ids; returns how many. */
  static long removeRows(Connection c, long batchId) throws SQLException {
    long lo;
    long hi;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT MIN(id), MAX(id) FROM observation WHERE batch_id = ?")) {
      ps.setLong(1, batchId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        lo = rs.getLong(1);
        if (rs.wasNull()) {
          c.commit();
          return 0;
        }
        hi = rs.getLong(2);
      }
    }
    long removed = 0;
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM observation WHERE id >= ? AND id < ? AND batch_id = ?")) {
      for (long from = lo; from <= hi; from += BatchAppend.CHUNK) {
        ps.setLong(1, from);
        ps.setLong(2, from + BatchAppend.CHUNK);
        ps.setLong(3, batchId);
        removed += ps.executeUpdate();
        c.commit();
      }
    }
    return removed;
  }

  /** Deletes an incomplete batch's row and its writer row (not committed: the caller does). */
  static void removeClaim(Connection c, long batchId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM ingest_batch WHERE id = ? AND status <> 'COMPLETE'")) {
      ps.setLong(1, batchId);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM batch_writer WHERE batch_id = ?")) {
      ps.setLong(1, batchId);
      ps.executeUpdate();
    }
  }
}

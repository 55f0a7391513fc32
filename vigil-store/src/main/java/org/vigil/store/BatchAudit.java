package org.vigil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.model.AuditVerification;

/**
 * The part of {@code audit verify} that cross-checks batches against the audit chain: every
 * COMPLETE batch has its {@code observation.append} entry naming the same SHA-256 and row count,
 * holds exactly that many rows, and every batch an entry names still exists (or was removed by
 * recovery, which audits that). Rows of no batch are reported too. INCOMPLETE batches are being
 * written or await recovery; nothing reads them.
 */
final class BatchAudit {
  private static final Pattern DETAIL =
      Pattern.compile("sha256 ([^,]*), format .*, read \\d+, added (\\d+), rejected \\d+$");

  private BatchAudit() {}

  /** A stored batch. */
  private record Batch(String file, String sha256, int added, boolean complete) {}

  /** An audit entry about a batch. */
  private record Entry(long seq, String detail) {}

  static AuditVerification check(Connection c, AuditVerification chain) throws SQLException {
    long checked = chain.entriesChecked();
    Map<Long, Batch> batches = new TreeMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, source_file, sha256, rows_added, status FROM ingest_batch");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        batches.put(
            rs.getLong(1),
            new Batch(
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                "COMPLETE".equals(rs.getString(5))));
      }
    }
    Map<Long, Entry> appended = new HashMap<>();
    Set<Long> recovered = new HashSet<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT seq, action, subject, detail FROM audit_log"
                    + " WHERE action IN ('observation.append', 'observation.recover')");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String subject = rs.getString(3);
        if (!subject.startsWith("batch ")) {
          continue;
        }
        long id;
        try {
          id = Long.parseLong(subject.substring(6));
        } catch (NumberFormatException e) {
          continue;
        }
        if ("observation.recover".equals(rs.getString(2))) {
          recovered.add(id);
        } else {
          appended.put(id, new Entry(rs.getLong(1), rs.getString(4)));
        }
      }
    }
    Map<Long, Long> rows = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT batch_id, COUNT(*) FROM observation GROUP BY batch_id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.put(rs.getLong(1), rs.getLong(2));
      }
    }
    for (Map.Entry<Long, Batch> e : batches.entrySet()) {
      long id = e.getKey();
      Batch b = e.getValue();
      if (!b.complete()) {
        continue;
      }
      Entry entry = appended.get(id);
      long stored = rows.getOrDefault(id, 0L);
      if (entry == null) {
        return AuditVerification.broken(
            checked,
            checked + 1,
            "batch " + id + " ('" + b.file() + "', " + stored + " rows) has no audit entry");
      }
      Matcher m = DETAIL.matcher(entry.detail());
      if (!m.find() || !m.group(1).equals(b.sha256()) || Long.parseLong(m.group(2)) != b.added()) {
        return AuditVerification.broken(
            checked,
            entry.seq(),
            "batch "
                + id
                + " ('"
                + b.file()
                + "') does not match audit entry "
                + entry.seq()
                + " (sha256 "
                + b.sha256()
                + ", "
                + b.added()
                + " rows; the entry says: "
                + entry.detail()
                + ")");
      }
      if (stored != b.added()) {
        return AuditVerification.broken(
            checked,
            entry.seq(),
            "batch "
                + id
                + " ('"
                + b.file()
                + "') holds "
                + stored
                + " rows but audit entry "
                + entry.seq()
                + " records "
                + b.added()
                + ": rows were added or removed");
      }
    }
    for (Map.Entry<Long, Entry> e : appended.entrySet()) {
      if (!batches.containsKey(e.getKey()) && !recovered.contains(e.getKey())) {
        return AuditVerification.broken(
            checked,
            e.getValue().seq(),
            "batch "
                + e.getKey()
                + " of audit entry "
                + e.getValue().seq()
                + " is missing from ingest_batch: removed");
      }
    }
    for (Map.Entry<Long, Long> e : rows.entrySet()) {
      if (!batches.containsKey(e.getKey())) {
        return AuditVerification.broken(
            checked,
            checked + 1,
            e.getValue()
                + " observation rows belong to batch "
                + e.getKey()
                + ", which is missing");
      }
    }
    return chain;
  }
}

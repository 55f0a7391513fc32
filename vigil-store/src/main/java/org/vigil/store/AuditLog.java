package org.vigil.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.AuditEntry;
import org.vigil.model.AuditRepository;
import org.vigil.model.AuditVerification;
import org.vigil.model.Role;

/**
 * The hash-chained audit log. An entry's hash is SHA-256 over the previous entry's hash and the
 * entry's own fields, each written as its length, a colon and its text (so no two different entries
 * serialise alike). Appends lock the single {@code audit_head} row, which serialises them across
 * threads and processes; callers append as the last statement of their own transaction so that the
 * lock is held only until commit and the entry commits or rolls back with the change it records.
 */
final class AuditLog implements AuditRepository {
  static final String GENESIS = "0".repeat(64);

  private final Database db;
  private final Clock clock;

  AuditLog(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public AuditEntry record(AccessContext ctx, String action, String subject, String detail) {
    return db.inTransaction("writing the audit log", c -> append(c, ctx, action, subject, detail));
  }

  /** Appends an entry inside the caller's transaction. */
  AuditEntry append(Connection c, AccessContext ctx, String action, String subject, String detail)
      throws SQLException {
    long lastSeq;
    String lastHash;
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("audit_head row is missing: the audit log cannot be appended to");
      }
      lastSeq = rs.getLong(1);
      lastHash = rs.getString(2);
    }
    Instant at = Database.micros(clock.instant());
    AuditEntry draft =
        new AuditEntry(
            lastSeq + 1,
            at,
            ctx.user(),
            ctx.organisation(),
            action,
            clip(subject, 500),
            clip(ctx.origin(), 200),
            clip(detail, 2000),
            lastHash,
            "");
    AuditEntry e = withHash(draft);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_log (seq, at_time, username, organisation, action, subject, origin,"
                + " detail, prev_hash, entry_hash) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
      Database.bind(
          ps,
          List.of(
              e.seq(),
              e.at(),
              e.user(),
              e.organisation(),
              e.action(),
              e.subject(),
              e.origin(),
              e.detail(),
              e.previousHash(),
              e.hash()));
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
      ps.setLong(1, e.seq());
      ps.setString(2, e.hash());
      ps.executeUpdate();
    }
    return e;
  }

  private static String clip(String s, int max) {
    String t = s == null ? "" : s;
    return t.length() <= max ? t : t.substring(0, max - 1) + "…";
  }

  static AuditEntry withHash(AuditEntry e) {
    return new AuditEntry(
        e.seq(),
        e.at(),
        e.user(),
        e.organisation(),
        e.action(),
        e.subject(),
        e.origin(),
        e.detail(),
        e.previousHash(),
        hash(e));
  }

  static String hash(AuditEntry e) {
    StringBuilder b = new StringBuilder();
    for (String field :
        List.of(
            e.previousHash(),
            Long.toString(e.seq()),
            e.at().toString(),
            e.user(),
            e.organisation(),
            e.action(),
            e.subject(),
            e.origin(),
            e.detail())) {
      b.append(field.length()).append(':').append(field).append('\n');
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
    }
  }

  @Override
  public List<AuditEntry> entries(AccessContext ctx, long afterSeq, int limit) {
    boolean all = ctx.role() == Role.SYSTEM_ADMIN;
    if (!all && ctx.role() != Role.ORG_ADMIN) {
      throw new AccessDeniedException(
          "The audit log is readable by administrators only; "
              + ctx.user()
              + " is "
              + ctx.role()
              + ". Ask an organisation or system administrator.");
    }
    int n = Math.max(0, Math.min(limit, 10_000));
    String sql =
        "SELECT * FROM audit_log WHERE seq > ?"
            + (all ? "" : " AND organisation = ?")
            + " ORDER BY seq FETCH FIRST "
            + n
            + " ROWS ONLY";
    List<Object> params = new ArrayList<>();
    params.add(afterSeq);
    if (!all) {
      params.add(ctx.organisation());
    }
    return db.inTransaction(
        "reading the audit log",
        c -> {
          List<AuditEntry> out = new ArrayList<>();
          try (PreparedStatement ps = Database.prepare(c, sql, params);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(entry(rs));
            }
          }
          append(c, ctx, "audit.read", "audit log", "after " + afterSeq + ", " + out.size());
          return out;
        });
  }

  static AuditEntry entry(ResultSet rs) throws SQLException {
    return new AuditEntry(
        rs.getLong("seq"),
        Database.instant(rs, "at_time"),
        rs.getString("username"),
        rs.getString("organisation"),
        rs.getString("action"),
        rs.getString("subject"),
        rs.getString("origin"),
        rs.getString("detail"),
        rs.getString("prev_hash"),
        rs.getString("entry_hash"));
  }

  @Override
  public AuditVerification verify(AccessContext ctx) {
    if (ctx.role() != Role.SYSTEM_ADMIN) {
      throw new AccessDeniedException(
          "Verifying the audit log needs a system administrator; "
              + ctx.user()
              + " is "
              + ctx.role()
              + ".");
    }
    return db.read("verifying the audit log", AuditLog::verify);
  }

  private static AuditVerification verify(Connection c) throws SQLException {
    long expected = 1;
    String previous = GENESIS;
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM audit_log ORDER BY seq");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        AuditEntry e = entry(rs);
        long checked = expected - 1;
        if (e.seq() != expected) {
          return AuditVerification.broken(
              checked,
              expected,
              "entry " + expected + " is missing (next stored is " + e.seq() + "): removed");
        }
        if (!e.previousHash().equals(previous)) {
          return AuditVerification.broken(
              checked,
              e.seq(),
              "entry " + e.seq() + " does not follow entry " + (e.seq() - 1) + ": reordered");
        }
        if (!hash(e).equals(e.hash())) {
          return AuditVerification.broken(
              checked, e.seq(), "entry " + e.seq() + " does not match its hash: changed");
        }
        previous = e.hash();
        expected++;
      }
    }
    return checkHead(c, expected - 1, previous);
  }

  private static AuditVerification checkHead(Connection c, long lastSeq, String lastHash)
      throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return AuditVerification.broken(lastSeq, lastSeq + 1, "the audit head row is missing");
      }
      if (rs.getLong(1) != lastSeq || !rs.getString(2).equals(lastHash)) {
        return AuditVerification.broken(
            lastSeq,
            lastSeq + 1,
            "the log ends at entry "
                + lastSeq
                + " but the head records entry "
                + rs.getLong(1)
                + ": entries at the end were removed or changed");
      }
    }
    return AuditVerification.ok(lastSeq);
  }
}

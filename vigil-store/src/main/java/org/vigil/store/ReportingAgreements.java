package org.vigil.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Role;

/**
 * Reporting agreements: an organisation may report values for an area other than its own. Granted
 * by internal jobs and system administrators; every grant is audited.
 */
public final class ReportingAgreements {
  private final Database db;
  private final AuditLog audit;

  private ReportingAgreements(Database db, AuditLog audit) {
    this.db = db;
    this.audit = audit;
  }

  /** Opens the agreements on a migrated data source (see {@link Store#open}). */
  public static ReportingAgreements open(DataSource dataSource, java.time.Clock clock) {
    Database db = new Database(dataSource);
    return new ReportingAgreements(db, AuditLog.on(db, clock));
  }

  /** Lets {@code reporter} report values for {@code area} (idempotent). */
  public void allow(AccessContext ctx, String reporter, String area) {
    if (!ctx.isSystem() && ctx.role() != Role.SYSTEM_ADMIN) {
      throw new AccessDeniedException(
          ctx.user()
              + " ("
              + ctx.organisation()
              + ", "
              + ctx.role()
              + ") may not grant reporting agreements: expected a system administrator");
    }
    db.inTransaction(
        "granting " + reporter + " reporting for " + area,
        c -> {
          boolean known;
          try (var ps =
                  Database.prepare(
                      c,
                      "SELECT 1 FROM reporting_agreement WHERE reporter = ? AND area_code = ?",
                      List.of(reporter, area));
              var rs = ps.executeQuery()) {
            known = rs.next();
          }
          if (!known) {
            try (var ps =
                Database.prepare(
                    c,
                    "INSERT INTO reporting_agreement (reporter, area_code) VALUES (?, ?)",
                    List.of(reporter, area))) {
              ps.executeUpdate();
            }
            audit.append(
                c, ctx, "reporting.allow", reporter + " -> " + area, "reporting agreement added");
          }
          return null;
        });
  }

  /** Every agreement as reporter to area codes. */
  public List<Map.Entry<String, String>> list(AccessContext ctx) {
    return db.read(
        "listing reporting agreements",
        c -> {
          List<Map.Entry<String, String>> out = new ArrayList<>();
          try (var ps =
                  c.prepareStatement(
                      "SELECT reporter, area_code FROM reporting_agreement ORDER BY 1, 2");
              var rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(Map.entry(rs.getString(1), rs.getString(2)));
            }
          }
          return out;
        });
  }
}

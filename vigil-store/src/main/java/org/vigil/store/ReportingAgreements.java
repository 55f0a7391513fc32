package org.vigil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.InvalidInputException;
import org.vigil.model.NotFoundException;
import org.vigil.model.Role;

/**
 * Reporting agreements: an organisation (the reporter) may report values for an area other than its
 * own. Who may change them: internal jobs, system administrators, and the organisation admins of
 * the area's owner (the organisations whose {@code area_code} is that area), since it is the
 * owner's area that someone else then reports for. Who may list them: system administrators all;
 * everyone else the agreements their organisation reports under or that concern its area. Every
 * change is audited with a digest of the whole table ({@link AuditLog#REPORTING}), so an agreement
 * added or removed outside Vigil is found by {@code audit verify}.
 */
public final class ReportingAgreements {
  /** The command that grants an agreement, named in refusals. */
  static final String ALLOW_COMMAND = "./vigil agreements allow --reporter %s --area %s";

  /** One agreement: {@code reporter} may report values for {@code area}. */
  public record Agreement(String reporter, String area) {}

  private final Database db;
  private final AuditLog audit;

  ReportingAgreements(Database db, AuditLog audit) {
    this.db = db;
    this.audit = audit;
  }

  /** Opens the agreements on a migrated data source (see {@link Store#open}). */
  public static ReportingAgreements open(DataSource dataSource, java.time.Clock clock) {
    Database db = new Database(dataSource);
    return new ReportingAgreements(db, AuditLog.on(db, clock));
  }

  /**
   * Lets {@code reporter} report values for {@code area} (idempotent: an existing agreement is left
   * as it is and nothing is audited).
   *
   * @return whether the agreement is new
   * @throws AccessDeniedException when the caller may not change the area's agreements
   * @throws InvalidInputException for an unknown organisation or area, or the reporter's own area
   */
  public boolean allow(AccessContext ctx, String reporter, String area) {
    return db.inTransaction(
        "granting " + reporter + " reporting for " + area,
        c -> {
          Set<String> owners = owners(c, area);
          check(c, ctx, area, owners, "grant");
          String reporterArea = areaOf(c, reporter);
          if (reporterArea == null) {
            throw new InvalidInputException(
                "Unknown organisation '"
                    + reporter
                    + "': expected one of "
                    + organisations(c)
                    + "; nothing was changed.");
          }
          if (reporterArea.equals(area)) {
            throw new InvalidInputException(
                reporter
                    + " reports for its own area "
                    + area
                    + " without an agreement; nothing was changed.");
          }
          if (exists(c, reporter, area)) {
            return false;
          }
          try (var ps =
              Database.prepare(
                  c,
                  "INSERT INTO reporting_agreement (reporter, area_code) VALUES (?, ?)",
                  List.of(reporter, area))) {
            ps.executeUpdate();
          }
          audit.append(
              c,
              ctx,
              "reporting.allow",
              reporter + " -> " + area,
              reporter + " may report values for " + area,
              about(reporter, owners),
              AuditLog.stateOf(c, AuditLog.REPORTING));
          return true;
        });
  }

  /**
   * Ends {@code reporter}'s agreement for {@code area}; values it already reported stay its own
   * series.
   *
   * @throws NotFoundException when there is no such agreement
   */
  public void revoke(AccessContext ctx, String reporter, String area) {
    db.inTransaction(
        "revoking " + reporter + " reporting for " + area,
        c -> {
          Set<String> owners = owners(c, area);
          check(c, ctx, area, owners, "revoke");
          int removed;
          try (var ps =
              Database.prepare(
                  c,
                  "DELETE FROM reporting_agreement WHERE reporter = ? AND area_code = ?",
                  List.of(reporter, area))) {
            removed = ps.executeUpdate();
          }
          if (removed == 0) {
            throw new NotFoundException(
                "No reporting agreement lets "
                    + reporter
                    + " report for "
                    + area
                    + ": see ./vigil agreements list; nothing was changed.");
          }
          audit.append(
              c,
              ctx,
              "reporting.revoke",
              reporter + " -> " + area,
              reporter + " may no longer report values for " + area,
              about(reporter, owners),
              AuditLog.stateOf(c, AuditLog.REPORTING));
          return null;
        });
  }

  /**
   * The agreements the caller may see, by reporter then area: system administrators and internal
   * jobs all, everyone else those of their organisation as reporter or about its area.
   */
  public List<Agreement> list(AccessContext ctx) {
    boolean all = ctx.isSystem() || ctx.role() == Role.SYSTEM_ADMIN;
    String sql =
        "SELECT reporter, area_code FROM reporting_agreement"
            + (all
                ? ""
                : " WHERE reporter = ? OR area_code IN"
                    + " (SELECT area_code FROM organisation WHERE id = ?)")
            + " ORDER BY reporter, area_code";
    return db.read(
        "listing reporting agreements",
        c -> {
          List<Agreement> out = new ArrayList<>();
          try (var ps =
                  Database.prepare(
                      c, sql, all ? List.of() : List.of(ctx.organisation(), ctx.organisation()));
              var rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(new Agreement(rs.getString(1), rs.getString(2)));
            }
          }
          return out;
        });
  }

  /** The refusal's hint: who may grant, and the exact command. */
  static String howToAsk(Connection c, String reporter, String area) throws SQLException {
    Set<String> owners = owners(c, area);
    return "Ask a system administrator"
        + (owners.isEmpty() ? "" : " or an admin of " + String.join(" or ", owners))
        + " for a reporting agreement: "
        + String.format(java.util.Locale.ROOT, ALLOW_COMMAND, reporter, area);
  }

  private static void check(
      Connection c, AccessContext ctx, String area, Set<String> owners, String verb)
      throws SQLException {
    if (!knownArea(c, area)) {
      throw new InvalidInputException(
          "Unknown area '" + area + "': see ./vigil areas; nothing was changed.");
    }
    boolean ok =
        ctx.isSystem()
            || ctx.role() == Role.SYSTEM_ADMIN
            || (ctx.role() == Role.ORG_ADMIN && owners.contains(ctx.organisation()));
    if (!ok) {
      throw new AccessDeniedException(
          ctx.user()
              + " ("
              + ctx.role()
              + " of "
              + ctx.organisation()
              + ") may not "
              + verb
              + " reporting agreements for area "
              + area
              + ": expected a system administrator"
              + (owners.isEmpty()
                  ? ""
                  : " or an organisation admin of " + String.join(" or ", owners))
              + "; nothing was changed.");
    }
  }

  private static String about(String reporter, Set<String> owners) {
    Set<String> all = new TreeSet<>(owners);
    all.add(reporter);
    return Codes.list(all);
  }

  /** The organisations whose own area is {@code area}. */
  private static Set<String> owners(Connection c, String area) throws SQLException {
    Set<String> out = new TreeSet<>();
    try (PreparedStatement ps =
            Database.prepare(c, "SELECT id FROM organisation WHERE area_code = ?", List.of(area));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static String areaOf(Connection c, String organisation) throws SQLException {
    try (PreparedStatement ps =
            Database.prepare(
                c, "SELECT area_code FROM organisation WHERE id = ?", List.of(organisation));
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static Set<String> organisations(Connection c) throws SQLException {
    Set<String> out = new TreeSet<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM organisation");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static boolean knownArea(Connection c, String area) throws SQLException {
    try (PreparedStatement ps =
            Database.prepare(c, "SELECT 1 FROM area WHERE code = ?", List.of(area));
        ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  private static boolean exists(Connection c, String reporter, String area) throws SQLException {
    try (PreparedStatement ps =
            Database.prepare(
                c,
                "SELECT 1 FROM reporting_agreement WHERE reporter = ? AND area_code = ?",
                List.of(reporter, area));
        ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }
}

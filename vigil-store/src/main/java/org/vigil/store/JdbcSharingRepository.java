package org.vigil.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Classification;
import org.vigil.model.Role;
import org.vigil.model.SharingAgreement;
import org.vigil.model.SharingRepository;
import org.vigil.model.ThreatDomain;

/** Sharing agreements, one row per (grantor, grantee, classification, domain). */
final class JdbcSharingRepository implements SharingRepository {
  private final Database db;
  private final AuditLog audit;

  JdbcSharingRepository(Database db, AuditLog audit) {
    this.db = db;
    this.audit = audit;
  }

  private static void checkGrantor(AccessContext ctx, String grantor) {
    boolean ok =
        ctx.isSystem()
            || ctx.role() == Role.SYSTEM_ADMIN
            || (ctx.role() == Role.ORG_ADMIN && ctx.organisation().equals(grantor));
    if (!ok) {
      throw new AccessDeniedException(
          ctx.user()
              + " ("
              + ctx.role()
              + " of "
              + ctx.organisation()
              + ") may not change the sharing agreements of "
              + grantor
              + ": expected an organisation admin of "
              + grantor
              + ".");
    }
  }

  @Override
  public void grant(AccessContext ctx, SharingAgreement a) {
    checkGrantor(ctx, a.grantor());
    db.inTransaction(
        "saving a sharing agreement",
        c -> {
          int added = 0;
          for (ThreatDomain d : a.domains()) {
            List<Object> key =
                List.of(a.grantor(), a.grantee(), a.classification().name(), d.name());
            boolean exists;
            try (PreparedStatement ps =
                    Database.prepare(
                        c,
                        "SELECT 1 FROM sharing_agreement WHERE grantor = ? AND grantee = ?"
                            + " AND classification = ? AND domain = ?",
                        key);
                ResultSet rs = ps.executeQuery()) {
              exists = rs.next();
            }
            if (!exists) {
              try (PreparedStatement ps =
                  Database.prepare(
                      c,
                      "INSERT INTO sharing_agreement (grantor, grantee, classification, domain)"
                          + " VALUES (?,?,?,?)",
                      key)) {
                added += ps.executeUpdate();
              }
            }
          }
          audit.append(
              c,
              ctx,
              "sharing.grant",
              a.grantor() + " -> " + a.grantee(),
              a.classification() + " " + a.domains() + " (" + added + " new)",
              Codes.list(List.of(a.grantor())),
              AuditLog.stateOf(c, AuditLog.SHARING));
          return null;
        });
  }

  @Override
  public void revoke(
      AccessContext ctx, String grantor, String grantee, Classification classification) {
    checkGrantor(ctx, grantor);
    db.inTransaction(
        "revoking a sharing agreement",
        c -> {
          int removed;
          try (PreparedStatement ps =
              Database.prepare(
                  c,
                  "DELETE FROM sharing_agreement WHERE grantor = ? AND grantee = ?"
                      + " AND classification = ?",
                  List.of(grantor, grantee, classification.name()))) {
            removed = ps.executeUpdate();
          }
          audit.append(
              c,
              ctx,
              "sharing.revoke",
              grantor + " -> " + grantee,
              classification + " (" + removed + " domain rows)",
              Codes.list(List.of(grantor)),
              AuditLog.stateOf(c, AuditLog.SHARING));
          return null;
        });
  }

  @Override
  public List<SharingAgreement> agreements(AccessContext ctx) {
    boolean all = ctx.isSystem() || ctx.role() == Role.SYSTEM_ADMIN;
    String sql =
        "SELECT grantor, grantee, classification, domain FROM sharing_agreement"
            + (all ? "" : " WHERE grantor = ? OR grantee = ?")
            + " ORDER BY grantor, grantee, classification, domain";
    return db.read(
        "reading sharing agreements",
        c -> {
          Map<List<String>, Set<ThreatDomain>> grouped = new LinkedHashMap<>();
          try (PreparedStatement ps =
                  Database.prepare(
                      c, sql, all ? List.of() : List.of(ctx.organisation(), ctx.organisation()));
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              grouped
                  .computeIfAbsent(
                      List.of(rs.getString(1), rs.getString(2), rs.getString(3)),
                      k -> EnumSet.noneOf(ThreatDomain.class))
                  .add(ThreatDomain.valueOf(rs.getString(4)));
            }
          }
          List<SharingAgreement> out = new ArrayList<>();
          grouped.forEach(
              (k, v) ->
                  out.add(
                      new SharingAgreement(
                          k.get(0), k.get(1), Classification.valueOf(k.get(2)), v)));
          return out;
        });
  }
}

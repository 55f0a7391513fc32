package org.vigil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.model.AccessContext;
import org.vigil.model.Classification;
import org.vigil.model.Ownership;

/**
 * The read rule as SQL. {@link AccessContext#canRead} decides by classification; sharing agreements
 * widen it (grantor lets grantee read one classification in some domains). Repositories put {@link
 * #filter} into their WHERE clause so that unreadable rows never leave the database, and check each
 * row again with {@link Grants#canRead} as a second wall.
 */
final class ReadRule {

  /** A SQL condition and its parameters. */
  record Filter(String sql, List<Object> params) {}

  /** One agreement row: ctx's organisation may read grantor's records of a class in a domain. */
  record Grant(String grantor, String classification, String domain) {}

  /** The agreements that apply to one caller. */
  record Grants(AccessContext ctx, List<Grant> grants) {
    boolean canRead(Ownership o, String domain) {
      if (ctx.canRead(o)) {
        return true;
      }
      for (Grant g : grants) {
        if (g.grantor.equals(o.owner())
            && g.classification.equals(o.classification().name())
            && g.domain.equals(domain)) {
          return true;
        }
      }
      return false;
    }
  }

  private ReadRule() {}

  static Grants grants(Connection c, AccessContext ctx) throws SQLException {
    List<Grant> out = new ArrayList<>();
    if (ctx.isSystem()) {
      return new Grants(ctx, out);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT grantor, classification, domain FROM sharing_agreement WHERE grantee = ?")) {
      ps.setString(1, ctx.organisation());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Grant(rs.getString(1), rs.getString(2), rs.getString(3)));
        }
      }
    }
    return new Grants(ctx, out);
  }

  /**
   * The condition for rows of a table aliased {@code a} with columns owner_org, classification and
   * shared_with.
   *
   * @param domainSql SQL expression for the row's threat domain name, used by agreements
   */
  static Filter filter(Grants grants, String a, String domainSql) {
    AccessContext ctx = grants.ctx();
    if (ctx.isSystem()) {
      return new Filter("1 = 1", List.of());
    }
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("(").append(a).append(".owner_org = ?");
    params.add(ctx.organisation());
    sql.append(" OR ").append(a).append(".classification = 'PUBLIC'");
    if (ctx.memberOrganisation()) {
      sql.append(" OR ").append(a).append(".classification = 'SHARED'");
      sql.append(" OR (")
          .append(a)
          .append(".classification = 'RESTRICTED' AND POSITION(? IN ")
          .append(a)
          .append(".shared_with) > 0)");
      params.add(Codes.member(ctx.organisation()));
    }
    Map<String, List<String>> byOwnerAndClass = new LinkedHashMap<>();
    for (Grant g : grants.grants()) {
      byOwnerAndClass
          .computeIfAbsent(g.grantor() + "\n" + g.classification(), k -> new ArrayList<>())
          .add(g.domain());
    }
    for (Map.Entry<String, List<String>> e : byOwnerAndClass.entrySet()) {
      String[] key = e.getKey().split("\n", 2);
      sql.append(" OR (").append(a).append(".owner_org = ? AND ");
      sql.append(a).append(".classification = ? AND ").append(domainSql).append(" IN (");
      params.add(key[0]);
      params.add(Classification.valueOf(key[1]).name());
      for (int i = 0; i < e.getValue().size(); i++) {
        sql.append(i == 0 ? "?" : ", ?");
        params.add(e.getValue().get(i));
      }
      sql.append("))");
    }
    sql.append(')');
    return new Filter(sql.toString(), params);
  }

  /** True when reading this classification must leave an audit entry. */
  static boolean audited(Classification c) {
    return c == Classification.NATIONAL || c == Classification.RESTRICTED;
  }
}

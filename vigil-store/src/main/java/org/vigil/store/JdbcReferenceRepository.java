package org.vigil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Aggregation;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.GroupMembership;
import org.vigil.model.Indicator;
import org.vigil.model.Organisation;
import org.vigil.model.Polarity;
import org.vigil.model.ReferenceRepository;
import org.vigil.model.Role;
import org.vigil.model.ThreatDomain;
import org.vigil.model.ValueScale;
import org.vigil.timeseries.Frequency;

/** Reference data: readable by anyone, written by system administrators, every write audited. */
final class JdbcReferenceRepository implements ReferenceRepository {
  private final Database db;
  private final AuditLog audit;

  JdbcReferenceRepository(Database db, AuditLog audit) {
    this.db = db;
    this.audit = audit;
  }

  /** A row mapper that may throw SQLException. */
  interface Mapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private <T> List<T> list(String what, String sql, List<?> params, Mapper<T> mapper) {
    return db.read(
        "reading " + what,
        c -> {
          List<T> out = new ArrayList<>();
          try (PreparedStatement ps = Database.prepare(c, sql, params);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(mapper.map(rs));
            }
          }
          return out;
        });
  }

  @Override
  public List<Area> areas(AccessContext ctx) {
    return list(
        "areas", "SELECT * FROM area ORDER BY code", List.of(), JdbcReferenceRepository::area);
  }

  @Override
  public Optional<Area> area(AccessContext ctx, String code) {
    return list(
            "area " + code,
            "SELECT * FROM area WHERE code = ?",
            List.of(code),
            JdbcReferenceRepository::area)
        .stream()
        .findFirst();
  }

  private static Area area(ResultSet rs) throws SQLException {
    return new Area(
        rs.getString("code"),
        AreaKind.valueOf(rs.getString("kind")),
        rs.getString("name_en"),
        rs.getString("name_ru"),
        rs.getString("iso2"),
        rs.getString("numeric_code"),
        rs.getString("parent_code"),
        rs.getBoolean("synthetic"),
        rs.getBoolean("name_ru_fallback"));
  }

  @Override
  public List<String> members(AccessContext ctx, String group, LocalDate on) {
    return list(
        "members of " + group,
        "SELECT member_code FROM group_membership WHERE group_code = ? AND valid_from <= ?"
            + " AND valid_until >= ? ORDER BY member_code",
        List.of(group, on, on),
        rs -> rs.getString(1));
  }

  @Override
  public List<GroupMembership> memberships(AccessContext ctx, String group) {
    return list(
        "memberships of " + group,
        "SELECT * FROM group_membership WHERE group_code = ? ORDER BY member_code, valid_from",
        List.of(group),
        rs ->
            new GroupMembership(
                rs.getString("group_code"),
                rs.getString("member_code"),
                Database.date(rs, "valid_from"),
                Database.date(rs, "valid_until")));
  }

  @Override
  public List<Organisation> organisations(AccessContext ctx) {
    return list(
        "organisations",
        "SELECT * FROM organisation ORDER BY id",
        List.of(),
        JdbcReferenceRepository::organisation);
  }

  @Override
  public Optional<Organisation> organisation(AccessContext ctx, String id) {
    return list(
            "organisation " + id,
            "SELECT * FROM organisation WHERE id = ?",
            List.of(id),
            JdbcReferenceRepository::organisation)
        .stream()
        .findFirst();
  }

  private static Organisation organisation(ResultSet rs) throws SQLException {
    return new Organisation(
        rs.getString("id"),
        rs.getString("name_en"),
        rs.getString("name_ru"),
        rs.getString("area_code"),
        rs.getBoolean("secretariat"));
  }

  @Override
  public List<Indicator> indicators(AccessContext ctx) {
    return list(
        "indicators",
        "SELECT * FROM indicator ORDER BY code",
        List.of(),
        JdbcReferenceRepository::indicator);
  }

  @Override
  public Optional<Indicator> indicator(AccessContext ctx, String code) {
    return list(
            "indicator " + code,
            "SELECT * FROM indicator WHERE code = ?",
            List.of(code),
            JdbcReferenceRepository::indicator)
        .stream()
        .findFirst();
  }

  private static Indicator indicator(ResultSet rs) throws SQLException {
    return new Indicator(
        rs.getString("code"),
        rs.getString("name_en"),
        rs.getString("name_ru"),
        ThreatDomain.valueOf(rs.getString("domain")),
        rs.getString("unit"),
        Frequency.valueOf(rs.getString("frequency")),
        rs.getString("iccs_code"),
        Polarity.valueOf(rs.getString("polarity")),
        Aggregation.valueOf(rs.getString("aggregation")),
        rs.getString("source"),
        rs.getBoolean("synthetic"),
        ValueScale.valueOf(rs.getString("value_scale")));
  }

  @Override
  public void saveArea(AccessContext ctx, Area a) {
    upsert(
        ctx,
        "area " + a.code(),
        "UPDATE area SET kind = ?, name_en = ?, name_ru = ?, iso2 = ?, numeric_code = ?,"
            + " parent_code = ?, synthetic = ?, name_ru_fallback = ? WHERE code = ?",
        "INSERT INTO area (kind, name_en, name_ru, iso2, numeric_code, parent_code, synthetic,"
            + " name_ru_fallback, code) VALUES (?,?,?,?,?,?,?,?,?)",
        List.of(
            a.kind().name(),
            a.nameEn(),
            a.nameRu(),
            a.iso2(),
            a.numeric(),
            a.parent(),
            a.synthetic(),
            a.nameRuFallback(),
            a.code()));
  }

  @Override
  public void saveMembership(AccessContext ctx, GroupMembership m) {
    upsert(
        ctx,
        "membership " + m.member() + " in " + m.group() + " from " + m.from(),
        "UPDATE group_membership SET valid_until = ? WHERE group_code = ? AND member_code = ?"
            + " AND valid_from = ?",
        "INSERT INTO group_membership (valid_until, group_code, member_code, valid_from)"
            + " VALUES (?,?,?,?)",
        List.of(m.until(), m.group(), m.member(), m.from()));
  }

  @Override
  public void saveOrganisation(AccessContext ctx, Organisation o) {
    upsert(
        ctx,
        "organisation " + o.id(),
        "UPDATE organisation SET name_en = ?, name_ru = ?, area_code = ?, secretariat = ?"
            + " WHERE id = ?",
        "INSERT INTO organisation (name_en, name_ru, area_code, secretariat, id) VALUES (?,?,?,?,?)",
        List.of(
            o.nameEn(),
            o.nameRu() == null ? o.nameEn() : o.nameRu(),
            o.area() == null ? "" : o.area(),
            o.secretariat(),
            o.id()));
  }

  @Override
  public void saveIndicator(AccessContext ctx, Indicator i) {
    upsert(
        ctx,
        "indicator " + i.code(),
        "UPDATE indicator SET name_en = ?, name_ru = ?, domain = ?, unit = ?, frequency = ?,"
            + " iccs_code = ?, polarity = ?, aggregation = ?, source = ?, synthetic = ?,"
            + " value_scale = ? WHERE code = ?",
        "INSERT INTO indicator (name_en, name_ru, domain, unit, frequency, iccs_code, polarity,"
            + " aggregation, source, synthetic, value_scale, code) VALUES"
            + " (?,?,?,?,?,?,?,?,?,?,?,?)",
        List.of(
            i.nameEn(),
            i.nameRu(),
            i.domain().name(),
            i.unit(),
            i.frequency().name(),
            i.iccsCode(),
            i.polarity().name(),
            i.aggregation().name(),
            i.source(),
            i.synthetic(),
            i.scale().name(),
            i.code()));
  }

  /**
   * Update-then-insert: portable across H2 and PostgreSQL; the audit entry shares the transaction.
   */
  private void upsert(
      AccessContext ctx, String subject, String update, String insert, List<?> params) {
    if (!ctx.isSystem() && ctx.role() != Role.SYSTEM_ADMIN) {
      throw new AccessDeniedException(
          "Reference data ("
              + subject
              + ") is written by system administrators only; "
              + ctx.user()
              + " is "
              + ctx.role()
              + ".");
    }
    db.inTransaction(
        "saving " + subject,
        c -> {
          String action = update(c, update, params) == 0 ? "insert" : "update";
          if ("insert".equals(action)) {
            update(c, insert, params);
          }
          audit.append(c, ctx, "reference." + action, subject, "");
          return null;
        });
  }

  private static int update(Connection c, String sql, List<?> params) throws SQLException {
    try (PreparedStatement ps = Database.prepare(c, sql, params)) {
      return ps.executeUpdate();
    }
  }
}

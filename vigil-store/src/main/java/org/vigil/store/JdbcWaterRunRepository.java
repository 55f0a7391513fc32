package org.vigil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Classification;
import org.vigil.model.NotFoundException;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.model.ThreatDomain;
import org.vigil.model.water.WaterRun;
import org.vigil.model.water.WaterRunRepository;

/**
 * Water allocation runs on JDBC (H2 or PostgreSQL). Insert-only rows; the read rule is applied in
 * SQL ({@link ReadRule}, domain WATER) and checked again per row. Storing a run is audited in its
 * transaction; reads of NATIONAL or RESTRICTED runs are audited. Thread-safe.
 */
public final class JdbcWaterRunRepository implements WaterRunRepository {
  private static final String DOMAIN = ThreatDomain.WATER.name();

  private final Database db;
  private final AuditLog audit;
  private final Clock clock;

  private JdbcWaterRunRepository(Database db, AuditLog audit, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
  }

  /** Opens the repository on a migrated data source (see {@link Store#open}). */
  public static WaterRunRepository open(DataSource dataSource, Clock clock) {
    Database db = new Database(dataSource);
    return new JdbcWaterRunRepository(db, AuditLog.on(db, clock), clock);
  }

  @Override
  public WaterRun save(AccessContext ctx, WaterRun run) {
    checkMayStore(ctx, run.ownership());
    return db.inTransaction(
        "storing a water run",
        c -> {
          Instant at = Database.micros(clock.instant());
          long id = insert(c, run, at);
          audit.append(
              c,
              ctx,
              "water.run",
              "water run " + id,
              run.basin()
                  + " "
                  + run.scenario()
                  + " "
                  + run.fairness()
                  + " from "
                  + run.start()
                  + " for "
                  + run.months()
                  + " months: "
                  + run.status()
                  + ", "
                  + run.ownership().classification(),
              Codes.list(List.of(run.ownership().owner())),
              "");
          return run.stored(id, at);
        });
  }

  @Override
  public void checkMayStore(AccessContext ctx, Ownership ownership) {
    if (ctx.isSystem()) {
      return;
    }
    if (!ctx.memberOrganisation() || ctx.role() == Role.VIEWER) {
      throw new AccessDeniedException(
          ctx.user()
              + " ("
              + ctx.organisation()
              + ", "
              + ctx.role()
              + ") may not run water scenarios: expected an analyst or above of a member"
              + " organisation (log in with --user or a token)");
    }
    if (!ownership.owner().equals(ctx.organisation())) {
      throw new AccessDeniedException(
          ctx.user()
              + " ("
              + ctx.organisation()
              + ") may not store a water run owned by "
              + ownership.owner()
              + ": a run belongs to the organisation of the user who runs it");
    }
  }

  private static long insert(Connection c, WaterRun r, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO water_run (basin_code, scenario, fairness, start_month, months, status,"
                + " total_shortfall, inputs, result, created_by, created_at, owner_org,"
                + " classification, shared_with) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, r.basin());
      ps.setString(2, r.scenario());
      ps.setString(3, r.fairness());
      ps.setString(4, r.start());
      ps.setInt(5, r.months());
      ps.setString(6, r.status());
      if (Double.isFinite(r.totalShortfall())) {
        ps.setDouble(7, r.totalShortfall());
      } else {
        ps.setNull(7, Types.DOUBLE);
      }
      ps.setString(8, r.inputs());
      ps.setString(9, r.result());
      ps.setString(10, r.createdBy());
      ps.setObject(11, Database.timestamp(at));
      ps.setString(12, r.ownership().owner());
      ps.setString(13, r.ownership().classification().name());
      ps.setString(14, Codes.list(r.ownership().sharedWith()));
      ps.executeUpdate();
      try (ResultSet rs = ps.getGeneratedKeys()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Override
  public List<WaterRun> list(AccessContext ctx, Optional<String> basin) {
    return db.inTransaction(
        "reading water runs",
        c -> {
          List<WaterRun> out =
              basin.isPresent()
                  ? select(c, ctx, " AND w.basin_code = ?", List.of(basin.get()))
                  : select(c, ctx, "", List.of());
          auditReads(ctx, "water runs", out);
          return out;
        });
  }

  @Override
  public WaterRun get(AccessContext ctx, long id) {
    return db.inTransaction(
        "reading water run " + id,
        c -> {
          List<WaterRun> found = select(c, ctx, " AND w.id = ?", List.of(id));
          if (found.isEmpty()) {
            throw new NotFoundException(
                "No water run "
                    + id
                    + " that you may read: list the runs with ./vigil water runs or GET"
                    + " /api/water/runs");
          }
          auditReads(ctx, "water run " + id, found);
          return found.get(0);
        });
  }

  private static List<WaterRun> select(
      Connection c, AccessContext ctx, String where, List<Object> whereParams) throws SQLException {
    ReadRule.Grants g = ReadRule.grants(c, ctx);
    ReadRule.Filter f = ReadRule.filter(g, "w", "'" + DOMAIN + "'");
    List<Object> params = new ArrayList<>(whereParams);
    params.addAll(f.params());
    List<WaterRun> out = new ArrayList<>();
    try (PreparedStatement ps =
            Database.prepare(
                c,
                "SELECT w.* FROM water_run w WHERE 1 = 1"
                    + where
                    + " AND "
                    + f.sql()
                    + " ORDER BY w.created_at DESC, w.id DESC",
                params);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(row(rs, g));
      }
    }
    return out;
  }

  private static WaterRun row(ResultSet rs, ReadRule.Grants g) throws SQLException {
    long id = rs.getLong("id");
    Ownership o =
        new Ownership(
            rs.getString("owner_org"),
            Classification.valueOf(rs.getString("classification")),
            Codes.parseSet(rs.getString("shared_with")));
    if (!g.canRead(o, DOMAIN)) {
      throw new IllegalStateException("Read filter let through water run " + id);
    }
    double shortfall = rs.getDouble("total_shortfall");
    if (rs.wasNull()) {
      shortfall = Double.NaN;
    }
    return new WaterRun(
        id,
        rs.getString("basin_code"),
        rs.getString("scenario"),
        rs.getString("fairness"),
        rs.getString("start_month"),
        rs.getInt("months"),
        rs.getString("status"),
        shortfall,
        rs.getString("inputs"),
        rs.getString("result"),
        rs.getString("created_by"),
        Database.instant(rs, "created_at"),
        o);
  }

  private void auditReads(AccessContext ctx, String subject, List<WaterRun> read) {
    Set<String> owners = new TreeSet<>();
    long n = 0;
    for (WaterRun r : read) {
      if (ReadRule.audited(r.ownership().classification())) {
        n++;
        owners.add(r.ownership().owner());
      }
    }
    if (n > 0) {
      audit.recordRead(ctx, "water.read", subject, n + " NATIONAL/RESTRICTED water run(s)", owners);
    }
  }
}

package org.vigil.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Classification;
import org.vigil.model.IngestBatch;
import org.vigil.model.Observation;
import org.vigil.model.ObservationRepository;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.timeseries.Period;

/**
 * Observations in one append-only table. {@link #append} checks write rights, then {@link
 * BatchAppend} checks references, drops values equal to the latest stored vintage and writes the
 * batch crash-safely (visible only once COMPLETE, with its audit entry). Reads see COMPLETE batches
 * only.
 */
final class JdbcObservationRepository implements ObservationRepository {
  static final String COLUMNS =
      "indicator_code, area_code, period_code, obs_value, flags, source, batch_id,"
          + " owner_org, classification, shared_with";
  private static final String DOMAIN_SQL =
      "(SELECT i.domain FROM indicator i WHERE i.code = o.indicator_code)";

  private final Database db;
  private final AuditLog audit;
  private final Clock clock;

  JdbcObservationRepository(Database db, AuditLog audit, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public IngestBatch append(
      AccessContext ctx, IngestBatch batch, Collection<Observation> observations) {
    return append(ctx, batch, observations, RowsStored.NONE);
  }

  @Override
  public IngestBatch append(
      AccessContext ctx,
      IngestBatch batch,
      Collection<Observation> observations,
      RowsStored progress) {
    Objects.requireNonNull(batch, "batch");
    checkWrite(ctx, batch.sourceFile(), observations);
    return new BatchAppend(db, ctx, clock, audit, progress).run(batch, observations);
  }

  @Override
  public void checkWrite(AccessContext ctx, String what, Collection<Observation> observations) {
    for (Observation o : observations) {
      if (!ctx.canWrite(o.ownership())) {
        throw new AccessDeniedException(
            ctx.user()
                + " ("
                + ctx.organisation()
                + ", "
                + ctx.role()
                + ") may not write data owned by "
                + o.ownership().owner()
                + " ("
                + o.indicator()
                + "/"
                + o.area()
                + "/"
                + o.period()
                + "); expected a data steward or admin of "
                + o.ownership().owner()
                + ". Nothing was written.");
      }
    }
    // Who may report for which area, and which periods are data, before anything is claimed.
    db.read(
        "checking who may report the values of '" + what + "'",
        c -> {
          ReportingRule.check(c, ctx, clock, observations);
          return null;
        });
  }

  @Override
  public List<Observation> series(AccessContext ctx, String indicator, String area, Instant asOf) {
    return SeriesOwners.primary(series(ctx, indicator, area, asOf, null), homes(), ctx);
  }

  @Override
  public List<Observation> series(
      AccessContext ctx, String indicator, String area, String owner, Instant asOf) {
    return series(ctx, indicator, area, asOf, owner);
  }

  @Override
  public List<String> owners(AccessContext ctx, String indicator, String area) {
    return series(ctx, indicator, area, Instant.MAX, null).stream()
        .map(o -> o.ownership().owner())
        .distinct()
        .sorted()
        .toList();
  }

  private List<Observation> series(
      AccessContext ctx, String indicator, String area, Instant asOf, String owner) {
    boolean bounded = asOf.isBefore(Database.LATEST_STORABLE);
    String sql =
        "SELECT o.*, b.recorded_at FROM observation o JOIN ingest_batch b ON b.id = o.batch_id"
            + " AND b.status = 'COMPLETE'"
            + " WHERE o.indicator_code = ? AND o.area_code = ?"
            + (owner == null ? "" : " AND o.owner_org = ?")
            + (bounded ? " AND b.recorded_at <= ?" : "");
    List<Object> params = new ArrayList<>(List.of(indicator, area));
    if (owner != null) {
      params.add(owner);
    }
    if (bounded) {
      params.add(asOf);
    }
    return latestPerPeriod(
        query(ctx, sql, params, " ORDER BY o.period_code, o.id", indicator + "/" + area, asOf));
  }

  /**
   * The latest vintage per (area, period, owner): the owner is part of a series' identity, so a
   * value another organisation reported for the same area never replaces the owner's own.
   */
  static List<Observation> latestPerPeriod(List<Observation> rowsByPeriodThenId) {
    java.util.Map<String, Integer> at = new java.util.HashMap<>();
    List<Observation> out = new ArrayList<>();
    for (Observation o : rowsByPeriodThenId) {
      String key = o.area() + "\n" + o.period() + "\n" + o.ownership().owner();
      Integer i = at.get(key);
      if (i == null) {
        at.put(key, out.size());
        out.add(o);
      } else {
        out.set(i, o);
      }
    }
    return out;
  }

  /** Each area's own organisation (not a secretariat), by area code. */
  private java.util.Map<String, String> homes() {
    return db.read(
        "reading the organisations of areas",
        c -> {
          java.util.Map<String, String> out = new java.util.HashMap<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT area_code, id FROM organisation WHERE secretariat = FALSE"
                          + " ORDER BY id DESC");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(rs.getString(1), rs.getString(2));
            }
          }
          return out;
        });
  }

  @Override
  public List<Observation> vintages(
      AccessContext ctx, String indicator, String area, Period period) {
    return query(
        ctx,
        "SELECT o.*, b.recorded_at FROM observation o JOIN ingest_batch b ON b.id = o.batch_id"
            + " AND b.status = 'COMPLETE'"
            + " WHERE o.indicator_code = ? AND o.area_code = ?"
            + " AND o.period_code = ?",
        List.of(indicator, area, Codes.period(period)),
        " ORDER BY o.id",
        indicator + "/" + area + "/" + period + " vintages",
        Instant.MAX);
  }

  /** Latest vintage per (area, period) of one indicator, for every readable area. */
  @Override
  public List<Observation> latestByIndicator(AccessContext ctx, String indicator, Instant asOf) {
    return SeriesOwners.primary(latestOfEveryOwner(ctx, indicator, asOf), homes(), ctx);
  }

  @Override
  public List<Observation> history(AccessContext ctx, String indicator, Instant asOf) {
    boolean bounded = asOf.isBefore(Database.LATEST_STORABLE);
    List<Object> params = new ArrayList<>(List.of(indicator));
    if (bounded) {
      params.add(asOf);
    }
    List<Observation> rows =
        query(
            ctx,
            "SELECT o.*, b.recorded_at FROM observation o JOIN ingest_batch b ON b.id = o.batch_id"
                + " AND b.status = 'COMPLETE'"
                + " WHERE o.indicator_code = ?"
                + (bounded ? " AND b.recorded_at <= ?" : ""),
            params,
            " ORDER BY o.area_code, o.period_code, o.id",
            indicator + " (all areas, every vintage)",
            asOf);
    Set<String> primary = new java.util.HashSet<>();
    for (Observation o : SeriesOwners.primary(latestPerPeriod(rows), homes(), ctx)) {
      primary.add(o.area() + "\n" + o.ownership().owner());
    }
    return rows.stream()
        .filter(o -> primary.contains(o.area() + "\n" + o.ownership().owner()))
        .toList();
  }

  @Override
  public List<Observation> latestByIndicatorOfEveryOwner(
      AccessContext ctx, String indicator, Instant asOf) {
    return latestOfEveryOwner(ctx, indicator, asOf);
  }

  private List<Observation> latestOfEveryOwner(AccessContext ctx, String indicator, Instant asOf) {
    boolean bounded = asOf.isBefore(Database.LATEST_STORABLE);
    List<Object> params = new ArrayList<>(List.of(indicator));
    if (bounded) {
      params.add(asOf);
    }
    List<Observation> rows =
        query(
            ctx,
            "SELECT o.*, b.recorded_at FROM observation o JOIN ingest_batch b ON b.id = o.batch_id"
                + " AND b.status = 'COMPLETE'"
                + " WHERE o.indicator_code = ?"
                + (bounded ? " AND b.recorded_at <= ?" : ""),
            params,
            " ORDER BY o.area_code, o.period_code, o.id",
            indicator + " (all areas)",
            asOf);
    return latestPerPeriod(rows);
  }

  @Override
  public java.util.Map<String, List<Observation>> latestByArea(AccessContext ctx, String area) {
    List<Observation> rows =
        query(
            ctx,
            "SELECT o.*, b.recorded_at FROM observation o JOIN ingest_batch b ON b.id = o.batch_id"
                + " AND b.status = 'COMPLETE'"
                + " WHERE o.area_code = ?",
            List.of(area),
            " ORDER BY o.indicator_code, o.period_code, o.id",
            area + " (all indicators)",
            Instant.MAX);
    java.util.Map<String, List<Observation>> byIndicator = new java.util.TreeMap<>();
    for (Observation o : rows) {
      byIndicator.computeIfAbsent(o.indicator(), k -> new ArrayList<>()).add(o);
    }
    java.util.Map<String, String> homes = homes();
    java.util.Map<String, List<Observation>> out = new java.util.TreeMap<>();
    byIndicator.forEach(
        (indicator, obs) -> {
          List<Observation> latest = SeriesOwners.primary(latestPerPeriod(obs), homes, ctx);
          if (!latest.isEmpty()) {
            out.put(indicator, latest);
          }
        });
    return out;
  }

  private List<Observation> query(
      AccessContext ctx,
      String sql,
      List<Object> params,
      String orderBy,
      String subject,
      Instant asOf) {
    Set<String> owners = new TreeSet<>();
    int[] audited = {0};
    List<Observation> rows =
        db.inTransaction(
            "reading " + subject,
            c -> {
              ReadRule.Grants grants = ReadRule.grants(c, ctx);
              ReadRule.Filter f = ReadRule.filter(grants, "o", DOMAIN_SQL);
              List<Object> all = new ArrayList<>(params);
              all.addAll(f.params());
              String withdrawn = "";
              if (!ctx.isSystem()) {
                // A value's newest vintage decides who may read all of its vintages: raising the
                // classification withdraws the earlier, more widely shared ones from others' view.
                ReadRule.Filter later = ReadRule.filter(grants, "n", DOMAIN_SQL);
                withdrawn =
                    " AND NOT EXISTS (SELECT 1 FROM observation n WHERE n.indicator_code ="
                        + " o.indicator_code AND n.area_code = o.area_code AND n.period_code ="
                        + " o.period_code AND n.owner_org = o.owner_org AND n.id > o.id"
                        + " AND EXISTS (SELECT 1 FROM ingest_batch nb WHERE nb.id = n.batch_id"
                        + " AND nb.status = 'COMPLETE') AND NOT "
                        + later.sql()
                        + ")";
                all.addAll(later.params());
              }
              List<Observation> out = new ArrayList<>();
              try (PreparedStatement ps =
                      Database.prepare(
                          c,
                          "SELECT q.*, i.domain AS ind_domain FROM ("
                              + sql
                              + " AND "
                              + f.sql()
                              + withdrawn
                              + ") q JOIN indicator i ON i.code = q.indicator_code"
                              + orderBy.replace("o.", "q."),
                          all);
                  ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  Observation o = map(rs);
                  if (!grants.canRead(o.ownership(), rs.getString("ind_domain"))) {
                    throw new IllegalStateException(
                        "Read filter let through an unreadable row of " + subject);
                  }
                  if (ReadRule.audited(o.ownership().classification())) {
                    audited[0]++;
                    owners.add(o.ownership().owner());
                  }
                  out.add(o);
                }
              }
              return out;
            });
    // Every identity's reads are audited (internal jobs included), after the read transaction and
    // through the audit writer: readers do not queue on the chain's head row one by one.
    if (audited[0] > 0) {
      audit.recordRead(
          ctx,
          "observation.read",
          subject,
          audited[0]
              + " NATIONAL/RESTRICTED values"
              + (asOf.isBefore(Database.LATEST_STORABLE) ? ", as of " + asOf : ""),
          owners);
    }
    return rows;
  }

  static Observation map(ResultSet rs) throws SQLException {
    double v = rs.getDouble("obs_value");
    if (rs.wasNull()) {
      v = Double.NaN;
    }
    return new Observation(
        rs.getString("indicator_code"),
        rs.getString("area_code"),
        Codes.period(rs.getString("period_code")),
        v,
        rs.getString("flags"),
        rs.getString("source"),
        rs.getLong("batch_id"),
        Database.instant(rs, "recorded_at"),
        ownership(rs));
  }

  static Ownership ownership(ResultSet rs) throws SQLException {
    Classification cl = Classification.valueOf(rs.getString("classification"));
    Set<String> shared = Codes.parseSet(rs.getString("shared_with"));
    return new Ownership(rs.getString("owner_org"), cl, shared);
  }

  @Override
  public List<IngestBatch> batches(AccessContext ctx) {
    boolean all = ctx.isSystem() || ctx.role() == Role.SYSTEM_ADMIN;
    String sql =
        "SELECT * FROM ingest_batch WHERE status = 'COMPLETE'"
            + (all ? "" : " AND organisation = ?")
            + " ORDER BY id DESC";
    return db.read(
        "listing ingest batches",
        c -> {
          List<IngestBatch> out = new ArrayList<>();
          try (PreparedStatement ps =
                  Database.prepare(c, sql, all ? List.of() : List.of(ctx.organisation()));
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(batch(rs));
            }
          }
          return out;
        });
  }

  static IngestBatch batch(ResultSet rs) throws SQLException {
    return new IngestBatch(
        rs.getLong("id"),
        rs.getString("username"),
        rs.getString("organisation"),
        Database.instant(rs, "recorded_at"),
        rs.getString("source_file"),
        rs.getString("sha256"),
        rs.getString("input_format"),
        rs.getInt("rows_read"),
        rs.getInt("rows_added"),
        rs.getInt("rows_rejected"),
        rs.getString("source_licence"),
        rs.getString("source_citation"));
  }

  @Override
  public long count(AccessContext ctx) {
    return db.read(
        "counting observations",
        c -> {
          ReadRule.Filter f = ReadRule.filter(ReadRule.grants(c, ctx), "o", DOMAIN_SQL);
          try (PreparedStatement ps =
                  Database.prepare(
                      c,
                      "SELECT COUNT(*) FROM observation o JOIN ingest_batch b ON b.id = o.batch_id"
                          + " AND b.status = 'COMPLETE' WHERE "
                          + f.sql(),
                      f.params());
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }
}

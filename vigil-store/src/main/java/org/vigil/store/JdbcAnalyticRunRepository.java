package org.vigil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Classification;
import org.vigil.model.Ownership;
import org.vigil.model.run.AnalyticResult;
import org.vigil.model.run.AnalyticRun;
import org.vigil.model.run.AnalyticRunRepository;

/**
 * Analytic runs and versioned results on JDBC. Writes are for internal jobs only; reads apply the
 * read rule in SQL ({@link ReadRule}, sharing agreements by the result's domain) and check each row
 * again. A read that returns NATIONAL or RESTRICTED results to a user leaves one audit record.
 * Thread-safe.
 */
final class JdbcAnalyticRunRepository implements AnalyticRunRepository {
  private final Database db;
  private final AuditLog audit;
  private final Clock clock;
  private final PublishedViews views = new PublishedViews(PublishedViews.CAPACITY);

  JdbcAnalyticRunRepository(Database db, AuditLog audit, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
  }

  private static void requireSystem(AccessContext ctx, String what) {
    if (!ctx.isSystem()) {
      throw new AccessDeniedException(
          ctx.user()
              + " may not "
              + what
              + ": analytic runs are made by the system (./vigil analyse, ingest, schedule)");
    }
  }

  @Override
  public AnalyticRun begin(
      AccessContext ctx,
      String trigger,
      boolean full,
      String methodology,
      String methodologyVersion,
      String spec) {
    requireSystem(ctx, "start an analytic run");
    Instant now = Database.micros(clock.instant());
    return db.inTransaction(
        "starting an analytic run",
        c -> {
          long id;
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 FROM analytic_run");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
          }
          try (PreparedStatement ps =
              Database.prepare(
                  c,
                  "INSERT INTO analytic_run (id, trigger_kind, full_run, methodology,"
                      + " methodology_version, spec, started_at, status, series_computed,"
                      + " results_changed, failures, inputs) VALUES (?, ?, ?, ?, ?, ?, ?,"
                      + " 'RUNNING', 0, 0, 0, '')",
                  List.of(id, trigger, full, methodology, methodologyVersion, spec, now))) {
            ps.executeUpdate();
          }
          return new AnalyticRun(
              id,
              trigger,
              full,
              methodology,
              methodologyVersion,
              spec,
              now,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              "RUNNING",
              0,
              0,
              0,
              Map.of());
        });
  }

  @Override
  public int publish(AccessContext ctx, long runId, Collection<AnalyticResult> results) {
    requireSystem(ctx, "publish analytic results");
    if (results.isEmpty()) {
      return 0;
    }
    return db.inTransaction(
        "storing analytic results",
        c -> {
          Map<String, Map<String, String[]>> current = new HashMap<>();
          for (String kind : results.stream().map(AnalyticResult::kind).distinct().toList()) {
            Map<String, String[]> m = new HashMap<>();
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT subject, payload, owner_org, classification, shared_with, run_id"
                        + " FROM analytic_result WHERE kind = ? AND superseded_by IS NULL"); ) {
              ps.setString(1, kind);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  m.put(
                      rs.getString(1),
                      new String[] {
                        rs.getString(2),
                        rs.getString(3) + "|" + rs.getString(4) + "|" + rs.getString(5),
                        Long.toString(rs.getLong(6))
                      });
                }
              }
            }
            current.put(kind, m);
          }
          int stored = 0;
          try (PreparedStatement sup =
                  c.prepareStatement(
                      "UPDATE analytic_result SET superseded_by = ? WHERE run_id = ? AND kind = ?"
                          + " AND subject = ?");
              PreparedStatement ins =
                  c.prepareStatement(
                      "INSERT INTO analytic_result (run_id, kind, subject, area, domain,"
                          + " period_code, horizon, payload, owner_org, classification,"
                          + " shared_with) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AnalyticResult r : results) {
              Ownership o = r.ownership();
              String own =
                  o.owner() + "|" + o.classification().name() + "|" + Codes.list(o.sharedWith());
              String[] cur = current.get(r.kind()).get(r.subject());
              if (cur != null && cur[0].equals(r.payload()) && cur[1].equals(own)) {
                continue;
              }
              if (cur != null) {
                sup.setLong(1, runId);
                sup.setLong(2, Long.parseLong(cur[2]));
                sup.setString(3, r.kind());
                sup.setString(4, r.subject());
                sup.addBatch();
              }
              ins.setLong(1, runId);
              ins.setString(2, r.kind());
              ins.setString(3, r.subject());
              ins.setString(4, r.area());
              ins.setString(5, r.domain());
              ins.setString(6, r.period());
              ins.setInt(7, r.horizon());
              ins.setString(8, r.payload());
              ins.setString(9, o.owner());
              ins.setString(10, o.classification().name());
              ins.setString(11, Codes.list(o.sharedWith()));
              ins.addBatch();
              stored++;
            }
            sup.executeBatch();
            ins.executeBatch();
          }
          return stored;
        });
  }

  @Override
  public AnalyticRun finish(AccessContext ctx, AnalyticRun run) {
    requireSystem(ctx, "finish an analytic run");
    Instant now = Database.micros(clock.instant());
    StringBuilder inputs = new StringBuilder();
    run.inputs().forEach((k, v) -> inputs.append(k).append('=').append(v).append('\n'));
    List<Object> params = new ArrayList<>();
    params.add(now);
    params.add(run.dataAsOf().map(Database::micros).orElse(null));
    params.add(run.period().orElse(null));
    params.add(run.status());
    params.add(run.seriesComputed());
    params.add(run.resultsChanged());
    params.add(run.failures());
    params.add(inputs.toString());
    params.add(run.id());
    db.inTransaction(
        "finishing an analytic run",
        c -> {
          try (PreparedStatement ps =
              prepareNullable(
                  c,
                  "UPDATE analytic_run SET finished_at = ?, data_as_of = ?, period_code = ?,"
                      + " status = ?, series_computed = ?, results_changed = ?, failures = ?,"
                      + " inputs = ? WHERE id = ?",
                  params)) {
            ps.executeUpdate();
          }
          return null;
        });
    return run(ctx, run.id()).orElseThrow();
  }

  private static PreparedStatement prepareNullable(Connection c, String sql, List<Object> params)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < params.size(); i++) {
      Object p = params.get(i);
      if (p == null) {
        ps.setNull(i + 1, i == 1 ? java.sql.Types.TIMESTAMP_WITH_TIMEZONE : java.sql.Types.VARCHAR);
      } else if (p instanceof Instant t) {
        ps.setObject(i + 1, Database.timestamp(t));
      } else {
        ps.setObject(i + 1, p);
      }
    }
    return ps;
  }

  @Override
  public Optional<AnalyticRun> latest(AccessContext ctx, Instant asOf) {
    Instant at = asOf.isAfter(Database.LATEST_STORABLE) ? Database.LATEST_STORABLE : asOf;
    return db.read(
        "reading analytic runs",
        c -> first(select(c, " WHERE status = 'DONE' AND finished_at <= ?", List.of(at), 1)));
  }

  @Override
  public Optional<AnalyticRun> run(AccessContext ctx, long id) {
    return db.read(
        "reading an analytic run", c -> first(select(c, " WHERE id = ?", List.of(id), 1)));
  }

  @Override
  public List<AnalyticRun> runs(AccessContext ctx, int limit) {
    return db.read("reading analytic runs", c -> select(c, "", List.of(), limit));
  }

  private static Optional<AnalyticRun> first(List<AnalyticRun> l) {
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  private static List<AnalyticRun> select(Connection c, String where, List<?> params, int limit)
      throws SQLException {
    List<AnalyticRun> out = new ArrayList<>();
    try (PreparedStatement ps =
            Database.prepare(
                c, "SELECT * FROM analytic_run" + where + " ORDER BY id DESC", params);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next() && out.size() < limit) {
        Map<String, Long> inputs = new TreeMap<>();
        for (String line : rs.getString("inputs").split("\n", -1)) {
          int eq = line.lastIndexOf('=');
          if (eq > 0) {
            inputs.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1)));
          }
        }
        out.add(
            new AnalyticRun(
                rs.getLong("id"),
                rs.getString("trigger_kind"),
                rs.getBoolean("full_run"),
                rs.getString("methodology"),
                rs.getString("methodology_version"),
                rs.getString("spec"),
                Database.instant(rs, "started_at"),
                Optional.ofNullable(Database.instant(rs, "finished_at")),
                Optional.ofNullable(Database.instant(rs, "data_as_of")),
                Optional.ofNullable(rs.getString("period_code")),
                rs.getString("status"),
                rs.getInt("series_computed"),
                rs.getInt("results_changed"),
                rs.getInt("failures"),
                inputs));
      }
    }
    return out;
  }

  @Override
  public List<AnalyticResult> results(AccessContext ctx, String kind, long runId) {
    return published(ctx, kind, runId, List.of());
  }

  @Override
  public List<AnalyticResult> results(
      AccessContext ctx, String kind, long runId, Collection<String> periods) {
    if (periods.isEmpty()) {
      return List.of();
    }
    return published(ctx, kind, runId, periods);
  }

  /**
   * What run {@code runId} published of one kind (for the periods given, or all when none), that
   * ctx may read. A finished run's published view never changes (later runs only add versions and
   * mark older ones superseded after it), so it is read from the database once, in the system
   * context, kept in {@link #views}, and filtered per reader here with the same rule the SQL filter
   * applies ({@link ReadRule.Grants#canRead}); a sensitive read is audited as before.
   */
  private List<AnalyticResult> published(
      AccessContext ctx, String kind, long runId, Collection<String> periods) {
    List<String> sorted = periods.stream().distinct().sorted().toList();
    PublishedViews.Key key = new PublishedViews.Key(kind, runId, sorted);
    List<AnalyticResult> all = views.get(key);
    ReadRule.Grants g;
    if (all == null) {
      Object[] read =
          db.read(
              "reading analytic results",
              c -> {
                boolean done = finished(c, runId);
                List<AnalyticResult> rows = new ArrayList<>();
                for (String p : sorted.isEmpty() ? List.of("") : sorted) {
                  rows.addAll(publishedRows(c, kind, runId, p));
                }
                return new Object[] {done, rows, ReadRule.grants(c, ctx)};
              });
      @SuppressWarnings("unchecked")
      List<AnalyticResult> rows = (List<AnalyticResult>) read[1];
      rows.sort(java.util.Comparator.comparing(AnalyticResult::subject));
      all = List.copyOf(rows);
      if ((Boolean) read[0]) {
        views.put(key, all);
      }
      g = (ReadRule.Grants) read[2];
    } else {
      g = db.read("reading sharing agreements", c -> ReadRule.grants(c, ctx));
    }
    List<AnalyticResult> out = new ArrayList<>();
    boolean sensitive = false;
    for (AnalyticResult r : all) {
      if (ctx.isSystem() || g.canRead(r.ownership(), r.domain())) {
        sensitive |= ReadRule.audited(r.ownership().classification()) && !ctx.isSystem();
        out.add(r);
      }
    }
    if (sensitive) {
      audit.record(ctx, "analytics.read", kind + " results", out.size() + " results");
    }
    return out;
  }

  private static boolean finished(Connection c, long runId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT status FROM analytic_run WHERE id = ?")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && !"RUNNING".equals(rs.getString(1));
      }
    }
  }

  /**
   * One kind's results as published by a run, of one period ("" for every period): one equality on
   * the period so that the (kind, period_code, run_id) index is used; an IN list made H2 scan every
   * result of the kind (about 160 ms per risk read on the demo).
   */
  private static List<AnalyticResult> publishedRows(
      Connection c, String kind, long runId, String period) throws SQLException {
    List<Object> params = new ArrayList<>(List.of(kind));
    if (!period.isEmpty()) {
      params.add(period);
    }
    params.add(runId);
    params.add(runId);
    List<AnalyticResult> out = new ArrayList<>();
    try (PreparedStatement ps =
            Database.prepare(
                c,
                "SELECT * FROM analytic_result r WHERE r.kind = ?"
                    + (period.isEmpty() ? "" : " AND r.period_code = ?")
                    + " AND r.run_id <= ? AND (r.superseded_by IS NULL OR r.superseded_by > ?)",
                params);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(row(rs));
      }
    }
    return out;
  }

  private static AnalyticResult row(ResultSet rs) throws SQLException {
    return new AnalyticResult(
        rs.getLong("run_id"),
        rs.getString("kind"),
        rs.getString("subject"),
        rs.getString("area"),
        rs.getString("domain"),
        rs.getString("period_code"),
        rs.getInt("horizon"),
        rs.getString("payload"),
        new Ownership(
            rs.getString("owner_org"),
            Classification.valueOf(rs.getString("classification")),
            Codes.parseSet(rs.getString("shared_with"))));
  }

  @Override
  public List<AnalyticResult> changedBy(AccessContext ctx, String kind, long runId) {
    return readResults(ctx, kind, " AND r.run_id = ?", List.of(runId));
  }

  private List<AnalyticResult> readResults(
      AccessContext ctx, String kind, String where, List<Object> whereParams) {
    return db.read(
        "reading analytic results",
        c -> {
          ReadRule.Grants g = ReadRule.grants(c, ctx);
          ReadRule.Filter f = ReadRule.filter(g, "r", "r.domain");
          List<Object> params = new ArrayList<>();
          params.add(kind);
          params.addAll(whereParams);
          params.addAll(f.params());
          List<AnalyticResult> out = new ArrayList<>();
          boolean sensitive = false;
          try (PreparedStatement ps =
                  Database.prepare(
                      c,
                      "SELECT * FROM analytic_result r WHERE r.kind = ?"
                          + where
                          + " AND "
                          + f.sql()
                          + " ORDER BY r.subject",
                      params);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              Ownership o =
                  new Ownership(
                      rs.getString("owner_org"),
                      Classification.valueOf(rs.getString("classification")),
                      Codes.parseSet(rs.getString("shared_with")));
              if (!g.canRead(o, rs.getString("domain"))) {
                throw new IllegalStateException(
                    "Read filter let through result " + rs.getString("subject"));
              }
              sensitive |= ReadRule.audited(o.classification()) && !ctx.isSystem();
              out.add(row(rs));
            }
          }
          if (sensitive) {
            audit.record(ctx, "analytics.read", kind + " results", out.size() + " results");
          }
          return out;
        });
  }

  @Override
  public Optional<String> goalposts(AccessContext ctx, String methodology, String version) {
    return db.read(
        "reading goalposts",
        c -> {
          try (PreparedStatement ps =
                  Database.prepare(
                      c,
                      "SELECT goalposts FROM methodology_goalposts WHERE methodology = ? AND"
                          + " version = ?",
                      List.of(methodology, version));
              ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
          }
        });
  }

  @Override
  public void saveGoalposts(AccessContext ctx, String methodology, String version, String json) {
    requireSystem(ctx, "store goalposts");
    if (goalposts(ctx, methodology, version).isPresent()) {
      return;
    }
    db.inTransaction(
        "storing goalposts",
        c -> {
          try (PreparedStatement ps =
              Database.prepare(
                  c,
                  "INSERT INTO methodology_goalposts (methodology, version, derived_at,"
                      + " goalposts) VALUES (?, ?, ?, ?)",
                  List.of(methodology, version, Database.micros(clock.instant()), json))) {
            ps.executeUpdate();
          }
          return null;
        });
  }
}

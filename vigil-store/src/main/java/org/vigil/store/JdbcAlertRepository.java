package org.vigil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Classification;
import org.vigil.model.InvalidInputException;
import org.vigil.model.NotFoundException;
import org.vigil.model.Ownership;
import org.vigil.model.alert.Alert;
import org.vigil.model.alert.AlertChange;
import org.vigil.model.alert.AlertQuery;
import org.vigil.model.alert.AlertRepository;
import org.vigil.model.alert.AlertRule;
import org.vigil.model.alert.AlertSeverity;
import org.vigil.model.alert.AlertState;
import org.vigil.model.alert.AlertSubject;

/**
 * Alerts on JDBC (H2 or PostgreSQL). The read rule is applied in SQL ({@link ReadRule}) and checked
 * again per row; alerts are insert-only rows and state changes are insert-only history rows.
 * Raising, state changes and reads of NATIONAL or RESTRICTED alerts by users are audited in the
 * same transaction. Thread-safe.
 */
public final class JdbcAlertRepository implements AlertRepository {
  private final Database db;
  private final AuditLog audit;
  private final Clock clock;

  private JdbcAlertRepository(Database db, AuditLog audit, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
  }

  /** Opens the repository on a migrated data source (see {@link Store#open}). */
  public static AlertRepository open(DataSource dataSource, Clock clock) {
    Database db = new Database(dataSource);
    return new JdbcAlertRepository(db, AuditLog.on(db, clock), clock);
  }

  @Override
  public List<Alert> raise(AccessContext ctx, List<Alert> candidates) {
    if (!ctx.isSystem()) {
      throw new AccessDeniedException(
          ctx.user()
              + " ("
              + ctx.organisation()
              + ") may not raise alerts: expected the system context (alerts are raised by"
              + " evaluating the rules)");
    }
    return db.inTransaction(
        "raising alerts",
        c -> {
          List<Alert> out = new ArrayList<>();
          Map<String, Alert> unique = new LinkedHashMap<>();
          for (Alert a : candidates) {
            unique.putIfAbsent(a.key(), a);
          }
          for (Alert a : unique.values()) {
            if (exists(c, a.key())) {
              continue;
            }
            out.add(insert(c, a));
          }
          if (!out.isEmpty()) {
            audit.append(
                c,
                ctx,
                "alert.raise",
                out.size() + " alert(s)",
                "ids " + out.get(0).id() + ".." + out.get(out.size() - 1).id());
          }
          return out;
        });
  }

  private static boolean exists(Connection c, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM alert WHERE dedup_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private Alert insert(Connection c, Alert a) throws SQLException {
    Instant created = Database.micros(a.createdAt());
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO alert (dedup_key, rule_code, severity, indicator_code, area_code,"
                + " period_code, domain, message_en, message_ru, evidence, created_at, owner_org,"
                + " classification, shared_with) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, a.key());
      ps.setString(2, a.rule().name());
      ps.setString(3, a.severity().name());
      ps.setString(4, a.subject().indicator());
      ps.setString(5, a.subject().area());
      ps.setString(6, a.subject().period());
      ps.setString(7, a.domain());
      ps.setString(8, a.messageEn());
      ps.setString(9, a.messageRu());
      ps.setString(10, evidence(a.evidence()));
      ps.setObject(11, Database.timestamp(created));
      ps.setString(12, a.ownership().owner());
      ps.setString(13, a.ownership().classification().name());
      ps.setString(14, Codes.list(a.ownership().sharedWith()));
      ps.executeUpdate();
      try (ResultSet rs = ps.getGeneratedKeys()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    AlertChange first =
        new AlertChange(AlertState.NEW, "system", AccessContext.SYSTEM_ORG, created);
    insertChange(c, id, 1, first);
    return a.stored(id, List.of(first));
  }

  private static void insertChange(Connection c, long id, int seq, AlertChange ch)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO alert_state_change (alert_id, seq, state, changed_by, changed_org,"
                + " changed_at) VALUES (?,?,?,?,?,?)")) {
      ps.setLong(1, id);
      ps.setInt(2, seq);
      ps.setString(3, ch.state().name());
      ps.setString(4, ch.by());
      ps.setString(5, ch.organisation());
      ps.setObject(6, Database.timestamp(ch.at()));
      ps.executeUpdate();
    }
  }

  @Override
  public List<Alert> list(AccessContext ctx, AlertQuery query) {
    StringBuilder where = new StringBuilder();
    List<Object> params = new ArrayList<>();
    query.area().ifPresent(a -> add(where, params, "a.area_code = ?", a));
    query.rule().ifPresent(r -> add(where, params, "a.rule_code = ?", r.name()));
    return db.inTransaction(
        "reading alerts",
        c -> {
          List<Alert> out = new ArrayList<>();
          for (Alert a : select(c, ctx, where.toString(), params)) {
            if (query.state().isEmpty() || query.state().get() == a.state()) {
              out.add(a);
            }
          }
          auditReads(c, ctx, "alerts", out);
          return out;
        });
  }

  private static void add(StringBuilder where, List<Object> params, String sql, Object p) {
    where.append(" AND ").append(sql);
    params.add(p);
  }

  @Override
  public Alert get(AccessContext ctx, long id) {
    return db.inTransaction(
        "reading alert " + id,
        c -> {
          Alert a = readable(c, ctx, id);
          auditReads(c, ctx, "alert " + id, List.of(a));
          return a;
        });
  }

  private Alert readable(Connection c, AccessContext ctx, long id) throws SQLException {
    List<Alert> found = select(c, ctx, " AND a.id = ?", List.of(id));
    if (found.isEmpty()) {
      throw new NotFoundException(
          "No alert " + id + " that you may read: list the alerts with GET /api/alerts");
    }
    return found.get(0);
  }

  @Override
  public Alert mark(AccessContext ctx, long id, AlertState state) {
    if (state == null || state == AlertState.NEW) {
      throw new InvalidInputException(
          "An alert can be marked SEEN or CLOSED, found " + state + ": choose seen or closed");
    }
    return db.inTransaction(
        "changing the state of alert " + id,
        c -> {
          Alert a = readable(c, ctx, id);
          if (!ctx.isSystem() && !a.ownership().owner().equals(ctx.organisation())) {
            throw new AccessDeniedException(
                ctx.user()
                    + " ("
                    + ctx.organisation()
                    + ") may not change the state of alert "
                    + id
                    + ": expected a user of "
                    + a.ownership().owner()
                    + ", which owns the data it is about");
          }
          if (a.state() == state) {
            throw new InvalidInputException(
                "Alert " + id + " is already " + state + ": nothing to change");
          }
          AlertChange ch =
              new AlertChange(
                  state, ctx.user(), ctx.organisation(), Database.micros(clock.instant()));
          insertChange(c, id, a.history().size() + 1, ch);
          audit.append(c, ctx, "alert.mark", "alert " + id, a.state() + " -> " + state);
          List<AlertChange> h = new ArrayList<>(a.history());
          h.add(ch);
          return a.stored(id, h);
        });
  }

  private static List<Alert> select(
      Connection c, AccessContext ctx, String where, List<Object> whereParams) throws SQLException {
    ReadRule.Grants g = ReadRule.grants(c, ctx);
    ReadRule.Filter f = ReadRule.filter(g, "a", "a.domain");
    List<Object> params = new ArrayList<>(whereParams);
    params.addAll(f.params());
    String cond = " WHERE 1 = 1" + where + " AND " + f.sql();
    Map<Long, List<AlertChange>> history = new HashMap<>();
    try (PreparedStatement ps =
            Database.prepare(
                c,
                "SELECT s.* FROM alert_state_change s JOIN alert a ON a.id = s.alert_id"
                    + cond
                    + " ORDER BY s.alert_id, s.seq",
                params);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        history
            .computeIfAbsent(rs.getLong("alert_id"), k -> new ArrayList<>())
            .add(
                new AlertChange(
                    AlertState.valueOf(rs.getString("state")),
                    rs.getString("changed_by"),
                    rs.getString("changed_org"),
                    Database.instant(rs, "changed_at")));
      }
    }
    List<Alert> out = new ArrayList<>();
    try (PreparedStatement ps =
            Database.prepare(
                c,
                "SELECT a.* FROM alert a" + cond + " ORDER BY a.created_at DESC, a.id DESC",
                params);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong("id");
        Ownership o =
            new Ownership(
                rs.getString("owner_org"),
                Classification.valueOf(rs.getString("classification")),
                Codes.parseSet(rs.getString("shared_with")));
        if (!g.canRead(o, rs.getString("domain"))) {
          throw new IllegalStateException("Read filter let through alert " + id);
        }
        out.add(
            new Alert(
                id,
                AlertRule.valueOf(rs.getString("rule_code")),
                AlertSeverity.valueOf(rs.getString("severity")),
                new AlertSubject(
                    rs.getString("indicator_code"),
                    rs.getString("area_code"),
                    rs.getString("period_code")),
                rs.getString("domain"),
                rs.getString("message_en"),
                rs.getString("message_ru"),
                evidence(rs.getString("evidence")),
                Database.instant(rs, "created_at"),
                o,
                history.getOrDefault(id, List.of())));
      }
    }
    return out;
  }

  private void auditReads(Connection c, AccessContext ctx, String subject, List<Alert> read)
      throws SQLException {
    long n = read.stream().filter(a -> ReadRule.audited(a.ownership().classification())).count();
    if (n > 0) {
      audit.recordRead(
          ctx,
          "alert.read",
          subject,
          n + " NATIONAL/RESTRICTED alert(s)",
          read.stream()
              .filter(a -> ReadRule.audited(a.ownership().classification()))
              .map(a -> a.ownership().owner())
              .collect(java.util.stream.Collectors.toSet()));
    }
  }

  /** Evidence as "key TAB value" lines, keys sorted (the record forbids tabs and line breaks). */
  static String evidence(Map<String, String> e) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> x : new TreeMap<>(e).entrySet()) {
      b.append(x.getKey()).append('\t').append(x.getValue()).append('\n');
    }
    return b.toString();
  }

  static Map<String, String> evidence(String stored) {
    Map<String, String> out = new TreeMap<>();
    for (String line : stored.split("\n", -1)) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        out.put(line.substring(0, tab), line.substring(tab + 1));
      }
    }
    return out;
  }
}

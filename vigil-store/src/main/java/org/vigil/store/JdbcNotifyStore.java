package org.vigil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.InvalidInputException;
import org.vigil.model.NotFoundException;
import org.vigil.model.Role;
import org.vigil.model.alert.AlertSeverity;
import org.vigil.model.notify.Channel;
import org.vigil.model.notify.DeliveryAttempt;
import org.vigil.model.notify.InboxState;
import org.vigil.model.notify.NotifyRule;
import org.vigil.model.notify.OutboxMessage;
import org.vigil.model.notify.RuleKind;
import org.vigil.model.notify.Subscription;

/**
 * Notification rules, subscriptions, inboxes and the outbox on JDBC (H2 or PostgreSQL).
 *
 * <p>The outbox makes delivery at least once and, short of one window, exactly once: {@link
 * #enqueue} inserts a message under a unique delivery key (enqueueing it again does nothing), and
 * {@link #claim} takes a due message with a conditional UPDATE that sets it SENDING under a lease
 * and adds its attempt row, committed before anything is sent; only the worker whose UPDATE changed
 * the row sends it, and only that worker, for that attempt, may record the outcome (the UPDATE in
 * {@link #sent}/{@link #failed} names the worker and the attempt). A worker that stops while
 * sending leaves its message SENDING; when the lease runs out another worker claims it again (the
 * old attempt is recorded as LEASE_EXPIRED) and sends it under the same Message-ID / webhook id. So
 * a stop in the middle of a batch delivers the rest after a restart and repeats nothing, except a
 * message the receiver accepted in the instant before the worker could commit that it was sent:
 * that one arrives twice with the same id, for the receiver to drop. Subscriptions and inbox state
 * changes are audited; outbox attempts are recorded in {@code notify_attempt}. Thread-safe.
 */
public final class JdbcNotifyStore {
  /**
   * The default lease: how long a claimed message stays SENDING before another worker may retake
   * it.
   */
  public static final java.time.Duration LEASE = java.time.Duration.ofMinutes(5);

  private final Database db;
  private final AuditLog audit;
  private final Clock clock;

  private JdbcNotifyStore(Database db, AuditLog audit, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
  }

  /** Opens the store on a migrated data source (see {@link Store#open}). */
  public static JdbcNotifyStore open(DataSource dataSource, Clock clock) {
    Database db = new Database(dataSource);
    return new JdbcNotifyStore(db, AuditLog.on(db, clock), clock);
  }

  // ---- rules ----

  /** Stores a rule, or replaces the rule with the same code. System administrators only. */
  public NotifyRule saveRule(AccessContext ctx, NotifyRule rule) {
    requireAdmin(ctx, "store alert rules");
    return db.inTransaction(
        "storing rule " + rule.code(),
        c -> {
          try (PreparedStatement del =
              Database.prepare(c, "DELETE FROM notify_rule WHERE code = ?", List.of(rule.code()))) {
            del.executeUpdate();
          }
          Instant at = Database.micros(clock.instant());
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO notify_rule (code, kind, indicator_code, area_code, domain, params,"
                      + " severity, enabled, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            Database.bind(
                ps,
                List.of(
                    rule.code(),
                    rule.kind().name(),
                    rule.indicator(),
                    rule.area(),
                    rule.domain(),
                    rule.paramsText(),
                    rule.severity().name(),
                    rule.enabled(),
                    ctx.user(),
                    at));
            ps.executeUpdate();
            id = generated(ps);
          }
          audit.append(
              c,
              ctx,
              "notify.rule",
              "rule " + rule.code(),
              rule.kind() + " " + rule.paramsText() + (rule.enabled() ? "" : " (disabled)"));
          return new NotifyRule(
              id,
              rule.code(),
              rule.kind(),
              rule.indicator(),
              rule.area(),
              rule.domain(),
              rule.params(),
              rule.severity(),
              rule.enabled(),
              ctx.user(),
              at);
        });
  }

  /** Every rule (rules hold no data: any logged-in user may list them). */
  public List<NotifyRule> rules(AccessContext ctx) {
    return db.read(
        "reading alert rules",
        c -> {
          List<NotifyRule> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT * FROM notify_rule ORDER BY code");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(
                  new NotifyRule(
                      rs.getLong("id"),
                      rs.getString("code"),
                      RuleKind.valueOf(rs.getString("kind")),
                      rs.getString("indicator_code"),
                      rs.getString("area_code"),
                      rs.getString("domain"),
                      NotifyRule.parseParams(rs.getString("params")),
                      AlertSeverity.valueOf(rs.getString("severity")),
                      rs.getBoolean("enabled"),
                      rs.getString("created_by"),
                      Database.instant(rs, "created_at")));
            }
          }
          return out;
        });
  }

  /** A scheduled evaluation of the kept rules: its slot, who ran it and what it found. */
  public record RuleRun(
      Instant slot,
      String worker,
      Instant startedAt,
      Optional<Instant> finishedAt,
      String status,
      int rules,
      int findings,
      int raised,
      String detail) {}

  /**
   * Claims a schedule slot for an evaluation of the kept rules: true for the one caller whose row
   * was inserted (RUNNING). System only.
   */
  public boolean claimRuleRun(AccessContext ctx, Instant slot, String worker) {
    requireSystem(ctx);
    Instant at = Database.micros(clock.instant());
    Instant s = Database.micros(slot);
    return insertOnce(
        "claiming the rule run of " + slot,
        "INSERT INTO notify_rule_run (slot_start, worker, started_at, status, rules, findings,"
            + " raised, detail) SELECT ?, ?, ?, 'RUNNING', 0, 0, 0, '' FROM notify_rule_dual WHERE"
            + " NOT EXISTS (SELECT 1 FROM notify_rule_run WHERE slot_start = ?)",
        List.of(s, worker, at, s));
  }

  /**
   * Records the end of an evaluation of the kept rules and audits it ({@code notify.evaluate});
   * {@code slot} is empty for an evaluation asked for by hand. System or a system administrator.
   */
  public void recordEvaluation(
      AccessContext ctx,
      Optional<Instant> slot,
      int rules,
      int findings,
      int raised,
      boolean ok,
      String detail) {
    requireAdmin(ctx, "evaluate the alert rules");
    String clipped = detail.length() > 2000 ? detail.substring(0, 1997) + "..." : detail;
    db.inTransaction(
        "recording a rule evaluation",
        c -> {
          if (slot.isPresent()) {
            try (PreparedStatement ps =
                Database.prepare(
                    c,
                    "UPDATE notify_rule_run SET finished_at = ?, status = ?, rules = ?, findings ="
                        + " ?, raised = ?, detail = ? WHERE slot_start = ?",
                    List.of(
                        Database.micros(clock.instant()),
                        ok ? "DONE" : "FAILED",
                        rules,
                        findings,
                        raised,
                        clipped,
                        Database.micros(slot.get())))) {
              ps.executeUpdate();
            }
          }
          audit.append(
              c,
              ctx,
              "notify.evaluate",
              slot.map(x -> "rules, scheduled slot " + x).orElse("rules, by hand"),
              (ok ? "" : "FAILED: ")
                  + rules
                  + " rule(s), "
                  + findings
                  + " finding(s), "
                  + raised
                  + " new alert(s)"
                  + (clipped.isEmpty() ? "" : "; " + clipped));
          return null;
        });
  }

  /** The scheduled evaluations, newest first (system only). */
  public List<RuleRun> ruleRuns(AccessContext ctx) {
    requireSystem(ctx);
    return db.read(
        "reading rule runs",
        c -> {
          List<RuleRun> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT * FROM notify_rule_run ORDER BY slot_start DESC");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(
                  new RuleRun(
                      Database.instant(rs, "slot_start"),
                      rs.getString("worker"),
                      Database.instant(rs, "started_at"),
                      Optional.ofNullable(Database.instant(rs, "finished_at")),
                      rs.getString("status"),
                      rs.getInt("rules"),
                      rs.getInt("findings"),
                      rs.getInt("raised"),
                      rs.getString("detail")));
            }
          }
          return out;
        });
  }

  // ---- subscriptions ----

  /** Stores a subscription of the caller's own (the system may store anyone's). */
  public Subscription subscribe(AccessContext ctx, Subscription s) {
    requireSelf(ctx, s.username(), "subscribe");
    return db.inTransaction(
        "storing a subscription",
        c -> {
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO notify_subscription (username, domain, area_code, indicator_code,"
                      + " min_severity, channel, target, lang, active, created_at)"
                      + " VALUES (?,?,?,?,?,?,?,?,?,?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            Database.bind(
                ps,
                List.of(
                    s.username(),
                    s.domain(),
                    s.area(),
                    s.indicator(),
                    s.minSeverity().name(),
                    s.channel().name(),
                    s.target(),
                    s.lang(),
                    true,
                    s.createdAt()));
            ps.executeUpdate();
            id = generated(ps);
          }
          audit.append(
              c,
              ctx,
              "notify.subscribe",
              "subscription " + id,
              s.channel() + " " + describe(s) + " for " + s.username());
          return s.stored(id);
        });
  }

  /** The caller's subscriptions (the system: everyone's active ones), oldest first. */
  public List<Subscription> subscriptions(AccessContext ctx) {
    return db.read(
        "reading subscriptions",
        c -> {
          String sql =
              ctx.isSystem()
                  ? "SELECT * FROM notify_subscription WHERE active = TRUE ORDER BY id"
                  : "SELECT * FROM notify_subscription WHERE username = ? ORDER BY id";
          List<Object> params = ctx.isSystem() ? List.of() : List.of(ctx.user());
          List<Subscription> out = new ArrayList<>();
          try (PreparedStatement ps = Database.prepare(c, sql, params);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(
                  new Subscription(
                      rs.getLong("id"),
                      rs.getString("username"),
                      rs.getString("domain"),
                      rs.getString("area_code"),
                      rs.getString("indicator_code"),
                      AlertSeverity.valueOf(rs.getString("min_severity")),
                      Channel.valueOf(rs.getString("channel")),
                      rs.getString("target"),
                      rs.getString("lang"),
                      rs.getBoolean("active"),
                      Database.instant(rs, "created_at")));
            }
          }
          return out;
        });
  }

  /** Cancels one of the caller's subscriptions (kept, marked inactive). */
  public void unsubscribe(AccessContext ctx, long id) {
    db.inTransaction(
        "cancelling subscription " + id,
        c -> {
          try (PreparedStatement ps =
              Database.prepare(
                  c,
                  "UPDATE notify_subscription SET active = FALSE WHERE id = ? AND active = TRUE"
                      + (ctx.isSystem() ? "" : " AND username = ?"),
                  ctx.isSystem() ? List.of(id) : List.of(id, ctx.user()))) {
            if (ps.executeUpdate() == 0) {
              throw new NotFoundException(
                  "No active subscription "
                      + id
                      + " of "
                      + ctx.user()
                      + ": list yours with ./vigil notify list or GET /api/notify/subscriptions");
            }
          }
          audit.append(c, ctx, "notify.unsubscribe", "subscription " + id, "cancelled");
          return null;
        });
  }

  // ---- inbox ----

  /** A row of an inbox (the alert is read separately, in the user's context). */
  public record InboxRow(
      long id,
      String username,
      long alertId,
      InboxState state,
      Instant createdAt,
      Instant changedAt) {}

  /**
   * Puts an alert into a user's inbox once. System only: the caller has checked that the user may
   * read the alert.
   *
   * @return true when it was new
   */
  public boolean deliverToInbox(AccessContext ctx, String username, long alertId) {
    requireSystem(ctx);
    Instant at = Database.micros(clock.instant());
    return insertOnce(
        "delivering alert " + alertId + " to " + username,
        "INSERT INTO notify_inbox (username, alert_id, state, created_at, changed_at)"
            + " SELECT ?, ?, 'UNREAD', ?, ? FROM notify_rule_dual WHERE NOT EXISTS"
            + " (SELECT 1 FROM notify_inbox WHERE username = ? AND alert_id = ?)",
        List.of(username, alertId, at, at, username, alertId));
  }

  /** The caller's inbox, newest first, optionally in one state. */
  public List<InboxRow> inbox(AccessContext ctx, Optional<InboxState> state) {
    return db.read(
        "reading the inbox of " + ctx.user(),
        c -> {
          List<Object> params = new ArrayList<>(List.of(ctx.user()));
          state.ifPresent(s -> params.add(s.name()));
          List<InboxRow> out = new ArrayList<>();
          try (PreparedStatement ps =
                  Database.prepare(
                      c,
                      "SELECT * FROM notify_inbox WHERE username = ?"
                          + (state.isPresent() ? " AND state = ?" : "")
                          + " ORDER BY created_at DESC, id DESC",
                      params);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(inboxRow(rs));
            }
          }
          return out;
        });
  }

  /** Moves one of the caller's inbox items to a state (not back to UNREAD). Audited. */
  public InboxRow markInbox(AccessContext ctx, long id, InboxState state) {
    if (state == InboxState.UNREAD) {
      throw new InvalidInputException(
          "An inbox item cannot be marked unread again: expected READ, ACKNOWLEDGED or CLOSED");
    }
    return db.inTransaction(
        "marking inbox item " + id,
        c -> {
          Instant at = Database.micros(clock.instant());
          try (PreparedStatement ps =
              Database.prepare(
                  c,
                  "UPDATE notify_inbox SET state = ?, changed_at = ? WHERE id = ? AND username = ?",
                  List.of(state.name(), at, id, ctx.user()))) {
            if (ps.executeUpdate() == 0) {
              throw new NotFoundException(
                  "No inbox item "
                      + id
                      + " of "
                      + ctx.user()
                      + ": list your inbox with GET /api/notify/inbox or ./vigil notify inbox");
            }
          }
          audit.append(c, ctx, "notify.inbox", "inbox item " + id, state.name());
          try (PreparedStatement ps =
                  Database.prepare(c, "SELECT * FROM notify_inbox WHERE id = ?", List.of(id));
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return inboxRow(rs);
          }
        });
  }

  private static InboxRow inboxRow(ResultSet rs) throws SQLException {
    return new InboxRow(
        rs.getLong("id"),
        rs.getString("username"),
        rs.getLong("alert_id"),
        InboxState.valueOf(rs.getString("state")),
        Database.instant(rs, "created_at"),
        Database.instant(rs, "changed_at"));
  }

  // ---- outbox ----

  /**
   * Enqueues a message under its delivery key once. System only.
   *
   * @return true when it was new; false when a message with this key exists (in any state)
   */
  public boolean enqueue(
      AccessContext ctx,
      String deliveryKey,
      Channel channel,
      String target,
      String username,
      String subject,
      String body) {
    requireSystem(ctx);
    Instant at = Database.micros(clock.instant());
    return insertOnce(
        "enqueueing " + deliveryKey,
        "INSERT INTO notify_outbox (delivery_key, channel, target, username, subject, body,"
            + " status, attempts, next_at, claimed_by, created_at) SELECT ?, ?, ?, ?, ?, ?,"
            + " 'PENDING', 0, ?, '', ? FROM notify_rule_dual WHERE NOT EXISTS (SELECT 1 FROM"
            + " notify_outbox WHERE delivery_key = ?)",
        List.of(
            deliveryKey,
            channel.name(),
            target,
            username,
            subject.length() > 500 ? subject.substring(0, 497) + "..." : subject,
            body,
            at,
            at,
            deliveryKey));
  }

  /**
   * Claims up to {@code limit} due messages for a worker, each for {@code lease}: a PENDING message
   * whose time has come, or a SENDING one whose lease ran out (its worker stopped or hung while
   * sending; its open attempt is recorded as LEASE_EXPIRED). Each claim is a conditional UPDATE in
   * its own committed transaction with a new attempt row, so a message is claimed by one worker
   * once per attempt. A message whose lease ran out after {@code maxAttempts} attempts is given up
   * (FAILED) instead. System only.
   */
  public List<OutboxMessage> claim(
      AccessContext ctx, String worker, int limit, java.time.Duration lease, int maxAttempts) {
    requireSystem(ctx);
    Instant now = Database.micros(clock.instant());
    List<long[]> due =
        db.read(
            "finding due messages",
            c -> {
              List<long[]> ids = new ArrayList<>();
              try (PreparedStatement ps =
                  Database.prepare(
                      c,
                      "SELECT id, attempts FROM notify_outbox WHERE status IN ('PENDING',"
                          + " 'SENDING') AND next_at <= ? ORDER BY next_at, id",
                      List.of(now))) {
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    ids.add(new long[] {rs.getLong(1), rs.getInt(2)});
                  }
                }
              }
              return ids;
            });
    List<OutboxMessage> out = new ArrayList<>();
    for (long[] d : due) {
      db.inTransaction(
          "claiming message " + d[0],
          c -> {
            claimOne(c, d[0], (int) d[1], worker, now, lease, maxAttempts).ifPresent(out::add);
            return null;
          });
    }
    return out;
  }

  private Optional<OutboxMessage> claimOne(
      Connection c,
      long id,
      int seenAttempts,
      String worker,
      Instant now,
      java.time.Duration lease,
      int maxAttempts)
      throws SQLException {
    // Expire the open attempt of a message whose worker stopped while sending it.
    try (PreparedStatement ps =
        Database.prepare(
            c,
            "UPDATE notify_attempt SET outcome = 'LEASE_EXPIRED', detail = ? WHERE outbox_id = ?"
                + " AND attempt = ? AND outcome = 'SENDING' AND EXISTS (SELECT 1 FROM"
                + " notify_outbox o WHERE o.id = ? AND o.status = 'SENDING' AND o.attempts = ? AND"
                + " o.next_at <= ?)",
            List.of(
                "the worker stopped or hung while sending (lease ran out at "
                    + now
                    + "); sent again under the same Message-ID",
                id,
                seenAttempts,
                id,
                seenAttempts,
                now))) {
      ps.executeUpdate();
    }
    if (seenAttempts >= maxAttempts) {
      try (PreparedStatement ps =
          Database.prepare(
              c,
              "UPDATE notify_outbox SET status = 'FAILED', done_at = ? WHERE id = ? AND status ="
                  + " 'SENDING' AND attempts = ? AND next_at <= ?",
              List.of(now, id, seenAttempts, now))) {
        ps.executeUpdate();
      }
      return Optional.empty();
    }
    try (PreparedStatement ps =
        Database.prepare(
            c,
            "UPDATE notify_outbox SET status = 'SENDING', attempts = attempts + 1, claimed_by = ?,"
                + " next_at = ? WHERE id = ? AND attempts = ? AND status IN ('PENDING', 'SENDING')"
                + " AND next_at <= ?",
            List.of(worker, now.plus(lease), id, seenAttempts, now))) {
      if (ps.executeUpdate() == 0) {
        return Optional.empty(); // another worker took it
      }
    }
    OutboxMessage m = outbox(c, id);
    try (PreparedStatement ps =
        Database.prepare(
            c,
            "INSERT INTO notify_attempt (outbox_id, attempt, worker, started_at, outcome,"
                + " detail) VALUES (?,?,?,?,'SENDING','')",
            List.of(id, m.attempts(), worker, now))) {
      ps.executeUpdate();
    }
    return Optional.of(m);
  }

  /** Records the message as sent. */
  public void sent(AccessContext ctx, OutboxMessage m, String detail) {
    finish(ctx, m, "SENT", "SENT", detail, Optional.empty());
  }

  /** Records a failed attempt: PENDING again at {@code retryAt}, or FAILED when empty. */
  public void failed(AccessContext ctx, OutboxMessage m, String detail, Optional<Instant> retryAt) {
    finish(
        ctx,
        m,
        retryAt.isPresent() ? "PENDING" : "FAILED",
        retryAt.isPresent() ? "RETRY" : "FAILED",
        detail,
        retryAt);
  }

  private void finish(
      AccessContext ctx,
      OutboxMessage m,
      String status,
      String outcome,
      String detail,
      Optional<Instant> retryAt) {
    requireSystem(ctx);
    Instant now = Database.micros(clock.instant());
    String clipped = detail.length() > 2000 ? detail.substring(0, 1997) + "..." : detail;
    db.inTransaction(
        "recording delivery of message " + m.id(),
        c -> {
          try (PreparedStatement ps =
              Database.prepare(
                  c,
                  "UPDATE notify_outbox SET status = ?, next_at = ?, done_at = ? WHERE id = ? AND"
                      + " status = 'SENDING' AND claimed_by = ? AND attempts = ?",
                  java.util.Arrays.asList(
                      status,
                      Database.timestamp(retryAt.orElse(now)),
                      retryAt.isPresent() ? null : Database.timestamp(now),
                      m.id(),
                      m.claimedBy(),
                      m.attempts()))) {
            if (ps.executeUpdate() == 0) {
              throw new IllegalStateException(
                  "Message "
                      + m.id()
                      + " is no longer claimed by "
                      + m.claimedBy()
                      + " (attempt "
                      + m.attempts()
                      + "): its lease ran out");
            }
          }
          try (PreparedStatement ps =
              Database.prepare(
                  c,
                  "UPDATE notify_attempt SET outcome = ?, detail = ? WHERE outbox_id = ? AND"
                      + " attempt = ?",
                  List.of(outcome, clipped, m.id(), m.attempts()))) {
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** Every outbox message, oldest first (system only; for administration and tests). */
  public List<OutboxMessage> outbox(AccessContext ctx) {
    requireSystem(ctx);
    return db.read(
        "reading the outbox",
        c -> {
          List<OutboxMessage> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT * FROM notify_outbox ORDER BY id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(message(rs));
            }
          }
          return out;
        });
  }

  /** Every attempt of a message, in order (system only). */
  public List<DeliveryAttempt> attempts(AccessContext ctx, long outboxId) {
    requireSystem(ctx);
    return db.read(
        "reading delivery attempts",
        c -> {
          List<DeliveryAttempt> out = new ArrayList<>();
          try (PreparedStatement ps =
                  Database.prepare(
                      c,
                      "SELECT * FROM notify_attempt WHERE outbox_id = ? ORDER BY attempt",
                      List.of(outboxId));
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(
                  new DeliveryAttempt(
                      rs.getLong("outbox_id"),
                      rs.getInt("attempt"),
                      rs.getString("worker"),
                      Database.instant(rs, "started_at"),
                      rs.getString("outcome"),
                      rs.getString("detail")));
            }
          }
          return out;
        });
  }

  private static OutboxMessage outbox(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
            Database.prepare(c, "SELECT * FROM notify_outbox WHERE id = ?", List.of(id));
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return message(rs);
    }
  }

  private static OutboxMessage message(ResultSet rs) throws SQLException {
    return new OutboxMessage(
        rs.getLong("id"),
        rs.getString("delivery_key"),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("target"),
        rs.getString("username"),
        rs.getString("subject"),
        rs.getString("body"),
        rs.getString("status"),
        rs.getInt("attempts"),
        Database.instant(rs, "next_at"),
        rs.getString("claimed_by"),
        Database.instant(rs, "created_at"),
        Optional.ofNullable(Database.instant(rs, "done_at")));
  }

  private boolean insertOnce(String what, String sql, List<Object> params) {
    try {
      return db.inTransaction(
          what,
          c -> {
            try (PreparedStatement ps = Database.prepare(c, sql, params)) {
              return ps.executeUpdate() == 1;
            }
          });
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException s && "23505".equals(s.getSQLState())) {
        return false; // a concurrent insert of the same key won
      }
      throw e;
    }
  }

  private static long generated(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.getGeneratedKeys()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String describe(Subscription s) {
    return "domain="
        + (s.domain().isEmpty() ? "*" : s.domain())
        + " area="
        + (s.area().isEmpty() ? "*" : s.area())
        + " indicator="
        + (s.indicator().isEmpty() ? "*" : s.indicator())
        + " severity>="
        + s.minSeverity();
  }

  private static void requireSystem(AccessContext ctx) {
    if (!ctx.isSystem()) {
      throw new AccessDeniedException(
          ctx.user() + " may not deliver notifications: only the delivery job does");
    }
  }

  private static void requireAdmin(AccessContext ctx, String what) {
    if (!ctx.isSystem() && ctx.role() != Role.SYSTEM_ADMIN) {
      throw new AccessDeniedException(
          ctx.user()
              + " ("
              + ctx.role()
              + ") may not "
              + what
              + ": expected a system administrator");
    }
  }

  private static void requireSelf(AccessContext ctx, String username, String what) {
    if (!ctx.isSystem() && !ctx.user().equals(username)) {
      throw new AccessDeniedException(
          ctx.user() + " may not " + what + " for " + username + ": only for themselves");
    }
    if (!ctx.isSystem() && "anonymous".equals(ctx.user())) {
      throw new AccessDeniedException("Log in to " + what + " (--user or a token)");
    }
  }
}

package org.vigil.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.AuditEntry;
import org.vigil.model.AuditRepository;
import org.vigil.model.AuditVerification;
import org.vigil.model.Role;

/**
 * The keyed, hash-chained audit log. An entry's hash is an HMAC-SHA256, with a key kept outside the
 * database ({@link AuditKeys}), over the previous entry's hash and the entry's own fields, each
 * written as its length, a colon and its text (so no two different entries serialise alike); the
 * entry records the key's id. Entries written before keys existed carry a plain SHA-256 and key id
 * '' and may only precede the first keyed entry.
 *
 * <p>Writes append inside their own transaction ({@link #append}): they lock the single {@code
 * audit_head} row, so the entry commits or rolls back with the change it records. Reads and
 * stand-alone records ({@link #record}, {@link #recordRead}) go to one writer thread that appends
 * whatever is queued in one transaction (group commit) and answers each caller once it has
 * committed: readers never wait on the head row's lock one by one.
 *
 * <p>The head is checkpointed to a file outside the database ({@link AuditCheckpoints}) when the
 * log opens, periodically and when it closes; {@link #verify} requires the chain to reach the
 * latest checkpoint. Entries also carry digests of audited state ("users", "sharing", "batch/N"),
 * which verification recomputes from the tables, so direct edits of those tables are detected.
 */
final class AuditLog implements AuditRepository, AutoCloseable {
  static final String GENESIS = "0".repeat(64);
  private static final int GROUP_MAX = 1000;
  private static final Map<DataSource, AuditLog> OPEN = new ConcurrentHashMap<>();

  private final Database db;
  private final Clock clock;
  private final AuditKeys keys;
  private final AuditCheckpoints checkpoints;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final ScheduledExecutorService scheduler;
  private final Thread writer;
  private volatile boolean closed;
  private volatile String checkpointProblem = "";
  private final HeadLock headLock;

  /** A queued record and the caller waiting for it. */
  private record Pending(
      AccessContext ctx,
      String action,
      String subject,
      String detail,
      String owners,
      CompletableFuture<AuditEntry> done) {}

  AuditLog(Database db, Clock clock, AuditSettings settings) {
    this.db = db;
    this.clock = clock;
    this.keys = AuditKeys.load(settings);
    this.checkpoints = new AuditCheckpoints(settings.checkpointFile());
    this.headLock = new HeadLock(db);
    baseline();
    checkpoint();
    this.writer = new Thread(this::drain, "vigil-audit-writer");
    writer.setDaemon(true);
    writer.start();
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "vigil-audit-checkpoint");
              t.setDaemon(true);
              return t;
            });
    long every = settings.checkpointEvery().toMillis();
    scheduler.scheduleWithFixedDelay(this::checkpointQuietly, every, every, TimeUnit.MILLISECONDS);
    OPEN.putIfAbsent(db.dataSource(), this);
  }

  /**
   * The audit log already open on a data source (the store's), so that every repository appends to
   * one chain with one key; a new one when none is open.
   */
  static AuditLog on(Database db, Clock clock) {
    AuditLog open = OPEN.get(db.dataSource());
    if (open != null && !open.closed) {
      return open;
    }
    String url;
    try (Connection c = db.dataSource().getConnection()) {
      url = c.getMetaData().getURL();
    } catch (SQLException e) {
      throw Database.failure("opening the audit log", e);
    }
    return new AuditLog(db, clock, AuditSettings.forDatabase(url, System.getenv()));
  }

  /** Stops the writer after it has written what is queued, and checkpoints the head. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    OPEN.remove(db.dataSource(), this);
    // No interrupts: H2 closes its file when a thread doing I/O is interrupted.
    scheduler.shutdown();
    try {
      writer.join(10_000);
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<Pending> left = new ArrayList<>();
    queue.drainTo(left);
    if (!left.isEmpty()) {
      writeGroup(left);
    }
    releaseWriterConnection();
    checkpointQuietly();
  }

  @Override
  public AuditEntry record(AccessContext ctx, String action, String subject, String detail) {
    return recordRead(ctx, action, subject, detail, List.of());
  }

  /**
   * Records an entry through the writer thread and returns once it is committed. Used for reads and
   * stand-alone records; {@code owners} are the organisations whose data it is about.
   */
  AuditEntry recordRead(
      AccessContext ctx, String action, String subject, String detail, Collection<String> owners) {
    Pending p =
        new Pending(ctx, action, subject, detail, Codes.list(owners), new CompletableFuture<>());
    if (closed) {
      synchronized (this) {
        writeGroup(List.of(p));
        releaseWriterConnection();
      }
    } else {
      queue.add(p);
      if (closed && queue.remove(p)) {
        synchronized (this) {
          writeGroup(List.of(p));
          releaseWriterConnection();
        }
      }
    }
    try {
      return p.done().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private void drain() {
    List<Pending> group = new ArrayList<>();
    while (!closed) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        group.add(first);
      } catch (InterruptedException e) {
        break;
      }
      queue.drainTo(group, GROUP_MAX - 1);
      writeGroup(group);
      group.clear();
    }
    releaseWriterConnection();
  }

  /**
   * Writes queued records in one transaction on the writer's own connection (held across groups, so
   * that readers holding every pooled connection while they wait cannot starve the writer).
   */
  private void writeGroup(List<Pending> group) {
    List<AuditEntry> written = new ArrayList<>();
    try {
      Connection c = writerConnection();
      try {
        List<Draft> drafts = new ArrayList<>(group.size());
        for (Pending p : group) {
          drafts.add(new Draft(p.ctx(), p.action(), p.subject(), p.detail(), p.owners(), ""));
        }
        written.addAll(appendAll(c, drafts));
        c.commit();
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException r) {
          e.addSuppressed(r);
        }
        releaseWriterConnection();
        throw e;
      }
    } catch (SQLException e) {
      RuntimeException f = Database.failure("writing the audit log", e);
      group.forEach(p -> p.done().completeExceptionally(f));
      return;
    } catch (RuntimeException e) {
      group.forEach(p -> p.done().completeExceptionally(e));
      return;
    }
    for (int i = 0; i < group.size(); i++) {
      group.get(i).done().complete(written.get(i));
    }
  }

  private Connection writerConnection;

  private synchronized Connection writerConnection() throws SQLException {
    if (writerConnection == null || writerConnection.isClosed()) {
      writerConnection = db.dataSource().getConnection();
      writerConnection.setAutoCommit(false);
    }
    return writerConnection;
  }

  private synchronized void releaseWriterConnection() {
    if (writerConnection != null) {
      try {
        writerConnection.setAutoCommit(true);
        writerConnection.close();
      } catch (SQLException e) {
        // a broken connection is dropped; the next group opens a new one
      }
      writerConnection = null;
    }
  }

  /** Appends an entry inside the caller's transaction. */
  AuditEntry append(Connection c, AccessContext ctx, String action, String subject, String detail)
      throws SQLException {
    return append(c, ctx, action, subject, detail, "", "");
  }

  /**
   * Appends an entry inside the caller's transaction, about data of {@code owners} (as {@link
   * Codes#list}), carrying digests of state after the change ({@code kind=hex;...}).
   */
  AuditEntry append(
      Connection c,
      AccessContext ctx,
      String action,
      String subject,
      String detail,
      String owners,
      String stateDigest)
      throws SQLException {
    return appendAll(c, List.of(new Draft(ctx, action, subject, detail, owners, stateDigest)))
        .get(0);
  }

  /** What an entry says before it has a place in the chain. */
  private record Draft(
      AccessContext ctx,
      String action,
      String subject,
      String detail,
      String owners,
      String stateDigest) {}

  /**
   * Appends entries in order inside the caller's transaction: one head lock, one batched insert and
   * one head update for all of them.
   */
  private List<AuditEntry> appendAll(Connection c, List<Draft> drafts) throws SQLException {
    long lastSeq;
    String lastHash;
    try (PreparedStatement ps = lockHead(c, HEAD_WAIT_SECONDS);
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("audit_head row is missing: the audit log cannot be appended to");
      }
      lastSeq = rs.getLong(1);
      lastHash = rs.getString(2);
    } catch (SQLException e) {
      if (!HeadLock.timedOut(e)) {
        throw e;
      }
      throw new StoreException(
          "The audit log's head (audit_head) stayed locked for "
              + HEAD_WAIT_SECONDS
              + " s by another transaction: this audited change was refused and nothing was"
              + " changed. Retry; if it persists, GET /api/health reports auditWriter WEDGED:"
              + " end the process or session holding the lock (see vigil-store/README.md).",
          e);
    }
    Instant at = Database.micros(clock.instant());
    String keyId = keys.currentId();
    List<AuditEntry> out = new ArrayList<>(drafts.size());
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_log (seq, at_time, username, organisation, action, subject, origin,"
                + " detail, prev_hash, entry_hash, key_id, owners, state_digest)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      for (Draft d : drafts) {
        AuditEntry draft =
            new AuditEntry(
                lastSeq + 1,
                at,
                d.ctx().user(),
                d.ctx().organisation(),
                d.action(),
                clip(d.subject(), 500),
                clip(d.ctx().origin(), 200),
                clip(d.detail(), 2000),
                lastHash,
                "");
        String own = clip(d.owners(), 400);
        String state = clip(d.stateDigest(), 300);
        AuditEntry e = withHash(draft, mac(draft, keyId, own, state));
        Database.bind(
            ps,
            List.of(
                e.seq(),
                e.at(),
                e.user(),
                e.organisation(),
                e.action(),
                e.subject(),
                e.origin(),
                e.detail(),
                e.previousHash(),
                e.hash(),
                keyId,
                own,
                state));
        ps.addBatch();
        out.add(e);
        lastSeq = e.seq();
        lastHash = e.hash();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
      ps.setLong(1, lastSeq);
      ps.setString(2, lastHash);
      ps.executeUpdate();
    }
    return out;
  }

  /** How long an audited write waits for the head lock before it fails with a clear error. */
  static final int HEAD_WAIT_SECONDS = 5;

  /**
   * The head-lock statement with a bounded wait on both databases (H2 {@code WAIT n}, PostgreSQL
   * {@code lock_timeout}, with a statement timeout as a second bound on PostgreSQL).
   */
  private PreparedStatement lockHead(Connection c, int seconds) throws SQLException {
    return HeadLock.prepare(c, db.dialect(), seconds);
  }

  /** Health: whether an audited write could take the head lock now (see {@link HeadLock}). */
  String writerStatus() {
    return headLock.probe();
  }

  private static String clip(String s, int max) {
    String t = s == null ? "" : s;
    return t.length() <= max ? t : t.substring(0, max - 1) + "…";
  }

  static AuditEntry withHash(AuditEntry e) {
    return withHash(e, hash(e));
  }

  private static AuditEntry withHash(AuditEntry e, String hash) {
    return new AuditEntry(
        e.seq(),
        e.at(),
        e.user(),
        e.organisation(),
        e.action(),
        e.subject(),
        e.origin(),
        e.detail(),
        e.previousHash(),
        hash);
  }

  /** The canonical text that an entry's hash and MAC cover; the tamper tests rebuild it. */
  static String canonical(AuditEntry e, String... more) {
    StringBuilder b = new StringBuilder();
    List<String> fields =
        new ArrayList<>(
            List.of(
                e.previousHash(),
                Long.toString(e.seq()),
                e.at().toString(),
                e.user(),
                e.organisation(),
                e.action(),
                e.subject(),
                e.origin(),
                e.detail()));
    fields.addAll(List.of(more));
    for (String field : fields) {
      b.append(field.length()).append(':').append(field).append('\n');
    }
    return b.toString();
  }

  /** The unkeyed SHA-256 of entries written before the log was keyed. */
  static String hash(AuditEntry e) {
    return sha256Hex(canonical(e));
  }

  private String mac(AuditEntry e, String keyId, String owners, String state) {
    return keys.mac(keyId, canonical(e, keyId, owners, state));
  }

  static String sha256Hex(String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
    }
  }

  @Override
  public List<AuditEntry> entries(AccessContext ctx, long afterSeq, int limit) {
    boolean all = ctx.role() == Role.SYSTEM_ADMIN;
    if (!all && ctx.role() != Role.ORG_ADMIN) {
      throw new AccessDeniedException(
          "The audit log is readable by administrators only; "
              + ctx.user()
              + " is "
              + ctx.role()
              + ". Ask an organisation or system administrator.");
    }
    return read(
        ctx,
        all ? "" : " AND (organisation = ? OR POSITION(? IN owners) > 0)",
        all ? List.of() : List.of(ctx.organisation(), "," + ctx.organisation() + ","),
        afterSeq,
        limit,
        "after " + afterSeq);
  }

  /**
   * Entries about the caller's organisation's data (reads and writes of it by anyone), for its
   * administrators and data stewards.
   */
  @Override
  public List<AuditEntry> entriesAboutOwnData(AccessContext ctx, long afterSeq, int limit) {
    if (ctx.role() != Role.ORG_ADMIN
        && ctx.role() != Role.SYSTEM_ADMIN
        && ctx.role() != Role.DATA_STEWARD) {
      throw new AccessDeniedException(
          "Audit entries about an organisation's data are readable by its administrators and data"
              + " stewards; "
              + ctx.user()
              + " is "
              + ctx.role()
              + ".");
    }
    return read(
        ctx,
        " AND POSITION(? IN owners) > 0",
        List.of("," + ctx.organisation() + ","),
        afterSeq,
        limit,
        "about " + ctx.organisation() + " data after " + afterSeq);
  }

  private List<AuditEntry> read(
      AccessContext ctx,
      String where,
      List<Object> whereParams,
      long afterSeq,
      int limit,
      String what) {
    int n = Math.max(0, Math.min(limit, 10_000));
    String sql =
        "SELECT * FROM audit_log WHERE seq > ?"
            + where
            + " ORDER BY seq FETCH FIRST "
            + n
            + " ROWS ONLY";
    List<Object> params = new ArrayList<>();
    params.add(afterSeq);
    params.addAll(whereParams);
    List<AuditEntry> out =
        db.read(
            "reading the audit log",
            c -> {
              List<AuditEntry> rows = new ArrayList<>();
              try (PreparedStatement ps = Database.prepare(c, sql, params);
                  ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  rows.add(entry(rs));
                }
              }
              return rows;
            });
    recordRead(ctx, "audit.read", "audit log", what + ", " + out.size(), List.of());
    return out;
  }

  static AuditEntry entry(ResultSet rs) throws SQLException {
    return new AuditEntry(
        rs.getLong("seq"),
        Database.instant(rs, "at_time"),
        rs.getString("username"),
        rs.getString("organisation"),
        rs.getString("action"),
        rs.getString("subject"),
        rs.getString("origin"),
        rs.getString("detail"),
        rs.getString("prev_hash"),
        rs.getString("entry_hash"));
  }

  @Override
  public AuditVerification verify(AccessContext ctx) {
    if (ctx.role() != Role.SYSTEM_ADMIN) {
      throw new AccessDeniedException(
          "Verifying the audit log needs a system administrator; "
              + ctx.user()
              + " is "
              + ctx.role()
              + ".");
    }
    return db.read("verifying the audit log", this::verify);
  }

  private AuditVerification verify(Connection c) throws SQLException {
    long expected = 1;
    String previous = GENESIS;
    long firstKeyed = 0;
    Map<String, String> state = new HashMap<>();
    Map<String, Long> stateSeq = new HashMap<>();
    AuditCheckpoints.Latest latest = checkpoints.latest(keys);
    if (!latest.problem().isEmpty()) {
      return AuditVerification.broken(0, 1, latest.problem());
    }
    AuditCheckpoints.Checkpoint cp = latest.checkpoint();
    boolean reachedCheckpoint = cp == null;
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM audit_log ORDER BY seq");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        AuditEntry e = entry(rs);
        String keyId = rs.getString("key_id");
        String owners = rs.getString("owners");
        String digest = rs.getString("state_digest");
        long checked = expected - 1;
        if (e.seq() != expected) {
          return AuditVerification.broken(
              checked,
              expected,
              "entry " + expected + " is missing (next stored is " + e.seq() + "): removed");
        }
        if (!e.previousHash().equals(previous)) {
          return AuditVerification.broken(
              checked,
              e.seq(),
              "entry " + e.seq() + " does not follow entry " + (e.seq() - 1) + ": reordered");
        }
        if (keyId.isEmpty()) {
          if (firstKeyed > 0) {
            return AuditVerification.broken(
                checked,
                e.seq(),
                "entry "
                    + e.seq()
                    + " carries no key id after keyed entry "
                    + firstKeyed
                    + ": the chain was recomputed without the key");
          }
          if (!hash(e).equals(e.hash())) {
            return AuditVerification.broken(
                checked, e.seq(), "entry " + e.seq() + " does not match its hash: changed");
          }
        } else {
          if (!keys.knows(keyId)) {
            return AuditVerification.broken(
                checked,
                e.seq(),
                "entry "
                    + e.seq()
                    + " names key '"
                    + keyId
                    + "', which is not among the audit keys ("
                    + keys.where()
                    + "): written with another key, or an old key was removed from the key file");
          }
          firstKeyed = firstKeyed == 0 ? e.seq() : firstKeyed;
          if (!mac(e, keyId, owners, digest).equals(e.hash())) {
            return AuditVerification.broken(
                checked,
                e.seq(),
                "entry "
                    + e.seq()
                    + " does not match its MAC (key "
                    + keyId
                    + "): changed, or re-chained with another key");
          }
        }
        if (cp != null && e.seq() == cp.seq()) {
          if (!e.hash().equals(cp.hash())) {
            return AuditVerification.broken(
                checked,
                e.seq(),
                "entry "
                    + e.seq()
                    + " differs from the checkpoint of "
                    + cp.at()
                    + " in "
                    + checkpoints.where()
                    + ": the log was rewritten");
          }
          reachedCheckpoint = true;
        }
        for (String part : digest.split(";")) {
          int eq = part.indexOf('=');
          if (eq > 0) {
            state.put(part.substring(0, eq), part.substring(eq + 1));
            stateSeq.put(part.substring(0, eq), e.seq());
          }
        }
        previous = e.hash();
        expected++;
      }
    }
    long last = expected - 1;
    if (!reachedCheckpoint) {
      return AuditVerification.broken(
          last,
          last + 1,
          "the log ends at entry "
              + last
              + " but the checkpoint of "
              + cp.at()
              + " in "
              + checkpoints.where()
              + " records entry "
              + cp.seq()
              + ": entries were removed (truncated or wiped)");
    }
    if (cp == null && firstKeyed > 0 && !checkpoints.inMemory()) {
      return AuditVerification.broken(
          last,
          last + 1,
          "the log has keyed entries but the checkpoint file "
              + checkpoints.where()
              + " is missing: it was deleted, or the database was copied without it");
    }
    AuditVerification head = checkHead(c, last, previous);
    if (!head.valid()) {
      return head;
    }
    AuditVerification chain = checkState(c, last, state, stateSeq);
    return chain.valid() ? BatchAudit.check(c, chain) : chain;
  }

  private static AuditVerification checkHead(Connection c, long lastSeq, String lastHash)
      throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return AuditVerification.broken(lastSeq, lastSeq + 1, "the audit head row is missing");
      }
      if (rs.getLong(1) != lastSeq || !rs.getString(2).equals(lastHash)) {
        return AuditVerification.broken(
            lastSeq,
            lastSeq + 1,
            "the log ends at entry "
                + lastSeq
                + " but the head records entry "
                + rs.getLong(1)
                + ": entries at the end were removed or changed");
      }
    }
    return AuditVerification.ok(lastSeq);
  }

  // ---- audited state: users, sharing agreements, batches

  static final String USERS = "users";
  static final String SHARING = "sharing";
  static final String REPORTING = "reporting";
  static final String BATCHES_BEFORE = "batches-before";

  /** Digest of the user table's audited columns. */
  static String usersDigest(Connection c) throws SQLException {
    return tableDigest(
        c,
        "SELECT username, organisation, user_role, password_hash, active FROM app_user"
            + " ORDER BY username");
  }

  /** Digest of the sharing agreements. */
  static String sharingDigest(Connection c) throws SQLException {
    return tableDigest(
        c,
        "SELECT grantor, grantee, classification, domain FROM sharing_agreement"
            + " ORDER BY grantor, grantee, classification, domain");
  }

  /** Digest of the reporting agreements. */
  static String reportingDigest(Connection c) throws SQLException {
    return tableDigest(
        c, "SELECT reporter, area_code FROM reporting_agreement ORDER BY reporter, area_code");
  }

  private static String tableDigest(Connection c, String sql) throws SQLException {
    StringBuilder b = new StringBuilder();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      int cols = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= cols; i++) {
          String v = String.valueOf(rs.getObject(i));
          b.append(v.length()).append(':').append(v).append('|');
        }
        b.append('\n');
      }
    }
    return sha256Hex(b.toString());
  }

  /**
   * State digests of users, sharing or reporting agreements after a change, for {@link #append}'s
   * stateDigest.
   */
  static String stateOf(Connection c, String kind) throws SQLException {
    String digest =
        switch (kind) {
          case USERS -> usersDigest(c);
          case SHARING -> sharingDigest(c);
          case REPORTING -> reportingDigest(c);
          default -> throw new IllegalArgumentException("Unknown audited state '" + kind + "'");
        };
    return kind + "=" + digest;
  }

  /**
   * Digests of every batch's rows, computed from the observation table: an order-independent sum of
   * each row's SHA-256 ({@link BatchDigest}).
   */
  private static Map<Long, BatchDigest> batchDigests(Connection c) throws SQLException {
    Map<Long, BatchDigest> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT batch_id, indicator_code, area_code, period_code, obs_value, flags, source,"
                + " owner_org, classification, shared_with FROM observation")) {
      ps.setFetchSize(10_000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          double v = rs.getDouble(5);
          Double value = rs.wasNull() ? null : v;
          out.computeIfAbsent(rs.getLong(1), k -> new BatchDigest())
              .add(
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  value,
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9),
                  rs.getString(10));
        }
      }
    }
    return out;
  }

  private AuditVerification checkState(
      Connection c, long last, Map<String, String> state, Map<String, Long> stateSeq)
      throws SQLException {
    if (state.containsKey(USERS) && !state.get(USERS).equals(usersDigest(c))) {
      return AuditVerification.broken(
          last,
          stateSeq.get(USERS),
          "the user table differs from its state audited at entry "
              + stateSeq.get(USERS)
              + ": users, roles, passwords or organisations were changed outside Vigil");
    }
    if (state.containsKey(SHARING) && !state.get(SHARING).equals(sharingDigest(c))) {
      return AuditVerification.broken(
          last,
          stateSeq.get(SHARING),
          "the sharing agreements differ from their state audited at entry "
              + stateSeq.get(SHARING)
              + ": agreements were added or removed outside Vigil");
    }
    if (state.containsKey(REPORTING) && !state.get(REPORTING).equals(reportingDigest(c))) {
      return AuditVerification.broken(
          last,
          stateSeq.get(REPORTING),
          "the reporting agreements differ from their state audited at entry "
              + stateSeq.get(REPORTING)
              + ": agreements were added or removed outside Vigil");
    }
    if (!state.containsKey(BATCHES_BEFORE)) {
      return AuditVerification.ok(last);
    }
    long before = Long.parseLong(state.get(BATCHES_BEFORE));
    Map<Long, BatchDigest> digests = batchDigests(c);
    Set<Long> ids = new LinkedHashSet<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM ingest_batch ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    ids.addAll(digests.keySet());
    // Batches being written (or awaiting recovery) are invisible and have no entry yet.
    try (PreparedStatement ps =
            c.prepareStatement("SELECT id FROM ingest_batch WHERE status <> 'COMPLETE'");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.remove(rs.getLong(1));
      }
    }
    for (long id : ids) {
      String audited = state.get("batch/" + id);
      if (audited == null && id <= before) {
        continue; // written before the log was keyed
      }
      BatchDigest d = digests.getOrDefault(id, new BatchDigest());
      if (audited == null) {
        return AuditVerification.broken(
            last,
            last + 1,
            "batch "
                + id
                + " ("
                + d.count()
                + " rows) has no audit entry: it was not written by Vigil, or its audit entry"
                + " was removed");
      }
      if (!audited.equals(d.hex())) {
        return AuditVerification.broken(
            last,
            stateSeq.get("batch/" + id),
            "the rows of batch "
                + id
                + " ("
                + d.count()
                + " now) differ from those audited at entry "
                + stateSeq.get("batch/" + id)
                + ": values, classifications or rows were changed, added or removed outside"
                + " Vigil");
      }
    }
    return AuditVerification.ok(last);
  }

  // ---- baseline and checkpoints

  /**
   * The first time a keyed log opens on a database, records the current users, sharing agreements
   * and the last batch id (trust on first use); later changes are audited with their digests.
   */
  private void baseline() {
    db.inTransaction(
        "recording the audit baseline",
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT last_seq FROM audit_head WHERE id = 1 FOR UPDATE");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
          }
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT COUNT(*) FROM audit_log WHERE state_digest LIKE '%"
                          + BATCHES_BEFORE
                          + "=%'");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getLong(1) > 0) {
              baselineReporting(c);
              return null;
            }
          }
          long maxBatch;
          try (PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM ingest_batch");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            maxBatch = rs.getLong(1);
          }
          append(
              c,
              AccessContext.system(),
              "audit.baseline",
              "audit log",
              "keyed with "
                  + keys.currentId()
                  + "; users, sharing, reporting agreements and batches up to "
                  + maxBatch,
              "",
              stateOf(c, USERS)
                  + ";"
                  + stateOf(c, SHARING)
                  + ";"
                  + stateOf(c, REPORTING)
                  + ";"
                  + BATCHES_BEFORE
                  + "="
                  + maxBatch);
          return null;
        });
  }

  /**
   * A log keyed before reporting agreements were audited has no digest of them: the first open
   * afterwards records one (trust on first use, as the baseline does for the rest).
   */
  private void baselineReporting(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM audit_log WHERE state_digest LIKE '%" + REPORTING + "=%'");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      if (rs.getLong(1) > 0) {
        return;
      }
    }
    append(
        c,
        AccessContext.system(),
        "audit.baseline",
        "reporting agreements",
        "reporting agreements audited from here on",
        "",
        stateOf(c, REPORTING));
  }

  /**
   * Writes a checkpoint of the committed head when it moved since the last one, and only when the
   * chain still holds the last checkpoint's entry unchanged (else the log was tampered with and the
   * evidence is kept: the checkpoint is refused).
   *
   * @return an empty string, or why no checkpoint was written
   */
  synchronized String checkpoint() {
    AuditCheckpoints.Latest latest = checkpoints.latest(keys);
    if (!latest.problem().isEmpty()) {
      checkpointProblem = latest.problem();
      return checkpointProblem;
    }
    AuditCheckpoints.Checkpoint last = latest.checkpoint();
    String problem =
        db.read(
            "checkpointing the audit log",
            c -> {
              long seq;
              String hash;
              try (PreparedStatement ps =
                      c.prepareStatement(
                          "SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
                  ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                  return "the audit head row is missing";
                }
                seq = rs.getLong(1);
                hash = rs.getString(2);
              }
              if (last != null) {
                if (seq == last.seq() && hash.equals(last.hash())) {
                  return "";
                }
                String stored = null;
                try (PreparedStatement ps =
                    c.prepareStatement("SELECT entry_hash FROM audit_log WHERE seq = ?")) {
                  ps.setLong(1, last.seq());
                  try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                      stored = rs.getString(1);
                    }
                  }
                }
                if (seq < last.seq() || !last.hash().equals(stored)) {
                  return "the log no longer holds checkpointed entry "
                      + last.seq()
                      + " unchanged: not checkpointing; run `vigil audit verify`";
                }
              }
              if (seq == 0) {
                return "";
              }
              checkpoints.append(
                  new AuditCheckpoints.Checkpoint(
                      seq, hash, Database.micros(clock.instant()), keys.currentId()),
                  keys);
              return "";
            });
    checkpointProblem = problem;
    return problem;
  }

  private void checkpointQuietly() {
    try {
      String problem = checkpoint();
      if (!problem.isEmpty()) {
        System.err.println("vigil: audit checkpoint refused: " + problem);
      }
    } catch (RuntimeException e) {
      checkpointProblem = "checkpoint failed: " + e.getMessage();
      System.err.println("vigil: audit " + checkpointProblem);
    }
  }

  /** Why the last checkpoint was refused or failed, empty when it succeeded. */
  String checkpointProblem() {
    return checkpointProblem;
  }
}

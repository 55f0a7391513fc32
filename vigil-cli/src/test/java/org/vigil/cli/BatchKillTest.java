package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.bench.ingest.LongCsvGenerator;
import org.vigil.model.AccessContext;
import org.vigil.model.Aggregation;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.AuditVerification;
import org.vigil.model.Indicator;
import org.vigil.model.IngestBatch;
import org.vigil.model.Polarity;
import org.vigil.model.ThreatDomain;
import org.vigil.store.StoreFixtures;
import org.vigil.timeseries.Frequency;

/**
 * The kill test (tag {@code kill}, not in the default run; {@code .ci/run} runs it with {@code
 * -Pkill-test} and a bounded size): {@code vigil ingest big.csv --format long} of a generated file
 * ({@code -Dkill.rows}, default 2,000,000) runs as a child process and is SIGKILLed at {@code
 * -Dkill.points} (default 20) points spread over its measured write phase, on H2 and on PostgreSQL.
 * After each kill, opening the store (which recovers) shows the batch wholly present or wholly
 * absent, {@code audit verify} passes and the next audited write takes under a second; at the end
 * the file ingests fully. Numbers go to standard output and target/kill-test.txt.
 */
@Tag("kill")
class BatchKillTest {
  static final int ROWS = Integer.getInteger("kill.rows", 2_000_000);
  static final int KILLS = Integer.getInteger("kill.points", 20);
  static final String FILE = "big.csv";

  /** One generated file for both stores (same rows, same seed as {@code vigil bench ingest}). */
  @TempDir static Path shared;

  private static Path csv;

  @TempDir Path dir;
  final List<String> report = new ArrayList<>();

  /** One database under test. */
  record Db(String name, String url, String user) {}

  @Test
  void h2_killedIngest_isAllOrNothing() throws Exception {
    run(
        () ->
            new Db(
                "H2",
                "jdbc:h2:file:" + dir.resolve("h2-" + System.nanoTime()) + ";LOCK_TIMEOUT=10000",
                ""));
  }

  @Test
  void postgres_killedIngest_isAllOrNothing() throws Exception {
    run(
        () -> {
          StoreFixtures.TestDatabase t = StoreFixtures.postgres();
          return new Db("PostgreSQL", t.url(), t.user());
        });
  }

  interface Fresh {
    Db create() throws Exception;
  }

  private void run(Fresh fresh) throws Exception {
    long suite = System.nanoTime();
    Path csv = generated();
    Db measure = prepared(fresh.create());
    Child full = Child.start(measure, csv);
    Child.Done done = full.awaitExit(600);
    assertThat(done.exit()).as("full ingest: %s", done.output()).isZero();
    assertWhole(measure, true);
    double write = done.writeSeconds();
    log(
        "%s: full ingest of %,d rows: read %.1f s, write %.1f s (whole run %.1f s)",
        measure.name(), ROWS, done.readSeconds(), write, done.totalSeconds());

    Db db = prepared(fresh.create());
    Db killedAbsent = null; // the last store a kill left without the batch: re-ingested at the end
    int absent = 0;
    int present = 0;
    double slowestWrite = 0;
    for (int i = 0; i < KILLS; i++) {
      double at = write * (i + 0.5) / KILLS;
      Child child = Child.start(db, csv);
      child.awaitWriting(600);
      Thread.sleep((long) (at * 1000));
      child.kill();
      Outcome o = check(db);
      slowestWrite = Math.max(slowestWrite, (double) o.nextWriteMillis());
      Db killed = db;
      if (o.present()) {
        present++;
        if (killed == killedAbsent) {
          killedAbsent = null; // a later kill there found the batch whole: it holds the file now
        }
        db = prepared(fresh.create()); // the next kill needs a database without the batch
      } else {
        absent++;
        killedAbsent = db;
      }
      log(
          "%s kill %2d at %5.2f s into the write phase: batch %s, %d incomplete batch(es) recovered,"
              + " open+recover %.1f s, audit verify ok, next audited write %d ms",
          killed.name(),
          i + 1,
          at,
          o.present() ? "wholly present" : "wholly absent",
          o.recovered(),
          o.openSeconds(),
          o.nextWriteMillis());
    }
    Db again = killedAbsent == null ? db : killedAbsent;
    Child last = Child.start(again, csv);
    Child.Done end = last.awaitExit(600);
    assertThat(end.exit()).as("re-ingest: %s%s", end.output(), h2Trace()).isZero();
    assertWhole(again, true);
    log(
        "%s: %d kills (%d batch absent, %d present, never partial); slowest next audited write %.0f"
            + " ms; the file then re-ingested fully (%,d rows)",
        db.name(), KILLS, absent, present, slowestWrite, ROWS);
    log("%s: kill suite took %.0f s", db.name(), (System.nanoTime() - suite) / 1e9);
    Path out = Path.of("target", "kill-test.txt");
    Files.write(
        out,
        report,
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }

  /** H2's own error log ({@code *.trace.db}) of the databases under test, for a failure message. */
  private String h2Trace() throws IOException {
    StringBuilder b = new StringBuilder();
    try (var files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".trace.db")).toList()) {
        b.append("\n--- ").append(p.getFileName()).append(":\n").append(Files.readString(p));
      }
    }
    return b.toString();
  }

  private void log(String format, Object... args) {
    String line = String.format(Locale.ROOT, format, args);
    System.out.println(line);
    report.add(line);
  }

  /** What the store looks like after a kill. */
  record Outcome(boolean present, int recovered, double openSeconds, long nextWriteMillis) {}

  private static Outcome check(Db db) {
    long t0 = System.nanoTime();
    try (Vigil vigil = open(db)) {
      double openSeconds = (System.nanoTime() - t0) / 1e9;
      int recovered = vigil.store().recoveredBatches();
      boolean present = assertWhole(vigil);
      long t1 = System.nanoTime();
      vigil
          .reference()
          .saveArea(
              AccessContext.system(),
              new Area("KT" + (t1 % 1000), AreaKind.COUNTRY, "after kill", "", "", ""));
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1);
      assertThat(ms).as("the next audited write after a kill").isLessThan(1000);
      return new Outcome(present, recovered, openSeconds, ms);
    }
  }

  private static void assertWhole(Db db, boolean mustBePresent) {
    try (Vigil vigil = open(db)) {
      assertThat(assertWhole(vigil)).isEqualTo(mustBePresent);
    }
  }

  /** The batch is wholly present or wholly absent, and audit verify passes; true if present. */
  private static boolean assertWhole(Vigil vigil) {
    AccessContext sys = AccessContext.system();
    List<IngestBatch> big =
        vigil.observations().batches(sys).stream()
            .filter(b -> b.sourceFile().equals(FILE))
            .toList();
    long rows = count(vigil, "SELECT COUNT(*) FROM observation");
    long incomplete = count(vigil, "SELECT COUNT(*) FROM ingest_batch WHERE status <> 'COMPLETE'");
    assertThat(incomplete).as("incomplete batches left after opening").isZero();
    if (big.isEmpty()) {
      assertThat(rows)
          .as(
              "rows of an absent batch: %s; batches %s",
              rowsByBatch(vigil),
              rowsOf(vigil, "SELECT id, status, rows_added, source_file FROM ingest_batch"))
          .isZero();
    } else {
      assertThat(big).hasSize(1);
      assertThat(big.get(0).rowsAdded()).isEqualTo(ROWS);
      assertThat(rows).as("rows of a present batch").isEqualTo(ROWS);
    }
    AuditVerification v = vigil.audit().verify(sys);
    assertThat(v.valid()).as("audit verify: %s", v.problem()).isTrue();
    return !big.isEmpty();
  }

  private static String rowsByBatch(Vigil vigil) {
    return rowsOf(
        vigil, "SELECT batch_id, COUNT(*), MIN(id), MAX(id) FROM observation GROUP BY batch_id");
  }

  /** A query's rows as text, for a failure message. */
  private static String rowsOf(Vigil vigil, String sql) {
    StringBuilder b = new StringBuilder();
    try (Connection c = vigil.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        b.append('[');
        for (int i = 1; i <= n; i++) {
          b.append(i > 1 ? ", " : "").append(rs.getString(i));
        }
        b.append(']');
      }
    } catch (SQLException e) {
      b.append(sql).append(": ").append(e.getMessage());
    }
    return b.toString();
  }

  private static long count(Vigil vigil, String sql) {
    try (Connection c = vigil.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static Vigil open(Db db) {
    return Vigil.open(new VigilConfig(db.url(), db.user(), "", 4, Clock.systemUTC()));
  }

  /** A migrated database with the file's areas and monthly indicators. */
  private static Db prepared(Db db) {
    AccessContext sys = AccessContext.system();
    try (Vigil vigil = open(db)) {
      for (String code : LongCsvGenerator.areaCodes()) {
        vigil.reference().saveArea(sys, new Area(code, AreaKind.COUNTRY, code, "", "", ""));
      }
      for (String code : LongCsvGenerator.indicatorCodes()) {
        vigil
            .reference()
            .saveIndicator(
                sys,
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
                    "kill test",
                    true));
      }
    }
    return db;
  }

  /** The file, generated once for both stores by the bench's generator (seed 17). */
  private static synchronized Path generated() throws IOException {
    if (csv == null) {
      Path file = shared.resolve(FILE);
      LongCsvGenerator.write(file, ROWS, 17);
      csv = file;
    }
    return csv;
  }

  /** {@code vigil ingest} in a child JVM (the packaged tool's main class and class path). */
  static final class Child {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final long started = System.nanoTime();
    private long writing;

    private Child(Process process) {
      this.process = process;
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String l = r.readLine(); l != null; l = r.readLine()) {
                    lines.add(l);
                  }
                } catch (IOException e) {
                  lines.add("reader stopped: " + e.getMessage());
                }
              });
      reader.setDaemon(true);
      reader.start();
    }

    static Child start(Db db, Path csv) {
      ProcessBuilder pb =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx2g",
                  "-cp",
                  System.getProperty("java.class.path"),
                  VigilCommand.class.getName(),
                  "--db",
                  db.url(),
                  "--format",
                  "long",
                  "ingest",
                  csv.toString())
              .redirectErrorStream(true);
      pb.environment().put("VIGIL_DB_USER", db.user());
      pb.environment().remove("VIGIL_DB_URL");
      pb.environment().put("VIGIL_DEBUG", "1"); // a failure's stack trace into the report
      try {
        return new Child(pb.start());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void awaitWriting(int seconds) throws InterruptedException {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (System.nanoTime() < end) {
        String l = lines.poll(100, TimeUnit.MILLISECONDS);
        if (l != null) {
          seen.add(l);
          if (l.contains(": stored 0 of ")) { // the batch is claimed: its rows are written next
            writing = System.nanoTime();
            return;
          }
        }
        if (!process.isAlive() && lines.isEmpty()) {
          break;
        }
      }
      process.destroyForcibly();
      throw new IllegalStateException("the child never reached the write phase: " + seen);
    }

    void kill() throws InterruptedException {
      process.destroyForcibly(); // SIGKILL on Linux
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    /** How a child that ran to its end went. */
    record Done(
        int exit, double readSeconds, double writeSeconds, double totalSeconds, String output) {}

    /**
     * Waits for the child to end; the write phase runs from the claim of the batch ("stored 0 of N
     * new values") to the line saying the batch is complete (what follows, the alert rules and the
     * analytic run, is not part of it).
     */
    Done awaitExit(int seconds) throws InterruptedException {
      awaitWriting(seconds);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      long complete = 0;
      while (complete == 0 && System.nanoTime() < deadline) {
        String l = lines.poll(50, TimeUnit.MILLISECONDS);
        if (l != null) {
          seen.add(l);
          if (l.contains(" complete (")) {
            complete = System.nanoTime();
          }
        } else if (!process.isAlive() && lines.isEmpty()) {
          break;
        }
      }
      boolean exited =
          process.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      long end = System.nanoTime();
      if (!exited) {
        process.destroyForcibly();
      }
      Thread.sleep(200);
      lines.drainTo(seen);
      return new Done(
          exited ? process.exitValue() : -1,
          (writing - started) / 1e9,
          ((complete == 0 ? end : complete) - writing) / 1e9,
          (end - started) / 1e9,
          String.join("\n", seen));
    }
  }
}

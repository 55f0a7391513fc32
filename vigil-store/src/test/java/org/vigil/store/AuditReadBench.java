package org.vigil.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.vigil.model.AccessContext;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Classification;
import org.vigil.model.IngestBatch;
import org.vigil.model.Observation;
import org.vigil.model.Organisation;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.model.ThreatDomain;
import org.vigil.timeseries.Period;

/**
 * Audited reads per second, three ways over the same series reads on one H2 file (or PostgreSQL)
 * database: not audited (the ceiling, as a read {@code asOf} a date before the data), audited with
 * one transaction per read that locks the chain's head row (how reads were audited before issue 10
 * item 6), and audited through the group-committing audit writer (now). Not a test: run it with
 * {@code java -cp ... org.vigil.store.AuditReadBench [threads] [seconds] [h2|postgres]}.
 */
public final class AuditReadBench {
  private AuditReadBench() {}

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    boolean pg = args.length > 2 && args[2].equals("postgres");
    Path dir = Files.createTempDirectory("vigil-audit-bench");
    StoreFixtures.TestDatabase db =
        pg
            ? StoreFixtures.postgres()
            : new StoreFixtures.TestDatabase(
                "jdbc:h2:file:" + dir.resolve("vigil").toAbsolutePath() + ";LOCK_TIMEOUT=10000",
                "",
                "");
    try (StoreFixtures.OpenStore open =
        StoreFixtures.open(db, Clock.systemUTC(), AuditSettings.inDirectory(dir))) {
      Store store = open.store();
      AccessContext sys = AccessContext.system();
      store.reference().saveArea(sys, new Area("KAZ", AreaKind.COUNTRY, "KAZ", "KAZ", "", ""));
      store
          .reference()
          .saveOrganisation(sys, new Organisation("KAZ-SC", "KAZ council", "", "KAZ", false));
      store
          .reference()
          .saveIndicator(
              sys, StoreContractTest.indicator("TERROR_INCIDENTS", ThreatDomain.TERRORISM));
      List<Observation> obs = new ArrayList<>();
      for (int m = 1; m <= 12; m++) {
        for (int y = 2020; y <= 2024; y++) {
          obs.add(
              new Observation(
                  "TERROR_INCIDENTS",
                  "KAZ",
                  Period.month(y, m),
                  m * y,
                  "",
                  "bench",
                  0,
                  null,
                  Ownership.of("KAZ-SC", Classification.NATIONAL)));
        }
      }
      store
          .observations()
          .append(
              sys, new IngestBatch(0, "x", "x", Instant.EPOCH, "b.csv", "ab", "csv", 0, 0, 0), obs);
      AccessContext reader = AccessContext.of("kaz.analyst", "KAZ-SC", Role.ANALYST);
      AuditLog audit = (AuditLog) store.audit();
      Database database = new Database(open.dataSource());
      Instant before = Instant.parse("2000-01-01T00:00:00Z");

      Runnable unaudited =
          () -> store.observations().series(reader, "TERROR_INCIDENTS", "KAZ", before);
      Runnable headLockPerRead =
          () -> {
            unaudited.run();
            database.inTransaction(
                "bench",
                c -> audit.append(c, reader, "observation.read", "TERROR_INCIDENTS/KAZ", "60"));
          };
      Runnable groupCommit =
          () -> {
            unaudited.run();
            audit.recordRead(
                reader, "observation.read", "TERROR_INCIDENTS/KAZ", "60", List.of("KAZ-SC"));
          };
      System.out.printf(
          Locale.ROOT,
          "%s, %d threads, %d s each, %d cores%n",
          pg ? "PostgreSQL (embedded)" : "H2 file",
          threads,
          seconds,
          Runtime.getRuntime().availableProcessors());
      for (int round = 0; round < 2; round++) {
        run("not audited (ceiling)", unaudited, threads, seconds, round == 1);
        run("audited, head lock per read (before)", headLockPerRead, threads, seconds, round == 1);
        run("audited, group commit (now)", groupCommit, threads, seconds, round == 1);
      }
      System.out.println("verify: " + store.audit().verify(sys));
    }
  }

  private static void run(String name, Runnable work, int threads, int seconds, boolean print)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    LongAdder done = new LongAdder();
    List<Thread> ts = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread t =
          new Thread(
              () -> {
                while (!stop.get()) {
                  work.run();
                  done.increment();
                }
              });
      ts.add(t);
      t.start();
    }
    long t0 = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread t : ts) {
      t.join();
    }
    double s = (System.nanoTime() - t0) / 1e9;
    if (print) {
      System.out.printf(Locale.ROOT, "  %-40s %8.0f reads/s%n", name, done.sum() / s);
    }
  }
}

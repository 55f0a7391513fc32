package org.vigil.spark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * {@code vigil bench spark}: forecasts the same seeded synthetic series with Spark and with the
 * in-process engine on the same cores, in one run, and prints series per second side by side,
 * whether both produced the same results (an order-free fingerprint of every series' first point
 * and model), and where the two wall-time lines cross.
 *
 * <p>The series are generated inside the job (on the executors for Spark, on the worker threads in
 * process) from their number and the seed, so no data is shipped and both see the same series. A
 * small warm-up run of each (not timed) comes first so neither pays the JIT alone. Progress goes to
 * stderr as {@code @progress LABEL DONE TOTAL} lines for the CLI to draw.
 */
public final class BenchJob {
  private static final Set<String> KNOWN = known();

  private BenchJob() {}

  public static void main(String[] args) throws InterruptedException {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    JobArguments a;
    List<Long> sizes;
    BatchSpec spec;
    SyntheticSeries data;
    int cores;
    try {
      a = JobArguments.parse(args, KNOWN, Set.of());
      sizes = sizes(a);
      spec = a.batchSpec();
      data =
          new SyntheticSeries(
              a.longValue("--data-seed", 42), a.integer("--length", 48, 8, 100_000));
      cores = a.integer("--cores", 2, 1, 1024);
    } catch (JobInputException | IllegalArgumentException e) {
      err.println("vigil bench spark: " + e.getMessage());
      return 2;
    }
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(cores);
    boolean existed = Sessions.running();
    Optional<String> asked = a.get("--master");
    if (asked.isEmpty() && System.getProperty("spark.master") == null) {
      asked = Optional.of("local[" + cores + "]");
    }
    SparkSession spark = Sessions.open(asked, "vigil-bench-spark", 0);
    String master = spark.sparkContext().master();
    try {
      double startup = seconds(System.nanoTime() - t0);
      Progress progress = new Progress(err);
      spark.sparkContext().addSparkListener(progress);
      InProcessBatch local = new InProcessBatch(pool, cores);
      out.printf(
          Locale.ROOT,
          "Synthetic monthly series of %d values (seed %d), spec %s; Spark %s (session start %.1f s)"
              + " against the in-process engine on %d thread(s).%n",
          data.length(),
          data.seed(),
          spec.describe(),
          master,
          startup,
          cores);
      long warm = Math.min(2000, sizes.get(0));
      local.run(data, spec, warm, n -> {});
      spark(spark, data, spec, warm, cores, progress, "warm-up");
      out.println(
          "series       in-process/s   spark/s   spark:in-process   in-process s   spark s   same results");
      List<double[]> points = new ArrayList<>();
      for (long n : sizes) {
        long s0 = System.nanoTime();
        AtomicLong shown = new AtomicLong();
        BatchTally li =
            local.run(
                data,
                spec,
                n,
                done -> {
                  long step = Math.max(1, n / 100);
                  long before = shown.get();
                  if (done - before >= step && shown.compareAndSet(before, done)) {
                    err.println("@progress in-process " + done + " " + n);
                  }
                });
        double tl = seconds(System.nanoTime() - s0);
        long s1 = System.nanoTime();
        BatchTally ls = spark(spark, data, spec, n, cores, progress, "spark");
        double ts = seconds(System.nanoTime() - s1);
        boolean same = li.equals(ls);
        out.printf(
            Locale.ROOT,
            "%-12d %12.0f %9.0f %17.0f%% %14.2f %9.2f   %s%n",
            n,
            n / tl,
            n / ts,
            100 * tl / ts,
            tl,
            ts,
            same ? "yes" : "NO: in-process " + li + ", spark " + ls);
        if (li.failed() > 0) {
          out.println("  " + li.failed() + " series failed in process (rows with their error)");
        }
        points.add(new double[] {n, tl, ts});
      }
      out.println(Crossing.of(points, startup).describe());
    } catch (RuntimeException e) {
      err.println("vigil bench spark: internal error: " + e);
      e.printStackTrace(err);
      return 1;
    } finally {
      pool.shutdownNow();
      Sessions.close(spark, existed);
    }
    return 0;
  }

  private static BatchTally spark(
      SparkSession spark,
      SyntheticSeries data,
      BatchSpec spec,
      long n,
      int cores,
      Progress progress,
      String label) {
    int parts = (int) Math.max(4L * cores, Math.min(2000, n / 2000));
    progress.start(label, parts);
    JavaRDD<Long> ids = spark.range(0, n, 1, parts).javaRDD();
    return ids.mapPartitions(new Generate(data, spec)).reduce(BatchTally::plus);
  }

  private static List<Long> sizes(JobArguments a) {
    List<Long> out = new ArrayList<>();
    if (a.get("--sizes").isPresent()) {
      for (String s : a.require("--sizes").split(",", -1)) {
        try {
          out.add(Long.parseLong(s.trim().replace("_", "")));
        } catch (NumberFormatException e) {
          throw new JobInputException(
              "--sizes expects whole numbers separated by commas, found '" + s + "'", e);
        }
      }
    } else {
      out.add(a.longValue("--series", 20_000));
    }
    for (long n : out) {
      if (n < 1 || n > 100_000_000L) {
        throw new JobInputException("series counts must be 1-100000000, found " + n);
      }
    }
    return out;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  /** Generates and forecasts one partition's series, returning its tally. */
  static final class Generate implements FlatMapFunction<Iterator<Long>, BatchTally> {
    private static final long serialVersionUID = 1L;
    private final SyntheticSeries data;
    private final BatchSpec spec;

    Generate(SyntheticSeries data, BatchSpec spec) {
      this.data = data;
      this.spec = spec;
    }

    @Override
    public Iterator<BatchTally> call(Iterator<Long> ids) {
      SeriesForecaster f = new SeriesForecaster(spec);
      BatchTally t = BatchTally.EMPTY;
      while (ids.hasNext()) {
        long id = ids.next();
        t = t.add(f.forecast(SyntheticSeries.key(id), data.series(id)));
      }
      return List.of(t).iterator();
    }
  }

  /** Counts finished tasks and prints progress lines. */
  static final class Progress extends SparkListener {
    private final PrintStream err;
    private final AtomicLong done = new AtomicLong();
    private volatile String label = "spark";
    private volatile int total = 1;

    Progress(PrintStream err) {
      this.err = err;
    }

    void start(String l, int tasks) {
      label = l;
      total = tasks;
      done.set(0);
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd e) {
      err.println("@progress " + label + " " + done.incrementAndGet() + " " + total);
    }
  }

  private static Set<String> known() {
    Set<String> k = new java.util.HashSet<>(JobArguments.SPEC);
    k.addAll(List.of("--series", "--sizes", "--cores", "--master", "--length", "--data-seed"));
    return Set.copyOf(k);
  }
}

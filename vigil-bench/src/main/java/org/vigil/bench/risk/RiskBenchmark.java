package org.vigil.bench.risk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.vigil.analytics.risk.InputValue;
import org.vigil.analytics.risk.Methodology;
import org.vigil.analytics.risk.RiskEngine;
import org.vigil.analytics.risk.RiskResult;
import org.vigil.analytics.risk.RiskSpec;
import org.vigil.analytics.risk.Snapshot;
import org.vigil.timeseries.Period;

/**
 * Times the whole risk index on a synthetic workload of the size the councils run: every state and
 * threat domain of the default methodology, every month of ten years (120 snapshots) plus the 6-
 * and 12-month projections with forecast quantiles, each with the Monte Carlo draws. The inputs are
 * generated from a seed (no database), so the time is the engine's alone; the first run warms the
 * JIT and the best of the timed runs is reported.
 */
public final class RiskBenchmark {
  private static final String[] STATES = {
    "ARM", "AZE", "BLR", "KAZ", "KGZ", "MDA", "RUS", "TJK", "TKM", "UZB"
  };

  /**
   * The measured numbers.
   *
   * @param states states scored
   * @param domains domains scored
   * @param snapshots snapshots (months plus projections)
   * @param draws Monte Carlo draws per snapshot
   * @param threads worker threads
   * @param scores scores produced
   * @param bestMillis best wall time of the timed runs
   * @param cpuMillis process CPU time of that best run, all threads (independent of other load on
   *     the machine; NaN when the JVM does not report it)
   * @param runs timed runs
   */
  public record Result(
      int states,
      int domains,
      int snapshots,
      int draws,
      int threads,
      int scores,
      double bestMillis,
      double cpuMillis,
      int runs) {
    /** One line for people. */
    public String summary() {
      return String.format(
          Locale.ROOT,
          "risk index: %d states x %d domains x %d snapshots (120 months + 2 projections),"
              + " %d draws, %d threads: %d scores in %.0f ms wall, %.0f ms CPU (best of %d)",
          states,
          domains,
          snapshots,
          draws,
          threads,
          scores,
          bestMillis,
          cpuMillis,
          runs);
    }
  }

  private RiskBenchmark() {}

  /** Runs the benchmark. */
  public static Result run(int draws, int threads, int runs) {
    Methodology m = Methodology.vigilDefault();
    List<Snapshot> snaps = workload(m, 7);
    RiskSpec spec = new RiskSpec(draws, 42, 0.2, 0.9, threads);
    RiskEngine.run(m, snaps, spec.withDraws(Math.min(draws, 100)));
    double best = Double.POSITIVE_INFINITY;
    double cpu = Double.NaN;
    int scores = 0;
    for (int i = 0; i < Math.max(1, runs); i++) {
      long c0 = processCpuNanos();
      long t0 = System.nanoTime();
      RiskResult r = RiskEngine.run(m, snaps, spec);
      double wall = (System.nanoTime() - t0) / 1e6;
      if (wall < best) {
        best = wall;
        long c1 = processCpuNanos();
        cpu = c0 < 0 || c1 < 0 ? Double.NaN : (c1 - c0) / 1e6;
      }
      scores = r.scores().size();
    }
    return new Result(
        STATES.length, m.domains().size(), snaps.size(), draws, threads, scores, best, cpu, runs);
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime()
        : -1;
  }

  /** 120 monthly snapshots from 2015-01 and two projections, inputs from a seeded generator. */
  static List<Snapshot> workload(Methodology m, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Map<String, Double> base = new HashMap<>();
    for (String s : STATES) {
      for (String k : m.inputKeys()) {
        base.put(s + k, 1 + 100 * rng.nextDouble());
      }
    }
    List<Snapshot> out = new ArrayList<>();
    Period start = Period.month(2015, 1);
    for (int t = 0; t < 120; t++) {
      Map<String, Map<String, InputValue>> v = new HashMap<>();
      for (String s : STATES) {
        Map<String, InputValue> row = new HashMap<>();
        for (String k : m.inputKeys()) {
          double x = base.get(s + k) * (1 + 0.002 * t) * (1 + 0.1 * rng.nextGaussian());
          row.put(k, InputValue.exact(Math.max(0.01, x)));
        }
        v.put(s, row);
      }
      out.add(new Snapshot(start.plus(t), 0, v));
    }
    for (int h : new int[] {6, 12}) {
      Map<String, Map<String, InputValue>> v = new HashMap<>();
      for (String s : STATES) {
        Map<String, InputValue> row = new HashMap<>();
        for (String k : m.inputKeys()) {
          double x = base.get(s + k) * (1 + 0.002 * (119 + h));
          row.put(k, new InputValue(x, x * (1 - 0.03 * h), x * (1 + 0.04 * h)));
        }
        v.put(s, row);
      }
      out.add(new Snapshot(start.plus(119L + h), h, v));
    }
    return out;
  }

  /** {@code java ... RiskBenchmark [draws] [threads] [runs]}. */
  public static void main(String[] args) {
    int draws = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    System.out.println(run(draws, threads, runs).summary());
  }
}

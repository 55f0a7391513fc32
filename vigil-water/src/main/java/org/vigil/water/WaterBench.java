package org.vigil.water;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * The allocation benchmark: a synthetic 40-node basin over 12 months, solved by the engine and by a
 * reference programme written by hand against ojAlgo from the same data ({@link ReferenceLp}).
 * Prints the median time per solve after warm-up and the optimum of each; the PROPORTIONAL optima
 * must be equal. {@code ./vigil bench water} is meant to call {@link #run(Spec, LongSupplier)}.
 */
public final class WaterBench {
  private WaterBench() {}

  /**
   * What to run.
   *
   * @param seed the synthetic basin's seed
   * @param months the horizon
   * @param warmup solves discarded before timing, per row
   * @param runs timed solves per row
   */
  public record Spec(long seed, int months, int warmup, int runs) {
    /** Seed 2, 12 months, 20 warm-up solves, 31 timed solves. */
    public static final Spec DEFAULT = new Spec(2, 12, 20, 31);

    public Spec {
      if (months < 1 || warmup < 0 || runs < 1) {
        throw new IllegalArgumentException(
            "bench needs months >= 1, warmup >= 0, runs >= 1, found "
                + months
                + ", "
                + warmup
                + ", "
                + runs);
      }
    }
  }

  /** One line of the table: a solve, its median time and its optimum. */
  public record Row(String name, double medianMillis, double minMillis, double objective) {}

  /**
   * The measurements.
   *
   * @param nodes nodes of the basin
   * @param links links of the basin
   * @param months the horizon
   * @param rows the timed solves
   * @param objectivesEqual whether the engine's PROPORTIONAL optimum equals the reference's within
   *     1e-6 relative
   */
  public record Report(int nodes, int links, int months, List<Row> rows, boolean objectivesEqual) {
    public Report {
      rows = List.copyOf(rows);
    }

    /** The report as a plain-text table. */
    public String table() {
      StringBuilder sb =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "Water allocation bench: %d nodes, %d links, %d months%n",
                  nodes,
                  links,
                  months));
      sb.append(
          String.format(
              Locale.ROOT, "%-44s %12s %10s %18s%n", "solve", "median ms", "min ms", "objective"));
      for (Row r : rows) {
        sb.append(
            String.format(
                Locale.ROOT,
                "%-44s %12.1f %10.1f %18.6f%n",
                r.name(),
                r.medianMillis(),
                r.minMillis(),
                r.objective()));
      }
      return sb.append("objectives equal (engine PROPORTIONAL vs reference): ")
          .append(objectivesEqual ? "yes" : "NO")
          .append(System.lineSeparator())
          .toString();
    }
  }

  /** Runs the benchmark, timing with {@code nanoClock} (System::nanoTime in production). */
  public static Report run(Spec spec, LongSupplier nanoClock) {
    SyntheticBasin synthetic = new SyntheticBasin(spec.seed(), spec.months());
    Basin basin = synthetic.toBasin();
    WaterAllocator allocator = new WaterAllocator();
    AllocationSpec proportional =
        AllocationSpec.builder(YearMonth.of(2027, 1)).months(spec.months()).build();
    List<String> names =
        List.of(
            "reference: hand-built ojAlgo LP",
            "engine: PROPORTIONAL",
            "engine: MAX_MIN (two solves)");
    AllocationSpec maxMin = proportional.withoutRelief().withFairness(FairnessRule.MAX_MIN);
    List<DoubleSupplier> solves =
        List.of(
            () -> ReferenceLp.solve(synthetic),
            () -> allocator.allocate(basin, proportional.withoutRelief()).objective(),
            () -> allocator.allocate(basin, maxMin).objective());
    List<Row> rows = new ArrayList<>(time(names, solves, spec, nanoClock));
    Spec fewer =
        new Spec(spec.seed(), spec.months(), Math.min(spec.warmup(), 2), Math.min(spec.runs(), 5));
    rows.addAll(
        time(
            List.of("engine: PROPORTIONAL with relief (5%, <= 40)"),
            List.of(() -> allocator.allocate(basin, proportional).objective()),
            fewer,
            nanoClock));
    double ref = rows.get(0).objective();
    double engine = rows.get(1).objective();
    boolean equal = Math.abs(ref - engine) <= 1e-6 * Math.max(1, Math.abs(ref));
    return new Report(basin.nodes().size(), basin.links().size(), spec.months(), rows, equal);
  }

  /**
   * Times the solves round-robin (one of each per round), so that all see the same load of a shared
   * machine; the median and the minimum over the timed rounds.
   */
  private static List<Row> time(
      List<String> names, List<DoubleSupplier> solves, Spec spec, LongSupplier clock) {
    double[] objective = new double[solves.size()];
    for (int i = 0; i < spec.warmup(); i++) {
      for (int k = 0; k < solves.size(); k++) {
        objective[k] = solves.get(k).getAsDouble();
      }
    }
    double[][] millis = new double[solves.size()][spec.runs()];
    for (int i = 0; i < spec.runs(); i++) {
      for (int k = 0; k < solves.size(); k++) {
        long t0 = clock.getAsLong();
        objective[k] = solves.get(k).getAsDouble();
        millis[k][i] = (clock.getAsLong() - t0) / 1e6;
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < solves.size(); k++) {
      Arrays.sort(millis[k]);
      rows.add(new Row(names.get(k), millis[k][spec.runs() / 2], millis[k][0], objective[k]));
    }
    return rows;
  }

  /** Prints the table; optional arguments: seed, warm-up solves, timed solves. */
  public static void main(String[] args) {
    Spec d = Spec.DEFAULT;
    Spec spec =
        new Spec(
            args.length > 0 ? Long.parseLong(args[0]) : d.seed(),
            d.months(),
            args.length > 1 ? Integer.parseInt(args[1]) : d.warmup(),
            args.length > 2 ? Integer.parseInt(args[2]) : d.runs());
    System.out.print(run(spec, System::nanoTime).table());
  }
}

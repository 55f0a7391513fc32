package org.vigil.bench.m3;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Developer entry point that times only our side of {@code bench m3 --r}: {@code M3CpuRuns DATA_DIR
 * SAMPLE THREADS RUNS [OTHER_CLASS_PATH]} runs the timed child ({@link ProcessCpu}, the same JVM
 * flags and class-data sharing) RUNS times on the same sample and prints each run's whole-process
 * CPU, the load average before it and the median. With a second class path (for example the jars of
 * an earlier build of vigil-bench, vigil-forecast and vigil-timeseries) the two builds alternate
 * run by run, so both see the same load, and the medians are printed side by side.
 */
public final class M3CpuRuns {
  private M3CpuRuns() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      throw new IllegalArgumentException(
          "usage: M3CpuRuns DATA_DIR SAMPLE THREADS RUNS [OTHER_CLASS_PATH], found "
              + args.length
              + " argument(s)");
    }
    List<M3Series> series = M3Harness.sample(M3Data.load(Path.of(args[0])), parse(args[1]));
    int threads = parse(args[2]);
    int runs = parse(args[3]);
    List<String> builds = new ArrayList<>(List.of(ProcessCpu.classPath()));
    if (args.length > 4) {
      builds.add(0, args[4]);
    }
    run(series, threads, runs, builds, System.out);
  }

  private static int parse(String s) {
    int v = Integer.parseInt(s);
    if (v < 1) {
      throw new IllegalArgumentException("expected a count >= 1, found " + s);
    }
    return v;
  }

  private static void run(
      List<M3Series> series, int threads, int runs, List<String> builds, PrintStream out)
      throws Exception {
    Path input = ProcessCpu.sampleFile(series);
    List<String> methods = List.of("ets", "arima");
    double[][] cpu = new double[builds.size()][runs];
    try {
      for (String cp : builds) {
        ProcessCpu.child(cp, input, List.of("ets"), 1); // writes the archive, untimed
      }
      out.printf(
          Locale.ROOT,
          "timed child (%s), %d series, %d thread(s); builds: %s%n",
          String.join(" ", ProcessCpu.JVM_FLAGS),
          series.size(),
          threads,
          builds.size() == 1 ? "this one" : "other, this");
      for (int i = 0; i < runs; i++) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "run %2d", i + 1));
        for (int b = 0; b < builds.size(); b++) {
          String load = loadAverage();
          cpu[b][i] = ProcessCpu.child(builds.get(b), input, methods, threads);
          row.append(String.format(Locale.ROOT, "   %8.2f s (load %s)", cpu[b][i], load));
        }
        out.println(row);
      }
      StringBuilder med = new StringBuilder("median");
      for (double[] c : cpu) {
        med.append(String.format(Locale.ROOT, "   %8.2f s", median(c)));
      }
      out.println(med);
    } finally {
      Files.deleteIfExists(input);
    }
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
  }

  private static String loadAverage() {
    try {
      String s = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8);
      return s.split(" ")[0];
    } catch (java.io.IOException e) {
      return "n/a";
    }
  }
}

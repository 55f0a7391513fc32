package org.vigil.bench.m3;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Whole-process CPU time of a Vigil forecasting run: a child JVM ({@link M3CpuMain}) reads the
 * sample from a file the parent writes (one series a line, as each Rscript process reads its
 * share), forecasts it with the given methods and reports its own process CPU time (user + system
 * of every thread, JVM start-up, class loading, JIT and GC included) just before it exits. This is
 * the figure comparable with a whole Rscript process.
 */
final class ProcessCpu {
  static final String MARKER = "process-cpu-seconds ";

  /** JVM options of the timed child. */
  static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  private ProcessCpu() {}

  /** CPU seconds of a child JVM forecasting {@code series} with {@code methods}. */
  static double vigil(List<M3Series> series, List<String> methods, int threads)
      throws IOException, InterruptedException {
    Path input = Files.createTempFile("vigil-m3-sample", ".csv");
    try {
      List<String> lines = new ArrayList<>();
      for (M3Series s : series) {
        lines.add(M3CpuMain.line(s));
      }
      Files.write(input, lines, StandardCharsets.UTF_8);
      return child(input, methods, threads);
    } finally {
      Files.deleteIfExists(input);
    }
  }

  private static double child(Path input, List<String> methods, int threads)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.addAll(JVM_FLAGS);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(M3CpuMain.class.getName());
    cmd.add(input.toString());
    cmd.add(String.join(",", methods));
    cmd.add(Integer.toString(threads));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    double cpu = Double.NaN;
    StringBuilder log = new StringBuilder();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith(MARKER)) {
          cpu = Double.parseDouble(line.substring(MARKER.length()).trim());
        } else {
          log.append(line).append('\n');
        }
      }
    }
    if (!p.waitFor(2, TimeUnit.HOURS) || p.exitValue() != 0 || Double.isNaN(cpu)) {
      throw new IllegalStateException(
          "the timing child JVM failed (exit " + p.exitValue() + "): " + log.toString().strip());
    }
    return cpu;
  }

  /** This process's CPU seconds so far (user + system, all threads), from the operating system. */
  static double self() {
    return ProcessHandle.current()
        .info()
        .totalCpuDuration()
        .map(d -> d.toNanos() / 1e9)
        .orElseThrow(
            () -> new IllegalStateException("the operating system does not report process CPU"));
  }

  static String line(double seconds) {
    return String.format(Locale.ROOT, "%s%.3f", MARKER, seconds);
  }
}

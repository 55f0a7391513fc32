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

  /**
   * JVM options of the timed child: serial GC, the C1 compiler only, one compiler thread. (The
   * child's class path is narrowed to the three modules it runs, and it maps a class-data sharing
   * archive of their classes; see {@link #child}.)
   */
  static final List<String> JVM_FLAGS =
      List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1");

  private ProcessCpu() {}

  /** CPU seconds of a child JVM forecasting {@code series} with {@code methods}. */
  static double vigil(List<M3Series> series, List<String> methods, int threads)
      throws IOException, InterruptedException {
    Path input = sampleFile(series);
    try {
      return child(input, methods, threads);
    } finally {
      Files.deleteIfExists(input);
    }
  }

  /**
   * Writes the sample file the timed child reads (one series a line, {@link M3CpuMain#line}); the
   * caller deletes it.
   */
  static Path sampleFile(List<M3Series> series) throws IOException {
    Path input = Files.createTempFile("vigil-m3-sample", ".csv");
    List<String> lines = new ArrayList<>();
    for (M3Series s : series) {
      lines.add(M3CpuMain.line(s));
    }
    Files.write(input, lines, StandardCharsets.UTF_8);
    return input;
  }

  private static double child(Path input, List<String> methods, int threads)
      throws IOException, InterruptedException {
    return child(classPath(), input, methods, threads);
  }

  /**
   * CPU seconds of one timed child on {@code classPath} (which must hold {@link M3CpuMain} and the
   * engine), mapping (and on first use writing) its class-data sharing archive.
   */
  static double child(String classPath, Path input, List<String> methods, int threads)
      throws IOException, InterruptedException {
    Path archive = archive(classPath);
    if (!Files.isRegularFile(archive)) {
      // First use: an untimed one-series run writes the archive of the classes it loaded.
      Path one = Files.createTempFile("vigil-m3-cds", ".csv");
      try {
        Files.write(one, Files.readAllLines(input, StandardCharsets.UTF_8).subList(0, 1));
        run(command(classPath, "-XX:ArchiveClassesAtExit=" + archive, one, methods, 1));
      } catch (IllegalStateException e) {
        // no archive: the timed run starts without it (slower, still correct)
        Files.deleteIfExists(archive);
      } finally {
        Files.deleteIfExists(one);
      }
    }
    String cds = Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive : "-Xshare:auto";
    return run(command(classPath, cds, input, methods, threads));
  }

  /**
   * The class path of the child: where the classes of this module, the forecasting engine and the
   * time-series values come from (they have no other dependencies), not the CLI's whole class path
   * of web, store and report libraries, which only costs the child time to open.
   */
  static String classPath() {
    List<String> parts = new ArrayList<>();
    for (Class<?> c :
        List.of(
            M3CpuMain.class,
            org.vigil.forecast.Forecaster.class,
            org.vigil.timeseries.TimeSeries.class)) {
      try {
        String p =
            Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        if (!parts.contains(p)) {
          parts.add(p);
        }
      } catch (java.net.URISyntaxException | RuntimeException e) {
        return System.getProperty("java.class.path");
      }
    }
    return String.join(java.io.File.pathSeparator, parts);
  }

  /**
   * The class-data sharing archive for this class path and JVM, in the temporary folder; its name
   * changes with the class path, the class files' times and the Java version, so a rebuilt jar
   * never maps a stale archive.
   */
  static Path archive(String classPath) {
    long stamp = 0;
    for (String part : classPath.split(java.io.File.pathSeparator)) {
      stamp = 31 * stamp + new java.io.File(part).lastModified();
    }
    String key = classPath + "|" + stamp + "|" + System.getProperty("java.vm.version");
    return Path.of(
        System.getProperty("java.io.tmpdir"),
        String.format(Locale.ROOT, "vigil-m3-cpu-%08x.jsa", key.hashCode()));
  }

  private static List<String> command(
      String classPath, String cds, Path input, List<String> methods, int threads) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(JVM_FLAGS);
    cmd.add(cds);
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add(M3CpuMain.class.getName());
    cmd.add(input.toString());
    cmd.add(String.join(",", methods));
    cmd.add(Integer.toString(threads));
    return cmd;
  }

  private static double run(List<String> cmd) throws IOException, InterruptedException {
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

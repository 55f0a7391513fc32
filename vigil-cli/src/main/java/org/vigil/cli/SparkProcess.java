package org.vigil.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import me.tongfei.progressbar.ProgressBar;
import org.vigil.model.InvalidInputException;

/**
 * Runs a vigil-spark job in a child process, so the CLI never links Spark (its 173 jars bring their
 * own log4j, Jackson and netty). For {@code local[N]} without {@code SPARK_HOME}: a plain child JVM
 * with the job jar and Spark's jars ({@code vigil-spark/target/spark-runtime.classpath}); for any
 * other master, or when {@code SPARK_HOME} is set: {@code $SPARK_HOME/bin/spark-submit} with the
 * job jar. The child's stdout is passed through; its {@code @progress} lines are drawn as a
 * progress bar (plain lines when stderr is not a terminal); Spark's own log goes to a file.
 */
final class SparkProcess {
  static final String FORECAST_JOB = "org.vigil.spark.ForecastJob";
  static final String BENCH_JOB = "org.vigil.spark.BenchJob";
  static final String ANALYTIC_JOB = "org.vigil.spark.AnalyticJob";

  /** Spark's module openings on Java 17 (as its own launcher adds them). */
  private static final List<String> OPENS =
      List.of(
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
          "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
          "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
          "-Djdk.reflect.useDirectMethodHandle=false",
          "-Dio.netty.tryReflectionSetAccessible=true");

  private final Path home;
  private final PrintStream out;
  private final PrintStream err;

  SparkProcess(Path home, PrintStream out, PrintStream err) {
    this.home = home;
    this.out = out;
    this.err = err;
  }

  /** Vigil's directory: {@code -Dvigil.home}, else two levels above the CLI's jar. */
  static Path home() {
    String h = System.getProperty("vigil.home");
    if (h != null) {
      return Path.of(h);
    }
    try {
      Path jar =
          Path.of(SparkProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return jar.getParent().getParent().getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the CLI's jar: " + e.getMessage(), e);
    }
  }

  Path jobJar() {
    return home.resolve("vigil-spark/target/vigil-spark-job.jar");
  }

  /** Whether {@code master} runs in a child JVM here (local) rather than via spark-submit. */
  static boolean local(String master, Optional<String> sparkHome) {
    return master.startsWith("local") && sparkHome.isEmpty();
  }

  /** The child's command line. */
  List<String> command(String mainClass, String master, List<String> args) {
    Optional<String> sparkHome =
        Optional.ofNullable(System.getenv("SPARK_HOME")).filter(s -> !s.isBlank());
    Path jar = jobJar();
    if (!Files.isRegularFile(jar)) {
      throw new InvalidInputException(
          "The Spark job is not built: expected "
              + jar
              + ", found nothing; build it with ./mvnw -B -q -DskipTests install -pl vigil-spark"
              + " -am");
    }
    List<String> cmd = new ArrayList<>();
    if (local(master, sparkHome)) {
      Path cp = home.resolve("vigil-spark/target/spark-runtime.classpath");
      if (!Files.isRegularFile(cp)) {
        throw new InvalidInputException(
            "Spark's local runtime is not listed: expected "
                + cp
                + "; build it with ./mvnw -B -q -DskipTests install -pl vigil-spark -am");
      }
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-Xmx2g");
      cmd.addAll(OPENS);
      cmd.add("-cp");
      cmd.add(jar + java.io.File.pathSeparator + read(cp).trim());
      cmd.add(mainClass);
      cmd.addAll(args);
      cmd.add("--master");
      cmd.add(master);
    } else {
      if (sparkHome.isEmpty()) {
        throw new InvalidInputException(
            "--master "
                + master
                + " names a cluster: expected SPARK_HOME to name a Spark 4.2 installation (its"
                + " bin/spark-submit runs the job), found it unset; set SPARK_HOME or use"
                + " --master local[2]");
      }
      cmd.add(Path.of(sparkHome.get(), "bin", "spark-submit").toString());
      cmd.add("--master");
      cmd.add(master);
      cmd.add("--class");
      cmd.add(mainClass);
      cmd.add(jar.toString());
      cmd.addAll(args);
    }
    return cmd;
  }

  /** Runs the job and returns its exit code (0 done, 2 bad input, 1 internal error). */
  int run(String mainClass, String master, List<String> args) {
    List<String> cmd = command(mainClass, master, args);
    Path log = logFile();
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
    try {
      Process p = pb.start();
      Thread pump = new Thread(() -> pass(p), "spark-stdout");
      pump.start();
      int code;
      try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
          Bar bar = new Bar(err)) {
        w.write(String.join(" ", cmd) + "\n");
        BufferedReader r =
            new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.startsWith("@progress ")) {
            bar.show(line);
          } else if (line.startsWith("vigil")) {
            bar.close();
            err.println(line);
            w.write(line + "\n");
          } else {
            w.write(line + "\n");
          }
        }
        code = p.waitFor();
        pump.join();
      }
      if (code != 0 && code != 2) {
        err.println("vigil: the Spark job exited with " + code + "; its log: " + log);
      }
      return code;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the Spark job ran", e);
    }
  }

  private void pass(Process p) {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        out.println(line);
      }
    } catch (IOException e) {
      err.println("vigil: lost the Spark job's output: " + e.getMessage());
    }
  }

  private static Path logFile() {
    return Path.of(System.getProperty("java.io.tmpdir"), "vigil-spark.log");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(p + ": " + e.getMessage(), e);
    }
  }

  /** Draws {@code @progress LABEL DONE TOTAL} lines: a bar on a terminal, a line per 10% else. */
  static final class Bar implements AutoCloseable {
    private final PrintStream err;
    private final boolean terminal = System.console() != null;
    private ProgressBar bar;
    private String label = "";
    private long lastTenth = -1;

    Bar(PrintStream err) {
      this.err = err;
    }

    void show(String line) {
      String[] f = line.split(" ");
      if (f.length != 4) {
        return;
      }
      long done = Long.parseLong(f[2]);
      long total = Math.max(1, Long.parseLong(f[3]));
      if (!f[1].equals(label)) {
        close();
        label = f[1];
        lastTenth = -1;
      }
      if (terminal) {
        if (bar == null) {
          bar = ProgressBars.ascii(err, label, total);
        }
        bar.maxHint(total);
        bar.stepTo(done);
      } else {
        long tenth = done * 10 / total;
        if (tenth != lastTenth) {
          lastTenth = tenth;
          err.println(String.format(Locale.ROOT, "%s: %d of %d", label, done, total));
        }
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }
}

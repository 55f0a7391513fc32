package org.vigil.bench.m3;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs R's forecast package ({@code ets} and {@code auto.arima}, default settings) on the same
 * series, in {@code threads} parallel Rscript processes. Two CPU figures: R's own {@code
 * proc.time()} (user + system) around each call, charged to each method's row; and each process's
 * whole CPU time (R start-up and loading the package included), read from {@code proc.time()} as
 * the script ends, for the whole-process comparison. {@code thetaf} is not run here so that the
 * whole-process figure is ets + auto.arima only (its stored forecasts are in r_forecasts.csv).
 */
final class RForecastRunner {
  static final String[] METHODS = {"R-ets", "R-arima"};

  /** R's forecasts and the summed whole-process CPU seconds of the Rscript processes. */
  record Result(List<MethodForecasts> methods, double processCpuSeconds) {}

  private static final String SCRIPT =
      """
      suppressMessages(library(forecast))
      args <- commandArgs(TRUE)
      lines <- readLines(args[1])
      out <- file(args[2], "w")
      cpu <- function(t) sum(t[c(1, 2)], na.rm = TRUE)
      for (ln in lines) {
        f <- strsplit(ln, ",")[[1]]
        id <- f[1]; m <- as.integer(f[2]); h <- as.integer(f[3])
        x <- ts(as.numeric(f[-(1:3)]), frequency = m)
        run <- function(name, expr) {
          t0 <- proc.time()
          fc <- tryCatch(eval(expr), error = function(e) NULL)
          t <- cpu(proc.time() - t0)
          if (is.null(fc)) return(invisible())
          v <- c(as.numeric(fc$mean), as.numeric(fc$lower[, 1]), as.numeric(fc$upper[, 1]),
                 as.numeric(fc$lower[, 2]), as.numeric(fc$upper[, 2]))
          cat(name, id, t, paste(format(v, digits = 15), collapse = ";"), sep = ",", file = out)
          cat("\\n", file = out)
        }
        run("R-ets", quote(forecast(ets(x), h = h, level = c(80, 95))))
        run("R-arima", quote(forecast(auto.arima(x), h = h, level = c(80, 95))))
      }
      cat("PROCESS", "-", cpu(proc.time()), "-", sep = ",", file = out)
      cat("\\n", file = out)
      close(out)
      """;

  private RForecastRunner() {}

  /**
   * Fails with one line unless {@code rscript} is on the PATH and loads R's forecast package.
   *
   * @throws IllegalArgumentException naming what is missing and how to install it
   */
  static void require(String rscript) throws IOException, InterruptedException {
    String fix = "install R and the forecast package (apt-get install -y r-cran-forecast)";
    if (!onPath(rscript)) {
      throw new IllegalArgumentException("--r: " + rscript + " is not on the PATH: " + fix);
    }
    Process p =
        new ProcessBuilder(rscript, "-e", "suppressMessages(library(forecast))")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalArgumentException(
          "--r: " + rscript + " cannot load R's forecast package: " + fix);
    }
  }

  static Result run(List<M3Series> series, int threads, PrintStream out)
      throws IOException, InterruptedException {
    require("Rscript");
    Path dir = Files.createTempDirectory("vigil-m3-r");
    Path script = dir.resolve("m3.R");
    Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
    int k = Math.max(1, Math.min(threads, series.size()));
    List<Process> procs = new ArrayList<>();
    List<Path> outputs = new ArrayList<>();
    out.printf(Locale.ROOT, "--r: running R's ets and auto.arima in %d process(es)...%n", k);
    for (int p = 0; p < k; p++) {
      Path in = dir.resolve("in" + p + ".csv");
      Path res = dir.resolve("out" + p + ".csv");
      try (Writer w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
        for (int i = p; i < series.size(); i += k) {
          M3Series s = series.get(i);
          StringBuilder sb = new StringBuilder(s.id()).append(',').append(s.period());
          sb.append(',').append(s.horizon());
          for (double v : s.train()) {
            sb.append(',').append(v);
          }
          w.write(sb.append('\n').toString());
        }
      }
      procs.add(
          new ProcessBuilder("Rscript", script.toString(), in.toString(), res.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("log" + p + ".txt").toFile())
              .start());
      outputs.add(res);
    }
    for (Process pr : procs) {
      if (!pr.waitFor(6, TimeUnit.HOURS) || pr.exitValue() != 0) {
        out.println("--r: an Rscript process failed; see the logs in " + dir);
      }
    }
    List<MethodForecasts> result = new ArrayList<>();
    double processCpu = 0;
    Map<String, MethodForecasts> byName = new java.util.LinkedHashMap<>();
    for (String m : METHODS) {
      MethodForecasts mf = new MethodForecasts(m, false);
      byName.put(m, mf);
      result.add(mf);
    }
    for (Path res : outputs) {
      if (!Files.exists(res)) {
        continue;
      }
      try (BufferedReader r = Files.newBufferedReader(res, StandardCharsets.UTF_8)) {
        String line;
        while ((line = r.readLine()) != null) {
          String[] f = line.split(",");
          if (f[0].equals("PROCESS")) {
            processCpu += Double.parseDouble(f[2]);
            continue;
          }
          String[] v = f[3].split(";");
          int h = v.length / 5;
          double[][] parts = new double[5][h];
          for (int i = 0; i < v.length; i++) {
            parts[i / h][i % h] = Double.parseDouble(v[i].trim());
          }
          long nanos = (long) (Double.parseDouble(f[2]) * 1e9);
          byName
              .get(f[0])
              .put(
                  f[1],
                  parts[0],
                  new double[][] {parts[1], parts[2], parts[3], parts[4]},
                  f[0],
                  nanos);
        }
      }
    }
    return new Result(result, processCpu);
  }

  static boolean onPath(String exe) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, exe))) {
        return true;
      }
    }
    return false;
  }
}

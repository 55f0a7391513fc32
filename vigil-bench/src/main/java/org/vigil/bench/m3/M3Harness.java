package org.vigil.bench.m3;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.forecast.ForecastSpec;

/**
 * The M3 benchmark: our methods on the M3 series, scored by the same metric code as the published
 * M3 entries (and, when asked, R's forecast package and JDemetra+ run on the same series in the
 * same run).
 */
public final class M3Harness {
  private M3Harness() {}

  /** Runs the benchmark and prints the report to {@code out}. */
  public static void run(M3Options o, PrintStream out) throws IOException, InterruptedException {
    if (o.runR()) {
      RForecastRunner.require("Rscript");
    }
    List<M3Series> all = M3Data.load(o.data());
    List<M3Series> series = sample(all, o.sample());
    if (o.validation()) {
      int origin = o.origin();
      series =
          series.stream().map(s -> atOrigin(s, origin)).filter(java.util.Objects::nonNull).toList();
      out.println(
          origin == 1
              ? "validation mode: each series' last h training values are the period scored; M3's"
                  + " test periods are not used"
              : "validation mode, origin "
                  + origin
                  + ": the h values ending "
                  + (origin - 1)
                  + " horizon(s) before the last training value are scored; the values after them"
                  + " and M3's test periods are not used (series too short are left out)");
    }
    out.printf(
        Locale.ROOT,
        "M3: %d of %d series from %s, %d thread(s)%n",
        series.size(),
        all.size(),
        o.data(),
        o.threads());
    long wall0 = System.nanoTime();
    List<MethodForecasts> ours =
        M3Benchmark.run(series, o.methods(), o.threads(), ForecastSpec.DEFAULT);
    double wall = (System.nanoTime() - wall0) / 1e9;
    List<Map<String, M3Score>> rows = new ArrayList<>();
    for (MethodForecasts mf : ours) {
      rows.add(M3Score.score(mf, series));
    }
    List<MethodForecasts> others = new ArrayList<>();
    double rProcessCpu = Double.NaN;
    if (o.runR()) {
      RForecastRunner.Result r = RForecastRunner.run(series, o.threads(), out);
      others.addAll(r.methods());
      rProcessCpu = r.processCpuSeconds();
    }
    if (o.runJdemetra()) {
      others.addAll(JDemetraRunner.run(series, o.threads(), out));
    }
    for (MethodForecasts mf : others) {
      rows.add(M3Score.score(mf, series));
    }
    Path published = o.data().resolve("published_forecasts.csv");
    Path stored = o.data().resolve("r_forecasts.csv");
    Map<String, Map<String, double[]>> reference = new LinkedHashMap<>();
    if (Files.isRegularFile(published) && !o.validation()) {
      reference.putAll(M3Data.loadForecasts(published));
    }
    if (Files.isRegularFile(stored) && !o.validation()) {
      M3Data.loadForecasts(stored).forEach((k, v) -> reference.put("stored " + k, v));
    }
    List<Map<String, M3Score>> publishedRows = new ArrayList<>();
    for (Map.Entry<String, Map<String, double[]>> e : reference.entrySet()) {
      MethodForecasts mf = new MethodForecasts(e.getKey(), false);
      e.getValue().forEach((id, p) -> mf.put(id, p, null, e.getKey(), 0));
      publishedRows.add(M3Score.score(mf, series));
    }
    publishedRows.sort((a, b) -> Double.compare(a.get("all").smape(), b.get("all").smape()));
    out.println();
    out.print(M3Report.table(rows));
    for (MethodForecasts mf : ours) {
      if (!mf.note.isEmpty()) {
        out.println(mf.note);
      }
    }
    out.printf(
        Locale.ROOT, "wall time of our methods: %.1f s on %d thread(s)%n", wall, o.threads());
    printCpuRatio(ours, others, out);
    if (o.runR()) {
      printProcessCpu(o, series, rProcessCpu, out);
    }
    if (!publishedRows.isEmpty()) {
      out.println();
      out.println(
          "Published M3 entries (and stored R forecasts, if present) on the same series, scored by"
              + " the same code:");
      out.print(M3Report.table(publishedRows));
      double theta = Double.NaN;
      for (Map<String, M3Score> r : publishedRows) {
        if (r.get("all").method().equals("THETA")) {
          theta = r.get("all").smapePooled();
        }
      }
      out.print(M3Report.publishedPooled(theta));
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("data", o.data().toString());
    meta.put("series", series.size());
    meta.put("threads", o.threads());
    meta.put("wallSeconds", wall);
    List<Map<String, M3Score>> everything = new ArrayList<>(rows);
    everything.addAll(publishedRows);
    if (o.out().isPresent()) {
      Files.writeString(o.out().get(), M3Report.json(everything, meta), StandardCharsets.UTF_8);
      out.println("wrote " + o.out().get());
    }
    if (o.forecasts().isPresent()) {
      List<MethodForecasts> written = new ArrayList<>(ours);
      written.addAll(others);
      writeForecasts(o.forecasts().get(), written, series);
      out.println("wrote " + o.forecasts().get());
    }
  }

  private static void printCpuRatio(
      List<MethodForecasts> ours, List<MethodForecasts> others, PrintStream out) {
    double r = 0;
    boolean anyR = false;
    for (MethodForecasts mf : others) {
      if (mf.method.equals("R-ets") || mf.method.equals("R-arima")) {
        r += mf.cpuNanos / 1e9;
        anyR = true;
      }
    }
    if (!anyR) {
      return;
    }
    double us = 0;
    int found = 0;
    for (MethodForecasts mf : ours) {
      if (mf.method.equals("ets") || mf.method.equals("arima")) {
        us += mf.cpuNanos / 1e9;
        found++;
      }
    }
    if (found < 2) {
      out.println("CPU ratio to R needs both ets and arima in --methods");
      return;
    }
    out.printf(
        Locale.ROOT,
        "CPU: R ets+auto.arima %.1f s, ours ets+arima %.1f s: R needs %.1f times more%n",
        r,
        us,
        us > 0 ? r / us : Double.NaN);
  }

  /**
   * Times a child JVM doing our ets and arima on the same sample and prints its whole-process CPU
   * next to the Rscript processes' (start-up included on both sides).
   */
  private static void printProcessCpu(
      M3Options o, List<M3Series> series, double rCpu, PrintStream out)
      throws IOException, InterruptedException {
    int n = series.size();
    out.printf(Locale.ROOT, "whole-process CPU: timing a child JVM on the same %d series...%n", n);
    double vigil = ProcessCpu.vigil(series, List.of("ets", "arima"), o.threads());
    out.printf(
        Locale.ROOT,
        "whole-process CPU (start-up included), %d series, %d thread(s)/process(es):%n"
            + "  Vigil ets+arima (child JVM, %s, class-data sharing archive)   %9.1f s%n"
            + "  R ets+auto.arima (Rscript)    %9.1f s%n"
            + "  R needs %.1f times the CPU of Vigil%n",
        n,
        o.threads(),
        String.join(" ", ProcessCpu.JVM_FLAGS),
        vigil,
        rCpu,
        rCpu / vigil);
  }

  /**
   * The series cut back {@code origin} horizons: its last h training values scored at origin 1, the
   * h before those at origin 2, and so on (null when too short to score 2 values).
   */
  static M3Series atOrigin(M3Series s, int origin) {
    M3Series v = M3ComboExperiment.validation(s);
    for (int o = 1; o < origin && v != null; o++) {
      v =
          v.train().length < 6
              ? null
              : M3ComboExperiment.validation(
                  new M3Series(
                      v.id(),
                      v.category(),
                      v.period(),
                      v.startYear(),
                      v.startPeriod(),
                      v.train(),
                      s.test()));
    }
    return v;
  }

  static List<M3Series> sample(List<M3Series> all, int k) {
    if (k == 0 || k >= all.size()) {
      return all;
    }
    List<M3Series> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      out.add(all.get((int) ((long) i * all.size() / k)));
    }
    return out;
  }

  private static void writeForecasts(
      Path file, List<MethodForecasts> methods, List<M3Series> series) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("method,series,step,value\n");
      for (MethodForecasts mf : methods) {
        for (M3Series s : series) {
          double[] p = mf.points(s.id());
          if (p == null) {
            continue;
          }
          for (int i = 0; i < p.length; i++) {
            w.write(mf.method + "," + s.id() + "," + (i + 1) + "," + p[i] + "\n");
          }
        }
      }
    }
  }
}

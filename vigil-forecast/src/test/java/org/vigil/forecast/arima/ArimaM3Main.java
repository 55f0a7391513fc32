package org.vigil.forecast.arima;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Developer harness (not part of the test suite): runs AutoArima on every M3 series of a folder
 * laid out like the shared m3 data and scores it next to R's auto.arima forecasts by the M4
 * convention (mean over series of sMAPE and MASE).
 *
 * <p>Arguments: DATA_DIR [THREADS] [OUT_CSV]
 */
final class ArimaM3Main {
  private ArimaM3Main() {}

  record Series(String id, String period, int m, int h, double[] train, double[] test) {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    List<Series> all = read(dir);
    Map<String, double[]> r = readR(dir.resolve("r_forecasts.csv"), "R-arima");
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long wall = System.nanoTime();
    List<Future<double[]>> futures = new ArrayList<>();
    Map<String, String> orders = new java.util.concurrent.ConcurrentHashMap<>();
    for (Series s : all) {
      futures.add(
          pool.submit(
              () -> {
                long cpu = mx.getCurrentThreadCpuTime();
                ArimaFit fit = AutoArima.fit(s.train, s.m, AutoArimaSpec.DEFAULT);
                double[] f = fit.forecast(s.h).mean();
                orders.put(s.id, fit.order() + " " + fit.constant());
                double[] out = new double[s.h + 1];
                System.arraycopy(f, 0, out, 0, s.h);
                out[s.h] = (mx.getCurrentThreadCpuTime() - cpu) / 1e9;
                return out;
              }));
    }
    Map<String, double[]> sums = new LinkedHashMap<>();
    double cpuTotal = 0;
    PrintWriter out =
        args.length > 2
            ? new PrintWriter(Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8))
            : null;
    for (int i = 0; i < all.size(); i++) {
      Series s = all.get(i);
      double[] res = futures.get(i).get();
      cpuTotal += res[s.h];
      double[] f = java.util.Arrays.copyOf(res, s.h);
      double[] rf = r.get(s.id);
      double smape = smape(s.test, f);
      double mase = mase(s.train, s.test, f, s.m);
      double rsmape = smape(s.test, rf);
      double rmase = mase(s.train, s.test, rf, s.m);
      for (String key : new String[] {s.period, "ALL"}) {
        double[] acc = sums.computeIfAbsent(key, k -> new double[5]);
        acc[0] += smape;
        acc[1] += mase;
        acc[2] += rsmape;
        acc[3] += rmase;
        acc[4] += 1;
      }
      if (out != null) {
        out.printf(
            "%s,%s,%.4f,%.4f,%.4f,%.4f,%s%n",
            s.id, s.period, smape, rsmape, mase, rmase, orders.get(s.id));
      }
    }
    if (out != null) {
      out.close();
    }
    pool.shutdown();
    System.out.printf(
        "%-10s %6s %8s %8s %8s %8s%n", "period", "n", "sMAPE", "R sMAPE", "MASE", "R MASE");
    sums.forEach(
        (k, a) ->
            System.out.printf(
                "%-10s %6d %8.3f %8.3f %8.4f %8.4f%n",
                k, (int) a[4], a[0] / a[4], a[2] / a[4], a[1] / a[4], a[3] / a[4]));
    System.out.printf(
        "CPU %.1f s, wall %.1f s, threads %d%n",
        cpuTotal, (System.nanoTime() - wall) / 1e9, threads);
  }

  static double smape(double[] y, double[] f) {
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      s += 200 * Math.abs(y[i] - f[i]) / (Math.abs(y[i]) + Math.abs(f[i]));
    }
    return s / y.length;
  }

  static double mase(double[] train, double[] test, double[] f, int m) {
    int lag = m;
    double scale = 0;
    for (int i = lag; i < train.length; i++) {
      scale += Math.abs(train[i] - train[i - lag]);
    }
    scale /= train.length - lag;
    double e = 0;
    for (int i = 0; i < test.length; i++) {
      e += Math.abs(test[i] - f[i]);
    }
    return e / test.length / scale;
  }

  static List<Series> read(Path dir) throws IOException {
    Map<String, List<Double>> train = new HashMap<>();
    Map<String, List<Double>> test = new HashMap<>();
    List<String> lines = Files.readAllLines(dir.resolve("values.csv"), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] p = line.replace("\"", "").split(",");
      (p[1].equals("train") ? train : test)
          .computeIfAbsent(p[0], k -> new ArrayList<>())
          .add(Double.parseDouble(p[3]));
    }
    List<Series> out = new ArrayList<>();
    List<String> meta = Files.readAllLines(dir.resolve("series.csv"), StandardCharsets.UTF_8);
    for (String line : meta.subList(1, meta.size())) {
      String[] p = line.replace("\"", "").split(",");
      out.add(
          new Series(
              p[0],
              p[2],
              Integer.parseInt(p[3]),
              Integer.parseInt(p[7]),
              toArray(train.get(p[0])),
              toArray(test.get(p[0]))));
    }
    return out;
  }

  static Map<String, double[]> readR(Path file, String method) throws IOException {
    Map<String, List<Double>> m = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] p = line.split(",");
      if (p[0].equals(method)) {
        m.computeIfAbsent(p[1], k -> new ArrayList<>()).add(Double.parseDouble(p[3]));
      }
    }
    Map<String, double[]> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, toArray(v)));
    return out;
  }

  private static double[] toArray(List<Double> list) {
    return list.stream().mapToDouble(Double::doubleValue).toArray();
  }
}

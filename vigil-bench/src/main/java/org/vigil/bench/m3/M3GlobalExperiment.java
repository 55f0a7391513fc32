package org.vigil.bench.m3;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.forecast.ForecastSpec;
import org.vigil.forecast.global.GlobalBlend;
import org.vigil.forecast.global.GlobalNet;
import org.vigil.forecast.global.GlobalNetSpec;

/**
 * Developer experiment for choosing the global member on validation windows only: {@code
 * M3GlobalExperiment DATA_DIR ORIGIN THREADS CANDIDATE...}, a candidate being {@code
 * category:inputLength:width:epochs:members} (e.g. {@code monthly:24:128:10:5}). At origin 1 each
 * series' last h training values are scored, at origin 2 the h values before them; the networks and
 * the validated combination see only the values before the scored ones, and M3's test periods are
 * never read. Prints, per candidate, the combination alone, the network alone and blends {@code w *
 * net + (1 - w) * combination} (intervals: the combination's moved with the point, or kept), with
 * the training CPU. Forecasts are cached under {@code /tmp/m3glob-exp}.
 */
public final class M3GlobalExperiment {
  private M3GlobalExperiment() {}

  static final double[] WEIGHTS = {0.2, 0.35, 0.5, 0.65};

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    int origin = Integer.parseInt(args[1]);
    int threads = Integer.parseInt(args[2]);
    List<M3Series> val = new ArrayList<>();
    for (M3Series s : M3Data.load(data)) {
      M3Series v = M3Harness.atOrigin(s, origin);
      if (v != null) {
        val.add(v);
      }
    }
    Path dir = Path.of("/tmp/m3glob-exp");
    Files.createDirectories(dir);
    Map<String, double[][]> combo = combo(val, origin, threads, dir);
    System.out.printf(
        Locale.ROOT,
        "origin %d: %d series; M3 test periods not read; intervals: 'shift' moves the"
            + " combination's bounds with the point, 'keep' leaves them%n",
        origin,
        val.size());
    for (int i = 3; i < args.length; i++) {
      String[] p = args[i].split(":");
      String cat = p[0];
      GlobalNetSpec spec =
          GlobalNetSpec.DEFAULT
              .withInputLength(Integer.parseInt(p[1]))
              .withWidth(Integer.parseInt(p[2]))
              .withEpochs(Integer.parseInt(p[3]))
              .withEnsembleSize(Integer.parseInt(p[4]));
      List<M3Series> subset = val.stream().filter(s -> s.category().equals(cat)).toList();
      Map<String, double[]> net = net(subset, cat, spec, origin, threads, dir);
      List<Map<String, M3Score>> rows = new ArrayList<>();
      rows.add(M3Score.score(blend("combo-validated", subset, combo, net, 0, true), subset));
      rows.add(M3Score.score(blend("net " + spec, subset, combo, net, 1, false), subset));
      for (double w : WEIGHTS) {
        rows.add(M3Score.score(blend("shift w=" + w, subset, combo, net, w, true), subset));
        rows.add(M3Score.score(blend("keep  w=" + w, subset, combo, net, w, false), subset));
      }
      System.out.println();
      System.out.println(cat + " " + spec + ", origin " + origin + ":");
      System.out.print(M3Report.table(rows));
      for (Map<String, M3Score> r : rows) {
        M3Score a = r.get("all");
        System.out.printf(
            Locale.ROOT,
            "row\t%d\t%s\t%s\t%s\t%.3f\t%.3f\t%.1f\t%.1f\t%.3f%n",
            origin,
            cat,
            spec,
            a.method(),
            a.smape(),
            a.smapePooled(),
            100 * a.coverage80(),
            100 * a.coverage95(),
            a.msis());
      }
    }
  }

  private static MethodForecasts blend(
      String name,
      List<M3Series> subset,
      Map<String, double[][]> combo,
      Map<String, double[]> net,
      double w,
      boolean shift) {
    MethodForecasts mf = new MethodForecasts(name, true);
    GlobalBlend rule = new GlobalBlend(w);
    for (M3Series s : subset) {
      double[][] c = combo.get(s.id());
      double[] p = rule.points(net.get(s.id()), c[0]);
      double[][] iv = new double[4][];
      for (int k = 0; k < 4; k++) {
        iv[k] = shift ? GlobalBlend.shift(c[k + 1], c[0], p) : c[k + 1];
      }
      mf.put(s.id(), p, w == 1 && !shift ? null : iv, name, 0);
    }
    return mf;
  }

  private static Map<String, double[][]> combo(
      List<M3Series> val, int origin, int threads, Path dir) throws Exception {
    Path cache = dir.resolve("combo-o" + origin + ".bin");
    if (Files.exists(cache)) {
      return read(cache);
    }
    long t0 = System.nanoTime();
    MethodForecasts mf =
        M3Benchmark.run(val, List.of("combo-validated"), threads, ForecastSpec.DEFAULT).get(0);
    HashMap<String, double[][]> out = new HashMap<>();
    for (M3Series s : val) {
      double[][] iv = mf.intervals.get(s.id());
      out.put(s.id(), new double[][] {mf.points(s.id()), iv[0], iv[1], iv[2], iv[3]});
    }
    System.out.printf(
        Locale.ROOT,
        "combo-validated at origin %d: %.1f s wall, %.1f s CPU%n",
        origin,
        (System.nanoTime() - t0) / 1e9,
        mf.cpuNanos / 1e9);
    write(cache, out);
    return out;
  }

  private static Map<String, double[]> net(
      List<M3Series> subset, String cat, GlobalNetSpec spec, int origin, int threads, Path dir)
      throws Exception {
    Path cache =
        dir.resolve("net-o" + origin + "-" + cat + "-" + spec.toString().replace('/', '_'));
    if (Files.exists(cache)) {
      Map<String, double[][]> m = read(cache);
      Map<String, double[]> out = new HashMap<>();
      m.forEach((k, v) -> out.put(k, v[0]));
      return out;
    }
    long t0 = System.nanoTime();
    M3Global.Trained t =
        M3Global.train(subset, Map.of(cat, new M3Global.Choice(spec, 1, false)), threads);
    GlobalNet net = t.nets().get(cat);
    System.out.printf(
        Locale.ROOT,
        "%s %s origin %d: %d windows, trained in %.1f s wall, %.1f s CPU%n",
        cat,
        spec,
        origin,
        net.windows(),
        (System.nanoTime() - t0) / 1e9,
        t.cpuSeconds().get(cat));
    HashMap<String, double[][]> save = new HashMap<>();
    Map<String, double[]> out = new HashMap<>();
    for (M3Series s : subset) {
      double[] p = M3Global.points(net, s);
      out.put(s.id(), p);
      save.put(s.id(), new double[][] {p});
    }
    write(cache, save);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, double[][]> read(Path p) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in =
        new ObjectInputStream(new BufferedInputStream(Files.newInputStream(p)))) {
      return (Map<String, double[][]>) in.readObject();
    }
  }

  private static void write(Path p, HashMap<String, double[][]> m) throws IOException {
    try (ObjectOutputStream o =
        new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(p)))) {
      o.writeObject(m);
    }
  }
}

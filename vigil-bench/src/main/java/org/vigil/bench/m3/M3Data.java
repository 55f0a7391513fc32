package org.vigil.bench.m3;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a folder laid out like the M3 data: {@code series.csv}, {@code values.csv} and optionally
 * {@code published_forecasts.csv} or other files of {@code method,series,step,value}.
 */
public final class M3Data {
  private M3Data() {}

  /** All series of the folder, in file order. */
  public static List<M3Series> load(Path dir) throws IOException {
    Path seriesFile = dir.resolve("series.csv");
    Path valuesFile = dir.resolve("values.csv");
    for (Path p : List.of(seriesFile, valuesFile)) {
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException(
            "M3 data folder "
                + dir
                + " lacks "
                + p.getFileName()
                + ": expected series.csv and values.csv (see --data)");
      }
    }
    Map<String, List<double[]>> train = new HashMap<>();
    Map<String, List<double[]>> test = new HashMap<>();
    try (BufferedReader r = Files.newBufferedReader(valuesFile, StandardCharsets.UTF_8)) {
      String line = r.readLine();
      int no = 1;
      while ((line = r.readLine()) != null) {
        no++;
        String[] f = split(line);
        if (f.length < 4) {
          throw new IllegalArgumentException(
              valuesFile + " line " + no + ": expected series,split,t,value, found '" + line + "'");
        }
        Map<String, List<double[]>> target = f[1].equals("train") ? train : test;
        target
            .computeIfAbsent(f[0], k -> new ArrayList<>())
            .add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])});
      }
    }
    List<M3Series> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(seriesFile, StandardCharsets.UTF_8)) {
      String line = r.readLine();
      while ((line = r.readLine()) != null) {
        String[] f = split(line);
        String id = f[0];
        out.add(
            new M3Series(
                id,
                f[2].toLowerCase(Locale.ROOT),
                Integer.parseInt(f[3]),
                Integer.parseInt(f[4]),
                Integer.parseInt(f[5]),
                ordered(train.get(id)),
                ordered(test.get(id))));
      }
    }
    return out;
  }

  /** Forecasts by method, then series, from a {@code method,series,step,value} file. */
  public static Map<String, Map<String, double[]>> loadForecasts(Path file) throws IOException {
    Map<String, Map<String, TreeMap<Integer, Double>>> raw = new LinkedHashMap<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = r.readLine();
      while ((line = r.readLine()) != null) {
        String[] f = split(line);
        if (f.length < 4 || f[3].isEmpty() || f[3].equals("NA")) {
          continue;
        }
        raw.computeIfAbsent(f[0], k -> new HashMap<>())
            .computeIfAbsent(f[1], k -> new TreeMap<>())
            .put(Integer.parseInt(f[2]), Double.parseDouble(f[3]));
      }
    }
    Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
    raw.forEach(
        (method, bySeries) -> {
          Map<String, double[]> m = new HashMap<>();
          bySeries.forEach(
              (s, steps) ->
                  m.put(s, steps.values().stream().mapToDouble(Double::doubleValue).toArray()));
          out.put(method, m);
        });
    return out;
  }

  private static double[] ordered(List<double[]> pts) {
    if (pts == null) {
      return new double[0];
    }
    pts.sort((a, b) -> Double.compare(a[0], b[0]));
    double[] v = new double[pts.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = pts.get(i)[1];
    }
    return v;
  }

  static String[] split(String line) {
    String[] f = line.split(",", -1);
    for (int i = 0; i < f.length; i++) {
      String s = f[i].trim();
      if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
        s = s.substring(1, s.length() - 1);
      }
      f[i] = s;
    }
    return f;
  }
}

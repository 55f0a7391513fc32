package org.vigil.forecast.arima;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the R reference files under {@code golden/arima/} (see make_golden.R there). */
final class GoldenData {
  private GoldenData() {}

  /** A series from R's datasets package. */
  record Series(String name, int frequency, double[] values) {}

  /** One reference fit: the case name, its series, and every number R reported, by key. */
  record Case(String name, String series, Map<String, Double> values) {
    double get(String key) {
      Double v = values.get(key);
      if (v == null) {
        throw new IllegalStateException("Reference case " + name + " has no key " + key);
      }
      return v;
    }

    ArimaOrder order() {
      return new ArimaOrder(
          (int) get("p"),
          (int) get("d"),
          (int) get("q"),
          (int) get("P"),
          (int) get("D"),
          (int) get("Q"),
          (int) get("m"));
    }

    boolean constant() {
      return get("constant") > 0.5;
    }

    Map<String, Double> coefficients() {
      Map<String, Double> out = new LinkedHashMap<>();
      values.forEach(
          (k, v) -> {
            if (k.startsWith("coef.")) {
              out.put(k.substring(5), v);
            }
          });
      return out;
    }

    double[] vector(String prefix, int h) {
      double[] out = new double[h];
      for (int i = 0; i < h; i++) {
        out[i] = get(prefix + "." + (i + 1));
      }
      return out;
    }
  }

  static Map<String, Series> series() {
    Map<String, List<Double>> values = new LinkedHashMap<>();
    Map<String, Integer> freq = new LinkedHashMap<>();
    for (String[] row : rows("series.csv")) {
      values.computeIfAbsent(row[0], k -> new ArrayList<>()).add(Double.parseDouble(row[3]));
      freq.put(row[0], Integer.parseInt(row[1]));
    }
    Map<String, Series> out = new LinkedHashMap<>();
    values.forEach(
        (name, list) ->
            out.put(
                name,
                new Series(
                    name,
                    freq.get(name),
                    list.stream().mapToDouble(Double::doubleValue).toArray())));
    return out;
  }

  static List<Case> cases(String file) {
    Map<String, Case> out = new LinkedHashMap<>();
    for (String[] row : rows(file)) {
      Case c = out.computeIfAbsent(row[0], k -> new Case(k, row[1], new LinkedHashMap<>()));
      c.values().put(row[2], row[3].equals("NA") ? Double.NaN : Double.parseDouble(row[3]));
    }
    return new ArrayList<>(out.values());
  }

  private static List<String[]> rows(String file) {
    String path = "/golden/arima/" + file;
    try (InputStream in = GoldenData.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing test resource " + path);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String[]> out = new ArrayList<>();
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          out.add(line.split(",", -1));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

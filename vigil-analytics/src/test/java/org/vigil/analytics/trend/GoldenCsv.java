package org.vigil.analytics.trend;

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

/** Reads the small CSV files R's write.csv produced (quoted header, no embedded commas). */
final class GoldenCsv {
  private GoldenCsv() {}

  static List<Map<String, String>> read(String resource) {
    InputStream in = GoldenCsv.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("Missing test resource " + resource);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String[] header = unquote(r.readLine().split(","));
      List<Map<String, String>> rows = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = unquote(line.split(","));
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], f[i]);
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double[] values(String joined) {
    String[] parts = joined.split(";");
    double[] v = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      v[i] = "NA".equals(parts[i]) ? Double.NaN : Double.parseDouble(parts[i]);
    }
    return v;
  }

  private static String[] unquote(String[] f) {
    for (int i = 0; i < f.length; i++) {
      f[i] = f[i].replace("\"", "");
    }
    return f;
  }
}

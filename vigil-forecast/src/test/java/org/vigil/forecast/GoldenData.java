package org.vigil.forecast;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the golden files: rows {@code case,key,index,value}, grouped by case and key. */
final class GoldenData {
  private final Map<String, Map<String, List<String>>> cases = new LinkedHashMap<>();

  private GoldenData() {}

  static GoldenData load(String resource) throws IOException {
    GoldenData g = new GoldenData();
    try (InputStream in = GoldenData.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing test resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line = r.readLine();
      while ((line = r.readLine()) != null) {
        String[] f = line.split(",");
        g.cases
            .computeIfAbsent(f[0], k -> new LinkedHashMap<>())
            .computeIfAbsent(f[1], k -> new ArrayList<>())
            .add(f[3]);
      }
    }
    return g;
  }

  List<String> caseNames() {
    return List.copyOf(cases.keySet());
  }

  boolean has(String c, String key) {
    return cases.get(c).containsKey(key);
  }

  String text(String c, String key) {
    return cases.get(c).get(key).get(0);
  }

  double value(String c, String key) {
    return Double.parseDouble(text(c, key));
  }

  double valueOr(String c, String key, double fallback) {
    return has(c, key) ? value(c, key) : fallback;
  }

  double[] values(String c, String key) {
    return cases.get(c).get(key).stream().mapToDouble(Double::parseDouble).toArray();
  }
}

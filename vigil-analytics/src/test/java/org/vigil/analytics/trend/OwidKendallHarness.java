package org.vigil.analytics.trend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Not part of the test suite: compares Vigil's Mann-Kendall tau, p-value and Sen's slope with R's
 * {@code cor.test(x, seq_along(x), method = "kendall", exact = FALSE)} and the median of pairwise
 * slopes on every (entity, column) series of OWID extracts, with years missing inside a series as
 * gaps. Needs Rscript on the PATH.
 *
 * <pre>
 * ./mvnw -q -o test-compile -pl vigil-analytics
 * java -cp "vigil-analytics/target/test-classes:vigil-analytics/target/classes:$(cat cp.txt)" \
 *     org.vigil.analytics.trend.OwidKendallHarness /work/shared/data/owid/*&#47;cis.csv
 * </pre>
 *
 * Prints the largest difference (absolute for tau and p; for Sen's slope relative to max(1,
 * |slope|)) and exits 1 when any exceeds 1e-6.
 */
public final class OwidKendallHarness {
  private static final double TOL = 1e-6;

  private OwidKendallHarness() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length == 0) {
      System.err.println("usage: OwidKendallHarness FILE.csv...  (OWID cis.csv extracts)");
      System.exit(2);
    }
    Map<String, double[]> series = new LinkedHashMap<>();
    for (String a : args) {
      series.putAll(read(Path.of(a)));
    }
    Path dir = Files.createTempDirectory("owid-kendall");
    Path in = dir.resolve("series.csv");
    List<String> lines = new ArrayList<>();
    lines.add("name,values");
    series.forEach((k, v) -> lines.add("\"" + k + "\"," + join(v)));
    Files.write(in, lines, StandardCharsets.UTF_8);
    Path out = dir.resolve("reference.csv");
    Path script = dir.resolve("ref.R");
    Files.writeString(
        script,
        "s <- read.csv('"
            + in
            + "', stringsAsFactors = FALSE)\n"
            + "sen <- function(x) { t <- seq_along(x); ok <- !is.na(x); tt <- t[ok]; xx <- x[ok];"
            + " d <- outer(xx, xx, '-'); dt <- outer(tt, tt, '-');"
            + " median(d[upper.tri(d)] / dt[upper.tri(dt)]) }\n"
            + "r <- do.call(rbind, lapply(seq_len(nrow(s)), function(i) {"
            + " x <- as.numeric(strsplit(s$values[i], ';')[[1]]);"
            + " a <- suppressWarnings(cor.test(x, seq_along(x), method = 'kendall', exact = FALSE));"
            + " data.frame(name = s$name[i], tau = unname(a$estimate), p = a$p.value, sen = sen(x)) }))\n"
            + "write.csv(r, '"
            + out
            + "', row.names = FALSE)\n",
        StandardCharsets.UTF_8);
    Process p = new ProcessBuilder("Rscript", script.toString()).inheritIO().start();
    if (p.waitFor() != 0) {
      System.err.println("Rscript failed; is R installed (which Rscript)?");
      System.exit(1);
    }
    double worst = 0;
    int compared = 0;
    for (String line :
        Files.readAllLines(out, StandardCharsets.UTF_8).subList(1, series.size() + 1)) {
      String[] f = splitCsv(line);
      double[] x = series.get(f[0]);
      if ("NA".equals(f[1])) {
        continue;
      }
      MannKendallResult r = MannKendall.test(x, false);
      double sen = Double.parseDouble(f[3]);
      // Sen's slope is compared relative to its size: R writes 15 significant digits, which for
      // military spending in dollars (slopes near 1e9) is about 1e-6 in absolute terms.
      double d =
          Math.max(
              Math.abs(r.tau() - Double.parseDouble(f[1])),
              Math.max(
                  Math.abs(r.pValue() - Double.parseDouble(f[2])),
                  Math.abs(SensSlope.of(x, 0.95).perPeriod() - sen) / Math.max(1, Math.abs(sen))));
      if (d > TOL) {
        System.out.printf(Locale.ROOT, "MISMATCH %s: %.3g%n", f[0], d);
      }
      worst = Math.max(worst, d);
      compared++;
    }
    System.out.printf(
        Locale.ROOT,
        "%d series from %d file(s) compared with R: largest |difference| in tau, p, Sen = %.3g"
            + " (tolerance %.0e)%n",
        compared,
        args.length,
        worst,
        TOL);
    System.exit(worst <= TOL ? 0 : 1);
  }

  /**
   * Series per "file|entity|column", yearly, gaps as NaN; series with fewer than 4 values skipped.
   */
  static Map<String, double[]> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String[] header = splitCsv(lines.get(0));
    Map<String, TreeMap<Integer, Double>> acc = new LinkedHashMap<>();
    for (String l : lines.subList(1, lines.size())) {
      String[] f = splitCsv(l);
      for (int c = 2; c < f.length && c < header.length; c++) {
        if (!f[c].isBlank()) {
          String key = file.getParent().getFileName() + "|" + f[0] + "|" + header[c];
          acc.computeIfAbsent(key, k -> new TreeMap<>())
              .put(Integer.parseInt(f[1]), Double.parseDouble(f[c]));
        }
      }
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    acc.forEach(
        (k, m) -> {
          if (m.size() >= 4) {
            int first = m.firstKey();
            double[] v = new double[m.lastKey() - first + 1];
            java.util.Arrays.fill(v, Double.NaN);
            m.forEach((y, x) -> v[y - first] = x);
            out.put(k.replace("\"", "'").replace(",", ";"), v);
          }
        });
    return out;
  }

  private static String join(double[] v) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.length; i++) {
      sb.append(i == 0 ? "" : ";").append(Double.isNaN(v[i]) ? "NA" : Double.toString(v[i]));
    }
    return sb.toString();
  }

  static String[] splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out.toArray(new String[0]);
  }
}

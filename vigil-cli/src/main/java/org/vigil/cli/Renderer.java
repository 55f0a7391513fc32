package org.vigil.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one way commands print results, in the format chosen with {@code --format}. Get it from the
 * root command ({@code VigilCommand.of(spec).renderer()}) and print a {@link Table}; messages for
 * people (progress, hints) go to stderr with {@link #note(String)} so that stdout stays parseable.
 *
 * <ul>
 *   <li>table: aligned columns, numbers right-aligned, missing values as "-";
 *   <li>json: an array of objects, numbers as numbers, missing (and NaN) as null;
 *   <li>csv: RFC 4180, header row, missing as an empty field, "." as decimal separator.
 * </ul>
 */
public final class Renderer {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private final OutputFormat format;
  private final PrintStream out;
  private final PrintStream err;

  public Renderer(OutputFormat format, PrintStream out, PrintStream err) {
    this.format = format;
    this.out = out;
    this.err = err;
  }

  public OutputFormat format() {
    return format;
  }

  /** Prints the table in the chosen format. */
  public void print(Table table) {
    switch (format) {
      case TABLE -> printAligned(table);
      case JSON -> printJson(table);
      case CSV -> printCsv(table);
    }
    out.flush();
  }

  /** A line for people on stderr (never mixed into the data on stdout). */
  public void note(String message) {
    err.println(message);
    err.flush();
  }

  private void printAligned(Table t) {
    int n = t.columns().size();
    int[] width = new int[n];
    boolean[] numeric = new boolean[n];
    List<String[]> cells = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      width[i] = t.columns().get(i).length();
      numeric[i] = !t.rows().isEmpty();
    }
    for (List<Object> row : t.rows()) {
      String[] texts = new String[n];
      for (int i = 0; i < n; i++) {
        Object v = row.get(i);
        texts[i] = v == null || isNaN(v) ? "-" : display(v);
        width[i] = Math.max(width[i], texts[i].length());
        numeric[i] &= v == null || v instanceof Number;
      }
      cells.add(texts);
    }
    out.println(line(t.columns().toArray(String[]::new), width, numeric));
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < n; i++) {
      rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
    }
    out.println(rule);
    for (String[] row : cells) {
      out.println(line(row, width, numeric));
    }
  }

  private static String line(String[] texts, int[] width, boolean[] numeric) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < texts.length; i++) {
      String pad = " ".repeat(width[i] - texts[i].length());
      b.append(i == 0 ? "" : "  ");
      b.append(numeric[i] ? pad + texts[i] : (i == texts.length - 1 ? texts[i] : texts[i] + pad));
    }
    return b.toString();
  }

  private void printJson(Table t) {
    List<Map<String, Object>> objects = new ArrayList<>();
    for (List<Object> row : t.rows()) {
      Map<String, Object> o = new LinkedHashMap<>();
      for (int i = 0; i < t.columns().size(); i++) {
        Object v = row.get(i);
        o.put(t.columns().get(i), isNaN(v) ? null : v);
      }
      objects.add(o);
    }
    try {
      out.println(JSON.writeValueAsString(objects));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write JSON output: " + e.getMessage(), e);
    }
  }

  private void printCsv(Table t) {
    out.println(csvLine(new ArrayList<>(t.columns())));
    for (List<Object> row : t.rows()) {
      out.println(csvLine(row));
    }
  }

  /** One CSV record (RFC 4180 quoting), without the line end. */
  public static String csvLine(List<?> cells) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      Object v = cells.get(i);
      String s = v == null || isNaN(v) ? "" : text(v);
      if (i > 0) {
        b.append(',');
      }
      if (s.indexOf(',') >= 0
          || s.indexOf('"') >= 0
          || s.indexOf('\n') >= 0
          || s.indexOf('\r') >= 0) {
        b.append('"').append(s.replace("\"", "\"\"")).append('"');
      } else {
        b.append(s);
      }
    }
    return b.toString();
  }

  private static boolean isNaN(Object v) {
    return v instanceof Double d && d.isNaN() || v instanceof Float f && f.isNaN();
  }

  /**
   * A number as a person reads it in an aligned table: whole numbers in full, others to six
   * significant digits without float noise (10.000000000000002 shows as 10), scientific notation
   * only for very large or small values. CSV and JSON keep full precision.
   */
  static String display(Object v) {
    if (!(v instanceof Double || v instanceof Float)) {
      return text(v);
    }
    double d = ((Number) v).doubleValue();
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    double a = Math.abs(d);
    if (a != 0 && (a >= 1e12 || a < 1e-4)) {
      return String.format(Locale.ROOT, "%.4g", d);
    }
    String plain =
        new java.math.BigDecimal(d)
            .round(new java.math.MathContext(6))
            .stripTrailingZeros()
            .toPlainString();
    return "-0".equals(plain) ? "0" : plain;
  }

  private static String text(Object v) {
    if (v instanceof Double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15
          ? Long.toString(d.longValue())
          : String.format(Locale.ROOT, "%s", d);
    }
    return String.valueOf(v);
  }
}

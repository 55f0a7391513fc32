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
 *   <li>table: aligned columns, numbers right-aligned, missing values as "-"; text columns wrap (at
 *       spaces) so that a row fits the width given (120 characters unless {@code --wide});
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
  private final int maxWidth;

  /** A renderer whose tables fit {@link #DEFAULT_WIDTH} characters. */
  public Renderer(OutputFormat format, PrintStream out, PrintStream err) {
    this(format, out, err, DEFAULT_WIDTH);
  }

  /**
   * A renderer whose tables fit {@code maxWidth} characters by wrapping text columns; 0 for no
   * limit.
   */
  public Renderer(OutputFormat format, PrintStream out, PrintStream err, int maxWidth) {
    this.format = format;
    this.out = out;
    this.err = err;
    this.maxWidth = maxWidth;
  }

  /** The width tables fit unless --wide is given. */
  public static final int DEFAULT_WIDTH = 120;

  /** Narrowest a wrapped text column becomes (or its header's width, if wider). */
  private static final int MIN_WRAPPED = 10;

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
    // a detail column (the last) is printed under its row, not aligned with the others
    int n = t.columns().size() - (t.hasDetail() ? 1 : 0);
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
    boolean[] wrappable = new boolean[n];
    for (String[] row : cells) {
      for (int i = 0; i < n; i++) {
        wrappable[i] |= !numeric[i] && row[i].indexOf(' ') >= 0;
      }
    }
    fit(width, wrappable, t.columns());
    printRow(t.columns().subList(0, n).toArray(String[]::new), width, numeric);
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < n; i++) {
      rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
    }
    out.println(rule);
    int detailWidth = maxWidth <= 0 ? Integer.MAX_VALUE : maxWidth - DETAIL_INDENT.length();
    for (int r = 0; r < cells.size(); r++) {
      printRow(cells.get(r), width, numeric);
      if (t.hasDetail()) {
        Object v = t.rows().get(r).get(n);
        for (String l : wrap(v == null || isNaN(v) ? "-" : display(v), detailWidth)) {
          out.println(DETAIL_INDENT + l);
        }
      }
    }
  }

  /** Indent of a detail line under its row. */
  private static final String DETAIL_INDENT = "    ";

  /**
   * Narrows the widest columns of text with words (codes and numbers are never broken), one
   * character at a time, until the row fits maxWidth.
   */
  private void fit(int[] width, boolean[] wrappable, List<String> headers) {
    if (maxWidth <= 0) {
      return;
    }
    int total = 2 * (width.length - 1);
    for (int w : width) {
      total += w;
    }
    while (total > maxWidth) {
      int widest = -1;
      for (int i = 0; i < width.length; i++) {
        int min = Math.max(MIN_WRAPPED, headers.get(i).length());
        if (wrappable[i] && width[i] > min && (widest < 0 || width[i] > width[widest])) {
          widest = i;
        }
      }
      if (widest < 0) {
        return;
      }
      width[widest]--;
      total--;
    }
  }

  /** One row, over as many lines as its longest wrapped cell needs. */
  private void printRow(String[] texts, int[] width, boolean[] numeric) {
    List<List<String>> parts = new ArrayList<>();
    int lines = 1;
    for (int i = 0; i < texts.length; i++) {
      List<String> p = wrap(texts[i], width[i]);
      parts.add(p);
      lines = Math.max(lines, p.size());
    }
    for (int l = 0; l < lines; l++) {
      String[] piece = new String[texts.length];
      for (int i = 0; i < texts.length; i++) {
        piece[i] = l < parts.get(i).size() ? parts.get(i).get(l) : "";
      }
      out.println(line(piece, width, numeric).stripTrailing());
    }
  }

  /** The text in lines of at most {@code width} characters, broken at spaces where possible. */
  static List<String> wrap(String text, int width) {
    if (text.length() <= width) {
      return List.of(text);
    }
    List<String> lines = new ArrayList<>();
    String rest = text;
    while (rest.length() > width) {
      int cut = rest.lastIndexOf(' ', width);
      if (cut <= 0) {
        lines.add(rest.substring(0, width));
        rest = rest.substring(width);
      } else {
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut + 1);
      }
    }
    lines.add(rest);
    return lines;
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

  /**
   * One CSV record (RFC 4180 quoting), without the line end. A text cell that starts with {@code =
   * + - @}, a tab or a carriage return gets a leading apostrophe so spreadsheets show it as text.
   */
  public static String csvLine(List<?> cells) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      Object v = cells.get(i);
      String s = v == null || isNaN(v) ? "" : text(v);
      if (!(v instanceof Number) && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
        s = "'" + s; // a spreadsheet would run it as a formula (CSV injection); numbers stay as-is
      }
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

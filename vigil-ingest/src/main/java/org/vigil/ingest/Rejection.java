package org.vigil.ingest;

/**
 * One rejected input row: where it is, which field broke which rule, and what was found.
 *
 * @param file the file name as given (for messages)
 * @param line 1-based physical line where the row starts (the header is line 1 in CSV files)
 * @param field the field (column or JSON property) that broke the rule, or "header", "row",
 *     "encoding" for problems that concern no single field
 * @param expected what the rule expects, in words
 * @param found what was found, shortened and with control characters escaped
 */
public record Rejection(String file, int line, String field, String expected, String found) {
  private static final int MAX_FOUND = 80;

  public Rejection {
    if (line < 1) {
      throw new IllegalArgumentException("Rejection line must be >= 1, found " + line);
    }
    if (field == null || field.isBlank()) {
      throw new IllegalArgumentException("Rejection needs a field name, found blank");
    }
    file = file == null || file.isBlank() ? "input" : file;
    expected = expected == null ? "" : expected;
    found = shorten(found == null ? "" : found);
  }

  /** One line for people: {@code cis.csv line 17, field value: expected a number, found 'n/a'}. */
  public String message() {
    return file
        + " line "
        + line
        + ", field "
        + field
        + ": expected "
        + expected
        + ", found "
        + found;
  }

  /** Quotes a raw value for {@link #found}: {@code 'n/a'}, or {@code an empty value}. */
  public static String quoted(String raw) {
    return raw == null || raw.isEmpty() ? "an empty value" : "'" + raw + "'";
  }

  private static String shorten(String s) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_FOUND + 8));
    for (int i = 0; i < s.length() && b.length() < MAX_FOUND; i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (Character.isISOControl(c)) {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    if (b.length() >= MAX_FOUND && s.length() > MAX_FOUND) {
      b.append("...");
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return message();
  }
}

package org.vigil.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An RFC 4180 record reader: comma-separated (or another separator: Excel in a Russian locale
 * writes semicolons, and tab-separated files are common), fields optionally in double quotes, a
 * quote inside a quoted field doubled, line breaks CRLF or LF (also inside quoted fields). Reads
 * UTF-8 strictly (a malformed byte sequence, decoded as U+FFFD, makes its field a problem, so the
 * line and field are known) and drops a leading byte-order mark. Blank lines are skipped. Tracks
 * the physical line where each record starts.
 */
final class CsvRecords {

  /**
   * One record.
   *
   * @param line physical line where the record starts
   * @param fields the fields, unquoted
   * @param problem empty, or what is wrong with the record's syntax
   * @param problemField 0-based index of the field with the syntax problem, -1 when none
   * @param found what was found where the problem is
   */
  record Row(int line, List<String> fields, String problem, int problemField, String found) {
    boolean ok() {
      return problem.isEmpty();
    }
  }

  private final Reader in;
  private final char separator;
  private int line = 1;
  private int pushedBack = -2;
  private boolean first = true;

  CsvRecords(InputStream stream) {
    this(stream, ',');
  }

  CsvRecords(InputStream stream, char separator) {
    this.separator = separator;
    this.in =
        new BufferedReader(
            new InputStreamReader(
                stream,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)),
            1 << 16);
  }

  /** The physical line the reader is on (for encoding errors, which stop reading). */
  int currentLine() {
    return line;
  }

  /**
   * The next non-blank record, or empty at the end of input.
   *
   * @throws IOException for malformed UTF-8 (a {@link java.nio.charset.CharacterCodingException})
   *     or a failing stream
   */
  Optional<Row> next() throws IOException {
    while (true) {
      int c = read();
      if (c == -1) {
        return Optional.empty();
      }
      if (c == '\n') {
        line++;
        continue;
      }
      if (c == '\r') {
        skipLf();
        line++;
        continue;
      }
      pushedBack = c;
      return Optional.of(record());
    }
  }

  private Row record() throws IOException {
    int start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    String problem = "";
    int problemField = -1;
    while (true) {
      int c = read();
      if (c == '"' && field.length() == 0) {
        String err = quoted(field);
        if (!err.isEmpty() && problem.isEmpty()) {
          problem = err;
          problemField = fields.size();
        }
        if (err.startsWith("a closing quote")) {
          fields.add(field.toString());
          return row(start, fields, problem, problemField);
        }
        c = read();
      }
      if (c == separator) {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == -1 || c == '\n' || c == '\r') {
        if (c == '\r') {
          skipLf();
        }
        if (c != -1) {
          line++;
        }
        fields.add(field.toString());
        return row(start, fields, problem, problemField);
      } else {
        field.append((char) c);
      }
    }
  }

  private static Row row(int start, List<String> fields, String problem, int problemField) {
    if (!problem.isEmpty()) {
      return new Row(start, fields, problem, problemField, "a malformed quoted field");
    }
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).indexOf('\uFFFD') >= 0) {
        return new Row(start, fields, "valid UTF-8 text", i, "bytes that are not valid UTF-8");
      }
    }
    return new Row(start, fields, "", -1, "");
  }

  /**
   * Reads a quoted field's content (the opening quote is consumed) up to its closing quote and
   * checks that a comma or line end follows; returns "" or a problem description.
   */
  private String quoted(StringBuilder field) throws IOException {
    while (true) {
      int c = read();
      if (c == -1) {
        return "a closing quote before the end of the file";
      }
      if (c == '"') {
        int d = read();
        if (d == '"') {
          field.append('"');
          continue;
        }
        pushedBack = d;
        if (d == separator || d == '\n' || d == '\r' || d == -1) {
          return "";
        }
        // Keep the rest of the field so the row can be reported, but flag it.
        return "',' or a line end after a closing quote";
      }
      if (c == '\n') {
        line++;
      } else if (c == '\r') {
        int d = read();
        if (d != '\n') {
          pushedBack = d;
        } else {
          field.append('\r');
          c = '\n';
        }
        line++;
      }
      field.append((char) c);
    }
  }

  /**
   * The separator of a CSV file from its first line: the most frequent of comma, semicolon and tab
   * outside quotes (comma when none occurs, or on a tie with comma).
   */
  static char sniffSeparator(String firstLine) {
    int comma = 0;
    int semicolon = 0;
    int tab = 0;
    boolean quoted = false;
    for (int i = 0; i < firstLine.length(); i++) {
      char c = firstLine.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        comma += c == ',' ? 1 : 0;
        semicolon += c == ';' ? 1 : 0;
        tab += c == '\t' ? 1 : 0;
      }
    }
    if (semicolon > comma && semicolon >= tab) {
      return ';';
    }
    return tab > comma ? '\t' : ',';
  }

  private void skipLf() throws IOException {
    int d = read();
    if (d != '\n') {
      pushedBack = d;
    }
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    int c = in.read();
    if (first) {
      first = false;
      if (c == '\uFEFF') {
        c = in.read();
      }
    }
    return c;
  }
}

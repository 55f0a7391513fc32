package org.vigil.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The shared loop of the CSV formats: read the header, let the format decide the layout, then hand
 * every syntactically sound row of the right width to the layout. Syntax problems, width mismatches
 * and bad UTF-8 become rejections here.
 */
abstract class CsvFormatReader implements ObservationReader {

  /** Handles the data rows once the header is understood. */
  interface Layout {
    void accept(CsvRecords.Row row, RowCollector rc);

    String fieldName(int index);
  }

  abstract IngestFormat format();

  /** The header this format expects, in words, for messages. */
  abstract String expectedHeader();

  /** Reads the header; returns empty after rejecting it. */
  abstract Optional<Layout> layout(CsvRecords.Row header, RowCollector rc);

  @Override
  public final ReadResult read(InputStream in, ReadSpec spec) {
    RowCollector rc = new RowCollector(format(), spec);
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    char separator;
    try {
      separator = CsvRecords.sniffSeparator(firstLine(buffered));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // A semicolon or tab separator frees the comma to be the decimal separator, as Excel writes
    // numbers in locales such as Russian.
    rc.decimalComma(separator != ',');
    CsvRecords csv = new CsvRecords(buffered, separator);
    try {
      Optional<CsvRecords.Row> header = csv.next();
      if (header.isEmpty()) {
        rc.reject(1, "header", expectedHeader(), "an empty file");
        return rc.result();
      }
      CsvRecords.Row h = header.get();
      if (!h.ok()) {
        rc.reject(h.line(), "header", h.problem(), h.found());
        return rc.result();
      }
      Optional<Layout> layout = layout(h, rc);
      if (layout.isPresent()) {
        rows(csv, h.fields().size(), layout.get(), rc, separator);
      }
    } catch (CharacterCodingException e) {
      rc.reject(csv.currentLine(), "encoding", "UTF-8 text", "bytes that are not valid UTF-8");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rc.result();
  }

  /** The first line (up to 8 KiB, decoded leniently) without consuming it. */
  private static String firstLine(BufferedInputStream in) throws IOException {
    in.mark(8192);
    byte[] head = in.readNBytes(8192);
    in.reset();
    String text = new String(head, StandardCharsets.UTF_8);
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  private static void rows(
      CsvRecords csv, int width, Layout layout, RowCollector rc, char separator)
      throws IOException {
    int dataRows = 0;
    for (Optional<CsvRecords.Row> r = csv.next(); r.isPresent(); r = csv.next()) {
      rc.countRow();
      dataRows++;
      CsvRecords.Row row = r.get();
      int nul = row.ok() ? fieldWithNul(row) : -1;
      if (nul >= 0) {
        rc.reject(
            row.line(),
            layout.fieldName(nul),
            "text without NUL bytes (a NUL means a binary or damaged file)",
            "a NUL byte");
      } else if (!row.ok()) {
        rc.reject(row.line(), layout.fieldName(row.problemField()), row.problem(), row.found());
      } else if (row.fields().size() != width) {
        rc.reject(
            row.line(),
            "row",
            width + " " + separatorName(separator) + "-separated fields as in the header",
            row.fields().size() + " fields");
      } else {
        layout.accept(row, rc);
      }
    }
    if (dataRows == 0) {
      rc.reject(
          csv.currentLine(),
          "rows",
          "at least one data row after the header",
          "a header only: the file has no data");
    }
  }

  /** The index of the first field holding a NUL byte, or -1. */
  private static int fieldWithNul(CsvRecords.Row row) {
    for (int i = 0; i < row.fields().size(); i++) {
      if (row.fields().get(i).indexOf('\0') >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static String separatorName(char separator) {
    return switch (separator) {
      case ';' -> "semicolon";
      case '\t' -> "tab";
      default -> "comma";
    };
  }

  /** Header names trimmed, without an SDMX-CSV label suffix ("REF_AREA: Reference area"). */
  static String columnName(String raw) {
    String t = raw.trim();
    int colon = t.indexOf(": ");
    return colon > 0 ? t.substring(0, colon).trim() : t;
  }

  static String nameAt(List<String> names, int index) {
    return index >= 0 && index < names.size() && !names.get(index).isBlank()
        ? names.get(index)
        : "column " + (index + 1);
  }
}

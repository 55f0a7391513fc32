package org.vigil.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.model.Indicator;
import org.vigil.model.Observation;

/**
 * Writes observations as files that Vigil's own readers accept again, so an export can be
 * re-ingested elsewhere: long CSV ({@code indicator,area,period,value,flags,source}) or SDMX-CSV
 * 2.1 ({@code DATAFLOW,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MEASURE}). A
 * missing value is written as NaN with flag (or OBS_STATUS) M. Used by the API and the command
 * line.
 */
public final class SeriesExport {
  /** The SDMX dataflow Vigil's exports claim. */
  public static final String DATAFLOW = "VIGIL:DF_INDICATORS(1.0)";

  /** Export formats. */
  public enum Format {
    CSV("text/csv", "csv"),
    SDMX_CSV("application/vnd.sdmx.data+csv; version=2.1", "csv");

    private final String mediaType;
    private final String extension;

    Format(String mediaType, String extension) {
      this.mediaType = mediaType;
      this.extension = extension;
    }

    public String mediaType() {
      return mediaType + "; charset=utf-8";
    }

    public String extension() {
      return extension;
    }

    /** "csv" or "sdmx-csv" (case-insensitive). */
    public static Format parse(String text) {
      String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
      return switch (t) {
        case "csv" -> CSV;
        case "sdmx-csv", "sdmx" -> SDMX_CSV;
        default ->
            throw new IllegalArgumentException(
                "Unknown export format '" + text + "': expected csv or sdmx-csv");
      };
    }
  }

  private SeriesExport() {}

  /**
   * Writes the observations in the format.
   *
   * @param indicators indicator definitions by code (frequency and unit for SDMX)
   */
  public static void write(
      List<Observation> observations,
      Map<String, Indicator> indicators,
      Format format,
      Writer out) {
    try {
      if (format == Format.CSV) {
        line(out, List.of("indicator", "area", "period", "value", "flags", "source"));
        for (Observation o : observations) {
          line(
              out,
              List.of(
                  text(o.indicator()),
                  text(o.area()),
                  o.period().toString(),
                  value(o),
                  text(flags(o)),
                  text(o.source())));
        }
      } else {
        line(
            out,
            List.of(
                "DATAFLOW",
                "FREQ",
                "REF_AREA",
                "INDICATOR",
                "TIME_PERIOD",
                "OBS_VALUE",
                "OBS_STATUS",
                "UNIT_MEASURE"));
        for (Observation o : observations) {
          Indicator ind = indicators.get(o.indicator());
          String flags = flags(o);
          line(
              out,
              List.of(
                  DATAFLOW,
                  o.period().frequency().sdmxCode(),
                  text(o.area()),
                  text(o.indicator()),
                  o.period().toString(),
                  value(o),
                  flags.isEmpty() ? "A" : text(flags),
                  ind == null ? "" : text(ind.unit())));
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the export: " + e.getMessage(), e);
    }
  }

  /**
   * A text cell made safe for spreadsheets: one that starts with {@code = + - @}, a tab or a
   * carriage return would be run as a formula by Excel or LibreOffice, so it gets a leading
   * apostrophe (OWASP's advice for CSV injection). Numeric cells are written as they are.
   */
  static String text(String s) {
    if (s.isEmpty()) {
      return s;
    }
    char c = s.charAt(0);
    boolean formula = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    return formula ? "'" + s : s;
  }

  private static String value(Observation o) {
    return Double.isNaN(o.value())
        ? "NaN"
        : BigDecimal.valueOf(o.value()).stripTrailingZeros().toPlainString();
  }

  private static String flags(Observation o) {
    if (Double.isNaN(o.value()) && !Arrays.asList(o.flags().split(",")).contains("M")) {
      return o.flags().isEmpty() ? "M" : o.flags() + ",M";
    }
    return o.flags();
  }

  private static void line(Writer out, List<String> cells) throws IOException {
    List<String> quoted = new ArrayList<>(cells.size());
    for (String s : cells) {
      boolean quote =
          s.indexOf(',') >= 0
              || s.indexOf('"') >= 0
              || s.indexOf('\n') >= 0
              || s.indexOf('\r') >= 0;
      quoted.add(quote ? '"' + s.replace("\"", "\"\"") + '"' : s);
    }
    out.write(String.join(",", quoted));
    out.write("\r\n");
  }
}

package org.vigil.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The input formats Vigil reads. */
public enum IngestFormat {
  /** {@code indicator,area,period,value[,flags,source]} with a header. */
  LONG_CSV("long-csv", "long"),
  /** Our World in Data grapher CSV: {@code Entity[,Code],Year,<columns>}. */
  OWID("owid", "owid"),
  /** SDMX-CSV 2.1 or 3.0 (DATAFLOW or STRUCTURE first, dimensions, TIME_PERIOD, OBS_VALUE). */
  SDMX_CSV("sdmx-csv", "sdmx"),
  /** JSON: an array of observation objects, or series objects as the API prints them. */
  JSON("json", "json"),
  /**
   * SDMX-ML 2.1 structure-specific data ({@code StructureSpecificData}), one vintage a data set.
   */
  SDMX_ML("sdmx-ml", "sdmx-xml"),
  /** SDMX-JSON 1.0 or 2.0 data messages ({@code data.dataSets}), one vintage a data set. */
  SDMX_JSON("sdmx-json", "sdmxjson");

  private final String id;
  private final String shortName;

  IngestFormat(String id, String shortName) {
    this.id = id;
    this.shortName = shortName;
  }

  /** The name recorded on an ingest batch ("long-csv", "owid", "sdmx-csv", "json"). */
  public String id() {
    return id;
  }

  /** A reader for this format. */
  public ObservationReader reader() {
    return switch (this) {
      case LONG_CSV -> new LongCsvReader();
      case OWID -> new OwidReader();
      case SDMX_CSV -> new SdmxCsvReader();
      case JSON -> new JsonReader();
      case SDMX_ML -> new SdmxMlReader(SdmxMapping.bundled());
      case SDMX_JSON -> new SdmxJsonReader(SdmxMapping.bundled());
    };
  }

  /**
   * The format of a file from its first bytes, then its name: a leading '&lt;' is SDMX-ML; JSON
   * whose first kilobytes name {@code dataSets} (or {@code "structures"}) is SDMX-JSON; {@code
   * .json} or a leading '[' or '{' is JSON; otherwise the header decides (any of comma, semicolon
   * or tab as separator): {@code indicator, area, period, value} is long CSV, {@code TIME_PERIOD}
   * with {@code OBS_VALUE} is SDMX-CSV, {@code Entity} with {@code Year} is OWID.
   *
   * @param fileName the file's name (only its extension is used)
   * @param head the first few kilobytes of the file
   * @return the format, or empty when neither the name nor the header tells
   */
  public static Optional<IngestFormat> infer(String fileName, byte[] head) {
    String text = new String(head, StandardCharsets.UTF_8);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    String trimmed = text.stripLeading();
    if (trimmed.startsWith("<")) {
      return Optional.of(SDMX_ML);
    }
    if (trimmed.startsWith("{")
        && (trimmed.contains("\"dataSets\"")
            || trimmed.contains("\"structures\"")
            || (trimmed.contains("\"structure\"") && trimmed.contains("\"dimensions\"")))) {
      return Optional.of(SDMX_JSON);
    }
    if (fileName.toLowerCase(Locale.ROOT).endsWith(".json")
        || trimmed.startsWith("[")
        || trimmed.startsWith("{")) {
      return Optional.of(JSON);
    }
    int end = trimmed.indexOf('\n');
    String first = end < 0 ? trimmed : trimmed.substring(0, end);
    char separator = CsvRecords.sniffSeparator(first);
    Set<String> names = new HashSet<>();
    for (String raw : first.split(Pattern.quote(String.valueOf(separator)), -1)) {
      names.add(CsvFormatReader.columnName(raw.replace("\"", "")).toLowerCase(Locale.ROOT));
    }
    if (names.containsAll(List.of("indicator", "area", "period", "value"))) {
      return Optional.of(LONG_CSV);
    }
    if (names.containsAll(List.of("time_period", "obs_value"))) {
      return Optional.of(SDMX_CSV);
    }
    if (names.containsAll(List.of("entity", "year"))) {
      return Optional.of(OWID);
    }
    return Optional.empty();
  }

  /**
   * Parses {@code long}, {@code long-csv}, {@code owid}, {@code sdmx}, {@code sdmx-csv}, {@code
   * sdmx-ml}, {@code sdmx-json} or {@code json}, case-insensitive.
   */
  public static IngestFormat parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (IngestFormat f : values()) {
      if (f.id.equals(t) || f.shortName.equals(t)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "Unknown format '"
            + text
            + "': expected one of long, owid, sdmx (sdmx-csv), sdmx-ml, sdmx-json, json "
            + Arrays.toString(values()));
  }
}

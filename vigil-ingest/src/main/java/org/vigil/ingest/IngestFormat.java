package org.vigil.ingest;

import java.util.Arrays;
import java.util.Locale;

/** The input formats Vigil reads. */
public enum IngestFormat {
  /** {@code indicator,area,period,value[,flags,source]} with a header. */
  LONG_CSV("long-csv", "long"),
  /** Our World in Data grapher CSV: {@code Entity[,Code],Year,<columns>}. */
  OWID("owid", "owid"),
  /** SDMX-CSV 2.1 or 3.0 (DATAFLOW or STRUCTURE first, dimensions, TIME_PERIOD, OBS_VALUE). */
  SDMX_CSV("sdmx-csv", "sdmx"),
  /** JSON: an array of observation objects, or series objects as the API prints them. */
  JSON("json", "json");

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
    };
  }

  /**
   * Parses {@code long}, {@code long-csv}, {@code owid}, {@code sdmx}, {@code sdmx-csv} or {@code
   * json}, case-insensitive.
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
            + "': expected one of long, owid, sdmx, json "
            + Arrays.toString(values()));
  }
}

package org.vigil.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.vigil.model.Indicator;
import org.vigil.model.Observation;

/**
 * Writes observations as SDMX data messages that Vigil's readers take back: SDMX-ML 2.1
 * structure-specific, SDMX-JSON 1.0 and 2.0, and SDMX-CSV 2.1.
 *
 * <p>Vintages: with {@code byVintage}, the observations are grouped by the time they were recorded
 * and each group becomes one data set, oldest first, whose {@code validFromDate} (SDMX-ML), {@code
 * validFrom} (SDMX-JSON) or VALID_FROM column (SDMX-CSV) is that time. Ingesting such a file stores
 * one batch per data set in that order, so the revisions come back as revisions. Without it, one
 * data set without a valid-from time holds the observations as given. A missing value (NaN) is
 * written as NaN (null in JSON) with OBS_STATUS M. Observations whose indicator or area has no code
 * in the flow (see {@link SdmxDataflow#key}) are left out. Stateless and thread-safe.
 */
public final class SdmxWriter {
  /** The SDMX data formats written. */
  public enum Format {
    SDMX_ML("application/vnd.sdmx.structurespecificdata+xml; version=2.1", "xml"),
    SDMX_JSON_1("application/vnd.sdmx.data+json; version=1.0.0", "json"),
    SDMX_JSON_2("application/vnd.sdmx.data+json; version=2.0.0", "json"),
    SDMX_CSV("application/vnd.sdmx.data+csv; version=2.1", "csv");

    private final String mediaType;
    private final String extension;

    Format(String mediaType, String extension) {
      this.mediaType = mediaType;
      this.extension = extension;
    }

    public String mediaType() {
      return mediaType;
    }

    public String extension() {
      return extension;
    }
  }

  /** The series-key values and the observations of one data set. */
  record DataSet(Instant validFrom, Map<List<String>, List<Observation>> series) {}

  private final SdmxDataflow flow;
  private final Map<String, Indicator> indicators;
  private final SdmxMapping mapping;

  /**
   * @param flow the dataflow whose key the series get
   * @param indicators indicator definitions by code (unit, ICCS mapping)
   * @param mapping codes for flows that need them
   */
  public SdmxWriter(SdmxDataflow flow, Map<String, Indicator> indicators, SdmxMapping mapping) {
    this.flow = flow;
    this.indicators = Map.copyOf(indicators);
    this.mapping = mapping;
  }

  /**
   * Writes one message.
   *
   * @param observations what to write (each vintage separately when byVintage)
   * @param byVintage one data set per recorded time, oldest first
   * @param prepared the message's preparation time (the header)
   */
  public void write(
      List<Observation> observations,
      boolean byVintage,
      Format format,
      Instant prepared,
      Writer out) {
    write(observations, byVintage, format, prepared, Provenance.NONE, out);
  }

  /**
   * Writes one message whose header (SDMX-ML {@code Source}, SDMX-JSON {@code meta.links}) names
   * the values' licence and citation; SDMX-CSV has no place for them.
   */
  public void write(
      List<Observation> observations,
      boolean byVintage,
      Format format,
      Instant prepared,
      Provenance provenance,
      Writer out) {
    List<DataSet> sets = dataSets(observations, byVintage);
    try {
      switch (format) {
        case SDMX_ML ->
            new SdmxMlWriter(flow, this::unit, mapping).write(sets, prepared, provenance, out);
        case SDMX_JSON_1, SDMX_JSON_2 ->
            new SdmxJsonWriter(flow, this::unit, mapping, format == Format.SDMX_JSON_2)
                .write(sets, prepared, provenance, out);
        case SDMX_CSV -> csv(sets, byVintage, out);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the SDMX message: " + e.getMessage(), e);
    }
  }

  /** The number of observations a write would include (those with a key in the flow). */
  public int countWritable(List<Observation> observations) {
    int n = 0;
    for (Observation o : observations) {
      Indicator ind = indicators.get(o.indicator());
      if (ind != null && flow.key(o, ind, mapping).isPresent()) {
        n++;
      }
    }
    return n;
  }

  private List<DataSet> dataSets(List<Observation> observations, boolean byVintage) {
    Map<Instant, Map<List<String>, List<Observation>>> byTime = new TreeMap<>();
    for (Observation o : observations) {
      Indicator ind = indicators.get(o.indicator());
      if (ind == null) {
        continue;
      }
      var key = flow.key(o, ind, mapping);
      if (key.isEmpty()) {
        continue;
      }
      Instant t = byVintage ? o.recordedAt() : Instant.EPOCH;
      byTime
          .computeIfAbsent(t, k -> new LinkedHashMap<>())
          .computeIfAbsent(key.get(), k -> new ArrayList<>())
          .add(o);
    }
    List<DataSet> out = new ArrayList<>();
    byTime.forEach((t, s) -> out.add(new DataSet(t, s)));
    if (out.isEmpty()) {
      out.add(new DataSet(Instant.EPOCH, Map.of()));
    }
    return out;
  }

  String unit(String indicator) {
    Indicator i = indicators.get(indicator);
    return i == null ? "" : i.unit();
  }

  private void csv(List<DataSet> sets, boolean byVintage, Writer out) throws IOException {
    List<String> header = new ArrayList<>(List.of("DATAFLOW"));
    header.addAll(flow.dimensions());
    header.addAll(List.of("TIME_PERIOD", "OBS_VALUE", "OBS_STATUS", "OBS_FLAG"));
    boolean unit = flow.equals(SdmxDataflow.INDICATORS);
    if (unit) {
      header.add("UNIT_MEASURE");
    }
    if (byVintage) {
      header.add("VALID_FROM");
    }
    line(out, header);
    for (DataSet ds : sets) {
      for (Map.Entry<List<String>, List<Observation>> s : ds.series().entrySet()) {
        for (Observation o : s.getValue()) {
          List<String> row = new ArrayList<>(List.of(flow.reference()));
          s.getKey().forEach(k -> row.add(text(k)));
          SdmxFlags.Written flags = SdmxFlags.write(status(o), mapping);
          row.addAll(List.of(o.period().toString(), value(o), flags.status(), flags.flag()));
          if (unit) {
            row.add(text(unit(o.indicator())));
          }
          if (byVintage) {
            row.add(ds.validFrom().toString());
          }
          line(out, row);
        }
      }
    }
  }

  /** The flags written as OBS_STATUS; M added to a missing value. Empty for a normal value. */
  static String status(Observation o) {
    if (Double.isNaN(o.value()) && !Arrays.asList(o.flags().split(",")).contains("M")) {
      return o.flags().isEmpty() ? "M" : o.flags() + ",M";
    }
    return o.flags();
  }

  /**
   * The value as plain decimal text ("NaN" for a missing value); parses back to the same double.
   */
  static String value(Observation o) {
    return Double.isNaN(o.value())
        ? "NaN"
        : BigDecimal.valueOf(o.value()).stripTrailingZeros().toPlainString();
  }

  /**
   * A CSV text cell made safe for spreadsheets: a leading {@code = + - @}, tab or carriage return
   * would run as a formula, so it gets an apostrophe (OWASP's advice on CSV injection).
   */
  static String text(String s) {
    if (s.isEmpty()) {
      return s;
    }
    char c = s.charAt(0);
    boolean formula = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    return formula ? "'" + s : s;
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

  /** "VIGIL_DF_INDICATORS_1_0", the structure id a message header and data sets refer to. */
  static String structureId(SdmxDataflow flow) {
    return (flow.agency() + "_" + flow.id() + "_" + flow.version())
        .replace('.', '_')
        .toUpperCase(Locale.ROOT);
  }
}

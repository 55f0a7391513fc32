package org.vigil.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SDMX-CSV, versions 2.1 ({@code DATAFLOW} first) and 3.0 ({@code STRUCTURE, STRUCTURE_ID[,
 * ACTION]} first). Header cells may carry labels ("REF_AREA: Reference area"). The area comes from
 * REF_AREA (or the configured dimension; GEO, COUNTRY or AREA as fall-backs), alpha-2 codes mapped
 * to alpha-3; the indicator from INDICATOR (or the configured dimension; SERIES or MEASURE as
 * fall-backs) unless a fixed indicator is given; TIME_PERIOD and OBS_VALUE are required; FREQ, when
 * present, must match the indicator's frequency; OBS_STATUS becomes the flags (A, normal, becomes
 * none). Rows with ACTION=D (delete) are skipped: Vigil keeps every vintage. A VALID_FROM column
 * (Vigil's exports with vintages write it) gives each row's vintage time.
 */
final class SdmxCsvReader extends CsvFormatReader {
  private static final List<String> AREA_FALLBACKS = List.of("GEO", "COUNTRY", "AREA");
  private static final List<String> INDICATOR_FALLBACKS = List.of("SERIES", "MEASURE", "ICCS");

  @Override
  IngestFormat format() {
    return IngestFormat.SDMX_CSV;
  }

  @Override
  String expectedHeader() {
    return "an SDMX-CSV header (DATAFLOW or STRUCTURE first, REF_AREA, INDICATOR, TIME_PERIOD,"
        + " OBS_VALUE)";
  }

  @Override
  Optional<Layout> layout(CsvRecords.Row header, RowCollector rc) {
    List<String> names = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (String raw : header.fields()) {
      String n = columnName(raw).toUpperCase(Locale.ROOT);
      names.add(n);
      index.putIfAbsent(n, names.size() - 1);
    }
    ReadSpec spec = rc.spec();
    String first = names.get(0);
    boolean area = has(index, spec.sdmxAreaDimension(), AREA_FALLBACKS);
    boolean indicator =
        spec.indicator().isPresent()
            || has(index, spec.sdmxIndicatorDimension(), INDICATOR_FALLBACKS);
    if (!(first.equals("DATAFLOW") || first.equals("STRUCTURE"))
        || !area
        || !indicator
        || !index.containsKey("TIME_PERIOD")
        || !index.containsKey("OBS_VALUE")) {
      String wanted =
          expectedHeader()
              + "; area column "
              + spec.sdmxAreaDimension()
              + " (or GEO)"
              + (spec.indicator().isPresent()
                  ? ""
                  : ", indicator column " + spec.sdmxIndicatorDimension() + " (or ICCS with UNIT)");
      rc.reject(header.line(), "header", wanted, String.join(",", names));
      return Optional.empty();
    }
    if (spec.indicator().isPresent()
        && rc.indicator(header.line(), "header", spec.indicator().get()).isEmpty()) {
      return Optional.empty();
    }
    int sourceIdx =
        first.equals("STRUCTURE") && index.containsKey("STRUCTURE_ID")
            ? index.get("STRUCTURE_ID")
            : 0;
    return Optional.of(
        new Columns(
            names,
            index.getOrDefault("ACTION", -1),
            index.getOrDefault("VALID_FROM", -1),
            sourceIdx));
  }

  private static boolean has(Map<String, Integer> index, String configured, List<String> more) {
    if (index.containsKey(configured.toUpperCase(Locale.ROOT))) {
      return true;
    }
    return more.stream().anyMatch(index::containsKey);
  }

  /**
   * The columns of one file. Each row becomes the components of one {@link SdmxObservation}, so
   * SDMX-CSV follows the same rules as SDMX-ML and SDMX-JSON (the crime flow's ICCS, UNIT and GEO
   * through the mapping, OBS_STATUS and OBS_FLAG through the flag mapping).
   */
  private record Columns(List<String> names, int actionIdx, int validFromIdx, int sourceIdx)
      implements Layout {

    @Override
    public String fieldName(int i) {
      return nameAt(names, i);
    }

    @Override
    public void accept(CsvRecords.Row row, RowCollector rc) {
      List<String> f = row.fields();
      int line = row.line();
      if (actionIdx >= 0 && f.get(actionIdx).trim().equalsIgnoreCase("D")) {
        rc.skip(line, "ACTION=D", "deletions are not applied: Vigil keeps every vintage");
        return;
      }
      Map<String, String> components = new LinkedHashMap<>();
      for (int i = 0; i < names.size() && i < f.size(); i++) {
        components.putIfAbsent(names.get(i), f.get(i));
      }
      Optional<String> source = rc.source(line, names.get(sourceIdx), f.get(sourceIdx));
      Optional<Instant> vintage = vintage(line, f, rc);
      if (source.isPresent() && vintage.isPresent()) {
        new SdmxObservation(line, "", components, vintage.get(), source.get())
            .read(rc, SdmxMapping.bundled());
      }
    }

    /** The VALID_FROM column (Vigil's vintage column), the epoch when absent or empty. */
    private Optional<Instant> vintage(int line, List<String> f, RowCollector rc) {
      String text = validFromIdx < 0 ? "" : f.get(validFromIdx).trim();
      if (text.isEmpty()) {
        return Optional.of(Instant.EPOCH);
      }
      try {
        return Optional.of(OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeParseException e) {
        rc.reject(
            line,
            "VALID_FROM",
            "a date-time with offset such as 2026-05-01T10:00:00Z (the vintage)",
            Rejection.quoted(text));
        return Optional.empty();
      }
    }
  }
}

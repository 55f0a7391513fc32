package org.vigil.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.model.Indicator;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;

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
  private static final List<String> INDICATOR_FALLBACKS = List.of("SERIES", "MEASURE");

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
    Optional<Integer> area = find(index, spec.sdmxAreaDimension(), AREA_FALLBACKS);
    Optional<Integer> indicator =
        spec.indicator().isPresent()
            ? Optional.of(-1)
            : find(index, spec.sdmxIndicatorDimension(), INDICATOR_FALLBACKS);
    if (!(first.equals("DATAFLOW") || first.equals("STRUCTURE"))
        || area.isEmpty()
        || indicator.isEmpty()
        || !index.containsKey("TIME_PERIOD")
        || !index.containsKey("OBS_VALUE")) {
      String wanted =
          expectedHeader()
              + "; area column "
              + spec.sdmxAreaDimension()
              + (spec.indicator().isPresent()
                  ? ""
                  : ", indicator column " + spec.sdmxIndicatorDimension());
      rc.reject(header.line(), "header", wanted, String.join(",", names));
      return Optional.empty();
    }
    Optional<Indicator> fixed = Optional.empty();
    if (spec.indicator().isPresent()) {
      fixed = rc.indicator(header.line(), "header", spec.indicator().get());
      if (fixed.isEmpty()) {
        return Optional.empty();
      }
    }
    int sourceIdx =
        first.equals("STRUCTURE") && index.containsKey("STRUCTURE_ID")
            ? index.get("STRUCTURE_ID")
            : 0;
    return Optional.of(
        new Columns(
            names,
            fixed,
            indicator.get(),
            area.get(),
            index.get("TIME_PERIOD"),
            index.get("OBS_VALUE"),
            index.getOrDefault("FREQ", -1),
            index.getOrDefault("OBS_STATUS", -1),
            index.getOrDefault("ACTION", -1),
            index.getOrDefault("VALID_FROM", -1),
            sourceIdx));
  }

  private static Optional<Integer> find(
      Map<String, Integer> index, String configured, List<String> fallbacks) {
    Integer i = index.get(configured.toUpperCase(Locale.ROOT));
    if (i != null) {
      return Optional.of(i);
    }
    for (String f : fallbacks) {
      if (index.containsKey(f)) {
        return Optional.of(index.get(f));
      }
    }
    return Optional.empty();
  }

  private record Columns(
      List<String> names,
      Optional<Indicator> fixed,
      int indicatorIdx,
      int areaIdx,
      int periodIdx,
      int valueIdx,
      int freqIdx,
      int statusIdx,
      int actionIdx,
      int validFromIdx,
      int sourceIdx)
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
      Optional<Indicator> ind =
          fixed.isPresent()
              ? fixed
              : rc.indicator(line, names.get(indicatorIdx), f.get(indicatorIdx));
      if (ind.isEmpty() || !frequencyMatches(line, f, ind.get(), rc)) {
        return;
      }
      Optional<String> area = area(line, f.get(areaIdx), rc);
      if (area.isEmpty()) {
        return;
      }
      Optional<Period> period = rc.period(line, "TIME_PERIOD", f.get(periodIdx), ind.get());
      if (period.isEmpty()) {
        return;
      }
      String status = statusIdx >= 0 ? f.get(statusIdx).trim() : "";
      Optional<String> flags =
          rc.flags(line, "OBS_STATUS", status.equalsIgnoreCase("A") ? "" : status);
      if (flags.isEmpty()) {
        return;
      }
      String valueText = f.get(valueIdx).trim();
      if (valueText.equalsIgnoreCase("NaN") && RowCollector.hasFlag(flags.get(), "M")) {
        valueText = "";
      }
      Optional<Double> value = rc.value(line, "OBS_VALUE", valueText, flags.get());
      if (value.isEmpty()) {
        return;
      }
      Optional<String> source = rc.source(line, names.get(sourceIdx), f.get(sourceIdx));
      Optional<Instant> vintage = vintage(line, f, rc);
      if (source.isPresent() && vintage.isPresent()) {
        rc.add(
            line,
            "TIME_PERIOD",
            ind.get(),
            area.get(),
            period.get(),
            value.get(),
            flags.get(),
            source.get(),
            vintage.get());
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

    private boolean frequencyMatches(int line, List<String> f, Indicator ind, RowCollector rc) {
      if (freqIdx < 0 || f.get(freqIdx).isBlank()) {
        return true;
      }
      String text = f.get(freqIdx);
      try {
        if (Frequency.parse(text) == ind.frequency()) {
          return true;
        }
      } catch (IllegalArgumentException e) {
        // reported below
      }
      rc.reject(
          line,
          "FREQ",
          ind.frequency().sdmxCode()
              + " ("
              + ind.code()
              + " is "
              + ind.frequency().name().toLowerCase(Locale.ROOT)
              + ")",
          Rejection.quoted(text));
      return false;
    }

    private Optional<String> area(int line, String code, RowCollector rc) {
      String c = code.trim();
      if (c.length() == 2) {
        Optional<String> alpha3 = rc.spec().reference().areaByIso2(c);
        if (alpha3.isPresent()) {
          return alpha3;
        }
      }
      return rc.area(line, names.get(areaIdx), code);
    }
  }
}

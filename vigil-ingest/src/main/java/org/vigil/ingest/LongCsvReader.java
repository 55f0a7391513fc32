package org.vigil.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.model.Indicator;
import org.vigil.timeseries.Period;

/** Long CSV: {@code indicator,area,period,value[,flags,source]}, columns in any order. */
final class LongCsvReader extends CsvFormatReader {
  private static final List<String> REQUIRED = List.of("indicator", "area", "period", "value");
  private static final Set<String> KNOWN =
      Set.of("indicator", "area", "period", "value", "flags", "source");

  @Override
  IngestFormat format() {
    return IngestFormat.LONG_CSV;
  }

  @Override
  String expectedHeader() {
    return "a header line indicator,area,period,value[,flags,source]";
  }

  @Override
  Optional<Layout> layout(CsvRecords.Row header, RowCollector rc) {
    Map<String, Integer> index = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (String raw : header.fields()) {
      String name = raw.trim().toLowerCase(Locale.ROOT);
      names.add(name);
      if (!KNOWN.contains(name) || index.putIfAbsent(name, names.size() - 1) != null) {
        rc.reject(header.line(), "header", expectedHeader(), String.join(",", header.fields()));
        return Optional.empty();
      }
    }
    if (!index.keySet().containsAll(REQUIRED)) {
      rc.reject(header.line(), "header", expectedHeader(), String.join(",", header.fields()));
      return Optional.empty();
    }
    return Optional.of(new Columns(index, names));
  }

  private record Columns(Map<String, Integer> index, List<String> names) implements Layout {
    String get(CsvRecords.Row row, String name) {
      Integer i = index.get(name);
      return i == null ? "" : row.fields().get(i);
    }

    @Override
    public String fieldName(int i) {
      return nameAt(names, i);
    }

    @Override
    public void accept(CsvRecords.Row row, RowCollector rc) {
      int line = row.line();
      Optional<Indicator> ind = rc.indicator(line, "indicator", get(row, "indicator"));
      if (ind.isEmpty()) {
        return;
      }
      Optional<String> area = rc.area(line, "area", get(row, "area"));
      if (area.isEmpty()) {
        return;
      }
      Optional<Period> period = rc.period(line, "period", get(row, "period"), ind.get());
      if (period.isEmpty()) {
        return;
      }
      Optional<String> flags = rc.flags(line, "flags", get(row, "flags"));
      if (flags.isEmpty()) {
        return;
      }
      Optional<Double> value = rc.value(line, "value", get(row, "value"), flags.get());
      if (value.isEmpty()) {
        return;
      }
      Optional<String> source = rc.source(line, "source", get(row, "source"));
      if (source.isEmpty()) {
        return;
      }
      rc.add(
          line,
          "period",
          ind.get(),
          area.get(),
          period.get(),
          value.get(),
          flags.get(),
          source.get());
    }
  }
}

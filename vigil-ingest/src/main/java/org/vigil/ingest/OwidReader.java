package org.vigil.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigil.model.Indicator;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;

/**
 * OWID grapher CSV: {@code Entity[,Code],Year,<value columns>}. One value column becomes one
 * indicator. An optional column named {@code Scale} (after Year, any case) is no value column: it
 * declares the indicator's {@link org.vigil.model.ValueScale} (SHARE, PERCENT_RATIO or OTHER, the
 * same on every row that fills it), which a new indicator gets instead of the one its unit
 * suggests. Entities map to areas through the Code column when it holds an ISO alpha-3 code,
 * otherwise through the country name. Regions and groups ("World", "Europe", "High income") are
 * skipped and reported as skipped; blank cells are gaps, not errors.
 */
final class OwidReader extends CsvFormatReader {
  /** The optional column that declares the indicator's scale. */
  static final String SCALE = "Scale";

  @Override
  IngestFormat format() {
    return IngestFormat.OWID;
  }

  @Override
  String expectedHeader() {
    return "a header line Entity,Year,<columns> or Entity,Code,Year,<columns> (and an optional"
        + " Scale column)";
  }

  @Override
  Optional<Layout> layout(CsvRecords.Row header, RowCollector rc) {
    List<String> names = new ArrayList<>();
    header.fields().forEach(f -> names.add(f.trim()));
    int line = header.line();
    boolean hasCode = names.size() > 1 && names.get(1).equalsIgnoreCase("Code");
    int yearIdx = hasCode ? 2 : 1;
    if (names.size() <= yearIdx + 1
        || !names.get(0).equalsIgnoreCase("Entity")
        || !names.get(yearIdx).equalsIgnoreCase("Year")) {
      rc.reject(line, "header", expectedHeader() + " (at least one value column)", joined(names));
      return Optional.empty();
    }
    List<String> valueColumns = new ArrayList<>();
    List<Integer> valueIndex = new ArrayList<>();
    int scaleIdx = -1;
    for (int i = yearIdx + 1; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(SCALE) && scaleIdx < 0) {
        scaleIdx = i;
      } else {
        valueColumns.add(names.get(i));
        valueIndex.add(i);
      }
    }
    if (valueColumns.isEmpty()) {
      rc.reject(line, "header", expectedHeader() + " (at least one value column)", joined(names));
      return Optional.empty();
    }
    Optional<Integer> column = chooseColumn(valueColumns, rc.spec().column());
    if (column.isEmpty()) {
      rc.reject(
          line,
          "header",
          rc.spec().column().isPresent()
              ? "a value column named '"
                  + rc.spec().column().get()
                  + "' (columns: "
                  + joined(valueColumns)
                  + ")"
              : "--column naming one of the value columns: " + joined(valueColumns),
          joined(names));
      return Optional.empty();
    }
    Optional<Indicator> indicator = indicator(line, rc);
    if (indicator.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Columns(
            names, hasCode, yearIdx, valueIndex.get(column.get()), scaleIdx, indicator.get()));
  }

  private static Optional<Indicator> indicator(int line, RowCollector rc) {
    if (rc.spec().indicator().isEmpty()) {
      rc.reject(line, "header", "--indicator naming the indicator the column holds", "none given");
      return Optional.empty();
    }
    String code = rc.spec().indicator().get();
    Optional<Indicator> ind = rc.spec().reference().indicator(code);
    if (ind.isEmpty()) {
      rc.reject(
          line, "header", "--indicator naming a known indicator code", Rejection.quoted(code));
    } else if (ind.get().frequency() != Frequency.YEARLY) {
      rc.reject(
          line,
          "Year",
          "a yearly indicator for OWID's Year column",
          code + ", which is " + ind.get().frequency().name().toLowerCase(Locale.ROOT));
      return Optional.empty();
    }
    return ind;
  }

  private static Optional<Integer> chooseColumn(List<String> columns, Optional<String> wanted) {
    if (wanted.isEmpty()) {
      return columns.size() == 1 ? Optional.of(0) : Optional.empty();
    }
    String w = wanted.get().trim();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).equals(w)) {
        return Optional.of(i);
      }
    }
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).equalsIgnoreCase(w)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  private static String joined(List<String> names) {
    return String.join(", ", names);
  }

  private record Columns(
      List<String> names,
      boolean hasCode,
      int yearIdx,
      int valueIdx,
      int scaleIdx,
      Indicator indicator)
      implements Layout {

    @Override
    public String fieldName(int i) {
      return nameAt(names, i);
    }

    @Override
    public void accept(CsvRecords.Row row, RowCollector rc) {
      int line = row.line();
      if (scaleIdx >= 0 && !rc.scale(line, names.get(scaleIdx), row.fields().get(scaleIdx))) {
        return;
      }
      String valueText = row.fields().get(valueIdx);
      if (valueText.isBlank()) {
        return;
      }
      String entity = row.fields().get(0);
      String code = hasCode ? row.fields().get(1).trim() : "";
      Optional<String> area = area(line, entity, code, rc);
      if (area.isEmpty()) {
        return;
      }
      Optional<Period> period =
          rc.period(line, names.get(yearIdx), row.fields().get(yearIdx), indicator);
      if (period.isEmpty()) {
        return;
      }
      Optional<Double> value = rc.value(line, names.get(valueIdx), valueText, "");
      if (value.isEmpty()) {
        return;
      }
      rc.add(
          line,
          names.get(yearIdx),
          indicator,
          area.get(),
          period.get(),
          value.get(),
          "",
          rc.spec().defaultSource());
    }

    private Optional<String> area(int line, String entity, String code, RowCollector rc) {
      ReferenceData ref = rc.spec().reference();
      if (!code.isEmpty()) {
        if (code.toUpperCase(Locale.ROOT).startsWith("OWID_")) {
          rc.skip(line, entity, "OWID's own code " + code + " (a region, or no ISO 3166-1 code)");
          return Optional.empty();
        }
        if (ref.area(code).isPresent()) {
          return Optional.of(code);
        }
        rc.reject(line, "Code", "an ISO 3166-1 alpha-3 code Vigil knows", Rejection.quoted(code));
        return Optional.empty();
      }
      Optional<String> notState = OwidEntities.notAState(entity);
      if (notState.isPresent()) {
        rc.skip(line, entity, notState.get());
        return Optional.empty();
      }
      Optional<String> byName = ref.areaByName(entity).or(() -> OwidEntities.alias(entity));
      if (byName.isPresent() && ref.area(byName.get()).isPresent()) {
        return byName;
      }
      Optional<String> region = OwidEntities.qualifiedRegion(entity);
      if (region.isPresent()) {
        rc.skip(line, entity, region.get());
        return Optional.empty();
      }
      rc.reject(
          line,
          "Entity",
          "a country name Vigil knows (or a Code column with ISO 3166-1 alpha-3 codes)",
          Rejection.quoted(entity));
      return Optional.empty();
    }
  }
}

package org.vigil.ingest;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.model.Indicator;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;

/**
 * One SDMX observation as its components (dimension and attribute ids to codes, series and data set
 * components included), turned into a Vigil observation by the rules every SDMX format shares. The
 * indicator comes from the configured indicator dimension (INDICATOR) or, for crime flows, from
 * ICCS with UNIT through {@link SdmxMapping}; the area from REF_AREA (Vigil code, ISO alpha-2 or
 * name) or GEO (through the mapping). Every rejection names the element that holds the bad code.
 *
 * @param line the line the observation starts on (1 when the format has no lines)
 * @param where the element, for messages ("Obs #3 of Series FREQ=A ICCS=ICCS0101 ...")
 * @param components component id (upper case) to code or value
 * @param vintage the data set's valid-from time, or the epoch when it names none
 * @param source the source to store (SDMX-CSV's DATAFLOW cell), or empty for the file's
 */
record SdmxObservation(
    int line, String where, Map<String, String> components, Instant vintage, String source) {

  SdmxObservation(int line, String where, Map<String, String> components, Instant vintage) {
    this(line, where, components, vintage, "");
  }

  void addTo(RowCollector rc, SdmxMapping mapping) {
    rc.countRow();
    read(rc, mapping);
  }

  /** As {@link #addTo} for a reader that counted the row itself (SDMX-CSV). */
  void read(RowCollector rc, SdmxMapping mapping) {
    Optional<Indicator> ind = indicator(rc, mapping);
    if (ind.isEmpty() || !frequencyMatches(rc, ind.get())) {
      return;
    }
    Optional<String> area = area(rc, mapping);
    if (area.isEmpty()) {
      return;
    }
    Optional<String> time = required(rc, "TIME_PERIOD");
    Optional<Period> period =
        time.flatMap(t -> rc.period(line, field("TIME_PERIOD"), t, ind.get()));
    if (period.isEmpty()) {
      return;
    }
    Optional<String> flags =
        SdmxFlags.read(
            rc,
            line,
            where,
            components.getOrDefault("OBS_STATUS", ""),
            components.getOrDefault("OBS_FLAG", ""),
            mapping);
    if (flags.isEmpty()) {
      return;
    }
    Optional<String> valueText = required(rc, "OBS_VALUE");
    if (valueText.isEmpty()) {
      return;
    }
    String v = valueText.get().trim();
    if (v.equalsIgnoreCase("NaN") && RowCollector.hasFlag(flags.get(), "M")) {
      v = "";
    }
    Optional<Double> value = rc.value(line, field("OBS_VALUE"), v, flags.get());
    if (value.isPresent()) {
      rc.add(
          line,
          field("TIME_PERIOD"),
          ind.get(),
          area.get(),
          period.get(),
          value.get(),
          flags.get(),
          source.isBlank() ? rc.spec().defaultSource() : source,
          vintage);
    }
  }

  private String field(String component) {
    return where.isEmpty() ? component : component + " (element " + where + ")";
  }

  private Optional<String> required(RowCollector rc, String component) {
    String v = components.get(component);
    if (v == null) {
      rc.reject(line, field(component), "an attribute " + component, "none");
      return Optional.empty();
    }
    return Optional.of(v);
  }

  private Optional<Indicator> indicator(RowCollector rc, SdmxMapping mapping) {
    ReadSpec spec = rc.spec();
    if (spec.indicator().isPresent()) {
      return rc.indicator(line, "indicator", spec.indicator().get());
    }
    String dim = spec.sdmxIndicatorDimension().toUpperCase(Locale.ROOT);
    for (String d : new String[] {dim, "INDICATOR", "SERIES", "MEASURE"}) {
      String code = components.get(d);
      if (code != null) {
        Optional<String> mapped = mapping.toVigil("INDICATOR", code, "");
        return rc.indicator(line, field(d), mapped.orElse(code));
      }
    }
    String iccs = components.get("ICCS");
    if (iccs == null) {
      rc.reject(
          line,
          field("series key"),
          "a dimension " + dim + " (Vigil's indicator code), or ICCS with UNIT",
          "neither");
      return Optional.empty();
    }
    String unit = components.getOrDefault("UNIT", "");
    Optional<String> code = mapping.toVigil("ICCS", iccs, unit);
    if (code.isEmpty()) {
      rc.reject(
          line,
          field("ICCS"),
          "one of "
              + mapping.expected("ICCS")
              + "; add a row 'ICCS,"
              + iccs.trim()
              + ","
              + unit.trim()
              + ",<indicator code>' to the SDMX mapping ("
              + SdmxMapping.RESOURCE
              + ")",
          Rejection.quoted(iccs) + " with UNIT " + Rejection.quoted(unit));
      return Optional.empty();
    }
    return rc.indicator(line, field("ICCS"), code.get());
  }

  private Optional<String> area(RowCollector rc, SdmxMapping mapping) {
    String dim = rc.spec().sdmxAreaDimension().toUpperCase(Locale.ROOT);
    String geo = components.get("GEO");
    if (!components.containsKey(dim) && geo != null) {
      Optional<String> mapped = mapping.toVigil("GEO", geo, "");
      if (mapped.isEmpty()) {
        // ISO 3166-2 region codes (KZ-AKM) are Vigil's own codes for regions: no mapping row.
        Optional<org.vigil.model.Area> region =
            rc.spec().reference().area(geo.trim().toUpperCase(Locale.ROOT));
        if (region.isPresent() && region.get().kind().subnational()) {
          return Optional.of(region.get().code());
        }
      }
      if (mapped.isEmpty()) {
        rc.reject(
            line,
            field("GEO"),
            "one of "
                + mapping.expected("GEO")
                + "; add a row 'GEO,"
                + geo.trim()
                + ",,<area code>' to the SDMX mapping ("
                + SdmxMapping.RESOURCE
                + ")",
            Rejection.quoted(geo));
      }
      return mapped;
    }
    String code = components.get(dim);
    for (String d : new String[] {"COUNTRY", "AREA"}) {
      code = code == null ? components.get(d) : code;
    }
    if (code == null) {
      rc.reject(line, field("series key"), "a dimension " + dim + " or GEO", "neither");
      return Optional.empty();
    }
    String c = code.trim();
    if (c.length() == 2) {
      Optional<String> alpha3 = rc.spec().reference().areaByIso2(c);
      if (alpha3.isPresent()) {
        return alpha3;
      }
    }
    return rc.area(line, field(dim), code);
  }

  private boolean frequencyMatches(RowCollector rc, Indicator ind) {
    String text = components.getOrDefault("FREQ", "");
    if (text.isBlank()) {
      return true;
    }
    try {
      if (Frequency.parse(text) == ind.frequency()) {
        return true;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    rc.reject(
        line,
        field("FREQ"),
        ind.frequency().sdmxCode() + " (" + ind.code() + " is " + ind.frequency() + ")",
        Rejection.quoted(text));
    return false;
  }
}

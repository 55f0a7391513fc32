package org.vigil.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigil.model.Indicator;
import org.vigil.model.Observation;

/**
 * A dataflow Vigil reads and writes, with its data structure (the series-key dimensions in order;
 * TIME_PERIOD is the observation dimension, OBS_VALUE the measure, OBS_STATUS and UNIT_MEASURE the
 * attributes). Two flows exist: {@link #INDICATORS} holds every Vigil series keyed by Vigil's own
 * codes; {@link #CRIME} is a crime-statistics flow in the manner of Eurostat's {@code crim_off_cat}
 * (FREQ, ICCS, UNIT, GEO) whose codes pass through {@link SdmxMapping}.
 *
 * @param agency the maintenance agency (VIGIL)
 * @param id the dataflow id (DF_INDICATORS, CRIM_OFF_CAT)
 * @param dsd the data structure's id
 * @param version the version of both ("1.0")
 * @param dimensions the series-key dimensions in key order
 * @param nameEn English name
 * @param nameRu Russian name
 */
public record SdmxDataflow(
    String agency,
    String id,
    String dsd,
    String version,
    List<String> dimensions,
    String nameEn,
    String nameRu) {
  /** Every Vigil series: FREQ, REF_AREA (Vigil's area code), INDICATOR (Vigil's code). */
  public static final SdmxDataflow INDICATORS =
      new SdmxDataflow(
          "VIGIL",
          "DF_INDICATORS",
          "DSD_INDICATORS",
          "1.0",
          List.of("FREQ", "REF_AREA", "INDICATOR"),
          "Vigil security indicators",
          "Показатели безопасности Vigil");

  /** Crime statistics by ICCS category, as Eurostat's crim_off_cat: FREQ, ICCS, UNIT, GEO. */
  public static final SdmxDataflow CRIME =
      new SdmxDataflow(
          "VIGIL",
          "CRIM_OFF_CAT",
          "DSD_CRIM_OFF_CAT",
          "1.0",
          List.of("FREQ", "ICCS", "UNIT", "GEO"),
          "Recorded offences by offence category (ICCS)",
          "Зарегистрированные преступления по категориям (МКП)");

  public SdmxDataflow {
    dimensions = List.copyOf(dimensions);
  }

  /** The flows Vigil serves. */
  public static List<SdmxDataflow> all() {
    return List.of(INDICATORS, CRIME);
  }

  /** The flow with this id ("DF_INDICATORS", "VIGIL,CRIM_OFF_CAT,1.0"), ignoring case. */
  public static Optional<SdmxDataflow> find(String ref) {
    String[] parts = ref.trim().split(",");
    String id = parts.length >= 2 ? parts[1] : parts[0];
    for (SdmxDataflow f : all()) {
      if (f.id.equalsIgnoreCase(id.trim())) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** "VIGIL:DF_INDICATORS(1.0)", as SDMX-CSV's DATAFLOW column writes it. */
  public String reference() {
    return agency + ":" + id + "(" + version + ")";
  }

  /** The structure's URN, as structure messages and SDMX-JSON name it. */
  public String dsdUrn() {
    return "urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure="
        + agency
        + ":"
        + dsd
        + "("
        + version
        + ")";
  }

  /**
   * The series-key values of an observation in this flow, in dimension order; empty when the
   * mapping has no code for its indicator (or area) in this flow.
   */
  public Optional<List<String>> key(Observation o, Indicator indicator, SdmxMapping mapping) {
    String freq = o.period().frequency().sdmxCode();
    if (this.equals(INDICATORS)) {
      return Optional.of(List.of(freq, o.area(), o.indicator()));
    }
    Optional<SdmxMapping.Row> iccs = mapping.fromVigil("ICCS", indicator.code());
    Optional<SdmxMapping.Row> geo = mapping.fromVigil("GEO", o.area());
    // A region's ISO 3166-2 code (KZ-AKM) is written as it is: it is the code both sides use.
    boolean region = o.area().matches("[A-Z]{2}-[A-Z0-9-]+");
    if (iccs.isEmpty() || (geo.isEmpty() && !region)) {
      return Optional.empty();
    }
    List<String> key = new ArrayList<>(List.of(freq, iccs.get().code(), iccs.get().unit()));
    key.add(geo.isPresent() ? geo.get().code() : o.area());
    return Optional.of(List.copyOf(key));
  }

  /** A file name stem for exports ("df_indicators"). */
  public String fileStem() {
    return id.toLowerCase(Locale.ROOT);
  }
}

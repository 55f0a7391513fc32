package org.vigil.app.sources;

import org.vigil.model.Aggregation;
import org.vigil.model.Indicator;
import org.vigil.model.Polarity;
import org.vigil.model.ThreatDomain;
import org.vigil.timeseries.Frequency;

/**
 * One code of a source mapped to one Vigil indicator, with the indicator's definition (created on
 * the first pull when the store does not know it yet).
 *
 * @param sourceCode the source's code: a World Bank indicator id, an OWID column name, an SDMX
 *     code, or the UCDP measure ({@code events} or {@code best})
 * @param indicator the Vigil indicator it becomes
 */
public record IndicatorMapping(
    String sourceCode,
    String indicator,
    String nameEn,
    String nameRu,
    ThreatDomain domain,
    String unit,
    Frequency frequency,
    Polarity polarity,
    Aggregation aggregation) {

  public IndicatorMapping {
    if (sourceCode == null || sourceCode.isBlank()) {
      throw new IllegalArgumentException("An indicator mapping needs a sourceCode, found blank");
    }
    if (indicator == null || !indicator.matches("[A-Z][A-Z0-9_]{1,63}")) {
      throw new IllegalArgumentException(
          "Mapping of '"
              + sourceCode
              + "': indicator must be an upper-case Vigil code, found '"
              + indicator
              + "'");
    }
    if (domain == null || frequency == null || polarity == null || aggregation == null) {
      throw new IllegalArgumentException(
          "Mapping of '"
              + sourceCode
              + "' needs a domain, frequency, polarity and aggregation for "
              + indicator);
    }
    nameEn = nameEn == null || nameEn.isBlank() ? indicator : nameEn;
    nameRu = nameRu == null || nameRu.isBlank() ? nameEn : nameRu;
    unit = unit == null ? "" : unit;
  }

  /** The Vigil indicator this mapping defines, citing {@code source}. */
  Indicator toIndicator(String source) {
    return new Indicator(
        indicator,
        nameEn,
        nameRu,
        domain,
        unit,
        frequency,
        "",
        polarity,
        aggregation,
        source,
        false);
  }
}

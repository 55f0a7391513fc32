package org.vigil.app.sources;

import org.vigil.model.Aggregation;
import org.vigil.model.Indicator;
import org.vigil.model.Polarity;
import org.vigil.model.ThreatDomain;
import org.vigil.model.ValueScale;
import org.vigil.timeseries.Frequency;

/**
 * One code of a source mapped to one Vigil indicator, with the indicator's definition (created on
 * the first pull when the store does not know it yet).
 *
 * @param sourceCode the source's code: a World Bank indicator id, an OWID column name, an SDMX
 *     code, or the UCDP measure ({@code events} or {@code best})
 * @param indicator the Vigil indicator it becomes
 * @param scale the indicator's {@link ValueScale} when the catalogue says (a ratio in percent that
 *     may exceed 100 is {@code PERCENT_RATIO}); null for the one its unit suggests
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
    Aggregation aggregation,
    ValueScale scale) {

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
    scale = scale == null ? ValueScale.defaultFor(unit) : scale;
    if (scale != ValueScale.OTHER && !ValueScale.percent(unit)) {
      throw new IllegalArgumentException(
          "Mapping of '"
              + sourceCode
              + "': scale "
              + scale
              + " needs a unit in percent ('%', '% of ...'), found '"
              + unit
              + "'; give such a unit or the scale OTHER");
    }
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
        false,
        scale);
  }
}

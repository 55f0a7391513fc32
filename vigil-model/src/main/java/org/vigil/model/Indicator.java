package org.vigil.model;

import org.vigil.timeseries.Frequency;

/**
 * A statistical indicator.
 *
 * @param code upper-case code, e.g. TERROR_INCIDENTS
 * @param nameEn English name
 * @param nameRu Russian name
 * @param domain the threat domain it informs
 * @param unit unit of measure ("incidents", "per 100,000", "USD million")
 * @param frequency how often it is reported
 * @param iccsCode the UNODC ICCS code when it is a crime statistic, empty otherwise
 * @param polarity whether a rise is bad
 * @param aggregation how it aggregates over areas
 * @param source where the numbers come from
 * @param synthetic true for the demo generator's series, which the UI marks as such
 * @param scale whether a percentage is a share of a whole (0 to 100) or a ratio in percent (may
 *     exceed 100); {@link ValueScale#OTHER} for units that are not percentages
 */
public record Indicator(
    String code,
    String nameEn,
    String nameRu,
    ThreatDomain domain,
    String unit,
    Frequency frequency,
    String iccsCode,
    Polarity polarity,
    Aggregation aggregation,
    String source,
    boolean synthetic,
    ValueScale scale) {

  /** An indicator whose scale follows from its unit ({@link ValueScale#defaultFor}). */
  public Indicator(
      String code,
      String nameEn,
      String nameRu,
      ThreatDomain domain,
      String unit,
      Frequency frequency,
      String iccsCode,
      Polarity polarity,
      Aggregation aggregation,
      String source,
      boolean synthetic) {
    this(
        code,
        nameEn,
        nameRu,
        domain,
        unit,
        frequency,
        iccsCode,
        polarity,
        aggregation,
        source,
        synthetic,
        ValueScale.defaultFor(unit));
  }

  public Indicator {
    if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,63}")) {
      throw new IllegalArgumentException(
          "Indicator code must be upper-case letters, digits and '_', starting with a letter,"
              + " found '"
              + code
              + "'");
    }
    if (domain == null || frequency == null || polarity == null || aggregation == null) {
      throw new IllegalArgumentException(
          "Indicator " + code + " needs a domain, frequency, polarity and aggregation");
    }
    nameEn = nameEn == null || nameEn.isBlank() ? code : nameEn;
    nameRu = nameRu == null || nameRu.isBlank() ? nameEn : nameRu;
    unit = unit == null ? "" : unit;
    iccsCode = iccsCode == null ? "" : iccsCode;
    source = source == null ? "" : source;
    scale = scale == null ? ValueScale.defaultFor(unit) : scale;
    if (scale != ValueScale.OTHER && !ValueScale.percent(unit)) {
      throw new IllegalArgumentException(
          "Indicator "
              + code
              + " is declared a "
              + scale
              + " (a percentage) but its unit is '"
              + unit
              + "'; give a unit in percent ('%', '% of ...') or the scale OTHER");
    }
  }

  /** The same indicator with another {@link ValueScale}. */
  public Indicator withScale(ValueScale s) {
    return new Indicator(
        code,
        nameEn,
        nameRu,
        domain,
        unit,
        frequency,
        iccsCode,
        polarity,
        aggregation,
        source,
        synthetic,
        s);
  }

  public String name(String lang) {
    return "ru".equals(lang) ? nameRu : nameEn;
  }
}

package org.vigil.model;

/**
 * What an indicator's numbers are, as far as their plausible range goes. A percentage is not always
 * a share: reservoir storage as a percentage of capacity is a part of a whole and lies between 0
 * and 100, but water withdrawal as a percentage of renewable water is a ratio of two different
 * quantities and legitimately exceeds 100 where a basin is over-drawn.
 */
public enum ValueScale {
  /** A part of a whole in percent: plausible from 0 to 100. */
  SHARE(0, 100),
  /** A ratio of two quantities expressed in percent: from 0, may exceed 100. */
  PERCENT_RATIO(0, Double.MAX_VALUE),
  /** Anything else: counts, rates per population, amounts, flows; no range from the scale. */
  OTHER(Double.NaN, Double.NaN);

  private final double min;
  private final double max;

  ValueScale(double min, double max) {
    this.min = min;
    this.max = max;
  }

  /** Lowest plausible value, NaN when the scale gives none. */
  public double min() {
    return min;
  }

  /** Highest plausible value, NaN when the scale gives none. */
  public double max() {
    return max;
  }

  /** Whether the unit is written in percent ("%", "% of GDP"). */
  public static boolean percent(String unit) {
    return unit != null && unit.strip().startsWith("%");
  }

  /**
   * The scale an indicator gets when its definition does not say: a percentage is taken as a share
   * (the strict range, so an implausible value is flagged rather than missed), anything else as
   * {@link #OTHER}. A ratio in percent has to be declared as {@link #PERCENT_RATIO}.
   */
  public static ValueScale defaultFor(String unit) {
    return percent(unit) ? SHARE : OTHER;
  }

  /**
   * Reads a scale written in a file or a request: the constant's name in any case, with a hyphen or
   * a space for the underscore ("share", "percent-ratio", "Percent ratio"); empty for anything else
   * (the caller says what it found and what it expected).
   */
  public static java.util.Optional<ValueScale> fromText(String text) {
    if (text == null) {
      return java.util.Optional.empty();
    }
    String t = text.strip().replace('-', '_').replace(' ', '_').toUpperCase(java.util.Locale.ROOT);
    for (ValueScale s : values()) {
      if (s.name().equals(t)) {
        return java.util.Optional.of(s);
      }
    }
    return java.util.Optional.empty();
  }
}

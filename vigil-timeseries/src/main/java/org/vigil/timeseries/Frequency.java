package org.vigil.timeseries;

import java.util.Locale;

/** How often a series has one value. Vigil's series are monthly, quarterly or yearly. */
public enum Frequency {
  MONTHLY(12, "M"),
  QUARTERLY(4, "Q"),
  YEARLY(1, "A");

  private final int periodsPerYear;
  private final String sdmxCode;

  Frequency(int periodsPerYear, String sdmxCode) {
    this.periodsPerYear = periodsPerYear;
    this.sdmxCode = sdmxCode;
  }

  /** Number of periods in one calendar year: 12, 4 or 1; also the natural seasonal period. */
  public int periodsPerYear() {
    return periodsPerYear;
  }

  /** The SDMX code list value (CL_FREQ): M, Q or A. */
  public String sdmxCode() {
    return sdmxCode;
  }

  /**
   * Parses a frequency from its name (monthly), its SDMX code (M, Q, A, Y) or its periods per year
   * (12, 4, 1).
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static Frequency parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    switch (t) {
      case "M", "MONTHLY", "MONTH", "12":
        return MONTHLY;
      case "Q", "QUARTERLY", "QUARTER", "4":
        return QUARTERLY;
      case "A", "Y", "YEARLY", "ANNUAL", "YEAR", "1":
        return YEARLY;
      default:
        throw new IllegalArgumentException(
            "Unknown frequency '" + text + "': expected monthly, quarterly or yearly (M, Q, A)");
    }
  }
}

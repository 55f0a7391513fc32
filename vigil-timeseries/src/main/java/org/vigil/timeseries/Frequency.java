package org.vigil.timeseries;

import java.util.List;
import java.util.Locale;

/**
 * How often a series has one value: daily, weekly (ISO 8601 weeks, Monday to Sunday), monthly,
 * quarterly or yearly.
 *
 * <p>Months, quarters and years have a fixed number of periods per calendar year. Weeks and days do
 * not (an ISO year has 52 or 53 weeks, a year 365 or 366 days): {@link #periodsPerYear()} gives the
 * whole number used as "the same period a year ago" (52 and 365), {@link #seasonalPeriods()} the
 * exact mean lengths of the seasonal cycles the forecasting models use (52.18 weeks; 7 and 365.25
 * days, as R's {@code msts} would be given them).
 */
public enum Frequency {
  MONTHLY(12, "M", List.of(12.0)),
  QUARTERLY(4, "Q", List.of(4.0)),
  YEARLY(1, "A", List.of()),
  WEEKLY(52, "W", List.of(365.25 / 7.0)),
  DAILY(365, "D", List.of(7.0, 365.25));

  private final int periodsPerYear;
  private final String sdmxCode;
  private final List<Double> seasonalPeriods;

  Frequency(int periodsPerYear, String sdmxCode, List<Double> seasonalPeriods) {
    this.periodsPerYear = periodsPerYear;
    this.sdmxCode = sdmxCode;
    this.seasonalPeriods = seasonalPeriods;
  }

  /**
   * Whole number of periods in one calendar year: 365, 52, 12, 4 or 1. For months, quarters and
   * years it is also the seasonal period; for weeks and days it is the lag of "a year ago" (see
   * {@link #seasonalPeriods()} for the exact cycles).
   */
  public int periodsPerYear() {
    return periodsPerYear;
  }

  /**
   * Mean number of periods in a calendar year: 365.25 days, 52.18 weeks, 12, 4 or 1; the factor
   * that turns a change per period into a change per year.
   */
  public double meanPeriodsPerYear() {
    return switch (this) {
      case DAILY -> 365.25;
      case WEEKLY -> 365.25 / 7.0;
      default -> periodsPerYear;
    };
  }

  /**
   * The seasonal cycles of this frequency, shortest first, in periods: daily 7 and 365.25, weekly
   * 52.18 (365.25 / 7), monthly 12, quarterly 4, yearly none.
   */
  public List<Double> seasonalPeriods() {
    return seasonalPeriods;
  }

  /**
   * The whole-number main seasonal period the single-season models use (seasonal naive, ETS, ARIMA,
   * Theta): 7 for daily (the week), 52 for weekly, 12 monthly, 4 quarterly, 1 (none) yearly.
   */
  public int seasonalPeriod() {
    return seasonalPeriods.isEmpty() ? 1 : (int) Math.round(seasonalPeriods.get(0));
  }

  /** True for the frequencies finer than a month (weekly and daily). */
  public boolean subMonthly() {
    return this == WEEKLY || this == DAILY;
  }

  /** The SDMX code list value (CL_FREQ): D, W, M, Q or A. */
  public String sdmxCode() {
    return sdmxCode;
  }

  /**
   * Parses a frequency from its name (weekly), its SDMX code (D, W, M, Q, A, Y) or its periods per
   * year as the M3/M4 files give them (365 or 7 for daily, 52 for weekly, 12, 4, 1).
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static Frequency parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    switch (t) {
      case "D", "DAILY", "DAY", "365", "7":
        return DAILY;
      case "W", "WEEKLY", "WEEK", "52":
        return WEEKLY;
      case "M", "MONTHLY", "MONTH", "12":
        return MONTHLY;
      case "Q", "QUARTERLY", "QUARTER", "4":
        return QUARTERLY;
      case "A", "Y", "YEARLY", "ANNUAL", "YEAR", "1":
        return YEARLY;
      default:
        throw new IllegalArgumentException(
            "Unknown frequency '"
                + text
                + "': expected daily, weekly, monthly, quarterly or yearly (D, W, M, Q, A)");
    }
  }
}

package org.vigil.report;

import org.vigil.model.Area;
import org.vigil.model.Indicator;
import org.vigil.timeseries.Period;

/**
 * A line of the key-indicator table.
 *
 * @param indicator the indicator
 * @param area the area
 * @param period the latest period with data
 * @param value the latest value
 * @param yearAgo the value one year earlier, NaN when unknown
 * @param coverage for a regional value, the states it covers (with a value in the period) out of
 *     the region's; {@link Coverage#NONE} for one state's value
 */
public record IndicatorRow(
    Indicator indicator,
    Area area,
    Period period,
    double value,
    double yearAgo,
    Coverage coverage) {

  public IndicatorRow {
    if (indicator == null || area == null || period == null) {
      throw new IllegalArgumentException("IndicatorRow needs an indicator, an area and a period");
    }
    coverage = coverage == null ? Coverage.NONE : coverage;
  }

  /** One state's value. */
  public IndicatorRow(Indicator indicator, Area area, Period period, double value, double yearAgo) {
    this(indicator, area, period, value, yearAgo, Coverage.NONE);
  }

  /**
   * How many states a regional figure covers ("1 of 10 states"); {@code total} 0 for a figure of
   * one state.
   */
  public record Coverage(int states, int total) {
    public static final Coverage NONE = new Coverage(0, 0);

    /** Whether this is a regional figure that says what it covers. */
    public boolean stated() {
      return total > 0;
    }
  }

  /** Relative change against a year earlier in percent, NaN when not computable. */
  public double changePercent() {
    return yearAgo == 0 ? Double.NaN : (value - yearAgo) / Math.abs(yearAgo) * 100;
  }
}

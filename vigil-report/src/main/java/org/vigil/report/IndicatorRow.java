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
 */
public record IndicatorRow(
    Indicator indicator, Area area, Period period, double value, double yearAgo) {

  public IndicatorRow {
    if (indicator == null || area == null || period == null) {
      throw new IllegalArgumentException("IndicatorRow needs an indicator, an area and a period");
    }
  }

  /** Relative change against a year earlier in percent, NaN when not computable. */
  public double changePercent() {
    return yearAgo == 0 ? Double.NaN : (value - yearAgo) / Math.abs(yearAgo) * 100;
  }
}

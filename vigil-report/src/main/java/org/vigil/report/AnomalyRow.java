package org.vigil.report;

import org.vigil.model.Area;
import org.vigil.model.Indicator;
import org.vigil.timeseries.Period;

/**
 * An observation flagged as anomalous.
 *
 * @param indicator the indicator
 * @param area the area
 * @param period the period of the observation
 * @param value the observed value
 * @param expected the value the detector expected
 * @param score the detector's score (e.g. a robust z-score)
 */
public record AnomalyRow(
    Indicator indicator, Area area, Period period, double value, double expected, double score) {

  public AnomalyRow {
    if (indicator == null || area == null || period == null) {
      throw new IllegalArgumentException("AnomalyRow needs an indicator, an area and a period");
    }
  }
}

package org.vigil.report;

import java.util.List;
import org.vigil.model.Area;
import org.vigil.model.Indicator;
import org.vigil.timeseries.Period;

/**
 * One key indicator for the report: its recent history and, when available, its forecast fan.
 *
 * @param indicator the indicator (its {@code synthetic} flag marks demo series in the report)
 * @param area the area the series describes
 * @param history observed values in period order
 * @param forecast forecast points in period order, empty when no forecast was made
 * @param model the forecasting model used, empty when there is no forecast
 * @param trendStatement a one-line trend statement in the report language, or empty
 * @param coverage for a regional series, the states it covers; {@link IndicatorRow.Coverage#NONE}
 *     for one state's series
 */
public record IndicatorChart(
    Indicator indicator,
    Area area,
    List<Point> history,
    List<FanPoint> forecast,
    String model,
    String trendStatement,
    IndicatorRow.Coverage coverage) {

  public IndicatorChart {
    if (indicator == null || area == null) {
      throw new IllegalArgumentException("IndicatorChart needs an indicator and an area");
    }
    coverage = coverage == null ? IndicatorRow.Coverage.NONE : coverage;
    history = history == null ? List.of() : List.copyOf(history);
    forecast = forecast == null ? List.of() : List.copyOf(forecast);
    model = model == null ? "" : model;
    trendStatement = trendStatement == null ? "" : trendStatement;
  }

  /** An observed value. */
  public record Point(Period period, double value) {
    public Point {
      if (period == null || Double.isInfinite(value)) {
        throw new IllegalArgumentException("Point needs a period and a finite value or NaN");
      }
    }
  }

  /**
   * A forecast point with its 80% and 95% intervals. The point forecast is the mean, which for a
   * skewed count distribution (a sparse series) can lie outside the 80% band, so only the bands'
   * order is required.
   */
  public record FanPoint(
      Period period, double mean, double lower80, double upper80, double lower95, double upper95) {
    public FanPoint {
      if (period == null) {
        throw new IllegalArgumentException("FanPoint needs a period");
      }
      if (!(lower95 <= lower80
          && lower80 <= upper80
          && upper80 <= upper95
          && Double.isFinite(mean))) {
        throw new IllegalArgumentException(
            String.format(
                java.util.Locale.ROOT,
                "FanPoint %s must satisfy lower95 <= lower80 <= upper80 <= upper95 and a finite mean,"
                    + " found %s <= %s <= %s <= %s <= %s",
                period,
                lower95,
                lower80,
                mean,
                upper80,
                upper95));
      }
    }
  }
}

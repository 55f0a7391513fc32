package org.vigil.analytics.trend;

import java.util.List;
import org.vigil.timeseries.Period;

/**
 * The trend of one series.
 *
 * @param from first period with a value
 * @param to last period with a value
 * @param direction rising, falling, no trend or too little data
 * @param seasonal whether the seasonal test was used
 * @param test the Mann-Kendall statistic
 * @param slopePerYear Sen's slope in the series' unit per year
 * @param slopeLowerPerYear lower end of the slope interval per year (NaN when unavailable)
 * @param slopeUpperPerYear upper end of the slope interval per year (NaN when unavailable)
 * @param changePoints PELT change points, in time order
 * @param statement the verdict in one plain-language sentence
 * @param diagnostics remarks on how the result was obtained (fallbacks, gaps)
 */
public record TrendResult(
    Period from,
    Period to,
    Direction direction,
    boolean seasonal,
    MannKendallResult test,
    double slopePerYear,
    double slopeLowerPerYear,
    double slopeUpperPerYear,
    List<ChangePoint> changePoints,
    String statement,
    List<String> diagnostics) {
  public TrendResult {
    if (from == null || to == null || direction == null || test == null || statement == null) {
      throw new IllegalArgumentException("Trend result needs periods, direction, test, statement");
    }
    changePoints = List.copyOf(changePoints);
    diagnostics = List.copyOf(diagnostics);
  }
}

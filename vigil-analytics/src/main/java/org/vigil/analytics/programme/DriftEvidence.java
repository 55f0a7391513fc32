package org.vigil.analytics.programme;

import java.util.List;
import org.vigil.analytics.anomaly.Anomaly;
import org.vigil.timeseries.Period;

/**
 * Why the drift engine says what it says: the recent series, the forecast with its intervals and
 * the probability of meeting the target at each step, the trend, and unusual jumps.
 *
 * @param history the last periods of the series
 * @param model the forecast model chosen
 * @param forecast one step per period up to the deadline and past it (for a new deadline)
 * @param trend the trend in one sentence
 * @param slopePerYear Sen's slope per year, NaN when unavailable
 * @param anomalies unusual values found by the anomaly detector (robust z-score)
 * @param diagnostics remarks of the forecast and trend engines
 */
public record DriftEvidence(
    List<Point> history,
    String model,
    List<Step> forecast,
    String trend,
    double slopePerYear,
    List<Anomaly> anomalies,
    List<String> diagnostics) {

  /** No evidence, with the reason. */
  public static DriftEvidence none(String reason) {
    return new DriftEvidence(List.of(), "", List.of(), reason, Double.NaN, List.of(), List.of());
  }

  public DriftEvidence {
    history = List.copyOf(history);
    forecast = List.copyOf(forecast);
    anomalies = List.copyOf(anomalies);
    diagnostics = List.copyOf(diagnostics);
  }

  /**
   * One value of a series.
   *
   * @param period the period
   * @param value the value
   */
  public record Point(Period period, double value) {}

  /**
   * One forecast step.
   *
   * @param period the period
   * @param median the median forecast
   * @param lower80 lower end of the 80% interval
   * @param upper80 upper end of the 80% interval
   * @param lower95 lower end of the 95% interval
   * @param upper95 upper end of the 95% interval
   * @param probability probability that the value in this period meets the target
   */
  public record Step(
      Period period,
      double median,
      double lower80,
      double upper80,
      double lower95,
      double upper95,
      double probability) {}
}

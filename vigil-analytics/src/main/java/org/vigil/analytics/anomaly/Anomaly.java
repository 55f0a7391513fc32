package org.vigil.analytics.anomaly;

import org.vigil.timeseries.Period;

/**
 * One anomalous value.
 *
 * @param period the period of the value
 * @param value the observed value
 * @param expected what the method expected (robust fit, or the forecast median)
 * @param lower lower end of the accepted range
 * @param upper upper end of the accepted range
 * @param method which detector found it
 * @param score robust z-score (for {@link Method#ROBUST_Z}) or the distance outside the interval in
 *     units of the interval's half-width (for {@link Method#FORECAST_INTERVAL}); signed
 * @param description one sentence: how far outside, against what
 */
public record Anomaly(
    Period period,
    double value,
    double expected,
    double lower,
    double upper,
    Method method,
    double score,
    String description) {

  /** The detector. */
  public enum Method {
    /** Robust z-score of the residual from a Sen trend plus seasonal medians. */
    ROBUST_Z,
    /** Outside the one-step-ahead prediction interval of a model fitted to earlier data only. */
    FORECAST_INTERVAL
  }

  public Anomaly {
    if (period == null || method == null || description == null) {
      throw new IllegalArgumentException("Anomaly needs a period, method and description");
    }
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("Anomaly at " + period + " needs a value, found NaN");
    }
  }

  /** True when the value is above the accepted range. */
  public boolean high() {
    return value > upper;
  }
}

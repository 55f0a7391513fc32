package org.vigil.analytics.programme;

import org.vigil.forecast.ForecastMethod;
import org.vigil.forecast.ForecastSpec;

/**
 * How plan drift is judged. Immutable; {@link #DEFAULT}: warn below 50%, propose targets attainable
 * at 80% confidence, look up to 3 years past a deadline for a new one, show 24 periods of history,
 * automatic forecasts with seed 1.
 *
 * @param threshold warn when the probability of meeting a target falls below this, in (0, 1)
 * @param proposalConfidence the confidence of a proposed attainable target, in (0.5, 1)
 * @param extensionYears how many years past the deadline to search for a new one, 0 to 10
 * @param historyLength how many recent periods of the series the evidence shows, at least 4
 * @param forecast the forecast spec; horizon and quantile levels are set by the engine
 */
public record DriftSpec(
    double threshold,
    double proposalConfidence,
    int extensionYears,
    int historyLength,
    ForecastSpec forecast) {

  /** Levels whose bounds give the drift engine a fine grid of quantiles. */
  static final double[] LEVELS = {0.2, 0.4, 0.5, 0.6, 0.8, 0.9, 0.95, 0.98};

  public static final DriftSpec DEFAULT =
      new DriftSpec(
          0.5, 0.8, 3, 24, ForecastSpec.builder().method(ForecastMethod.AUTO).seed(1).build());

  public DriftSpec {
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException(
          "Drift threshold must be in (0, 1), e.g. 0.5, found " + threshold);
    }
    if (!(proposalConfidence > 0.5 && proposalConfidence < 1)) {
      throw new IllegalArgumentException(
          "Proposal confidence must be in (0.5, 1), e.g. 0.8, found " + proposalConfidence);
    }
    if (extensionYears < 0 || extensionYears > 10) {
      throw new IllegalArgumentException(
          "Deadline search must cover 0..10 years, found " + extensionYears);
    }
    if (historyLength < 4) {
      throw new IllegalArgumentException(
          "Evidence needs at least 4 periods of history, found " + historyLength);
    }
    if (forecast == null) {
      throw new IllegalArgumentException("Drift spec needs a forecast spec, found null");
    }
  }

  public DriftSpec withThreshold(double t) {
    return new DriftSpec(t, proposalConfidence, extensionYears, historyLength, forecast);
  }

  public DriftSpec withForecast(ForecastSpec f) {
    return new DriftSpec(threshold, proposalConfidence, extensionYears, historyLength, f);
  }
}

package org.vigil.forecast.eval;

import org.vigil.forecast.ForecastInputException;

/**
 * A rolling-origin evaluation: forecasts are made from {@code origins} successive origins, the last
 * one {@code horizon} periods before the end of the series, earlier ones {@code step} periods
 * apart; each forecasts up to {@code horizon} steps (fewer when the data end sooner).
 *
 * @param origins number of forecast origins, 1..500
 * @param horizon steps ahead forecast from each origin, at least 1
 * @param step periods between successive origins, at least 1
 * @param minimumTraining the fewest observations an origin may have; earlier origins are skipped
 */
public record BacktestSpec(int origins, int horizon, int step, int minimumTraining) {

  /** Six origins one period apart, horizon 6, at least 8 training values. */
  public static final BacktestSpec DEFAULT = new BacktestSpec(6, 6, 1, 8);

  public BacktestSpec {
    if (origins < 1 || origins > 500) {
      throw new ForecastInputException("Backtest origins must be 1..500, found " + origins);
    }
    if (horizon < 1 || step < 1) {
      throw new ForecastInputException(
          "Backtest horizon and step must be >= 1, found horizon=" + horizon + ", step=" + step);
    }
    if (minimumTraining < 2) {
      throw new ForecastInputException(
          "Backtest minimum training length must be >= 2, found " + minimumTraining);
    }
  }
}

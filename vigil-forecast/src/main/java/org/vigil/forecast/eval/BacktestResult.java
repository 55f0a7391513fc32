package org.vigil.forecast.eval;

import java.util.List;
import java.util.Map;
import org.vigil.timeseries.Period;

/**
 * The outcome of a rolling-origin backtest: one entry per origin, and the metrics averaged over
 * origins (NaN when no origin could be evaluated, with the reason in {@code diagnostics}).
 *
 * @param origins per-origin accuracy
 * @param smape mean sMAPE (percent)
 * @param mase mean MASE
 * @param rmsse mean RMSSE
 * @param msis mean MSIS of the widest interval level of the spec
 * @param crps mean CRPS approximated from the forecast quantiles
 * @param coverage share of actual values inside the interval, by level (over all points)
 * @param diagnostics remarks, for example skipped origins
 */
public record BacktestResult(
    List<Origin> origins,
    double smape,
    double mase,
    double rmsse,
    double msis,
    double crps,
    Map<Double, Double> coverage,
    List<String> diagnostics) {

  public BacktestResult {
    origins = List.copyOf(origins);
    coverage = Map.copyOf(coverage);
    diagnostics = List.copyOf(diagnostics);
  }

  /**
   * Accuracy from one origin.
   *
   * @param lastTraining the last period used for fitting
   * @param steps number of steps evaluated
   * @param model the model the forecaster chose at this origin
   */
  public record Origin(
      Period lastTraining,
      int steps,
      String model,
      double smape,
      double mase,
      double rmsse,
      double msis,
      double crps) {}
}

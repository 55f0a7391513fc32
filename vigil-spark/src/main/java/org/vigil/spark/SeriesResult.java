package org.vigil.spark;

import java.io.Serializable;
import java.util.List;

/**
 * One series' outcome in a batch: its forecast and quantiles, the model chosen, the backtest
 * accuracy when asked for, or the error that stopped it. Exactly one row per input series, also
 * when it failed ({@link #error()} non-empty, every number NaN, arrays empty).
 *
 * @param key the series key
 * @param error why there is no forecast; empty when there is one
 * @param observations values in the input
 * @param fitted values fitted (the last ones; fewer than {@code observations} when capped)
 * @param method the method that produced the forecast
 * @param model the model chosen, e.g. {@code ETS(A,N,N)}
 * @param start the first forecast period
 * @param points point forecasts, {@code horizon} of them
 * @param probabilities the quantile probabilities, ascending
 * @param quantiles {@code quantiles[i]} is the forecast quantile at {@code probabilities[i]}
 * @param diagnostics the engine's remarks, separated by "; "
 * @param backtestOrigins origins the backtest evaluated (0: no backtest)
 * @param smape the backtest's mean sMAPE (percent)
 * @param mase the backtest's mean MASE
 * @param rmsse the backtest's mean RMSSE
 * @param msis the backtest's mean MSIS at the widest level
 * @param crps the backtest's mean CRPS
 */
public record SeriesResult(
    String key,
    String error,
    int observations,
    int fitted,
    String method,
    String model,
    String start,
    double[] points,
    double[] probabilities,
    double[][] quantiles,
    String diagnostics,
    int backtestOrigins,
    double smape,
    double mase,
    double rmsse,
    double msis,
    double crps)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The row of a series that could not be forecast. */
  static SeriesResult failed(String key, int observations, String error) {
    return new SeriesResult(
        key,
        error,
        observations,
        0,
        "",
        "",
        "",
        new double[0],
        new double[0],
        new double[0][],
        "",
        0,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN);
  }

  /** Whether the series was forecast. */
  public boolean ok() {
    return error.isEmpty();
  }

  /** The quantile at probability {@code p}, or empty when the row has none at {@code p}. */
  public double[] quantile(double p) {
    for (int i = 0; i < probabilities.length; i++) {
      if (Math.abs(probabilities[i] - p) < 1e-12) {
        return quantiles[i].clone();
      }
    }
    return new double[0];
  }

  /** The probabilities as a list (for messages). */
  List<Double> probabilityList() {
    return java.util.Arrays.stream(probabilities).boxed().toList();
  }
}

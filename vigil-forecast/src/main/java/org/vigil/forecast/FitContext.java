package org.vigil.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a method needs besides the data: horizon, seasonal period, quantile probabilities,
 * seed, the spec, and a list that collects diagnostics. One per forecast call; not shared.
 */
final class FitContext {
  final int horizon;
  final int period;

  /** Every seasonal cycle of the series (possibly fractional, e.g. 52.18), for MSTL. */
  final double[] seasonalPeriods;

  final double[] probs;
  final ForecastSpec spec;
  final List<String> diagnostics = new ArrayList<>();

  /** In-sample one-step residuals {@code y - fitted}, set by methods that have them. */
  double[] residuals = new double[0];

  FitContext(ForecastSpec spec, int period) {
    this(spec, period, period > 1 ? new double[] {period} : new double[0]);
  }

  FitContext(ForecastSpec spec, int period, double[] seasonalPeriods) {
    this.spec = spec;
    this.seasonalPeriods = seasonalPeriods.clone();
    this.horizon = spec.horizon();
    this.period = period;
    List<Double> p = spec.quantileProbabilities();
    this.probs = new double[p.size()];
    for (int i = 0; i < probs.length; i++) {
      probs[i] = p.get(i);
    }
  }

  void note(String message) {
    diagnostics.add(message);
  }
}

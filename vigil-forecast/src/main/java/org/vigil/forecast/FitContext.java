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
  final double[] probs;
  final ForecastSpec spec;
  final List<String> diagnostics = new ArrayList<>();

  /** In-sample one-step residuals {@code y - fitted}, set by methods that have them. */
  double[] residuals = new double[0];

  FitContext(ForecastSpec spec, int period) {
    this.spec = spec;
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

package org.vigil.water;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of one solve, indexed as in {@link LpLayout}: flow[link][month],
 * storage[reservoir][month], shortfall[withdrawal][month]; slack per elastic constraint; the
 * largest relative shortfall of a MAX_MIN solve (NaN otherwise). Package-private and not copied:
 * the arrays are written once by the solve and only read afterwards.
 */
final class LpSolution {
  private final boolean feasible;
  private final String state;
  private final double objective;
  private final double[][] flow;
  private final double[][] storage;
  private final double[][] shortfall;
  private final Map<ConstraintRef, Double> slack;
  private final double maxRelative;

  LpSolution(
      boolean feasible,
      String state,
      double objective,
      double[][] flow,
      double[][] storage,
      double[][] shortfall,
      Map<ConstraintRef, Double> slack,
      double maxRelative) {
    this.feasible = feasible;
    this.state = state;
    this.objective = objective;
    this.flow = flow;
    this.storage = storage;
    this.shortfall = shortfall;
    // insertion order kept, so sums over the slack are the same from run to run
    this.slack = Collections.unmodifiableMap(new LinkedHashMap<>(slack));
    this.maxRelative = maxRelative;
  }

  static LpSolution infeasible(String state) {
    return new LpSolution(
        false,
        state,
        Double.NaN,
        new double[0][],
        new double[0][],
        new double[0][],
        Map.of(),
        Double.NaN);
  }

  boolean feasible() {
    return feasible;
  }

  String state() {
    return state;
  }

  double objective() {
    return objective;
  }

  double[][] flow() {
    return flow;
  }

  double[][] storage() {
    return storage;
  }

  double[][] shortfall() {
    return shortfall;
  }

  Map<ConstraintRef, Double> slack() {
    return slack;
  }

  double maxRelative() {
    return maxRelative;
  }
}

package org.vigil.water;

import java.util.Map;

/**
 * The values of one solve, indexed as in {@link LpLayout}: flow[link][month],
 * storage[reservoir][month], shortfall[withdrawal][month]; slack per elastic constraint.
 */
record LpSolution(
    boolean feasible,
    String state,
    double objective,
    double[][] flow,
    double[][] storage,
    double[][] shortfall,
    Map<ConstraintRef, Double> slack,
    double maxRelative) {

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

  /** The total slack of the elastic constraints. */
  double totalSlack() {
    return slack.values().stream().mapToDouble(Double::doubleValue).sum();
  }
}

package org.vigil.water;

/** Solves the programme under the scenario's fairness rule: one solve, or two for MAX_MIN. */
final class StatedSolve {
  /** Slack allowed on the first stage's optimum when it becomes a bound of the second. */
  static final double STAGE_TOLERANCE = 1e-9;

  final AllocationLp lp;
  private final FairnessRule rule;
  private final double[] withdrawalWeights;

  StatedSolve(AllocationLp lp, FairnessRule rule, double[] withdrawalWeights) {
    this.lp = lp;
    this.rule = rule;
    this.withdrawalWeights = withdrawalWeights.clone();
  }

  LpSolution solve(LpVariant variant) {
    if (rule == FairnessRule.PROPORTIONAL) {
      return lp.solve(LpObjective.weighted(withdrawalWeights), variant);
    }
    LpSolution first = lp.solve(LpObjective.minMaxRelative(), variant);
    if (!first.feasible()) {
      return first;
    }
    double z = Math.max(0, first.maxRelative());
    double cap = z + STAGE_TOLERANCE * (1 + z);
    LpSolution second = lp.solve(LpObjective.totalWithMaxRelative(cap), variant);
    if (!second.feasible()) {
      return first;
    }
    return new LpSolution(
        true,
        second.state(),
        second.objective(),
        second.flow(),
        second.storage(),
        second.shortfall(),
        second.slack(),
        z);
  }

  /** Each state's shortfall over the horizon, indexed as {@link LpLayout#states}. */
  double[] stateShortfalls(LpSolution s) {
    LpLayout a = lp.layout;
    double[] out = new double[a.states.size()];
    for (int w = 0; w < a.withdrawals.size(); w++) {
      for (int t = 0; t < a.months; t++) {
        out[a.withdrawalState[w]] += s.shortfall()[w][t];
      }
    }
    return out;
  }
}

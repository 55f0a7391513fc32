package org.vigil.water;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Allocates a basin's water over a horizon by linear programming (ojAlgo's simplex through
 * ExpressionsBasedModel). Stateless and thread-safe; one call builds and solves fresh models.
 *
 * <p>The programme: for every month, link flows, reservoir storages and withdrawal shortfalls such
 * that mass balance holds at every node, storages stay within their bounds, environmental flows,
 * minimum releases, link capacities and quotas hold, minimising the weighted shortfall
 * (PROPORTIONAL) or first the largest relative shortfall and then the total (MAX_MIN). Binding
 * constraints are found by relaxing each active one by the relief step and solving again; an
 * infeasible scenario is explained by a deletion filter over constraint groups and an elastic
 * programme (see the module README).
 */
public final class WaterAllocator {

  /** Allocates {@code basin} under {@code spec}. */
  public AllocationResult allocate(Basin basin, AllocationSpec spec) {
    return allocate(basin, spec, AllocationProgress.NONE);
  }

  /**
   * Allocates {@code basin} under {@code spec}, reporting the re-solves of the relief analysis or
   * of the infeasibility explanation to {@code progress} (for a progress bar).
   *
   * @throws WaterInputException when the spec does not fit the basin (series shorter than the
   *     horizon, weights for unknown states), listing every problem
   */
  public AllocationResult allocate(Basin basin, AllocationSpec spec, AllocationProgress progress) {
    checkSpec(basin, spec);
    AllocationLp lp = new AllocationLp(basin, spec.months());
    Map<String, Double> weights = stateWeights(basin, spec, lp.layout);
    StatedSolve solver =
        new StatedSolve(lp, spec.fairness(), withdrawalWeights(lp.layout, weights));
    LpSolution solution = solver.solve(LpVariant.AS_STATED);
    ResultAssembly assembly = new ResultAssembly(basin.name(), spec, lp.layout, weights);
    if (!solution.feasible()) {
      return assembly.infeasible(new InfeasibilityExplainer(lp, spec.start(), progress).explain());
    }
    List<String> diagnostics = new ArrayList<>();
    List<AllocationResult.Relief> reliefs =
        new ReliefFinder(solver, spec, solution, diagnostics, progress).find();
    return assembly.optimal(solution, reliefs, diagnostics);
  }

  /** Every way in which the spec does not fit the basin, at once. */
  static void checkSpec(Basin basin, AllocationSpec spec) {
    List<String> errors = new ArrayList<>();
    int months = spec.months();
    for (Node n : basin.nodes()) {
      Monthly series =
          n instanceof Node.Source s
              ? s.inflow()
              : n instanceof Node.Withdrawal w
                  ? w.demand()
                  : n instanceof Node.EnvFlow e ? e.minFlow() : null;
      if (series != null && series.length() < months) {
        errors.add(
            "node '"
                + n.name()
                + "': series has "
                + series.length()
                + " months, the horizon needs "
                + months);
      }
    }
    for (Agreement a : basin.agreements()) {
      if (a instanceof Agreement.MinimumRelease m && m.minimum().length() < months) {
        errors.add(
            "minimum release from '"
                + m.reservoir()
                + "': series has "
                + m.minimum().length()
                + " months, the horizon needs "
                + months);
      }
    }
    List<String> states = basin.states();
    spec.stateWeights().keySet().stream()
        .filter(s -> !states.contains(s))
        .forEach(s -> errors.add("weights: state '" + s + "' has no withdrawal in the basin"));
    if (!errors.isEmpty()) {
      throw new WaterInputException("allocation of basin '" + basin.name() + "'", errors);
    }
  }

  /**
   * PROPORTIONAL weights: the spec's, else 1 / agreed share, else total demand / state demand (a
   * state without demand gets 1). MAX_MIN uses 1 for every state.
   */
  static Map<String, Double> stateWeights(Basin basin, AllocationSpec spec, LpLayout layout) {
    Map<String, Double> weights = new LinkedHashMap<>();
    double total = 0;
    for (double d : layout.stateDemand) {
      total += d;
    }
    for (int s = 0; s < layout.states.size(); s++) {
      String state = layout.states.get(s);
      double w;
      if (spec.fairness() == FairnessRule.MAX_MIN) {
        w = 1.0;
      } else if (spec.stateWeights().containsKey(state)) {
        w = spec.stateWeights().get(state);
      } else if (basin.shares().isPresent()) {
        w = 1.0 / basin.shares().get().byState().get(state);
      } else {
        w = layout.stateDemand[s] > 0 ? total / layout.stateDemand[s] : 1.0;
      }
      weights.put(state, w);
    }
    return weights;
  }

  private static double[] withdrawalWeights(LpLayout layout, Map<String, Double> weights) {
    return layout.withdrawals.stream().mapToDouble(w -> weights.get(w.state())).toArray();
  }
}

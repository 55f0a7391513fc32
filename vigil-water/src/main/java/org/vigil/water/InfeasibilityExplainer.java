package org.vigil.water;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Says why a scenario has no allocation. Mass balance, inflows and initial storages are facts; the
 * constraint groups (a reservoir's minimum storage over all months, an environmental flow, a
 * minimum release, a link capacity, a quota) are what can conflict with them. Two steps:
 *
 * <ol>
 *   <li>A deletion filter over groups (Chinneck and Dravnieks, "Locating minimal infeasible
 *       constraint sets in linear programs", ORSA Journal on Computing 3(2), 1991): drop each group
 *       in turn and keep it dropped when the rest stays infeasible. What is left is a set of groups
 *       that cannot hold together, and without any one of which the others can.
 *   <li>An elastic programme: every group gets a slack variable per month and the total slack is
 *       minimised, giving the least relaxation (hm³ and months) that makes the scenario feasible.
 * </ol>
 */
final class InfeasibilityExplainer {
  private static final double SLACK_TOLERANCE = 1e-6;

  private final AllocationLp lp;
  private final YearMonth start;
  private final AllocationProgress progress;

  InfeasibilityExplainer(AllocationLp lp, YearMonth start, AllocationProgress progress) {
    this.lp = lp;
    this.start = start;
    this.progress = progress;
  }

  /** The explanation and the groups involved. */
  Explanation explain() {
    List<ConstraintRef> groups = lp.groups();
    if (!feasible(new HashSet<>(groups))) {
      return new Explanation(
          "Infeasible even without any storage bound, environmental flow, minimum release, link"
              + " capacity or quota: the network itself cannot carry the inflows (this should not"
              + " happen for a valid basin; please report the scenario).",
          List.of());
    }
    Set<ConstraintRef> dropped = new LinkedHashSet<>();
    int done = 0;
    for (ConstraintRef g : groups) {
      progress.step(AllocationProgress.Stage.EXPLAIN, done++, groups.size() + 1);
      Set<ConstraintRef> trial = new HashSet<>(dropped);
      trial.add(g);
      if (!feasible(trial)) {
        dropped.add(g);
      }
    }
    List<ConstraintRef> conflict = groups.stream().filter(g -> !dropped.contains(g)).toList();
    LpSolution elastic =
        lp.solve(LpObjective.feasibility(), LpVariant.elastic(new HashSet<>(groups)));
    progress.step(AllocationProgress.Stage.EXPLAIN, groups.size() + 1, groups.size() + 1);
    List<AllocationResult.Conflict> conflicts = conflicts(groups, conflict, elastic);
    return new Explanation(text(conflicts), conflicts);
  }

  private boolean feasible(Set<ConstraintRef> droppedGroups) {
    return lp.solve(LpObjective.feasibility(), LpVariant.dropping(droppedGroups)).feasible();
  }

  private List<AllocationResult.Conflict> conflicts(
      List<ConstraintRef> groups, List<ConstraintRef> conflict, LpSolution elastic) {
    List<AllocationResult.Conflict> out = new ArrayList<>();
    for (ConstraintRef g : groups) {
      Map<Integer, Double> byMonth = new TreeMap<>();
      if (elastic.feasible()) {
        elastic
            .slack()
            .forEach(
                (ref, v) -> {
                  if (ref.group().equals(g) && v > SLACK_TOLERANCE) {
                    byMonth.merge(ref.month(), v, Double::sum);
                  }
                });
      }
      double total = byMonth.values().stream().mapToDouble(Double::doubleValue).sum();
      if (conflict.contains(g) || total > 0) {
        List<YearMonth> months =
            byMonth.keySet().stream()
                .filter(t -> t != ConstraintRef.HORIZON)
                .map(t -> start.plusMonths(t))
                .toList();
        out.add(
            new AllocationResult.Conflict(
                g, g.kind().describe(g.subject()), conflict.contains(g), total, months));
      }
    }
    return out;
  }

  private static String text(List<AllocationResult.Conflict> conflicts) {
    List<String> inConflict =
        conflicts.stream()
            .filter(AllocationResult.Conflict::inConflict)
            .map(c -> c.description())
            .toList();
    StringBuilder sb =
        new StringBuilder(
                "Infeasible: no allocation meets every constraint with these inflows and ")
            .append("initial storages. ");
    if (inConflict.size() == 1) {
      sb.append("The ")
          .append(inConflict.get(0))
          .append(" cannot be met whatever the withdrawals; without it the scenario is feasible.");
    } else {
      sb.append(
              "These constraints conflict (they cannot all hold, and without any one of them the ")
          .append("others can): ")
          .append(String.join("; ", inConflict))
          .append('.');
    }
    List<String> relax = new ArrayList<>();
    for (AllocationResult.Conflict c : conflicts) {
      if (c.relaxation() > 0) {
        relax.add(
            c.description()
                + " by "
                + ReliefFinder.fmt(c.relaxation())
                + " hm³"
                + (c.months().isEmpty() ? "" : " in " + monthList(c.months())));
      }
    }
    if (!relax.isEmpty()) {
      sb.append(" The least relaxation that makes it feasible: ")
          .append(String.join("; ", relax))
          .append('.');
    }
    return sb.toString();
  }

  private static String monthList(List<YearMonth> months) {
    return String.join(", ", months.stream().map(YearMonth::toString).toList());
  }

  /** The explanation text and the groups it names. */
  record Explanation(String text, List<AllocationResult.Conflict> conflicts) {}
}

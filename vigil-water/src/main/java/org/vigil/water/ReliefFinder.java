package org.vigil.water;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the binding constraints of a solution and what relaxing each would change. A constraint is
 * active when the solution sits on its bound; it is binding when relaxing it by the relief step (a
 * minimum lowered, a maximum raised) and solving again lowers the objective or changes a state's
 * shortfall. Re-solving instead of reading dual values keeps the answer right for bounds that
 * ojAlgo's presolve turns into variable bounds (whose duals it does not report) and gives the
 * effect per state, not only on the objective. To keep the count of solves small the groups are
 * screened first: all active months of a group are relaxed together, and only groups with an effect
 * are examined month by month.
 */
final class ReliefFinder {
  private static final double ACTIVE_TOLERANCE = 1e-7;
  private static final double EFFECT_TOLERANCE = 1e-6;

  private final StatedSolve solver;
  private final AllocationSpec spec;
  private final LpSolution base;
  private final List<String> diagnostics;
  private final AllocationProgress progress;
  private final LpLayout a;
  private final double[] baseShortfall;
  private int checks;

  ReliefFinder(
      StatedSolve solver,
      AllocationSpec spec,
      LpSolution base,
      List<String> diagnostics,
      AllocationProgress progress) {
    this.solver = solver;
    this.progress = progress;
    this.spec = spec;
    this.base = base;
    this.diagnostics = diagnostics;
    this.a = solver.lp.layout;
    this.baseShortfall = solver.stateShortfalls(base);
  }

  List<AllocationResult.Relief> find() {
    if (spec.reliefStep() <= 0 || spec.maxReliefChecks() == 0) {
      return List.of();
    }
    Map<ConstraintRef, List<ConstraintRef>> activeByGroup = new LinkedHashMap<>();
    for (ConstraintRef ref : a.allRefs()) {
      if (isActive(ref)) {
        activeByGroup.computeIfAbsent(ref.group(), g -> new ArrayList<>()).add(ref);
      }
    }
    List<AllocationResult.Relief> reliefs = new ArrayList<>();
    int skipped = 0;
    for (List<ConstraintRef> refs : activeByGroup.values()) {
      if (checks >= spec.maxReliefChecks()) {
        skipped += refs.size();
        continue;
      }
      if (refs.size() > 1 && effect(refs) == null) {
        continue;
      }
      for (ConstraintRef ref : refs) {
        if (checks >= spec.maxReliefChecks()) {
          skipped++;
          continue;
        }
        AllocationResult.Relief relief = effect(List.of(ref));
        if (relief != null) {
          reliefs.add(relief);
        }
      }
    }
    if (skipped > 0) {
      diagnostics.add(
          "relief: "
              + skipped
              + " active constraints not checked after "
              + checks
              + " re-solves (max relief checks "
              + spec.maxReliefChecks()
              + ")");
    }
    return reliefs;
  }

  private double relaxed(ConstraintRef ref) {
    double b = a.bound(ref);
    return ref.kind().isLowerBound() ? b * (1 - spec.reliefStep()) : b * (1 + spec.reliefStep());
  }

  /** Relaxes all of {@code refs} together; a relief (for the first) when it has an effect. */
  private AllocationResult.Relief effect(List<ConstraintRef> refs) {
    Map<ConstraintRef, Double> bounds = new HashMap<>();
    refs.forEach(r -> bounds.put(r, relaxed(r)));
    checks++;
    LpSolution s = solver.solve(new LpVariant(bounds, java.util.Set.of(), java.util.Set.of()));
    if (!s.feasible()) {
      return null;
    }
    double[] after = solver.stateShortfalls(s);
    Map<String, Double> change = new LinkedHashMap<>();
    for (int i = 0; i < after.length; i++) {
      double d = after[i] - baseShortfall[i];
      if (Math.abs(d) > EFFECT_TOLERANCE * (1 + baseShortfall[i])) {
        change.put(a.states.get(i), d);
      }
    }
    double objectiveChange = s.objective() - base.objective();
    boolean better = objectiveChange < -EFFECT_TOLERANCE * (1 + Math.abs(base.objective()));
    boolean fairer = s.maxRelative() < base.maxRelative() - EFFECT_TOLERANCE;
    progress.step(AllocationProgress.Stage.RELIEF, checks, spec.maxReliefChecks());
    if (!better && !fairer) {
      return null;
    }
    ConstraintRef ref = refs.get(0);
    return new AllocationResult.Relief(
        ref,
        ref.describe(spec.start()),
        a.bound(ref),
        relaxed(ref),
        objectiveChange,
        change,
        suggestion(ref, change));
  }

  private String suggestion(ConstraintRef ref, Map<String, Double> change) {
    String pct = String.format(Locale.ROOT, "%.0f%%", spec.reliefStep() * 100);
    String verb = ref.kind().isLowerBound() ? "lower " : "more ";
    StringBuilder sb =
        new StringBuilder(pct + " " + verb + ref.describe(spec.start()) + " (" + fmt(a.bound(ref)))
            .append(" to ")
            .append(fmt(relaxed(ref)))
            .append(" hm³)");
    if (change.isEmpty()) {
      return sb.append(" lowers the weighted shortfall without changing any state's total")
          .toString();
    }
    List<String> parts = new ArrayList<>();
    change.forEach((state, d) -> parts.add(effectText(state, d)));
    return sb.append(' ').append(String.join(", ", parts)).toString();
  }

  private String effectText(String state, double d) {
    double before = baseShortfall[a.states.indexOf(state)];
    if (d < 0 && before + d <= EFFECT_TOLERANCE * (1 + before)) {
      return "removes " + state + "'s shortfall (" + fmt(before) + " hm³)";
    }
    return (d < 0 ? "cuts " : "raises ")
        + state
        + "'s shortfall by "
        + fmt(Math.abs(d))
        + " hm³ (from "
        + fmt(before)
        + " to "
        + fmt(before + d)
        + ")";
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private boolean isActive(ConstraintRef ref) {
    double b = a.bound(ref);
    double tol = ACTIVE_TOLERANCE * Math.max(1, Math.abs(b));
    int t = ref.month();
    return switch (ref.kind()) {
      case RESERVOIR_MIN_STORAGE -> base.storage()[reservoir(ref)][t] <= b + tol;
      case RESERVOIR_CAPACITY -> base.storage()[reservoir(ref)][t] >= b - tol;
      case ENV_FLOW, MIN_RELEASE -> outflow(ref.subject(), t) <= b + tol;
      case LINK_CAPACITY -> base.flow()[link(ref)][t] >= b - tol;
      case QUOTA -> {
        int s = a.states.indexOf(ref.subject());
        yield a.stateDemand[s] - baseShortfall[s] >= b - tol;
      }
    };
  }

  private int reservoir(ConstraintRef ref) {
    for (int r = 0; r < a.reservoirs.size(); r++) {
      if (a.reservoirs.get(r).name().equals(ref.subject())) {
        return r;
      }
    }
    throw new IllegalStateException("no reservoir " + ref.subject());
  }

  private int link(ConstraintRef ref) {
    for (int l = 0; l < a.links.size(); l++) {
      if (a.links.get(l).label().equals(ref.subject())) {
        return l;
      }
    }
    throw new IllegalStateException("no link " + ref.subject());
  }

  private double outflow(String node, int t) {
    double sum = 0;
    for (int l = 0; l < a.links.size(); l++) {
      if (a.links.get(l).from().equals(node)) {
        sum += base.flow()[l][t];
      }
    }
    return sum;
  }
}

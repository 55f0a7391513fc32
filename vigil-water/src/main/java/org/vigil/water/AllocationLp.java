package org.vigil.water;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The allocation programme of one basin and horizon, built afresh for each solve (ojAlgo's presolve
 * rewrites a model, so a model is never re-solved after a change). Variables per month t: the flow
 * leaving each link {@code x[l,t] >= 0}, the end-of-month storage of each reservoir {@code s[r,t]}
 * and the shortfall of each withdrawal {@code u[w,t] in [0, demand]}. Constraints: mass balance at
 * every non-outlet node and month, storage bounds, environmental flows, minimum releases, link
 * capacities and quotas; any group of the latter may be dropped (deletion filter) or made elastic
 * with a slack variable per month (phase-one style explanation of infeasibility).
 */
final class AllocationLp {
  static final double INFEASIBLE = Double.NaN;

  final LpLayout layout;

  AllocationLp(Basin basin, int months) {
    this.layout = new LpLayout(basin, months);
  }

  /** Builds and solves one variant of the programme. */
  LpSolution solve(LpObjective objective, LpVariant variant) {
    return new Build(objective, variant).solve();
  }

  /** One model under construction. */
  private final class Build {
    private final LpLayout a = layout;
    private final LpObjective objective;
    private final LpVariant variant;
    private final ExpressionsBasedModel model = new ExpressionsBasedModel();
    private final Variable[][] flow;
    private final Variable[][] storage;
    private final Variable[][] shortfall;
    private final Map<ConstraintRef, Variable> slack = new LinkedHashMap<>();
    private Variable maxRelative;
    private int expressions;

    Build(LpObjective objective, LpVariant variant) {
      this.objective = objective;
      this.variant = variant;
      flow = new Variable[a.links.size()][a.months];
      storage = new Variable[a.reservoirs.size()][a.months];
      shortfall = new Variable[a.withdrawals.size()][a.months];
    }

    LpSolution solve() {
      addVariables();
      addBalances();
      addEnvFlowsAndReleases();
      addQuotas();
      addObjective();
      Optimisation.Result r = model.minimise();
      if (!r.getState().isFeasible()) {
        return LpSolution.infeasible(r.getState().toString());
      }
      return extract(r);
    }

    private void addVariables() {
      for (int l = 0; l < a.links.size(); l++) {
        for (int t = 0; t < a.months; t++) {
          flow[l][t] = model.newVariable("x" + l + "_" + t).lower(0.0);
          upper(
              flow[l][t],
              new ConstraintRef(ConstraintRef.Kind.LINK_CAPACITY, a.links.get(l).label(), t));
        }
      }
      for (int r = 0; r < a.reservoirs.size(); r++) {
        String name = a.reservoirs.get(r).name();
        for (int t = 0; t < a.months; t++) {
          storage[r][t] = model.newVariable("s" + r + "_" + t).lower(0.0);
          lower(
              storage[r][t], new ConstraintRef(ConstraintRef.Kind.RESERVOIR_MIN_STORAGE, name, t));
          upper(storage[r][t], new ConstraintRef(ConstraintRef.Kind.RESERVOIR_CAPACITY, name, t));
        }
      }
      for (int w = 0; w < a.withdrawals.size(); w++) {
        for (int t = 0; t < a.months; t++) {
          shortfall[w][t] =
              model
                  .newVariable("u" + w + "_" + t)
                  .lower(0.0)
                  .upper(a.withdrawals.get(w).demand().get(t));
        }
      }
    }

    /** Bounds {@code v <= bound(ref)}: as a variable bound, or elastic, or not at all. */
    private void upper(Variable v, ConstraintRef ref) {
      double bound = variant.bound(ref, a.bound(ref));
      if (Double.isInfinite(bound) || variant.isDropped(ref)) {
        return;
      }
      Variable e = slackFor(ref);
      if (e == null) {
        v.upper(bound);
      } else {
        expression().set(v, 1.0).set(e, -1.0).upper(bound);
      }
    }

    /** Bounds {@code v >= bound(ref)}. */
    private void lower(Variable v, ConstraintRef ref) {
      double bound = variant.bound(ref, a.bound(ref));
      if (bound <= 0 || variant.isDropped(ref)) {
        return;
      }
      Variable e = slackFor(ref);
      if (e == null) {
        v.lower(bound);
      } else {
        expression().set(v, 1.0).set(e, 1.0).lower(bound);
      }
    }

    private Variable slackFor(ConstraintRef ref) {
      if (!variant.isElastic(ref)) {
        return null;
      }
      Variable e = model.newVariable("e" + slack.size()).lower(0.0).weight(1.0);
      slack.put(ref, e);
      return e;
    }

    private Expression expression() {
      return model.newExpression("c" + expressions++);
    }

    private void addBalances() {
      for (int n = 0; n < a.nodes.size(); n++) {
        Node node = a.nodes.get(n);
        if (node instanceof Node.Outlet) {
          continue;
        }
        for (int t = 0; t < a.months; t++) {
          Expression b = expression();
          netArrivals(b, n, t);
          b.level(balanceLevel(b, node, n, t));
        }
      }
    }

    /** Adds arrivals minus departures of node n in month t to {@code e}. */
    private void netArrivals(Expression e, int n, int t) {
      for (int l : a.inLinks[n]) {
        e.set(flow[l][t], 1.0 - a.links.get(l).lossFraction());
      }
      for (int l : a.outLinks[n]) {
        e.set(flow[l][t], -1.0);
      }
    }

    /** Adds the node's own terms to the balance and returns its right-hand side. */
    private double balanceLevel(Expression b, Node node, int n, int t) {
      if (node instanceof Node.Source s) {
        return -s.inflow().get(t);
      } else if (node instanceof Node.Reservoir) {
        int r = a.reservoirIndex[n];
        b.set(storage[r][t], -1.0);
        if (t > 0) {
          b.set(storage[r][t - 1], 1.0);
          return 0.0;
        }
        return -a.reservoirs.get(r).initialStorage();
      } else if (node instanceof Node.Withdrawal w) {
        b.set(shortfall[a.withdrawalIndex[n]][t], 1.0);
        return w.demand().get(t);
      }
      return 0.0;
    }

    private void addEnvFlowsAndReleases() {
      for (int n = 0; n < a.nodes.size(); n++) {
        Node node = a.nodes.get(n);
        ConstraintRef.Kind kind =
            node instanceof Node.EnvFlow
                ? ConstraintRef.Kind.ENV_FLOW
                : a.minRelease.containsKey(node.name()) ? ConstraintRef.Kind.MIN_RELEASE : null;
        if (kind == null) {
          continue;
        }
        for (int t = 0; t < a.months; t++) {
          ConstraintRef ref = new ConstraintRef(kind, node.name(), t);
          double bound = variant.bound(ref, a.bound(ref));
          if (bound <= 0 || variant.isDropped(ref)) {
            continue;
          }
          Expression e = expression();
          for (int l : a.outLinks[n]) {
            e.set(flow[l][t], 1.0);
          }
          Variable slackVar = slackFor(ref);
          if (slackVar != null) {
            e.set(slackVar, 1.0);
          }
          e.lower(bound);
        }
      }
    }

    /** Quota: delivered <= quota, i.e. the state's shortfall >= its demand minus the quota. */
    private void addQuotas() {
      for (int s = 0; s < a.states.size(); s++) {
        ConstraintRef ref =
            new ConstraintRef(ConstraintRef.Kind.QUOTA, a.states.get(s), ConstraintRef.HORIZON);
        double quota = variant.bound(ref, a.bound(ref));
        double needed = a.stateDemand[s] - quota;
        if (Double.isInfinite(quota) || needed <= 0 || variant.isDropped(ref)) {
          continue;
        }
        Expression e = expression();
        stateShortfall(e, s, 1.0);
        Variable slackVar = slackFor(ref);
        if (slackVar != null) {
          e.set(slackVar, 1.0);
        }
        e.lower(needed);
      }
    }

    private void stateShortfall(Expression e, int s, double coefficient) {
      for (int w = 0; w < a.withdrawals.size(); w++) {
        if (a.withdrawalState[w] == s) {
          for (int t = 0; t < a.months; t++) {
            e.set(shortfall[w][t], coefficient);
          }
        }
      }
    }

    private void addObjective() {
      switch (objective.mode()) {
        case WEIGHTED -> weighShortfalls(objective.withdrawalWeights());
        case TOTAL_WITH_MAX_RELATIVE -> {
          relativeShortfallCaps(null, objective.maxRelative());
          weighShortfalls(null);
        }
        case MIN_MAX_RELATIVE -> {
          maxRelative = model.newVariable("z").lower(0.0).weight(1.0);
          relativeShortfallCaps(maxRelative, 0.0);
        }
        case FEASIBILITY -> {}
      }
    }

    private void weighShortfalls(double[] weights) {
      for (int w = 0; w < a.withdrawals.size(); w++) {
        for (int t = 0; t < a.months; t++) {
          shortfall[w][t].weight(weights == null ? 1.0 : weights[w]);
        }
      }
    }

    /** For each state: shortfall / demand <= z (a variable) or <= cap (a number). */
    private void relativeShortfallCaps(Variable z, double cap) {
      for (int s = 0; s < a.states.size(); s++) {
        if (a.stateDemand[s] <= 0) {
          continue;
        }
        Expression e = expression();
        stateShortfall(e, s, 1.0 / a.stateDemand[s]);
        if (z != null) {
          e.set(z, -1.0);
          e.upper(0.0);
        } else {
          e.upper(cap);
        }
      }
    }

    private LpSolution extract(Optimisation.Result r) {
      double[][] x = values(r, flow);
      double[][] st = values(r, storage);
      double[][] u = values(r, shortfall);
      Map<ConstraintRef, Double> slackValues = new LinkedHashMap<>();
      slack.forEach((ref, v) -> slackValues.put(ref, r.doubleValue(model.indexOf(v))));
      double z = maxRelative == null ? Double.NaN : r.doubleValue(model.indexOf(maxRelative));
      return new LpSolution(true, r.getState().toString(), r.getValue(), x, st, u, slackValues, z);
    }

    private double[][] values(Optimisation.Result r, Variable[][] vars) {
      double[][] out = new double[vars.length][a.months];
      for (int i = 0; i < vars.length; i++) {
        for (int t = 0; t < a.months; t++) {
          out[i][t] = r.doubleValue(model.indexOf(vars[i][t]));
        }
      }
      return out;
    }
  }

  /** The groups of constraints present in this programme, in a stable order. */
  List<ConstraintRef> groups() {
    List<ConstraintRef> groups = new ArrayList<>();
    for (ConstraintRef ref : layout.allRefs()) {
      if (!groups.contains(ref.group())) {
        groups.add(ref.group());
      }
    }
    return groups;
  }

  static Set<ConstraintRef> none() {
    return Set.of();
  }
}

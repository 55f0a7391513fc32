package org.vigil.water;

import java.util.HashMap;
import java.util.Map;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The benchmark's reference: the PROPORTIONAL allocation programme of a {@link SyntheticBasin}
 * written directly against ojAlgo from the generator's arrays, without the basin records, layout,
 * variants or result rows of this module. Its optimum must equal the engine's.
 */
final class ReferenceLp {
  private ReferenceLp() {}

  /** Builds and solves the programme; returns the optimum, NaN when not feasible. */
  static double solve(SyntheticBasin b) {
    int months = b.months;
    int nodes = b.names.size();
    ExpressionsBasedModel m = new ExpressionsBasedModel();
    Variable[][] x = new Variable[b.links.size()][months];
    for (int l = 0; l < x.length; l++) {
      for (int t = 0; t < months; t++) {
        x[l][t] = m.addVariable().lower(0.0);
        if (Double.isFinite(b.linkCapacity.get(l))) {
          x[l][t].upper(b.linkCapacity.get(l));
        }
      }
    }
    Map<Integer, Double> weight = weights(b);
    for (int n = 0; n < nodes; n++) {
      int kind = b.kinds.get(n);
      if (kind == SyntheticBasin.OUTLET) {
        continue;
      }
      Variable[] s = new Variable[months];
      double[] res = b.reservoir.get(n);
      for (int t = 0; t < months; t++) {
        Expression balance = m.addExpression();
        Expression out = m.addExpression();
        for (int l = 0; l < x.length; l++) {
          if (b.links.get(l)[1] == n) {
            balance.set(x[l][t], 1 - b.loss.get(l));
          }
          if (b.links.get(l)[0] == n) {
            balance.set(x[l][t], -1);
            out.set(x[l][t], 1);
          }
        }
        double rhs = 0;
        if (kind == SyntheticBasin.SOURCE) {
          rhs = -b.series.get(n)[t];
        } else if (kind == SyntheticBasin.RESERVOIR) {
          s[t] = m.addVariable().lower(res[1]).upper(res[0]);
          balance.set(s[t], -1);
          if (t == 0) {
            rhs = -res[2];
          } else {
            balance.set(s[t - 1], 1);
          }
          if (b.minRelease.get(n) != null) {
            out.lower(b.minRelease.get(n)[t]);
          }
        } else if (kind == SyntheticBasin.WITHDRAWAL) {
          double demand = b.series.get(n)[t];
          balance.set(m.addVariable().lower(0.0).upper(demand).weight(weight.get(n)), 1);
          rhs = demand;
        } else if (kind == SyntheticBasin.ENV_FLOW) {
          out.lower(b.series.get(n)[t]);
        }
        balance.level(rhs);
      }
    }
    Optimisation.Result r = m.minimise();
    return r.getState().isFeasible() ? r.getValue() : Double.NaN;
  }

  /** Per withdrawal node: total demand of all states over the demand of its state. */
  private static Map<Integer, Double> weights(SyntheticBasin b) {
    Map<String, Double> byState = new HashMap<>();
    double total = 0;
    for (int n = 0; n < b.names.size(); n++) {
      if (b.kinds.get(n) == SyntheticBasin.WITHDRAWAL) {
        double d = 0;
        for (int t = 0; t < b.months; t++) {
          d += b.series.get(n)[t];
        }
        byState.merge(b.state.get(n), d, Double::sum);
        total += d;
      }
    }
    Map<Integer, Double> weight = new HashMap<>();
    for (int n = 0; n < b.names.size(); n++) {
      if (b.kinds.get(n) == SyntheticBasin.WITHDRAWAL) {
        weight.put(n, total / byState.get(b.state.get(n)));
      }
    }
    return weight;
  }
}

package org.vigil.water;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns solver arrays into the public result rows. */
final class ResultAssembly {
  private final String basin;
  private final AllocationSpec spec;
  private final LpLayout a;
  private final Map<String, Double> weights;

  ResultAssembly(String basin, AllocationSpec spec, LpLayout layout, Map<String, Double> weights) {
    this.basin = basin;
    this.spec = spec;
    this.a = layout;
    this.weights = weights;
  }

  AllocationResult infeasible(InfeasibilityExplainer.Explanation explanation) {
    return new AllocationResult(
        AllocationResult.Status.INFEASIBLE,
        basin,
        spec.start(),
        spec.months(),
        spec.fairness(),
        weights,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        explanation.text(),
        explanation.conflicts(),
        List.of());
  }

  AllocationResult optimal(
      LpSolution s, List<AllocationResult.Relief> reliefs, List<String> diagnostics) {
    List<AllocationResult.Delivery> deliveries = new ArrayList<>();
    double total = 0;
    for (int w = 0; w < a.withdrawals.size(); w++) {
      Node.Withdrawal wd = a.withdrawals.get(w);
      for (int t = 0; t < a.months; t++) {
        double demand = wd.demand().get(t);
        double u = s.shortfall()[w][t];
        total += u;
        deliveries.add(
            new AllocationResult.Delivery(
                wd.name(), wd.state(), wd.sector(), t, month(t), demand, demand - u, u));
      }
    }
    return new AllocationResult(
        AllocationResult.Status.OPTIMAL,
        basin,
        spec.start(),
        spec.months(),
        spec.fairness(),
        weights,
        s.objective(),
        total,
        maxRelative(deliveries),
        deliveries,
        states(deliveries),
        storage(s),
        flows(s),
        reliefs,
        "",
        List.of(),
        diagnostics);
  }

  private YearMonth month(int t) {
    return spec.start().plusMonths(t);
  }

  private List<AllocationResult.StateMonth> states(List<AllocationResult.Delivery> deliveries) {
    List<AllocationResult.StateMonth> out = new ArrayList<>();
    for (String state : a.states) {
      for (int t = 0; t < a.months; t++) {
        double d = 0;
        double del = 0;
        double u = 0;
        for (AllocationResult.Delivery x : deliveries) {
          if (x.month() == t && x.state().equals(state)) {
            d += x.demand();
            del += x.delivered();
            u += x.shortfall();
          }
        }
        out.add(new AllocationResult.StateMonth(state, t, month(t), d, del, u));
      }
    }
    return out;
  }

  private double maxRelative(List<AllocationResult.Delivery> deliveries) {
    double max = 0;
    for (int s = 0; s < a.states.size(); s++) {
      String state = a.states.get(s);
      double u =
          deliveries.stream()
              .filter(x -> x.state().equals(state))
              .mapToDouble(AllocationResult.Delivery::shortfall)
              .sum();
      if (a.stateDemand[s] > 0) {
        max = Math.max(max, u / a.stateDemand[s]);
      }
    }
    return max;
  }

  private List<AllocationResult.StorageLevel> storage(LpSolution s) {
    List<AllocationResult.StorageLevel> out = new ArrayList<>();
    for (int r = 0; r < a.reservoirs.size(); r++) {
      for (int t = 0; t < a.months; t++) {
        out.add(
            new AllocationResult.StorageLevel(
                a.reservoirs.get(r).name(), t, month(t), s.storage()[r][t]));
      }
    }
    return out;
  }

  private List<AllocationResult.LinkFlow> flows(LpSolution s) {
    List<AllocationResult.LinkFlow> out = new ArrayList<>();
    for (int l = 0; l < a.links.size(); l++) {
      Link link = a.links.get(l);
      for (int t = 0; t < a.months; t++) {
        double x = s.flow()[l][t];
        double arrival = x * (1 - link.lossFraction());
        out.add(
            new AllocationResult.LinkFlow(
                link.from(), link.to(), t, month(t), x, arrival, x - arrival));
      }
    }
    return out;
  }
}

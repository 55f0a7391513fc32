package org.vigil.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Every solution keeps mass balance at every node and month: what arrives by links plus a source's
 * inflow equals what leaves by links plus what is delivered plus the change of storage, and each
 * link loses exactly its loss fraction. Checked from the published result rows, not from the
 * solver's arrays, within 1e-6 hm³.
 */
class MassBalancePropertyTest {
  private static final double TOLERANCE = 1e-6;
  private final WaterAllocator allocator = new WaterAllocator();

  @Property(tries = 150, seed = "20270401")
  void allocate_randomBasin_balancesEveryNodeAndMonth(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int months, @ForAll boolean maxMin) {
    Basin basin = RandomBasins.basin(seed, months);
    AllocationSpec spec =
        AllocationSpec.builder(YearMonth.of(2027, 1))
            .months(months)
            .fairness(maxMin ? FairnessRule.MAX_MIN : FairnessRule.PROPORTIONAL)
            .maxReliefChecks(3)
            .build();

    AllocationResult r = allocator.allocate(basin, spec);
    Statistics.label("feasible").collect(r.isFeasible());
    Statistics.label("reservoirs").collect(basin.reservoirs().size());

    if (!r.isFeasible()) {
      assertThat(r.explanation()).startsWith("Infeasible:");
      assertThat(r.conflicts()).anyMatch(AllocationResult.Conflict::inConflict);
      return;
    }
    for (int t = 0; t < months; t++) {
      checkMonth(basin, r, t);
    }
  }

  private static void checkMonth(Basin basin, AllocationResult r, int t) {
    Map<String, Double> arrivals = new HashMap<>();
    Map<String, Double> departures = new HashMap<>();
    for (AllocationResult.LinkFlow f : r.flows()) {
      if (f.month() == t) {
        Link link =
            basin.links().stream()
                .filter(l -> l.from().equals(f.from()) && l.to().equals(f.to()))
                .findFirst()
                .orElseThrow();
        assertThat(f.outflow()).isGreaterThanOrEqualTo(-TOLERANCE);
        assertThat(f.outflow()).isLessThanOrEqualTo(link.capacity() + TOLERANCE);
        assertThat(f.loss()).isCloseTo(f.outflow() * link.lossFraction(), within(TOLERANCE));
        assertThat(f.arrival() + f.loss()).isCloseTo(f.outflow(), within(TOLERANCE));
        arrivals.merge(f.to(), f.arrival(), Double::sum);
        departures.merge(f.from(), f.outflow(), Double::sum);
      }
    }
    for (Node n : basin.nodes()) {
      double in = arrivals.getOrDefault(n.name(), 0.0);
      double out = departures.getOrDefault(n.name(), 0.0);
      double residual = residual(r, n, t, in, out);
      assertThat(residual)
          .as("balance of %s in month %d", n.name(), t)
          .isCloseTo(0, within(TOLERANCE));
    }
  }

  private static double residual(AllocationResult r, Node n, int t, double in, double out) {
    if (n instanceof Node.Source s) {
      return s.inflow().get(t) + in - out;
    } else if (n instanceof Node.Reservoir res) {
      double now = storage(r, res.name(), t);
      double before = t == 0 ? res.initialStorage() : storage(r, res.name(), t - 1);
      assertThat(now).isBetween(res.minStorage() - TOLERANCE, res.capacity() + TOLERANCE);
      return before + in - out - now;
    } else if (n instanceof Node.Withdrawal w) {
      AllocationResult.Delivery d =
          r.deliveries().stream()
              .filter(x -> x.withdrawal().equals(w.name()) && x.month() == t)
              .findFirst()
              .orElseThrow();
      assertThat(d.delivered()).isBetween(-TOLERANCE, w.demand().get(t) + TOLERANCE);
      assertThat(d.delivered() + d.shortfall()).isCloseTo(w.demand().get(t), within(TOLERANCE));
      return in - out - d.delivered();
    } else if (n instanceof Node.EnvFlow e) {
      assertThat(out).isGreaterThanOrEqualTo(e.minFlow().get(t) - TOLERANCE);
      return in - out;
    }
    return 0;
  }

  private static double storage(AllocationResult r, String reservoir, int t) {
    return r.storage().stream()
        .filter(s -> s.reservoir().equals(reservoir) && s.month() == t)
        .findFirst()
        .orElseThrow()
        .storage();
  }
}

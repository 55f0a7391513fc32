package org.vigil.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * On small cases the LP optimum equals an exhaustive search. With integer data and no losses the
 * programme's matrix is a network matrix (every flow, storage and shortfall variable enters at most
 * two balances with coefficients +1 and -1), so its optimal vertices are integral and an integer
 * grid contains an optimum: the values must agree within 1e-6. The MAX_MIN value is not integral; a
 * grid of step 0.25 finds it from above, within (withdrawal-months + 1) * step / the smallest state
 * demand.
 */
class BruteForcePropertyTest {
  private static final YearMonth START = YearMonth.of(2027, 4);
  private final WaterAllocator allocator = new WaterAllocator();

  /**
   * S -> R -> W1 (KAZ) -> W2 (UZB) -> O over 2 months, a minimum release from R; the search runs
   * over the releases and both deliveries of both months.
   */
  @Property(tries = 60, seed = "7")
  void allocate_reservoirChain_equalsExhaustiveSearch(
      @ForAll @IntRange(min = 0, max = 8) int in0,
      @ForAll @IntRange(min = 0, max = 8) int in1,
      @ForAll @IntRange(min = 0, max = 6) int da0,
      @ForAll @IntRange(min = 0, max = 6) int da1,
      @ForAll @IntRange(min = 0, max = 6) int db0,
      @ForAll @IntRange(min = 0, max = 6) int db1,
      @ForAll @IntRange(min = 0, max = 10) int cap,
      @ForAll @IntRange(min = 0, max = 100) int minPct,
      @ForAll @IntRange(min = 0, max = 100) int initPct,
      @ForAll @IntRange(min = 0, max = 3) int release,
      @ForAll @IntRange(min = 1, max = 3) int wa,
      @ForAll @IntRange(min = 1, max = 3) int wb) {
    int min = cap * minPct / 100;
    int init = min + (cap - min) * initPct / 100;
    Basin b =
        new Basin(
            "chain",
            List.of(
                Node.source("S", Monthly.of(in0, in1)),
                Node.reservoir("R", cap, min, init),
                Node.withdrawal("W1", "KAZ", "irrigation", Monthly.of(da0, da1)),
                Node.withdrawal("W2", "UZB", "irrigation", Monthly.of(db0, db1)),
                Node.outlet("O")),
            List.of(Link.of("S", "R"), Link.of("R", "W1"), Link.of("W1", "W2"), Link.of("W2", "O")),
            List.of(new Agreement.MinimumRelease("R", Monthly.of(release, release))));
    AllocationSpec spec =
        AllocationSpec.builder(START)
            .months(2)
            .weight("KAZ", wa)
            .weight("UZB", wb)
            .build()
            .withoutRelief();

    AllocationResult r = allocator.allocate(b, spec);

    int[] in = {in0, in1};
    int[][] demand = {{da0, da1}, {db0, db1}};
    double best = Double.POSITIVE_INFINITY;
    for (int r0 = release; r0 <= init + in0; r0++) {
      int s0 = init + in0 - r0;
      if (s0 < min || s0 > cap) {
        continue;
      }
      for (int r1 = release; r1 <= s0 + in1; r1++) {
        int s1 = s0 + in[1] - r1;
        if (s1 < min || s1 > cap) {
          continue;
        }
        best =
            Math.min(best, chainMonth(r0, demand, 0, wa, wb) + chainMonth(r1, demand, 1, wa, wb));
      }
    }
    if (Double.isInfinite(best)) {
      assertThat(r.isFeasible()).isFalse();
    } else {
      assertThat(r.isFeasible()).isTrue();
      assertThat(r.objective()).isCloseTo(best, within(1e-6));
    }
  }

  /** The least weighted shortfall of one month given the release, over all delivery pairs. */
  private static double chainMonth(int release, int[][] demand, int t, int wa, int wb) {
    double best = Double.POSITIVE_INFINITY;
    for (int d1 = 0; d1 <= demand[0][t] && d1 <= release; d1++) {
      for (int d2 = 0; d2 <= demand[1][t] && d2 <= release - d1; d2++) {
        best = Math.min(best, wa * (demand[0][t] - d1) + wb * (demand[1][t] - d2));
      }
    }
    return best;
  }

  /** S forks to W1 (KAZ) -> W3 (TJK) -> O and to W2 (UZB) -> O; 2 months without storage. */
  private static Basin fork(int[] in, int[][] demand) {
    return new Basin(
        "fork",
        List.of(
            Node.source("S", Monthly.of(in[0], in[1])),
            Node.withdrawal("W1", "KAZ", "irrigation", Monthly.of(demand[0][0], demand[0][1])),
            Node.withdrawal("W2", "UZB", "irrigation", Monthly.of(demand[1][0], demand[1][1])),
            Node.withdrawal("W3", "TJK", "irrigation", Monthly.of(demand[2][0], demand[2][1])),
            Node.outlet("O")),
        List.of(
            Link.of("S", "W1"),
            Link.of("S", "W2"),
            Link.of("W1", "W3"),
            Link.of("W3", "O"),
            Link.of("W2", "O")),
        List.of());
  }

  @Property(tries = 40, seed = "11")
  void allocate_forkWithThreeWithdrawals_equalsExhaustiveSearch(
      @ForAll @IntRange(min = 0, max = 9) int in0,
      @ForAll @IntRange(min = 0, max = 9) int in1,
      @ForAll @IntRange(min = 0, max = 5) int d10,
      @ForAll @IntRange(min = 0, max = 5) int d11,
      @ForAll @IntRange(min = 0, max = 5) int d20,
      @ForAll @IntRange(min = 0, max = 5) int d21,
      @ForAll @IntRange(min = 0, max = 5) int d30,
      @ForAll @IntRange(min = 0, max = 5) int d31) {
    int[] in = {in0, in1};
    int[][] demand = {{d10, d11}, {d20, d21}, {d30, d31}};
    AllocationSpec spec =
        AllocationSpec.builder(START)
            .months(2)
            .weight("KAZ", 1)
            .weight("UZB", 2)
            .weight("TJK", 3)
            .build()
            .withoutRelief();

    AllocationResult r = allocator.allocate(fork(in, demand), spec);

    // months are independent without storage, so the joint minimum is the sum of the monthly ones
    double best = forkMonth(in[0], demand, 0, 1) + forkMonth(in[1], demand, 1, 1);
    assertThat(r.objective()).isCloseTo(best, within(1e-6));
  }

  /** The least weighted shortfall of one month on a grid of {@code 1/steps}, over all splits. */
  private static double forkMonth(int inflow, int[][] demand, int t, int steps) {
    double best = Double.POSITIVE_INFINITY;
    for (int a = 0; a <= inflow * steps; a++) {
      for (int d1 = 0; d1 <= demand[0][t] * steps && d1 <= a; d1++) {
        for (int d3 = 0; d3 <= demand[2][t] * steps && d3 <= a - d1; d3++) {
          int d2 = Math.min(demand[1][t] * steps, inflow * steps - a);
          for (int x = 0; x <= d2; x++) {
            double v =
                (demand[0][t] * steps - d1)
                    + 2.0 * (demand[1][t] * steps - x)
                    + 3.0 * (demand[2][t] * steps - d3);
            best = Math.min(best, v / steps);
          }
        }
      }
    }
    return best;
  }

  @Property(tries = 25, seed = "13")
  void allocate_forkMaxMin_matchesGridSearchOfLargestRelativeShortfall(
      @ForAll @IntRange(min = 0, max = 8) int inflow,
      @ForAll @IntRange(min = 1, max = 4) int d1,
      @ForAll @IntRange(min = 1, max = 4) int d2,
      @ForAll @IntRange(min = 1, max = 4) int d3) {
    int[][] demand = {{d1, d1}, {d2, d2}, {d3, d3}};
    AllocationSpec spec =
        AllocationSpec.builder(START)
            .months(1)
            .fairness(FairnessRule.MAX_MIN)
            .build()
            .withoutRelief();

    AllocationResult r = allocator.allocate(fork(new int[] {inflow, inflow}, demand), spec);

    int steps = 4;
    double best = Double.POSITIVE_INFINITY;
    for (int a = 0; a <= inflow * steps; a++) {
      for (int x1 = 0; x1 <= d1 * steps && x1 <= a; x1++) {
        int x3 = Math.min(d3 * steps, a - x1);
        int x2 = Math.min(d2 * steps, inflow * steps - a);
        double worst = Math.max(1 - x1 / (double) (d1 * steps), 1 - x2 / (double) (d2 * steps));
        best = Math.min(best, Math.max(worst, 1 - x3 / (double) (d3 * steps)));
      }
    }
    double tolerance = 2 * (1.0 / steps) / Math.min(d1, Math.min(d2, d3));
    assertThat(r.maxRelativeShortfall()).isLessThanOrEqualTo(best + 1e-9);
    assertThat(r.maxRelativeShortfall()).isGreaterThanOrEqualTo(best - tolerance);
  }
}

package org.vigil.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Central intervals of a count distribution whose probability is closest to the nominal level.
 *
 * <p>R's quantiles ({@code q(p)}, the smallest {@code k} with {@code F(k) >= p}) as bounds of a
 * central interval, {@code [q(a), q(1 - a)]}, give it a probability {@code F(q(1 - a)) - F(q(a) -
 * 1)} that is above {@code 1 - 2a} by construction: each end keeps the whole mass of the count it
 * stops at. At small means that mass is large: the 80% interval of a Poisson(2) is [0, 4], with
 * probability 94.7%. Here each pair of bounds is chosen instead among the four pairs that move R's
 * lower bound up by at most one and R's upper bound down by at most one: the pair whose probability
 * under the distribution is closest to {@code 1 - 2a} (ties: the wider). Poisson(2) at 80%: [1, 4],
 * 81.2%. The bounds stay whole numbers and never negative; they are nested (each interval inside
 * the next wider one) and contain R's median. The probability can still be far from nominal when
 * one count holds most of the mass: a Poisson(0.05)'s only interval near 80% is [0, 0], 95.1%.
 *
 * <p>This is not the quantile that minimises the expected pinball loss at {@code a} (R's is), so a
 * CRPS computed from these bounds is, under a correct distribution, slightly higher; the choice
 * favours intervals that mean what their level says. Probabilities that are not in a central pair
 * (the median among them) keep R's quantiles.
 */
final class CountIntervals {
  private static final double EPS = 1e-9;

  private CountIntervals() {}

  /** The bounds at {@code probs}: each pair {@code (a, 1 - a)} chosen as above, the rest R's. */
  static double[] bounds(CountDistribution d, double[] probs) {
    double[] withMedian = Arrays.copyOf(probs, probs.length + 1);
    withMedian[probs.length] = 0.5;
    CountDistribution.Steps s = d.steps(withMedian);
    double median = s.quantiles()[probs.length];
    double[] out = Arrays.copyOf(s.quantiles(), probs.length);
    double[] outer = {0, Double.POSITIVE_INFINITY};
    for (int[] pair : pairsWidestFirst(probs)) {
      outer = closestPair(s, pair[0], pair[1], probs[pair[1]] - probs[pair[0]], median, outer);
      out[pair[0]] = outer[0];
      out[pair[1]] = outer[1];
    }
    return out;
  }

  /**
   * Of R's bounds at {@code lo} and {@code hi} and the bounds moved one count inwards, the pair
   * inside {@code outer} and around the median whose probability is closest to {@code level}.
   */
  private static double[] closestPair(
      CountDistribution.Steps s, int lo, int hi, double level, double median, double[] outer) {
    double[] best = {s.quantiles()[lo], s.quantiles()[hi]};
    double bestGap = Double.POSITIVE_INFINITY;
    double bestMass = 0;
    for (int up = 0; up <= 1; up++) {
      for (int down = 0; down <= 1; down++) {
        double l = s.quantiles()[lo] + up;
        double u = s.quantiles()[hi] - down;
        if (l < outer[0] || l > median || u < median || u > outer[1]) {
          continue;
        }
        // P(l <= X <= u) = F(u) - F(l - 1), both known from R's quantile and the count below it.
        double mass =
            (down == 0 ? s.at()[hi] : s.below()[hi]) - (up == 0 ? s.below()[lo] : s.at()[lo]);
        double gap = Math.abs(mass - level);
        if (gap < bestGap - EPS || (gap < bestGap + EPS && mass > bestMass)) {
          bestGap = gap;
          bestMass = mass;
          best = new double[] {l, u};
        }
      }
    }
    return best;
  }

  /** Index pairs {@code (i, j)} with {@code probs[i] + probs[j] = 1}, {@code probs[i] < 0.5}. */
  private static List<int[]> pairsWidestFirst(double[] probs) {
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < probs.length; i++) {
      for (int j = 0; j < probs.length; j++) {
        if (probs[i] < 0.5 - EPS && Math.abs(probs[i] + probs[j] - 1) < EPS) {
          pairs.add(new int[] {i, j});
          break;
        }
      }
    }
    pairs.sort((x, y) -> Double.compare(probs[x[0]], probs[y[0]]));
    return pairs;
  }
}

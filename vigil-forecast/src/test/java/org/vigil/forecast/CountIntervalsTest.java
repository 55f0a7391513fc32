package org.vigil.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountIntervalsTest {
  private static final double[] PROBS = {0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975};

  /**
   * Bounds worked out by hand from the cumulative probabilities, e.g. Poisson(2): F(0) = 0.135,
   * F(3) = 0.857, F(4) = 0.947; at 80% the pairs are [0, 4] 0.947 (R's), [0, 3] 0.857, [1, 4] 0.812
   * and [1, 3] 0.722.
   */
  @ParameterizedTest
  @CsvSource({
    // mu, size (0 = Poisson), level, R's lower, R's upper, our lower, our upper
    "2.0, 0, 0.8, 0, 4, 1, 4",
    "2.0, 0, 0.95, 0, 5, 0, 4",
    "1.5, 0, 0.8, 0, 3, 0, 2",
    "0.05, 0, 0.8, 0, 0, 0, 0",
    "6.0, 0, 0.8, 3, 9, 3, 8",
    "3.0, 1.2, 0.8, 0, 7, 0, 6"
  })
  void bounds_smallMeans_areThePairClosestToTheLevel(
      double mu, double size, double level, int rLo, int rHi, int lo, int hi) {
    CountDistribution d =
        size == 0 ? CountDistribution.poisson(mu) : CountDistribution.negativeBinomial(mu, size);
    double a = (1 - level) / 2;
    assertThat(d.quantiles(new double[] {a, 1 - a})).containsExactly(rLo, rHi);
    double[] b = CountIntervals.bounds(d, PROBS);
    assertThat(new double[] {b[index(a)], b[index(1 - a)]}).containsExactly(lo, hi);
  }

  /**
   * The calibration test: counts drawn (seed 42) from 60 Poisson and negative binomial
   * distributions with means 0.5 to 30, 2,000 draws each. The share inside the 80% and 95% bounds
   * must be within 2.5 points of nominal (exactly, computed in R: 81.3% and 95.6%); R's quantiles
   * as bounds cover 88.7% and 97.6% and fail it.
   */
  @Test
  void bounds_drawnCounts_coverCloseToTheNominalLevel_whereRsQuantilesOverCover() {
    SplittableRandom rnd = new SplittableRandom(42);
    int[] ours = new int[2];
    int[] rs = new int[2];
    int total = 0;
    for (CountDistribution d : grid()) {
      double[] b = CountIntervals.bounds(d, PROBS);
      double[] r = d.quantiles(PROBS);
      for (int i = 0; i < 2000; i++) {
        double y = draw(d, rnd);
        total++;
        ours[0] += b[1] <= y && y <= b[5] ? 1 : 0;
        ours[1] += b[0] <= y && y <= b[6] ? 1 : 0;
        rs[0] += r[1] <= y && y <= r[5] ? 1 : 0;
        rs[1] += r[0] <= y && y <= r[6] ? 1 : 0;
      }
    }
    assertThat(100.0 * ours[0] / total).as("80%% bounds").isBetween(77.5, 82.5);
    assertThat(100.0 * ours[1] / total).as("95%% bounds").isBetween(92.5, 97.5);
    assertThat(100.0 * rs[0] / total).as("R's 80%% quantiles").isGreaterThan(82.5);
  }

  @Test
  void bounds_manyDistributions_wholeNonNegativeNestedAroundTheMedian() {
    SplittableRandom rnd = new SplittableRandom(9);
    for (int i = 0; i < 3000; i++) {
      double mu = Math.exp(rnd.nextDouble(-4, 8));
      double size = rnd.nextBoolean() ? Double.POSITIVE_INFINITY : Math.exp(rnd.nextDouble(-2, 4));
      double pi = rnd.nextInt(3) == 0 ? rnd.nextDouble(0, 0.8) : 0;
      CountDistribution d = new CountDistribution(mu, size, pi);
      double[] b = CountIntervals.bounds(d, PROBS);
      double median = d.quantile(0.5);
      assertThat(b[3]).as(d.toString()).isEqualTo(median);
      for (int k = 0; k < b.length; k++) {
        assertThat(b[k]).as(d + " at " + PROBS[k]).isEqualTo(Math.rint(b[k])).isNotNegative();
        if (k > 0) {
          assertThat(b[k]).as(d + " at " + PROBS[k]).isGreaterThanOrEqualTo(b[k - 1]);
        }
      }
    }
  }

  @Test
  void bounds_hugeMean_normalApproximation_withinOneOfRs() {
    CountDistribution d = CountDistribution.negativeBinomial(2e7, 1e4);
    double[] b = CountIntervals.bounds(d, PROBS);
    double[] r = d.quantiles(PROBS);
    for (int k = 0; k < b.length; k++) {
      assertThat(b[k]).isEqualTo(Math.rint(b[k])).isBetween(r[k] - 1, r[k] + 1);
    }
  }

  private static List<CountDistribution> grid() {
    List<CountDistribution> out = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      double mu = 0.5 * Math.pow(60, i / 29.0);
      out.add(CountDistribution.poisson(mu));
      out.add(CountDistribution.negativeBinomial(mu, 2.5));
    }
    return out;
  }

  /** A draw by inverting the distribution function. */
  private static double draw(CountDistribution d, SplittableRandom rnd) {
    double u = rnd.nextDouble();
    int k = 0;
    double c = d.pmf(0);
    while (c < u) {
      k++;
      c += d.pmf(k);
    }
    return k;
  }

  private static int index(double p) {
    for (int i = 0; i < PROBS.length; i++) {
      if (Math.abs(PROBS[i] - p) < 1e-9) {
        return i;
      }
    }
    throw new IllegalArgumentException("no probability " + p);
  }
}

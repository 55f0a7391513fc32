package org.vigil.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NelderMeadTest {

  /** Rosenbrock's valley from the classic start (-1.2, 1): the minimum (1, 1) to 1e-3. */
  @Test
  void minimize_rosenbrock_reachesTheMinimum() {
    NelderMead.Objective f = x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2);
    NelderMead.Result r =
        NelderMead.minimize(f, new double[] {-1.2, 1}, new double[] {0.1, 0.1}, 1e-12, 5000);
    assertThat(r.x()[0]).isCloseTo(1, within(1e-3));
    assertThat(r.x()[1]).isCloseTo(1, within(1e-3));
    assertThat(r.evaluations()).isLessThanOrEqualTo(5000);
  }

  /**
   * A badly scaled 16-dimensional quadratic (the size of a monthly seasonal ETS model), restarted
   * as {@code Ets} restarts: the minimum to 1e-3 in every coordinate. A wrong centroid (the running
   * sum of the vertices getting out of step with them) stalls the search far from it.
   */
  @Test
  void minimize_sixteenDimensionalQuadratic_reachesTheMinimum() {
    int n = 16;
    NelderMead.Objective f =
        x -> {
          double s = 0;
          for (int i = 0; i < n; i++) {
            double d = x[i] - (i - 7.5) / 4;
            s += (i + 1) * d * d;
          }
          return s;
        };
    double[] step = new double[n];
    Arrays.fill(step, 0.5);
    NelderMead.Result r = NelderMead.minimize(f, new double[n], step, 1e-14, 20_000);
    for (int k = 0; k < 20; k++) {
      r = NelderMead.minimize(f, r.x(), step, 1e-14, 20_000);
    }
    for (int i = 0; i < n; i++) {
      assertThat(r.x()[i]).as("x[%d]", i).isCloseTo((i - 7.5) / 4, within(1e-3));
    }
  }

  /** Points where the objective is infinite are never accepted: the constrained minimum x = 1. */
  @Test
  void minimize_infeasibleRegion_staysInsideAndReachesTheBoundary() {
    NelderMead.Objective f = x -> x[0] > 1 ? Double.POSITIVE_INFINITY : (x[0] - 2) * (x[0] - 2);
    NelderMead.Result r = NelderMead.minimize(f, new double[] {0}, new double[] {0.3}, 1e-14, 2000);
    assertThat(r.x()[0]).isLessThanOrEqualTo(1).isCloseTo(1, within(1e-6));
  }
}

package org.vigil.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The specialised estimation loops of {@link EtsFilter} (one per season type, and the one without
 * season) against the general loop that takes every branch per step, on random series, parameters
 * and initial states (fixed seed): the objective and the final states must be equal to the last bit
 * (tolerance zero), including the infinite objective of inadmissible multiplicative runs.
 */
class EtsFilterLoopsTest {
  private static final int TRIALS = 300;

  static List<EtsType> types() {
    List<EtsType> out = new ArrayList<>();
    for (boolean multErr : new boolean[] {false, true}) {
      for (int trend : new int[] {EtsType.NONE, EtsType.ADDITIVE, EtsType.DAMPED}) {
        for (int season : new int[] {EtsType.NONE, EtsType.ADDITIVE, EtsType.MULTIPLICATIVE}) {
          out.add(new EtsType(multErr, trend, season));
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void run_randomInputs_equalsGeneralLoopBitForBit(EtsType type) {
    SplittableRandom random = new SplittableRandom(20261207L + type.hashCode());
    int infinite = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      int m = new int[] {4, 12, 7, 5}[trial % 4];
      int n = 3 + random.nextInt(150);
      double[] y = series(random, n, m, trial % 10 == 0);
      double alpha = random.nextDouble(1e-4, 0.9999);
      double beta = random.nextDouble(1e-4, alpha);
      double gamma = random.nextDouble(1e-4, Math.max(2e-4, 1 - alpha));
      double phi = random.nextDouble(0.8, 0.98);
      double[] s0 = new double[m + 3];
      for (int i = 0; i < s0.length; i++) {
        s0[i] =
            type.season() == EtsType.MULTIPLICATIVE
                ? random.nextDouble(0.5, 1.5)
                : random.nextDouble(-20, 20);
      }
      double l0 = y[0] * random.nextDouble(0.8, 1.2);
      double b0 = random.nextDouble(-3, 3);

      EtsFilter special = new EtsFilter(type, m, y);
      EtsFilter general = new EtsFilter(type, m, y);
      double a = special.run(alpha, beta, gamma, phi, l0, b0, s0, 3, null);
      double g = general.runGeneral(alpha, beta, gamma, phi, l0, b0, s0, 3, null);

      assertThat(Double.doubleToLongBits(a))
          .as("objective, trial %d: %s against %s", trial, a, g)
          .isEqualTo(Double.doubleToLongBits(g));
      if (Double.isInfinite(a)) {
        infinite++;
        continue;
      }
      assertThat(special.level).isEqualTo(general.level);
      assertThat(special.trend).isEqualTo(general.trend);
      if (type.seasonal()) {
        assertThat(special.season()).containsExactly(general.season());
      }
    }
    // the inputs must mostly be admissible, or the comparison says little
    assertThat(infinite).isLessThan(TRIALS / 3);
  }

  /** A positive seasonal series around 100 with trend and noise; sometimes one near zero. */
  private static double[] series(SplittableRandom random, int n, int m, boolean nearZero) {
    double[] y = new double[n];
    double slope = random.nextDouble(-0.5, 0.5);
    for (int t = 0; t < n; t++) {
      double seasonal = 10 * Math.sin(2 * Math.PI * (t % m) / m);
      y[t] = 100 + slope * t + seasonal + random.nextGaussian() * 5;
      if (nearZero) {
        y[t] = Math.abs(y[t]) * 1e-9;
      }
    }
    return y;
  }
}

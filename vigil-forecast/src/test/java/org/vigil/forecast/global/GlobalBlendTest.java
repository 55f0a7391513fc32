package org.vigil.forecast.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GlobalBlendTest {

  @Test
  void points_liesBetweenItsPartsAtEveryStep() {
    SplittableRandom rng = new SplittableRandom(5);
    for (double w : new double[] {0, 0.2, 0.35, 0.5, 1}) {
      double[] net = new double[18];
      double[] local = new double[18];
      for (int i = 0; i < 18; i++) {
        net[i] = 100 * rng.nextDouble();
        local[i] = 100 * rng.nextDouble();
      }
      double[] b = new GlobalBlend(w).points(net, local);
      for (int i = 0; i < 18; i++) {
        assertThat(b[i])
            .isBetween(Math.min(net[i], local[i]) - 1e-12, Math.max(net[i], local[i]) + 1e-12);
        assertThat(b[i]).isCloseTo(w * net[i] + (1 - w) * local[i], within(1e-12));
      }
    }
  }

  @Test
  void shift_movesEachBoundByTheBlendsMove() {
    double[] local = {10, 20};
    double[] blend = {12, 19};
    assertThat(GlobalBlend.shift(new double[] {8, 15}, local, blend)).containsExactly(10, 14);
  }

  @Test
  void weightOutsideUnitInterval_isRefused() {
    assertThatThrownBy(() -> new GlobalBlend(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("found 1.5");
  }

  private static org.assertj.core.data.Offset<Double> within(double v) {
    return org.assertj.core.data.Offset.offset(v);
  }
}

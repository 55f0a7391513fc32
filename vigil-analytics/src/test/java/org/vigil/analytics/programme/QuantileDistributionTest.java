package org.vigil.analytics.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vigil.analytics.stats.Normal;

class QuantileDistributionTest {
  private static final double[] P = {
    0.01, 0.025, 0.05, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 0.95, 0.975, 0.99
  };

  private static QuantileDistribution normal(double mean, double sd) {
    double[] q = new double[P.length];
    for (int i = 0; i < P.length; i++) {
      q[i] = mean + sd * Normal.quantile(P[i]);
    }
    return new QuantileDistribution(P, q);
  }

  /** Golden: linear interpolation on this grid errs at most about 0.0055 against the normal CDF. */
  @Test
  void cdf_normalQuantiles_matchesNormalCdfWithin0005() {
    QuantileDistribution d = normal(10, 2);
    for (double x = 0; x <= 20; x += 0.25) {
      assertThat(d.cdf(x)).as("x=%s", x).isCloseTo(Normal.cdf((x - 10) / 2), within(0.006));
    }
  }

  @Test
  void cdf_tails_areNormalBeyondOuterQuantiles() {
    QuantileDistribution d = normal(0, 1);
    assertThat(d.cdf(-3)).isCloseTo(Normal.cdf(-3), within(1e-4));
    assertThat(d.cdf(3.5)).isCloseTo(Normal.cdf(3.5), within(1e-4));
  }

  @Test
  void quantile_invertsCdf() {
    QuantileDistribution d = normal(5, 3);
    for (double p : new double[] {0.001, 0.03, 0.2, 0.5, 0.77, 0.93, 0.999}) {
      assertThat(d.cdf(d.quantile(p))).isCloseTo(p, within(1e-9));
    }
  }

  @Test
  void cdf_pointMassAtZero_isRightContinuous() {
    double[] p = {0.1, 0.5, 0.9};
    QuantileDistribution d = new QuantileDistribution(p, new double[] {0, 0, 4});
    assertThat(d.cdf(-0.001)).isEqualTo(0.0);
    assertThat(d.cdf(0)).isEqualTo(0.5);
    assertThat(d.cdf(2)).isCloseTo(0.7, within(1e-12));
  }

  @Test
  void constructor_decreasingValues_failsShowingThem() {
    assertThatThrownBy(() -> new QuantileDistribution(new double[] {0.1, 0.9}, new double[] {3, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("increase");
  }
}

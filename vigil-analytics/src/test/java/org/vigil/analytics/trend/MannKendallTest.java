package org.vigil.analytics.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MannKendallTest {
  @Test
  void test_strictlyIncreasing_sIsAllPairsAndTauOne() {
    MannKendallResult r = MannKendall.test(new double[] {1, 2, 3, 4, 5}, false);
    assertThat(r.s()).isEqualTo(10);
    assertThat(r.tau()).isCloseTo(1.0, within(1e-12));
    // n(n-1)(2n+5)/18 = 5*4*15/18
    assertThat(r.varS()).isCloseTo(5 * 4 * 15 / 18.0, within(1e-12));
  }

  @Test
  void test_allTied_pValueOneAndNoDirection() {
    MannKendallResult r = MannKendall.test(new double[] {3, 3, 3, 3}, true);
    assertThat(r.s()).isZero();
    assertThat(r.pValue()).isEqualTo(1.0);
  }

  @Test
  void seasonal_periodOne_equalsPlainTest() {
    double[] x = {5, 3, 8, Double.NaN, 9, 12, 11};
    assertThat(MannKendall.seasonal(x, 1, true)).isEqualTo(MannKendall.test(x, true));
  }

  @Test
  void seasonal_seasonalPatternWithoutTrend_findsNoTrend() {
    double[] x = new double[60];
    for (int i = 0; i < x.length; i++) {
      x[i] = 10 * Math.sin(2 * Math.PI * i / 12) + ((i * 7) % 5 - 2) * 0.1;
    }
    MannKendallResult r = MannKendall.seasonal(x, 12, true);
    assertThat(r.pValue()).isGreaterThan(0.05);
  }
}

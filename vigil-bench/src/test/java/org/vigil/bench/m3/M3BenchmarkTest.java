package org.vigil.bench.m3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.forecast.ForecastSpec;

class M3BenchmarkTest {

  /** Seeded monthly and yearly series with trend, season and noise. */
  private static List<M3Series> series() {
    Random r = new Random(20261129);
    double[] monthly = new double[72];
    for (int t = 0; t < monthly.length; t++) {
      monthly[t] = 200 + 1.5 * t + 25 * Math.sin(2 * Math.PI * t / 12) + 8 * r.nextGaussian();
    }
    double[] yearly = new double[24];
    for (int t = 0; t < yearly.length; t++) {
      yearly[t] = 1000 + 40 * t + 30 * r.nextGaussian();
    }
    return List.of(
        new M3Series("T1", "MONTHLY", 12, 2000, 1, monthly, new double[18]),
        new M3Series("T2", "YEARLY", 1, 1990, 1, yearly, new double[6]));
  }

  @Test
  void run_meanComboAfterItsMembers_equalsTheEnginesOwnEnsemble() throws Exception {
    List<M3Series> s = series();
    List<MethodForecasts> shared =
        M3Benchmark.run(s, List.of("ets", "arima", "theta", "combo-mean"), 1, ForecastSpec.DEFAULT);
    List<MethodForecasts> alone =
        M3Benchmark.run(s, List.of("combo-mean"), 1, ForecastSpec.DEFAULT);
    MethodForecasts a = shared.get(3);
    MethodForecasts b = alone.get(0);
    for (M3Series x : s) {
      double[] pa = a.points(x.id());
      double[] pb = b.points(x.id());
      assertThat(pa).hasSameSizeAs(pb);
      for (int k = 0; k < pa.length; k++) {
        assertThat(pa[k]).isCloseTo(pb[k], within(1e-9 * Math.abs(pb[k]) + 1e-12));
        for (int i = 0; i < 4; i++) {
          double ia = a.intervals.get(x.id())[i][k];
          double ib = b.intervals.get(x.id())[i][k];
          assertThat(ia).isCloseTo(ib, within(1e-9 * Math.abs(ib) + 1e-12));
        }
      }
      assertThat(a.models().get(x.id())).isEqualTo(b.models().get(x.id()));
    }
  }

  @Test
  void run_comboGlobal_liesBetweenTheNetworkAndTheCombinationWithItsIntervalWidth()
      throws Exception {
    List<M3Series> s = series();
    List<MethodForecasts> out =
        M3Benchmark.run(
            s, List.of("combo-validated", "global", "combo-global"), 2, ForecastSpec.DEFAULT);
    MethodForecasts combo = out.get(0);
    MethodForecasts net = out.get(1);
    MethodForecasts blend = out.get(2);
    for (M3Series x : s) {
      double[] c = combo.points(x.id());
      double[] g = net.points(x.id());
      double[] b = blend.points(x.id());
      assertThat(g).hasSize(x.horizon());
      assertThat(net.intervals).doesNotContainKey(x.id());
      for (int k = 0; k < b.length; k++) {
        assertThat(b[k]).isBetween(Math.min(c[k], g[k]) - 1e-9, Math.max(c[k], g[k]) + 1e-9);
        for (int i = 0; i < 4; i += 2) {
          double widthCombo =
              combo.intervals.get(x.id())[i + 1][k] - combo.intervals.get(x.id())[i][k];
          double widthBlend =
              blend.intervals.get(x.id())[i + 1][k] - blend.intervals.get(x.id())[i][k];
          assertThat(widthBlend).isCloseTo(widthCombo, within(1e-9 * Math.abs(widthCombo) + 1e-9));
        }
      }
    }
    assertThat(net.note).contains("net L24").contains("windows");
    assertThat(net.cpuNanos).isPositive();
  }
}

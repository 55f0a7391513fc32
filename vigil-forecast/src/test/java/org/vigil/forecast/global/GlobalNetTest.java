package org.vigil.forecast.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.vigil.forecast.ForecastInputException;
import org.vigil.forecast.eval.Metrics;

class GlobalNetTest {
  private static final int H = 12;
  private static final GlobalNetSpec SMALL =
      GlobalNetSpec.DEFAULT.withWidth(32).withEpochs(30).withEnsembleSize(3);

  /**
   * Monthly series with a shared seasonal shape of random amplitude, a random growth rate and
   * log-normal noise (sd 0.05), from seed 11.
   */
  private static List<double[]> panel(int count, int length, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<double[]> out = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      double level = 50 + 950 * rng.nextDouble();
      double amp = 0.1 + 0.3 * rng.nextDouble();
      double growth = 0.02 * rng.nextDouble();
      double[] y = new double[length];
      for (int t = 0; t < length; t++) {
        double season = amp * Math.sin(2 * Math.PI * t / 12.0 + 0.5);
        y[t] = level * Math.exp(growth * t + season + 0.05 * rng.nextGaussian());
      }
      out.add(y);
    }
    return out;
  }

  private static List<double[]> heads(List<double[]> panel) {
    List<double[]> out = new ArrayList<>();
    for (double[] y : panel) {
      out.add(Arrays.copyOf(y, y.length - H));
    }
    return out;
  }

  private static GlobalNet train(List<double[]> panel, int threads) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      return GlobalNet.train(panel, 12, H, SMALL, pool);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void train_sameSeedAnyThreadCount_sameForecastsBitForBit() throws InterruptedException {
    List<double[]> panel = heads(panel(20, 60, 11));
    GlobalNet one = train(panel, 1);
    GlobalNet three = train(panel, 3);
    for (double[] y : panel) {
      assertThat(three.forecast(y)).containsExactly(one.forecast(y));
    }
  }

  @Test
  void forecast_seasonalPanel_beatsSeasonalNaiveByAQuarter() throws InterruptedException {
    List<double[]> full = panel(60, 96, 11);
    GlobalNet net = train(heads(full), 2);
    double ours = 0;
    double snaive = 0;
    for (double[] y : full) {
      double[] head = Arrays.copyOf(y, y.length - H);
      double[] actual = Arrays.copyOfRange(y, y.length - H, y.length);
      double[] naive = Arrays.copyOfRange(head, head.length - 12, head.length);
      ours += Metrics.smape(actual, net.forecast(head)) / full.size();
      snaive += Metrics.smape(actual, naive) / full.size();
    }
    // seasonal naive repeats last year's noise and misses a year's growth; the net should not
    assertThat(ours).isLessThan(0.75 * snaive);
  }

  @Test
  void forecast_nonPositiveValue_isRefusedNamingIt() throws InterruptedException {
    GlobalNet net = train(heads(panel(10, 60, 5)), 1);
    assertThatThrownBy(() -> net.forecast(new double[] {3, 4, 0, 5}))
        .isInstanceOf(ForecastInputException.class)
        .hasMessageContaining("value 3 of the series is 0.0")
        .hasMessageContaining("local method");
  }

  @Test
  void train_skipsNonPositiveSeriesAndCountsThem() throws InterruptedException {
    List<double[]> panel = new ArrayList<>(heads(panel(10, 60, 5)));
    panel.add(new double[48]);
    GlobalNet net = train(panel, 1);
    assertThat(net.skipped()).isEqualTo(1);
    assertThat(net.windows()).isEqualTo(10 * Windows.windowsOf(48, 24, H));
  }

  @Test
  void train_panelTooShort_isRefused() {
    assertThatThrownBy(() -> train(List.of(new double[] {1, 2, 3}), 1))
        .isInstanceOf(ForecastInputException.class)
        .hasMessageContaining("at least 13 positive values");
  }

  @Test
  void forecast_shortSeries_isPaddedNotRefused() throws InterruptedException {
    GlobalNet net = train(heads(panel(10, 60, 5)), 1);
    double[] f = net.forecast(new double[] {10, 12, 11});
    assertThat(f).hasSize(H);
    assertThat(Arrays.stream(f).allMatch(v -> v > 0 && Double.isFinite(v))).isTrue();
  }
}

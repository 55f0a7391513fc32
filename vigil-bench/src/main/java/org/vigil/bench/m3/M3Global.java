package org.vigil.bench.m3;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.vigil.forecast.global.GlobalNet;
import org.vigil.forecast.global.GlobalNetSpec;

/**
 * The global network member on M3: one network per category, trained on the training values of
 * every series of that category that the run holds (in validation mode those are the values before
 * the validation window, so nothing scored is seen), and the blend with the validated combination.
 * {@link #FROZEN} is the configuration chosen on validation windows (origins 1 and 2,
 * docs/changes/m3glob.md) before M3's test periods were scored.
 */
final class M3Global {
  private M3Global() {}

  /**
   * One category's choice: the network's spec, its weight in {@code combo-global} (0: the category
   * keeps the validated combination alone) and the blend's interval rule ({@code shift}: the
   * combination's bounds move with the blended point; otherwise they stay where the combination put
   * them).
   */
  record Choice(GlobalNetSpec spec, double weight, boolean shift) {}

  static final Map<String, Choice> FROZEN = new LinkedHashMap<>();

  static {
    // chosen at validation origins 1 and 2 (docs/changes/m3glob.md) before any test score
    GlobalNetSpec base = GlobalNetSpec.DEFAULT;
    FROZEN.put("yearly", new Choice(base.withInputLength(6), 0.35, true));
    FROZEN.put("quarterly", new Choice(base.withInputLength(8).withWidth(256), 0.5, true));
    FROZEN.put("monthly", new Choice(base.withInputLength(24), 0.35, false));
    FROZEN.put("other", new Choice(base.withInputLength(12), 0.5, true));
  }

  /**
   * The choice for a category: the frozen one, or for a category M3 does not have (a folder of
   * weekly or daily series) the default network reading two seasons (at least 8 values) and weight
   * 0.
   */
  static Choice choice(String category, int period) {
    Choice c = FROZEN.get(category);
    return c != null
        ? c
        : new Choice(GlobalNetSpec.DEFAULT.withInputLength(Math.max(8, 2 * period)), 0.0, false);
  }

  /** The choices of the categories present in {@code series}, in order of first appearance. */
  static Map<String, Choice> choices(List<M3Series> series) {
    Map<String, Choice> out = new LinkedHashMap<>();
    for (M3Series s : series) {
      out.computeIfAbsent(s.category(), c -> choice(c, s.period()));
    }
    return out;
  }

  /** Networks by category, with the process CPU seconds their training took. */
  record Trained(Map<String, GlobalNet> nets, Map<String, Double> cpuSeconds) {}

  /** Trains one network per category present in {@code series} with the given choices. */
  static Trained train(List<M3Series> series, Map<String, Choice> choices, int threads)
      throws InterruptedException {
    Map<String, GlobalNet> nets = new LinkedHashMap<>();
    Map<String, Double> cpu = new LinkedHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      for (Map.Entry<String, Choice> e : choices.entrySet()) {
        List<double[]> panel = new ArrayList<>();
        int period = 1;
        int horizon = 0;
        for (M3Series s : series) {
          if (s.category().equals(e.getKey())) {
            panel.add(s.train());
            period = s.period();
            horizon = Math.max(horizon, s.horizon());
          }
        }
        if (panel.isEmpty()) {
          continue;
        }
        double t0 = processCpuSeconds();
        nets.put(e.getKey(), GlobalNet.train(panel, period, horizon, e.getValue().spec(), pool));
        cpu.put(e.getKey(), processCpuSeconds() - t0);
      }
    } finally {
      pool.shutdown();
    }
    return new Trained(nets, cpu);
  }

  /** The network's points for {@code s}, cut to its horizon. */
  static double[] points(GlobalNet net, M3Series s) {
    return java.util.Arrays.copyOf(net.forecast(s.train()), s.horizon());
  }

  static double processCpuSeconds() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime() / 1e9;
    }
    return Double.NaN;
  }
}

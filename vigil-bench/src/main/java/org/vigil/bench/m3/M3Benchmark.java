package org.vigil.bench.m3;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.vigil.forecast.Forecast;
import org.vigil.forecast.ForecastMethod;
import org.vigil.forecast.ForecastSpec;
import org.vigil.forecast.Forecaster;
import org.vigil.forecast.global.GlobalBlend;
import org.vigil.forecast.global.GlobalNet;

/** Runs our methods on M3 series in parallel, timing each method's CPU use per thread. */
public final class M3Benchmark {
  /** The harness's method names and the engine's methods behind them. */
  public static final Map<String, ForecastMethod> METHODS = new LinkedHashMap<>();

  static {
    METHODS.put("ets", ForecastMethod.ETS);
    METHODS.put("arima", ForecastMethod.ARIMA);
    METHODS.put("theta", ForecastMethod.THETA);
    METHODS.put("dotm", ForecastMethod.DOTM);
    METHODS.put("mapa", ForecastMethod.MAPA);
    METHODS.put("bagged-ets", ForecastMethod.BAGGED_ETS);
    METHODS.put("croston", ForecastMethod.CROSTON);
    METHODS.put("naive2", ForecastMethod.NAIVE2);
    METHODS.put("snaive", ForecastMethod.SNAIVE);
    METHODS.put("naive", ForecastMethod.NAIVE);
    METHODS.put("drift", ForecastMethod.DRIFT);
    METHODS.put("sba", ForecastMethod.SBA);
    METHODS.put("tsb", ForecastMethod.TSB);
    METHODS.put("combo", ForecastMethod.COMBO);
    METHODS.put("auto", ForecastMethod.AUTO);
    METHODS.put("combo-mean", ForecastMethod.COMBO);
    METHODS.put("combo-median", ForecastMethod.COMBO);
    METHODS.put("combo-validated", ForecastMethod.COMBO);
  }

  /**
   * Methods built on the global network ({@link M3Global}): the network alone, and its blend with
   * the validated combination. They train one network per category before the series are forecast.
   */
  public static final List<String> GLOBAL = List.of("global", "combo-global");

  private M3Benchmark() {}

  /** Parses a comma-separated method list, rejecting unknown names with the known ones. */
  public static List<String> parseMethods(String csv) {
    List<String> out = new ArrayList<>();
    for (String s : csv.split(",")) {
      String m = s.trim().toLowerCase(Locale.ROOT);
      if (m.isEmpty()) {
        continue;
      }
      if (!METHODS.containsKey(m) && !GLOBAL.contains(m)) {
        throw new IllegalArgumentException(
            "Unknown method '"
                + s
                + "': expected some of "
                + String.join(",", METHODS.keySet())
                + ","
                + String.join(",", GLOBAL));
      }
      out.add(m);
    }
    return out;
  }

  /** Forecasts every series with every method on {@code threads} threads. */
  public static List<MethodForecasts> run(
      List<M3Series> series, List<String> methods, int threads, ForecastSpec base)
      throws InterruptedException {
    List<MethodForecasts> out = new ArrayList<>();
    for (String m : methods) {
      out.add(new MethodForecasts(m, true));
    }
    M3Global.Trained nets = trainGlobal(series, out, threads);
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (M3Series s : series) {
        futures.add(pool.submit(() -> forecastOne(s, out, base, nets)));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("forecasting failed: " + e.getCause(), e.getCause());
        }
      }
    } finally {
      pool.shutdown();
    }
    return out;
  }

  /** The members of the mean ensemble, in the engine's order (see ForecastMethod.COMBO). */
  private static final List<String> COMBO_MEMBERS = List.of("ets", "arima", "theta");

  /**
   * Trains the frozen global networks when a global method is asked for: every category for {@code
   * global}, only the categories that blend for {@code combo-global}. Each method is charged the
   * training CPU of the networks it uses, and the training is noted on it.
   */
  private static M3Global.Trained trainGlobal(
      List<M3Series> series, List<MethodForecasts> out, int threads) throws InterruptedException {
    boolean alone = out.stream().anyMatch(mf -> mf.method.equals("global"));
    boolean blend = out.stream().anyMatch(mf -> mf.method.equals("combo-global"));
    Map<String, M3Global.Choice> needed = new LinkedHashMap<>();
    M3Global.choices(series)
        .forEach(
            (cat, c) -> {
              if (alone || (blend && c.weight() > 0)) {
                needed.put(cat, c);
              }
            });
    M3Global.Trained t = M3Global.train(series, needed, threads);
    for (MethodForecasts mf : out) {
      if (!GLOBAL.contains(mf.method)) {
        continue;
      }
      StringBuilder note = new StringBuilder(mf.method + ": ");
      t.nets()
          .forEach(
              (cat, net) -> {
                double w = needed.get(cat).weight();
                if (mf.method.equals("global") || w > 0) {
                  mf.cpuNanos += (long) (t.cpuSeconds().get(cat) * 1e9);
                  note.append(
                      String.format(
                          Locale.ROOT,
                          "%s net %s (%d windows, training %.1f s CPU%s); ",
                          cat,
                          net.spec(),
                          net.windows(),
                          t.cpuSeconds().get(cat),
                          mf.method.equals("global") ? "" : ", weight " + w));
                }
              });
      M3Global.choices(series)
          .forEach(
              (cat, c) -> {
                if (mf.method.equals("combo-global") && c.weight() == 0) {
                  note.append(cat).append(" combo-validated alone; ");
                }
              });
      mf.note = note.toString().trim();
    }
    return t;
  }

  private static void forecastOne(
      M3Series s, List<MethodForecasts> out, ForecastSpec base, M3Global.Trained nets) {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    Map<String, Forecast> done = new java.util.HashMap<>();
    Map<String, Long> nanosOf = new java.util.HashMap<>();
    for (MethodForecasts mf : out) {
      if (GLOBAL.contains(mf.method)) {
        putGlobal(s, mf, base, nets, done, nanosOf, bean);
        continue;
      }
      if (sharesMembers(mf.method, base) && done.keySet().containsAll(COMBO_MEMBERS)) {
        putMeanOfMembers(s, mf, done, nanosOf, bean);
        continue;
      }
      ForecastSpec spec = spec(mf.method, s, base);
      long t0 = bean.getCurrentThreadCpuTime();
      Forecast f;
      try {
        f = Forecaster.forecast(s.trainingSeries(), spec);
      } catch (RuntimeException e) {
        throw new IllegalStateException(mf.method + " failed on " + s.id() + ": " + e, e);
      }
      long t1 = bean.getCurrentThreadCpuTime();
      done.put(mf.method, f);
      nanosOf.put(mf.method, t1 - t0);
      double[][] iv = {f.lower(0.8), f.upper(0.8), f.lower(0.95), f.upper(0.95)};
      mf.put(s.id(), f.points(), iv, f.model(), t1 - t0);
    }
  }

  /** The spec of one of {@link #METHODS} on a series: its method, combination rule and levels. */
  private static ForecastSpec spec(String method, M3Series s, ForecastSpec base) {
    ForecastSpec.Builder b = base.toBuilder();
    if (method.equals("combo-mean")) {
      b.combination(ForecastSpec.CombinationRule.MEAN);
    } else if (method.equals("combo-median")) {
      b.combination(ForecastSpec.CombinationRule.MEDIAN);
    } else if (method.equals("combo-validated")) {
      b.combination(ForecastSpec.CombinationRule.VALIDATED);
    }
    return b.method(METHODS.get(method))
        .horizon(s.horizon())
        .levels(0.8, 0.95)
        .seasonalPeriod(s.seasonalPeriod())
        .build();
  }

  /**
   * The global network's points ({@code global}, no intervals) or their blend with the validated
   * combination ({@code combo-global}: the combination's bounds moved with the point), fitting the
   * combination here unless the run already did.
   */
  private static void putGlobal(
      M3Series s,
      MethodForecasts mf,
      ForecastSpec base,
      M3Global.Trained nets,
      Map<String, Forecast> done,
      Map<String, Long> nanosOf,
      ThreadMXBean bean) {
    long t0 = bean.getCurrentThreadCpuTime();
    GlobalNet net = nets.nets().get(s.category());
    if (mf.method.equals("global")) {
      double[] p = M3Global.points(net, s);
      mf.put(s.id(), p, null, "global " + net.spec(), bean.getCurrentThreadCpuTime() - t0);
      return;
    }
    long charged = 0;
    Forecast c = done.get("combo-validated");
    if (c == null) {
      c = Forecaster.forecast(s.trainingSeries(), spec("combo-validated", s, base));
    } else {
      charged = nanosOf.get("combo-validated");
    }
    double[] local = c.points();
    double[][] bounds = {c.lower(0.8), c.upper(0.8), c.lower(0.95), c.upper(0.95)};
    M3Global.Choice choice = M3Global.choice(s.category(), s.period());
    double w = choice.weight();
    String model = c.model();
    if (w > 0) {
      double[] p = new GlobalBlend(w).points(M3Global.points(net, s), local);
      for (int i = 0; i < 4 && choice.shift(); i++) {
        bounds[i] = GlobalBlend.shift(bounds[i], local, p);
      }
      local = p;
      model = w + " global + " + (1 - w) + " " + model;
    }
    long nanos = bean.getCurrentThreadCpuTime() - t0 + charged;
    mf.put(s.id(), local, bounds, model, nanos);
  }

  /**
   * True when this method is the engine's mean ensemble of ETS, ARIMA and Theta, so that a run
   * which already fitted those three on the series can combine their forecasts instead of fitting
   * them again. The engine averages points and every quantile step by step, which is what {@link
   * #putMeanOfMembers} does; {@code M3BenchmarkTest} checks that both agree.
   */
  private static boolean sharesMembers(String method, ForecastSpec base) {
    return method.equals("combo-mean")
        || (method.equals("combo") && base.combination() == ForecastSpec.CombinationRule.MEAN);
  }

  /**
   * Puts the mean of the members' points and interval bounds. The CPU time charged is the members'
   * fitting time plus the averaging, i.e. what the ensemble costs on its own; only the run's total
   * is smaller, because each member is fitted once.
   */
  private static void putMeanOfMembers(
      M3Series s,
      MethodForecasts mf,
      Map<String, Forecast> done,
      Map<String, Long> nanosOf,
      ThreadMXBean bean) {
    long t0 = bean.getCurrentThreadCpuTime();
    int h = s.horizon();
    double[] points = new double[h];
    double[][] iv = new double[4][h];
    StringBuilder model = new StringBuilder("Mean(");
    long nanos = 0;
    for (String m : COMBO_MEMBERS) {
      Forecast f = done.get(m);
      double[][] bounds = {f.lower(0.8), f.upper(0.8), f.lower(0.95), f.upper(0.95)};
      double[] p = f.points();
      for (int k = 0; k < h; k++) {
        points[k] += p[k] / COMBO_MEMBERS.size();
        for (int i = 0; i < 4; i++) {
          iv[i][k] += bounds[i][k] / COMBO_MEMBERS.size();
        }
      }
      model.append(model.length() > 5 ? ", " : "").append(f.model());
      nanos += nanosOf.get(m);
    }
    long t1 = bean.getCurrentThreadCpuTime();
    mf.put(s.id(), points, iv, model.append(')').toString(), nanos + (t1 - t0));
  }
}

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

/** Runs our methods on M3 series in parallel, timing each method's CPU use per thread. */
public final class M3Benchmark {
  /** The harness's method names and the engine's methods behind them. */
  public static final Map<String, ForecastMethod> METHODS = new LinkedHashMap<>();

  static {
    METHODS.put("ets", ForecastMethod.ETS);
    METHODS.put("arima", ForecastMethod.ARIMA);
    METHODS.put("theta", ForecastMethod.THETA);
    METHODS.put("dotm", ForecastMethod.DOTM);
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
  }

  private M3Benchmark() {}

  /** Parses a comma-separated method list, rejecting unknown names with the known ones. */
  public static List<String> parseMethods(String csv) {
    List<String> out = new ArrayList<>();
    for (String s : csv.split(",")) {
      String m = s.trim().toLowerCase(Locale.ROOT);
      if (m.isEmpty()) {
        continue;
      }
      if (!METHODS.containsKey(m)) {
        throw new IllegalArgumentException(
            "Unknown method '" + s + "': expected some of " + String.join(",", METHODS.keySet()));
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
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (M3Series s : series) {
        futures.add(pool.submit(() -> forecastOne(s, out, base)));
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

  private static void forecastOne(M3Series s, List<MethodForecasts> out, ForecastSpec base) {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    for (MethodForecasts mf : out) {
      ForecastSpec.Builder b = base.toBuilder();
      if (mf.method.equals("combo-mean")) {
        b.combination(ForecastSpec.CombinationRule.MEAN);
      } else if (mf.method.equals("combo-median")) {
        b.combination(ForecastSpec.CombinationRule.MEDIAN);
      }
      ForecastSpec spec =
          b.method(METHODS.get(mf.method)).horizon(s.horizon()).levels(0.8, 0.95).build();
      long t0 = bean.getCurrentThreadCpuTime();
      Forecast f;
      try {
        f = Forecaster.forecast(s.trainingSeries(), spec);
      } catch (RuntimeException e) {
        throw new IllegalStateException(mf.method + " failed on " + s.id() + ": " + e, e);
      }
      long t1 = bean.getCurrentThreadCpuTime();
      double[][] iv = {f.lower(0.8), f.upper(0.8), f.lower(0.95), f.upper(0.95)};
      mf.put(s.id(), f.points(), iv, f.model(), t1 - t0);
    }
  }
}

package org.vigil.bench.m3;

import ec.tstoolkit.modelling.arima.IPreprocessor;
import ec.tstoolkit.modelling.arima.PreprocessingModel;
import ec.tstoolkit.modelling.arima.tramo.TramoSpecification;
import ec.tstoolkit.timeseries.simplets.TsData;
import ec.tstoolkit.timeseries.simplets.TsFrequency;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs JDemetra+'s TRAMO (demetra-tstoolkit 2.2.4) with its TR3 specification, the automatic ARIMA
 * with the log/level test and outlier detection but without calendar regressors (the M3 series
 * carry no calendar), on the same series. Where TRAMO fails the last value is used and counted.
 */
final class JDemetraRunner {
  private JDemetraRunner() {}

  static List<MethodForecasts> run(List<M3Series> series, int threads, PrintStream out)
      throws InterruptedException {
    MethodForecasts mf = new MethodForecasts("JD+-TRAMO", false);
    AtomicInteger failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (M3Series s : series) {
        fs.add(pool.submit(() -> forecastOne(s, mf, failures)));
      }
      for (Future<?> f : fs) {
        try {
          f.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("JDemetra+ run failed: " + e.getCause(), e.getCause());
        }
      }
    } finally {
      pool.shutdown();
    }
    out.printf(
        Locale.ROOT,
        "--jdemetra: TRAMO TR3 on %d series, %d failed (naive used there)%n",
        series.size(),
        failures.get());
    return List.of(mf);
  }

  private static void forecastOne(M3Series s, MethodForecasts mf, AtomicInteger failures) {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    long t0 = bean.getCurrentThreadCpuTime();
    double[] p = null;
    try {
      TsFrequency f =
          switch (s.period()) {
            case 12 -> TsFrequency.Monthly;
            case 4 -> TsFrequency.Quarterly;
            default -> TsFrequency.Yearly;
          };
      int start = Math.max(0, Math.min(s.startPeriod() - 1, s.period() - 1));
      TsData data = new TsData(f, Math.max(1, s.startYear()), start, s.train(), true);
      IPreprocessor tramo = TramoSpecification.TR3.build();
      PreprocessingModel model = tramo.process(data, null);
      if (model != null) {
        TsData fc = model.forecast(s.horizon(), false);
        p = Arrays.copyOf(fc.internalStorage(), s.horizon());
        for (double v : p) {
          if (!Double.isFinite(v)) {
            p = null;
            break;
          }
        }
      }
    } catch (RuntimeException e) {
      p = null;
    }
    if (p == null) {
      failures.incrementAndGet();
      p = new double[s.horizon()];
      Arrays.fill(p, s.train()[s.train().length - 1]);
    }
    mf.put(s.id(), p, null, "TRAMO", bean.getCurrentThreadCpuTime() - t0);
  }
}

package org.vigil.bench.m3;

import java.io.PrintStream;
import java.util.List;

/** Runs R's forecast package (ets, auto.arima, thetaf) on the same series. */
final class RForecastRunner {
  private RForecastRunner() {}

  static List<MethodForecasts> run(List<M3Series> series, int threads, PrintStream out) {
    out.println("--r: not implemented yet");
    return List.of();
  }
}

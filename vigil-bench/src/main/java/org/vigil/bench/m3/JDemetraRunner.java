package org.vigil.bench.m3;

import java.io.PrintStream;
import java.util.List;

/** Runs JDemetra+'s TRAMO automatic ARIMA on the same series. */
final class JDemetraRunner {
  private JDemetraRunner() {}

  static List<MethodForecasts> run(List<M3Series> series, int threads, PrintStream out) {
    out.println("--jdemetra: not implemented yet");
    return List.of();
  }
}

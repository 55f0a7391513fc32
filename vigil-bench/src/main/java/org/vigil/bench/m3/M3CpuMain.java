package org.vigil.bench.m3;

import java.nio.file.Path;
import java.util.List;
import org.vigil.forecast.ForecastSpec;

/**
 * The timed child of {@code bench m3 --r}: {@code M3CpuMain DATA_DIR methods sample threads} loads
 * the data, forecasts the sample (as {@link M3Harness} picks it) and prints its own process CPU
 * seconds as the last line.
 */
public final class M3CpuMain {
  private M3CpuMain() {}

  public static void main(String[] args) throws Exception {
    List<M3Series> series =
        M3Harness.sample(M3Data.load(Path.of(args[0])), Integer.parseInt(args[2]));
    M3Benchmark.run(
        series, M3Benchmark.parseMethods(args[1]), Integer.parseInt(args[3]), ForecastSpec.DEFAULT);
    System.out.println(ProcessCpu.line(ProcessCpu.self()));
  }
}

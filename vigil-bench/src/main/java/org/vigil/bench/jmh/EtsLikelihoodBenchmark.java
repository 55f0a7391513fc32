package org.vigil.bench.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vigil.forecast.EtsFilter;

/**
 * The ETS likelihood inner loop: one pass of the ETS(M,Ad,M) recursions over a monthly series, the
 * unit of work that Nelder-Mead repeats about a thousand times per model. Run with {@code java -cp
 * ... org.openjdk.jmh.Main EtsLikelihoodBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EtsLikelihoodBenchmark {
  @Param({"144", "480"})
  int length;

  private EtsFilter filter;
  private double[] seasonal;

  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(42);
    double[] y = new double[length];
    seasonal = new double[12];
    for (int j = 0; j < 12; j++) {
      seasonal[j] = 1 + 0.2 * Math.sin(2 * Math.PI * j / 12);
    }
    for (int t = 0; t < length; t++) {
      y[t] = (100 + 0.3 * t) * seasonal[t % 12] * (1 + 0.03 * r.nextGaussian());
    }
    filter = EtsFilter.benchmarkModel(y, 12);
  }

  @Benchmark
  public double likelihood() {
    return filter.benchmarkRun(100, seasonal);
  }
}

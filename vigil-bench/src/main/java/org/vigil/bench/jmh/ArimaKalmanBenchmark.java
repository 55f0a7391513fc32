package org.vigil.bench.jmh;

import java.util.Random;
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
import org.vigil.forecast.arima.Arima;
import org.vigil.forecast.arima.ArimaOrder;
import org.vigil.forecast.arima.ArmaLikelihood;

/**
 * The ARIMA inner loop: one exact-likelihood evaluation by the Kalman filter (stationary start plus
 * Chandrasekhar recursions) on a differenced monthly series, the unit of work the optimiser repeats
 * a few hundred times per model and the automatic search about thirty times per series; and, for
 * scale, one whole CSS-ML fit of the airline model. Run with {@code java -cp ...
 * org.openjdk.jmh.Main ArimaKalmanBenchmark}.
 *
 * <p>Models: {@code airline} = (0,1,1)(0,1,1)[12] (state dimension 14), {@code seasonalArma} =
 * (2,0,1)(1,0,1)[12] after differencing (state dimension 14, dense stationary start), {@code
 * maxSeasonal} = (2,0,2)(2,0,2)[12] (state dimension 27).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ArimaKalmanBenchmark {
  @Param({"144", "480"})
  int length;

  @Param({"airline", "seasonalArma", "maxSeasonal"})
  String model;

  private final ArmaLikelihood likelihood = new ArmaLikelihood();
  private double[] y;
  private double[] w;
  private double[] phi;
  private double[] theta;

  @Setup
  public void setUp() {
    Random r = new Random(42);
    y = new double[length];
    for (int t = 0; t < length; t++) {
      y[t] = 5 + 0.01 * t + 0.1 * Math.sin(2 * Math.PI * t / 12) + 0.03 * r.nextGaussian();
    }
    w = new double[length - 13];
    for (int t = 13; t < length; t++) {
      w[t - 13] = y[t] - y[t - 1] - y[t - 12] + y[t - 13];
    }
    switch (model) {
      case "airline" -> {
        phi = new double[0];
        theta = expandMa(new double[] {-0.4}, new double[] {-0.6});
      }
      case "seasonalArma" -> {
        phi = expandAr(new double[] {0.5, -0.2}, new double[] {0.3});
        theta = expandMa(new double[] {-0.4}, new double[] {-0.5});
      }
      default -> {
        phi = expandAr(new double[] {0.5, -0.2}, new double[] {0.3, 0.1});
        theta = expandMa(new double[] {-0.4, 0.1}, new double[] {-0.5, 0.1});
      }
    }
  }

  @Benchmark
  public double likelihood() {
    return likelihood.objective(w, 0.0, phi, theta);
  }

  @Benchmark
  public double airlineFit() {
    return Arima.fit(y, new ArimaOrder(0, 1, 1, 0, 1, 1, 12), false).logLikelihood();
  }

  private static double[] expandAr(double[] ar, double[] sar) {
    double[] out = new double[ar.length + 12 * sar.length];
    System.arraycopy(ar, 0, out, 0, ar.length);
    for (int j = 0; j < sar.length; j++) {
      int lag = 12 * (j + 1);
      out[lag - 1] += sar[j];
      for (int i = 0; i < ar.length; i++) {
        out[lag + i] -= ar[i] * sar[j];
      }
    }
    return out;
  }

  private static double[] expandMa(double[] ma, double[] sma) {
    double[] out = new double[ma.length + 12 * sma.length];
    System.arraycopy(ma, 0, out, 0, ma.length);
    for (int j = 0; j < sma.length; j++) {
      int lag = 12 * (j + 1);
      out[lag - 1] += sma[j];
      for (int i = 0; i < ma.length; i++) {
        out[lag + i] += ma[i] * sma[j];
      }
    }
    return out;
  }
}

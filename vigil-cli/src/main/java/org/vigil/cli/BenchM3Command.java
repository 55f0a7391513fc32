package org.vigil.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.bench.m3.M3Benchmark;
import org.vigil.bench.m3.M3Harness;
import org.vigil.bench.m3.M3Options;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil bench m3}: our forecasting methods on the M3 competition series, next to the
 * published M3 entries (and optionally R's forecast package and JDemetra+), scored by one metric
 * implementation.
 */
@Command(
    name = "m3",
    mixinStandardHelpOptions = true,
    description = {
      "Forecast the M3 series with our methods and score them next to the published entries.",
      "Example: vigil bench m3 --data ../shared/data/m3 --methods ets,theta,combo --sample 300"
    })
final class BenchM3Command implements Callable<Integer> {
  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "Folder with series.csv, values.csv (and published_forecasts.csv).")
  Path data;

  @Option(
      names = "--methods",
      paramLabel = "LIST",
      description =
          "Comma-separated: ets,arima,theta,dotm,mapa,bagged-ets,croston,sba,tsb,naive,naive2,snaive,"
              + "drift,combo,combo-mean,combo-median,combo-validated,auto,global,combo-global"
              + " (default: ${DEFAULT-VALUE}).")
  String methods = "ets,arima,theta,dotm,croston,naive2,snaive,combo";

  @Option(
      names = "--sample",
      paramLabel = "K",
      description = "Use K series spread evenly over the set (default: all).")
  int sample;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: ${DEFAULT-VALUE}).")
  int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

  @Option(names = "--out", paramLabel = "FILE.json", description = "Write all scores as JSON.")
  Path out;

  @Option(
      names = "--forecasts",
      paramLabel = "FILE.csv",
      description = "Write every forecast as method,series,step,value.")
  Path forecasts;

  @Option(
      names = "--r",
      description =
          "Also run R's forecast package (ets, auto.arima) on the same series and compare the"
              + " whole-process CPU of Rscript and of a child JVM running our ets and arima.")
  boolean runR;

  @Option(
      names = "--validation",
      description =
          "Score on each series' last h training values instead of its test period (M3's test"
              + " periods are not used; for choosing methods).")
  boolean validation;

  @Option(
      names = "--origin",
      paramLabel = "N",
      description =
          "With --validation: score the h values ending N-1 horizons before the last training"
              + " value (default: ${DEFAULT-VALUE}, the last h training values).")
  int origin = 1;

  @Option(names = "--jdemetra", description = "Also run JDemetra+'s TRAMO automatic ARIMA.")
  boolean runJdemetra;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(data)) {
      throw new IllegalArgumentException(
          "--data "
              + data
              + " is not a folder: expected the M3 folder with series.csv and values.csv");
    }
    M3Harness.run(
        new M3Options(
            data,
            M3Benchmark.parseMethods(methods),
            sample,
            threads,
            Optional.ofNullable(out),
            Optional.ofNullable(forecasts),
            runR,
            runJdemetra,
            validation,
            origin),
        System.out);
    return 0;
  }
}

package org.vigil.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil bench spark}: Spark against the in-process engine on the same cores, series per
 * second side by side, in one child JVM (see {@link SparkProcess}; the job is {@code
 * org.vigil.spark.BenchJob}).
 */
@Command(
    name = "spark",
    mixinStandardHelpOptions = true,
    description = {
      "Forecast seeded synthetic series with Spark local[N] and with the in-process engine on the"
          + " same N cores; print series per second side by side and where the lines cross.",
      "Example: vigil bench spark --series 20000; vigil bench spark --sizes 1000,10000,100000"
    })
final class BenchSparkCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--series", paramLabel = "N", description = "Series to forecast (20000).")
  long series = 20_000;

  @Option(
      names = "--sizes",
      paramLabel = "N,N,...",
      description = "Several series counts, one run each; prints the crossing of the two lines.")
  String sizes;

  @Option(names = "--cores", paramLabel = "N", description = "Cores for both engines (2).")
  int cores = 2;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master (default local[--cores]); a cluster needs SPARK_HOME.")
  String master;

  @Option(
      names = "--method",
      paramLabel = "M",
      description = "Forecasting method (THETA: fast enough for 1,000,000 series here).")
  String method = "THETA";

  @Option(names = "--length", paramLabel = "N", description = "Values per series (48 months).")
  int length = 48;

  @Option(names = "--horizon", paramLabel = "H", description = "Periods ahead (12).")
  int horizon = 12;

  @Override
  public Integer call() {
    VigilCommand root = VigilCommand.of(spec);
    List<String> args = new ArrayList<>();
    if (sizes != null) {
      args.addAll(List.of("--sizes", sizes));
    } else {
      args.addAll(List.of("--series", String.valueOf(series)));
    }
    args.addAll(
        List.of(
            "--cores",
            String.valueOf(cores),
            "--method",
            method,
            "--length",
            String.valueOf(length),
            "--horizon",
            String.valueOf(horizon)));
    String m = master != null ? master : "local[" + cores + "]";
    return new SparkProcess(SparkProcess.home(), root.out(), root.err())
        .run(SparkProcess.BENCH_JOB, m, args);
  }
}

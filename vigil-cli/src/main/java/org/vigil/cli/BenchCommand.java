package org.vigil.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code vigil bench}: the benchmark harnesses. Each harness is a subcommand listed in {@code
 * subcommands} below (add yours with one line).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Run a benchmark harness (see the subcommands).",
    subcommands = {
      BenchM3Command.class,
      BenchHttpCommand.class,
      BenchRiskCommand.class,
      BenchIngestCommand.class,
      BenchTextCommand.class,
      BenchAnalyseCommand.class,
      BenchWaterCommand.class,
      BenchDemoForecastCommand.class,
      BenchSparkCommand.class,
    })
final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: choose one of " + spec.subcommands().keySet());
  }
}

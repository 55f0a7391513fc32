package org.vigil.cli;

import java.util.concurrent.Callable;
import org.vigil.bench.risk.RiskBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil bench risk}: times the whole composite risk index. */
@Command(
    name = "risk",
    mixinStandardHelpOptions = true,
    description = "Time the whole risk index (10 states x 11 domains x 120 months + projections).")
final class BenchRiskCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--draws", defaultValue = "1000", description = "Monte Carlo draws.")
  int draws;

  @Option(names = "--threads", defaultValue = "2", description = "Worker threads.")
  int threads;

  @Option(names = "--runs", defaultValue = "3", description = "Timed runs (best is reported).")
  int runs;

  @Override
  public Integer call() {
    RiskBenchmark.Result r = RiskBenchmark.run(draws, threads, runs);
    Table t =
        Table.of(
            "states", "domains", "snapshots", "draws", "threads", "scores", "best_ms", "cpu_ms");
    t.row(
        r.states(),
        r.domains(),
        r.snapshots(),
        r.draws(),
        r.threads(),
        r.scores(),
        r.bestMillis(),
        r.cpuMillis());
    VigilCommand.of(spec).renderer().note(r.summary());
    VigilCommand.of(spec).renderer().print(t);
    return VigilCommand.OK;
  }
}

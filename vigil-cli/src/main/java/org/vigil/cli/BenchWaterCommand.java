package org.vigil.cli;

import java.util.concurrent.Callable;
import org.vigil.water.WaterBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil bench water}: the allocation engine on a synthetic 40-node basin over 12 months
 * beside the same programme built by hand against ojAlgo ({@link WaterBench}).
 */
@Command(
    name = "water",
    mixinStandardHelpOptions = true,
    description =
        "Time a 12-month allocation of a 40-node basin: the engine beside a hand-built ojAlgo"
            + " model of the same programme.")
final class BenchWaterCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--seed", defaultValue = "2", description = "The synthetic basin's seed.")
  long seed;

  @Option(names = "--warmup", defaultValue = "20", description = "Warm-up solves per row.")
  int warmup;

  @Option(names = "--runs", defaultValue = "31", description = "Timed solves per row.")
  int runs;

  @Override
  public Integer call() {
    WaterBench.Spec s = new WaterBench.Spec(seed, WaterBench.Spec.DEFAULT.months(), warmup, runs);
    WaterBench.Report r = WaterBench.run(s, System::nanoTime);
    VigilCommand root = VigilCommand.of(spec);
    root.out().print(r.table());
    root.out().flush();
    return r.objectivesEqual() ? VigilCommand.OK : VigilCommand.INTERNAL_ERROR;
  }
}

package org.vigil.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.bench.forecast.DemoForecastAccuracy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil bench forecast-demo}: count intervals and MinT reconciliation scored on the demo's
 * planted series (holdout of the last months).
 */
@Command(
    name = "forecast-demo",
    mixinStandardHelpOptions = true,
    description =
        "Score count intervals (coverage, CRPS) and reconciliation (sMAPE, MASE before and after"
            + " MinT) on the demo's series, holding out the last months.")
final class BenchDemoForecastCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--holdout", defaultValue = "12", description = "Months held out (1..24).")
  int holdout;

  @Override
  public Integer call() {
    if (holdout < 1 || holdout > 24) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--holdout must be 1..24, found " + holdout);
    }
    DemoForecastAccuracy.Result r = DemoForecastAccuracy.run(holdout);
    Table counts =
        Table.of(
            "intervals",
            "series",
            "points",
            "cov80",
            "cov95",
            "scaled_crps",
            "fractional_%",
            "negative_%");
    for (DemoForecastAccuracy.CountRow c : r.counts()) {
      counts.row(
          c.intervals(),
          c.series(),
          c.points(),
          f(c.coverage80()),
          f(c.coverage95()),
          String.format(Locale.ROOT, "%.4f", c.scaledCrps()),
          f(c.fractionalBounds()),
          f(c.negativeBounds()));
    }
    Table levels = Table.of("level", "forecasts", "series", "smape", "mase");
    for (DemoForecastAccuracy.LevelRow l : r.levels()) {
      levels.row(
          l.level(),
          l.forecasts(),
          l.series(),
          f(l.smape()),
          String.format(Locale.ROOT, "%.4f", l.mase()));
    }
    Renderer out = VigilCommand.of(spec).renderer();
    out.note(
        "Count intervals on the demo's count series (ETS points, last "
            + holdout
            + " months held out):");
    out.print(counts);
    out.note("CIS and member states, every monthly indicator: base vs MinT-reconciled:");
    out.print(levels);
    out.note("took " + r.millis() + " ms");
    return VigilCommand.OK;
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}

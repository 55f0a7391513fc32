package org.vigil.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.vigil.app.Vigil;
import org.vigil.app.analytics.AnalyticRunner;
import org.vigil.model.run.AnalyticRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil analyse}: runs the analytics over every state's data and stores the results
 * (incremental unless --full).
 */
@Command(
    name = "analyse",
    mixinStandardHelpOptions = true,
    description =
        "Run the analytics (forecasts, trends, risk now and projected) over every state's data and"
            + " publish the results; incremental: only series whose vintage changed are refitted.")
final class AnalyseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--full", description = "Recompute every series, not only the changed ones.")
  boolean full;

  @Override
  public Integer call() {
    VigilCommand root = VigilCommand.of(spec);
    try (Vigil vigil = root.openVigil()) {
      long start = System.nanoTime();
      AnalyticRun run;
      try (Bar bar = new Bar(root.err())) {
        run = new AnalyticRunner(vigil).run("analyse", full, bar);
      }
      print(root, run, (System.nanoTime() - start) / 1e9);
    }
    return VigilCommand.OK;
  }

  static void print(VigilCommand root, AnalyticRun run, double seconds) {
    Table t =
        Table.of(
            "run",
            "kind",
            "methodology",
            "period",
            "data_as_of",
            "inputs",
            "series_computed",
            "results_changed",
            "failures",
            "seconds");
    t.row(
        run.id(),
        run.full() ? "full" : "incremental",
        run.methodology() + " " + run.methodologyVersion(),
        run.period().orElse(""),
        run.dataAsOf().map(Object::toString).orElse(""),
        run.inputs().size(),
        run.seriesComputed(),
        run.resultsChanged(),
        run.failures(),
        Math.round(seconds * 100) / 100.0);
    root.renderer().print(t);
  }

  /** A progress bar on a terminal, a line per 10% otherwise. */
  static final class Bar implements AnalyticRunner.Progress, AutoCloseable {
    private final PrintStream err;
    private final boolean terminal = System.console() != null;
    private ProgressBar bar;
    private long lastTenth = -1;

    Bar(PrintStream err) {
      this.err = err;
    }

    @Override
    public void update(int done, int total) {
      if (total == 0) {
        return;
      }
      if (terminal) {
        if (bar == null) {
          bar =
              new ProgressBarBuilder()
                  .setTaskName("Analysing")
                  .setInitialMax(total)
                  .setUnit(" series", 1)
                  .setStyle(ProgressBarStyle.ASCII)
                  .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err))
                  .build();
        }
        bar.stepTo(done);
      } else {
        long tenth = (long) done * 10 / total;
        if (tenth != lastTenth) {
          lastTenth = tenth;
          err.println("analyse: " + (tenth * 10) + "% (" + done + " of " + total + " series)");
        }
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }
}

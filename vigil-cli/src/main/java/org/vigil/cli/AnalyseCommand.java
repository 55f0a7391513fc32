package org.vigil.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.vigil.app.Vigil;
import org.vigil.app.analytics.AnalyticRunner;
import org.vigil.forecast.ForecastMethod;
import org.vigil.model.InvalidInputException;
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

  @Option(
      names = "--engine",
      defaultValue = "in-process",
      description =
          "Where the per-series stage runs: in-process (default) or spark (a Spark job; the"
              + " results are published as the same run).")
  String engine;

  @Option(
      names = "--master",
      defaultValue = "local[2]",
      description =
          "Spark master for --engine spark: local[N], or a cluster URL (needs SPARK_HOME).")
  String master;

  @Option(
      names = "--work-dir",
      description =
          "Directory for the series handed to Spark and its outcomes (default: a new temporary"
              + " directory).")
  Path workDir;

  @Override
  public Integer call() {
    VigilCommand root = VigilCommand.of(spec);
    try (Vigil vigil = root.openVigil()) {
      long start = System.nanoTime();
      AnalyticRun run;
      try (Bar bar = new Bar(root.err())) {
        run = runner(root, vigil).run(trigger(), full, bar);
      }
      print(root, run, (System.nanoTime() - start) / 1e9);
    }
    return VigilCommand.OK;
  }

  private AnalyticRunner runner(VigilCommand root, Vigil vigil) {
    switch (engine) {
      case "in-process":
        return new AnalyticRunner(vigil);
      case "spark":
        return new AnalyticRunner(
            vigil,
            ForecastMethod.ETS,
            new SparkAnalyticEngine(
                new SparkProcess(SparkProcess.home(), root.out(), root.err()),
                master,
                workDir(),
                ForecastMethod.ETS.name()));
      default:
        throw new InvalidInputException(
            "--engine: expected in-process or spark, found '" + engine + "'");
    }
  }

  /** The run's trigger names the engine, so a reader can tell which one made it. */
  private String trigger() {
    return "spark".equals(engine) ? "analyse (spark " + master + ")" : "analyse";
  }

  private Path workDir() {
    if (workDir != null) {
      return workDir;
    }
    try {
      return Files.createTempDirectory("vigil-analyse-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a work directory: " + e.getMessage(), e);
    }
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
          bar = ProgressBars.ascii(err, "Analysing", total, " series", 1);
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

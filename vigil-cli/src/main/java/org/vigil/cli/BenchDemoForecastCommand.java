package org.vigil.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.bench.forecast.CountCalibration;
import org.vigil.bench.forecast.DemoForecastAccuracy;
import org.vigil.forecast.ForecastMethod;
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

  @Option(
      names = "--count-method",
      paramLabel = "M",
      defaultValue = "ETS",
      description =
          "Point forecasts of the count series: ETS (default, the published table) or any method"
              + " of --method, e.g. AUTO (what forecasts serve: SBA for sparse series).")
  ForecastMethod countMethod;

  @Option(
      names = "--export-counts",
      paramLabel = "FILE",
      description =
          "Also write the scored count series (CSV: indicator,area,part,index,value; part train or"
              + " test) for scoring them in R: Rscript vigil-bench/r/demo_counts.R FILE.")
  Path exportCounts;

  @Override
  public Integer call() {
    if (holdout < 1 || holdout > 24) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--holdout must be 1..24, found " + holdout);
    }
    DemoForecastAccuracy.Result r = DemoForecastAccuracy.run(holdout, countMethod);
    if (exportCounts != null) {
      export(r.countSeries(), exportCounts);
    }
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
    Table calibration =
        Table.of(
            "distribution | mean",
            "points",
            "mean",
            "cov80_before",
            "exp80_before",
            "pit80",
            "cov80_after",
            "exp80_after",
            "cov95_before",
            "cov95_after",
            "crps_before",
            "crps_after");
    for (CountCalibration.Row c : r.calibration()) {
      calibration.row(
          c.group(),
          c.points(),
          f(c.meanOfMeans()),
          f(c.cov80Before()),
          f(c.exp80Before()),
          f(c.pit80()),
          f(c.cov80After()),
          f(c.exp80After()),
          f(c.cov95Before()),
          f(c.cov95After()),
          String.format(Locale.ROOT, "%.4f", c.crpsBefore()),
          String.format(Locale.ROOT, "%.4f", c.crpsAfter()));
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
        "Count intervals on the demo's count series ("
            + countMethod
            + " points, last "
            + holdout
            + " months held out):");
    out.print(counts);
    out.note(
        "Count calibration by fitted distribution and mean (before: R's quantiles q(0.1), q(0.9);"
            + " after: the engine's bounds; cov: observed coverage %; exp: the fitted"
            + " distribution's own probability of the interval; pit80: coverage of a continuous"
            + " distribution as calibrated, the share of each PIT interval in [0.1, 0.9]; crps: scaled CRPS"
            + " from the seven quantiles, mean over points):");
    out.print(calibration);
    out.note("CIS and member states, every monthly indicator: base vs MinT-reconciled:");
    out.print(levels);
    out.note("took " + r.millis() + " ms");
    return VigilCommand.OK;
  }

  private void export(List<DemoForecastAccuracy.CountSeries> series, Path file) {
    StringBuilder b = new StringBuilder("indicator,area,part,index,value\n");
    for (DemoForecastAccuracy.CountSeries c : series) {
      append(b, c, "train", c.train());
      append(b, c, "test", c.actual());
    }
    try {
      Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--export-counts: cannot write "
              + file
              + " ("
              + e.getMessage()
              + "); expected a writable file path, choose another");
    }
  }

  private static void append(
      StringBuilder b, DemoForecastAccuracy.CountSeries c, String part, double[] v) {
    for (int i = 0; i < v.length; i++) {
      b.append(c.indicator()).append(',').append(c.area()).append(',').append(part).append(',');
      b.append(i + 1).append(',').append(Double.isNaN(v[i]) ? "NA" : f(v[i])).append('\n');
    }
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}

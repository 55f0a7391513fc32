package org.vigil.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.app.Vigil;
import org.vigil.app.forecast.ForecastService;
import org.vigil.forecast.Forecast;
import org.vigil.forecast.ForecastMethod;
import org.vigil.forecast.ForecastSpec;
import org.vigil.forecast.eval.BacktestResult;
import org.vigil.forecast.eval.BacktestSpec;
import org.vigil.model.AccessContext;
import org.vigil.model.InvalidInputException;
import org.vigil.model.NotFoundException;
import org.vigil.timeseries.Period;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil forecast --indicator I --area A [--horizon H] [--method M] [--backtest]}: the
 * forecast of a stored series with 80% and 95% intervals, the model chosen, and optionally its
 * accuracy record from a rolling-origin backtest. The same service as the API's /api/forecast.
 */
@Command(
    name = "forecast",
    mixinStandardHelpOptions = true,
    description = {
      "Forecast an indicator for an area: point forecast with 80%% and 95%% intervals.",
      "Count series get non-negative whole-number intervals. --backtest adds the accuracy record"
          + " (rolling origins on the series' own past).",
      "Example: vigil --user kaz.analyst forecast --indicator TERROR_INCIDENTS --area KAZ"
    })
final class ForecastCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--indicator", required = true, description = "Indicator code.")
  String indicator;

  @Option(
      names = "--area",
      required = true,
      description = "Area: code (KAZ, KZ) or name (Kazakhstan, Казахстан).")
  String area;

  @Option(
      names = "--horizon",
      paramLabel = "H",
      description = "Periods ahead, 1-120 (default: 12).")
  int horizon = 12;

  @Option(
      names = "--method",
      paramLabel = "M",
      description =
          "AUTO (default), ETS, ARIMA, THETA, DOTM, COMBO, ... (see the forecast module).")
  String method = "AUTO";

  @Option(
      names = "--backtest",
      description = "Also print the accuracy record: sMAPE, MASE and interval coverage.")
  boolean backtest;

  @Option(names = "--origins", paramLabel = "N", description = "Backtest origins (default: 6).")
  int origins = 6;

  @Option(
      names = "--engine",
      paramLabel = "E",
      description =
          "inprocess (default) or spark: hand the series to the Spark job (--area may then list"
              + " several areas, comma-separated).")
  String engine = "inprocess";

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master for --engine spark: local[2] (default, a child JVM here) or a cluster URL"
              + " (spark://host:7077, yarn; runs $SPARK_HOME/bin/spark-submit).")
  String master = "local[2]";

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      description =
          "Where --engine spark writes the batch and its results (default: a new temporary"
              + " directory; on a cluster, a directory every node can read).")
  java.nio.file.Path workDir;

  @Override
  public Integer call() {
    if ("spark".equalsIgnoreCase(engine)) {
      return spark();
    }
    if (!"inprocess".equalsIgnoreCase(engine)) {
      throw new InvalidInputException(
          "--engine must be inprocess or spark, found '" + engine + "'");
    }
    ForecastMethod m = checkedMethod();
    ForecastSpec fs = ForecastSpec.builder().method(m).horizon(horizon).levels(0.8, 0.95).build();
    VigilCommand root = VigilCommand.of(spec);
    try (Vigil vigil = root.openVigil()) {
      AccessContext caller = root.caller(vigil);
      String ind = knownIndicator(vigil, caller);
      String ar = root.areaCode(vigil, area);
      ForecastService service = ForecastService.create(vigil);
      Forecast f = service.forecast(caller, ind, ar, fs);
      boolean counts = service.isCounts(caller, ind, ar) || !f.countDistributions().isEmpty();
      root.renderer()
          .note(
              ind
                  + " for "
                  + ar
                  + ": "
                  + f.model()
                  + " ("
                  + f.method().name()
                  + ")"
                  + (counts ? "; counts: whole numbers, never below zero" : "")
                  + (f.diagnostics().isEmpty() ? "" : "; " + String.join("; ", f.diagnostics())));
      root.renderer().print(table(f, counts));
      if (backtest) {
        BacktestResult r =
            service.backtest(
                caller, ind, ar, fs, new BacktestSpec(origins, Math.min(horizon, 12), 1, 8));
        root.renderer().print(accuracy(r));
      }
    }
    return VigilCommand.OK;
  }

  /** The --method, once --horizon is checked to be 1-120. */
  private ForecastMethod checkedMethod() {
    if (horizon < 1 || horizon > 120) {
      throw new InvalidInputException("--horizon must be 1-120, found " + horizon);
    }
    return AlertsCommand.parse(ForecastMethod.class, "--method", method).orElseThrow();
  }

  /** The --indicator as a code (trimmed, upper case), once the caller may see it. */
  private String knownIndicator(Vigil vigil, AccessContext caller) {
    String ind = indicator.trim().toUpperCase(Locale.ROOT);
    if (vigil.reference().indicator(caller, ind).isEmpty()) {
      throw new NotFoundException(
          "Unknown indicator '" + indicator + "'; list them with: vigil indicators");
    }
    return ind;
  }

  private int spark() {
    ForecastMethod m = checkedMethod();
    VigilCommand root = VigilCommand.of(spec);
    try (Vigil vigil = root.openVigil()) {
      AccessContext caller = root.caller(vigil);
      String ind = knownIndicator(vigil, caller);
      List<String> areas = new java.util.ArrayList<>();
      for (String a : area.split(",", -1)) {
        areas.add(root.areaCode(vigil, a.trim()));
      }
      List<String> args =
          new java.util.ArrayList<>(
              List.of("--method", m.name(), "--horizon", String.valueOf(horizon)));
      if (backtest) {
        args.addAll(
            List.of(
                "--backtest",
                String.valueOf(origins),
                "--backtest-horizon",
                String.valueOf(Math.min(horizon, 12))));
      }
      java.nio.file.Path dir = workDir;
      if (dir == null) {
        try {
          dir = java.nio.file.Files.createTempDirectory("vigil-spark-");
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException("cannot create a work directory", e);
        }
      }
      return new SparkForecastBatch(root, dir).run(vigil, caller, ind, areas, master, args);
    }
  }

  static Table table(Forecast f, boolean counts) {
    Table t = Table.of("period", "forecast", "lower_80", "upper_80", "lower_95", "upper_95");
    List<Period> periods = f.periods();
    double[] lo80 = f.lower(0.8);
    double[] hi80 = f.upper(0.8);
    double[] lo95 = f.lower(0.95);
    double[] hi95 = f.upper(0.95);
    for (int k = 0; k < periods.size(); k++) {
      t.row(
          periods.get(k).toString(),
          shown(f.points()[k], counts, 0),
          shown(lo80[k], counts, -1),
          shown(hi80[k], counts, 1),
          shown(lo95[k], counts, -1),
          shown(hi95[k], counts, 1));
    }
    return t;
  }

  /** A count as a whole number (bounds outward, so an interval never narrows), else as it is. */
  private static Object shown(double v, boolean counts, int direction) {
    if (!counts || Double.isNaN(v)) {
      return v;
    }
    double r = direction < 0 ? Math.floor(v) : direction > 0 ? Math.ceil(v) : Math.rint(v);
    return (long) Math.max(0, r);
  }

  static Table accuracy(BacktestResult r) {
    Table t =
        Table.of("origins", "smape_pct", "mase", "coverage_80_pct", "coverage_95_pct", "notes");
    Double c80 = r.coverage().get(0.8);
    Double c95 = r.coverage().get(0.95);
    t.row(
        r.origins().size(),
        r.smape(),
        r.mase(),
        c80 == null ? null : 100 * c80,
        c95 == null ? null : 100 * c95,
        String.join("; ", r.diagnostics()));
    return t;
  }
}

package org.vigil.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.analytics.anomaly.AnomalySpec;
import org.vigil.app.Vigil;
import org.vigil.app.analytics.AnomalyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil anomalies}: robust z-scores and out-of-sample forecast-interval breaches. */
@Command(
    name = "anomalies",
    mixinStandardHelpOptions = true,
    description = "Anomalous values of an indicator, in one area or every state you can read.")
final class AnomaliesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--indicator", required = true, description = "Indicator code.")
  String indicator;

  @Option(
      names = "--area",
      description =
          "Area: code (KAZ, KZ) or name (Kazakhstan, Казахстан); all readable states when omitted.")
  String area;

  @Option(
      names = "--z",
      defaultValue = "4.5",
      description = "Robust |z| cut-off (default ${DEFAULT-VALUE}).")
  double z;

  @Override
  public Integer call() {
    VigilCommand root = VigilCommand.of(spec);
    try (Vigil vigil = root.openVigil()) {
      List<AnomalyService.AreaAnomaly> found =
          new AnomalyService(vigil)
              .anomalies(
                  root.caller(vigil),
                  indicator.trim().toUpperCase(Locale.ROOT),
                  Optional.ofNullable(area).map(a -> root.areaCode(vigil, a)),
                  AnomalySpec.DEFAULT.withZThreshold(z));
      Table t =
          Table.of(
              "indicator",
              "area",
              "period",
              "value",
              "expected",
              "lower",
              "upper",
              "method",
              "score",
              "description");
      for (AnomalyService.AreaAnomaly a : found) {
        t.row(
            a.indicator(),
            a.area(),
            a.anomaly().period().toString(),
            a.anomaly().value(),
            a.anomaly().expected(),
            a.anomaly().lower(),
            a.anomaly().upper(),
            a.anomaly().method().name(),
            a.anomaly().score(),
            a.anomaly().description());
      }
      if (found.isEmpty()) {
        root.renderer().note("No anomalies found in the values you can read.");
      }
      root.renderer().print(t);
    }
    return VigilCommand.OK;
  }
}

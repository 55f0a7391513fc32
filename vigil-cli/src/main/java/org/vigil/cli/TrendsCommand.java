package org.vigil.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.vigil.analytics.trend.TrendResult;
import org.vigil.analytics.trend.TrendSpec;
import org.vigil.app.Vigil;
import org.vigil.app.analytics.TrendService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil trends}: Mann-Kendall, Sen's slope and change points of one series. */
@Command(
    name = "trends",
    mixinStandardHelpOptions = true,
    description =
        "Trend of an indicator in an area: direction, Mann-Kendall S, tau, p, Sen's"
            + " slope per year, change points.")
final class TrendsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--indicator", required = true, description = "Indicator code.")
  String indicator;

  @Option(
      names = "--area",
      required = true,
      description = "Area: code (KAZ, KZ) or name (Kazakhstan, Казахстан).")
  String area;

  @Option(
      names = "--alpha",
      defaultValue = "0.01",
      description = "Significance level for rising/falling (default ${DEFAULT-VALUE}).")
  double alpha;

  @Override
  public Integer call() {
    VigilCommand root = VigilCommand.of(spec);
    try (Vigil vigil = root.openVigil()) {
      TrendService.TrendReport r =
          new TrendService(vigil)
              .trend(
                  root.caller(vigil),
                  indicator.trim().toUpperCase(Locale.ROOT),
                  root.areaCode(vigil, area),
                  TrendSpec.builder().alpha(alpha).build());
      TrendResult t = r.result();
      Table table =
          Table.of(
              "indicator",
              "area",
              "from",
              "to",
              "n",
              "direction",
              "seasonal",
              "s",
              "var_s",
              "tau",
              "p_value",
              "sen_slope_per_year",
              "slope_lower",
              "slope_upper",
              "unit",
              "change_points",
              "statement");
      table.row(
          r.indicator().code(),
          r.area(),
          t.from().toString(),
          t.to().toString(),
          t.test().n(),
          t.direction().name(),
          t.seasonal(),
          t.test().s(),
          t.test().varS(),
          t.test().tau(),
          t.test().pValue(),
          t.slopePerYear(),
          t.slopeLowerPerYear(),
          t.slopeUpperPerYear(),
          r.indicator().unit(),
          t.changePoints().stream()
              .map(c -> c.period() + String.format(Locale.ROOT, " (%+.3g)", c.shift()))
              .collect(Collectors.joining("; ")),
          t.statement());
      root.renderer().print(table);
      t.diagnostics().forEach(d -> root.renderer().note("note: " + d));
    }
    return VigilCommand.OK;
  }
}

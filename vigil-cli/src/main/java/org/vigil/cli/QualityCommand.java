package org.vigil.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.analytics.quality.QualityIssue;
import org.vigil.analytics.quality.QualityReport;
import org.vigil.app.Vigil;
import org.vigil.app.analytics.QualityService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil quality}: data-quality report per state and dataset, or its issues. */
@Command(
    name = "quality",
    mixinStandardHelpOptions = true,
    description = "Data quality per state and dataset (completeness, timeliness, issues).")
final class QualityCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--area",
      description =
          "Area: code (KAZ, KZ) or name (Kazakhstan, Казахстан); all readable states when omitted.")
  String area;

  @Option(names = "--issues", description = "List every issue instead of the summary.")
  boolean issues;

  @Override
  public Integer call() {
    VigilCommand root = VigilCommand.of(spec);
    try (Vigil vigil = root.openVigil()) {
      List<QualityReport> reports =
          new QualityService(vigil)
              .quality(
                  root.caller(vigil), Optional.ofNullable(area).map(a -> root.areaCode(vigil, a)));
      Table t;
      if (issues) {
        t = Table.of("area", "dataset", "rule", "severity", "indicator", "period", "message");
        for (QualityReport r : reports) {
          for (QualityIssue i : r.issues()) {
            t.row(
                r.area(),
                r.dataset(),
                i.rule().name(),
                i.severity().name(),
                i.indicator(),
                i.period(),
                i.message());
          }
        }
      } else {
        t =
            Table.of(
                "area",
                "dataset",
                "indicators",
                "completeness",
                "timeliness",
                "errors",
                "warnings",
                "info");
        for (QualityReport r : reports) {
          t.row(
              r.area(),
              r.dataset(),
              r.indicators().size(),
              r.completeness(),
              r.timeliness(),
              r.count(QualityIssue.Severity.ERROR),
              r.count(QualityIssue.Severity.WARNING),
              r.count(QualityIssue.Severity.INFO));
        }
      }
      root.renderer().print(t);
    }
    return VigilCommand.OK;
  }
}

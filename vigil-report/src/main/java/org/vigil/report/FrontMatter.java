package org.vigil.report;

import java.util.stream.Collectors;

/**
 * The lines above a report's first section, the same in every format: the classification, who
 * prepared the report and whose data it may show, and what the analytic run behind its risk and
 * priorities covers.
 */
final class FrontMatter {
  private final SituationReport report;
  private final Messages m;

  FrontMatter(SituationReport report, Messages m) {
    this.report = report;
    this.m = m;
  }

  /** "FOR OFFICIAL USE", also printed at the top of every page. */
  String classification() {
    return m.get("marking.classification");
  }

  /** Who prepared the report, when, and whose data it may show. */
  String distribution() {
    Marking k = report.marking();
    String when = m.instant(report.generatedAt());
    String prepared =
        k.preparedBy().isEmpty()
            ? m.get("marking.prepared", when)
            : m.get(
                "marking.preparedBy",
                k.preparedBy(),
                k.organisation().isEmpty() ? "\u2014" : k.organisation(),
                when);
    if (k.dataOf().isEmpty()) {
      return prepared;
    }
    String states =
        k.dataOf().stream()
            .map(a -> a.name(report.language().code()))
            .collect(Collectors.joining(", "));
    return prepared + " " + m.get("marking.dataOf", states);
  }

  /** The analytic run's coverage: "N of M states, methodology ..., data as of ..., run ...". */
  String coverage() {
    return report
        .coverage()
        .map(c -> m.get("coverage.statement", m.coverage(c)))
        .orElse(m.get("coverage.none"));
  }
}

package org.vigil.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The report's key judgements: a few sentences in plain words, printed before the tables, that a
 * reader at a meeting can take in at once. In a state's own report they are about that state first;
 * in the regional report about the region. Each sentence only restates figures of the report's
 * sections.
 */
final class Judgements {
  /** A year-on-year change smaller than this (in percent) is not worth a sentence. */
  private static final double NOTABLE_CHANGE = 10;

  private static final int CHANGES = 2;

  private final SituationReport report;
  private final Messages m;
  private final ReportTables tables;
  private final String lang;

  Judgements(SituationReport report, Messages m) {
    this.report = report;
    this.m = m;
    this.tables = new ReportTables(report, m);
    this.lang = report.language().code();
  }

  List<String> sentences() {
    List<String> out = new ArrayList<>();
    risk(out);
    report.priorities().rows().stream()
        .min(Comparator.comparingInt(PriorityRow::rank))
        .ifPresent(
            p ->
                out.add(
                    report.regional()
                        ? m.get("judge.topPriority.region", p.domain().label(lang))
                        : m.get(
                            "judge.topPriority.state",
                            report.area().name(lang),
                            p.domain().label(lang))));
    changes(out);
    anomalies(out);
    programmes(out);
    events(out);
    return out;
  }

  private void risk(List<String> out) {
    List<RiskRow> rows = tables.riskRows();
    if (rows.isEmpty()) {
      out.add(m.get("judge.noRisk"));
      return;
    }
    List<RiskRow> byScore =
        rows.stream().sorted(Comparator.comparingDouble(RiskRow::score).reversed()).toList();
    Optional<RiskRow> own = rows.stream().filter(r -> r.area().equals(report.area())).findFirst();
    if (!report.regional() && own.isPresent()) {
      RiskRow r = own.get();
      out.add(
          m.get(
                  "judge.risk.state",
                  r.area().name(lang),
                  m.number(r.score()),
                  Integer.toString(byScore.indexOf(r) + 1),
                  Integer.toString(rows.size()))
              + change(r));
      r.topDriver().ifPresent(d -> out.add(m.get("judge.driver", d.label(lang))));
      return;
    }
    RiskRow top = byScore.get(0);
    long high = rows.stream().filter(r -> r.score() >= 5).count();
    out.add(
        m.get(
            "judge.risk.region",
            top.area().name(lang),
            m.number(top.score()),
            Long.toString(high),
            Integer.toString(rows.size())));
  }

  private String change(RiskRow r) {
    double c = r.change();
    if (Double.isNaN(c) || Math.abs(c) < 0.05) {
      return " " + m.get("judge.risk.same");
    }
    return " " + m.get(c > 0 ? "judge.risk.up" : "judge.risk.down", m.number(Math.abs(c)));
  }

  private void changes(List<String> out) {
    report.indicators().rows().stream()
        .filter(r -> r.area().equals(report.area()) || report.regional())
        .filter(r -> !Double.isNaN(r.changePercent()))
        .filter(r -> Math.abs(r.changePercent()) >= NOTABLE_CHANGE)
        .sorted(Comparator.comparingDouble((IndicatorRow r) -> -Math.abs(r.changePercent())))
        .limit(CHANGES)
        .forEach(
            r ->
                out.add(
                    m.get(
                        r.changePercent() > 0 ? "judge.change.up" : "judge.change.down",
                        r.indicator().name(lang),
                        m.count(Math.abs(r.changePercent())),
                        m.value(r.indicator(), r.yearAgo()),
                        m.value(r.indicator(), r.value()),
                        r.coverage().stated() // a regional figure says what it covers
                            ? m.period(r.period()) + ", " + m.coverage(r.coverage())
                            : m.period(r.period()))));
  }

  private void anomalies(List<String> out) {
    if (!report.anomalies().available()) {
      return;
    }
    Optional<AnomalyRow> strongest =
        report.anomalies().rows().stream()
            .max(Comparator.comparingDouble((AnomalyRow a) -> Math.abs(a.score())));
    out.add(
        strongest
            .map(
                a ->
                    m.get(
                        "judge.anomalies",
                        Integer.toString(report.anomalies().rows().size()),
                        a.indicator().name(lang),
                        a.area().name(lang),
                        m.period(a.period())))
            .orElse(m.get("judge.anomalies.none")));
  }

  private void programmes(List<String> out) {
    List<ProgrammeRow> rows = report.programmes().rows();
    if (rows.isEmpty()) {
      return;
    }
    long off = rows.stream().filter(p -> p.status() == ProgrammeRow.Status.OFF_TRACK).count();
    long risk = rows.stream().filter(p -> p.status() == ProgrammeRow.Status.AT_RISK).count();
    out.add(
        m.get(
            "judge.programmes",
            Integer.toString(rows.size()),
            Long.toString(off),
            Long.toString(risk)));
  }

  private void events(List<String> out) {
    if (!report.events().available()) {
      return;
    }
    int deaths = report.events().rows().stream().mapToInt(EventRow::fatalities).sum();
    out.add(
        report.events().rows().isEmpty()
            ? m.get("judge.events.none")
            : m.get(
                "judge.events",
                Integer.toString(report.events().rows().size()),
                Integer.toString(deaths)));
  }
}

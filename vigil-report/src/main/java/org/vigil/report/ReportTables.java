package org.vigil.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The report's tables as text cells in the report language, shared by the HTML/PDF and the DOCX
 * writers so both print the same words and numbers. Counts are whole numbers, levels unsigned,
 * changes signed; in a state's own report the state comes first.
 */
final class ReportTables {
  /** One cell: its text, an optional style name (up, down, a status) and an optional swatch. */
  record Cell(String text, String style, String swatch) {
    static Cell of(String text) {
      return new Cell(text, "", "");
    }
  }

  /**
   * A table of a section: the header keys, the rows, and the section's state.
   *
   * @param headers message keys of the column headings
   * @param rows the cells of each row
   * @param section the section, for its unavailable reason and coverage
   */
  record Table(List<String> headers, List<List<Cell>> rows, Section<?> section) {}

  private final SituationReport report;
  private final Messages m;
  private final String lang;

  ReportTables(SituationReport report, Messages m) {
    this.report = report;
    this.m = m;
    this.lang = report.language().code();
  }

  /** The risk rows: the subject state first in its own report, then by score, highest first. */
  List<RiskRow> riskRows() {
    Comparator<RiskRow> byScore = Comparator.comparingDouble(RiskRow::score).reversed();
    Comparator<RiskRow> order =
        report.regional()
            ? byScore
            : Comparator.comparing((RiskRow r) -> !r.area().equals(report.area()))
                .thenComparing(byScore);
    return report.risk().rows().stream().sorted(order).toList();
  }

  Table risk() {
    List<List<Cell>> rows = new ArrayList<>();
    for (RiskRow r : riskRows()) {
      rows.add(
          List.of(
              Cell.of(r.area().name(lang)),
              new Cell(m.number(r.score()), "", MapSvg.colour(r.score())),
              Cell.of(m.signedNumber(r.change())),
              Cell.of(r.topDriver().map(d -> d.label(lang)).orElse("\u2014"))));
    }
    return new Table(
        List.of("col.state", "col.score", "col.change", "col.driver"), rows, report.risk());
  }

  /**
   * One labelled sentence per state whose fuller composite this reader may see (domains not shared
   * with every member included), in the table's order; none for any other reader. The table keeps
   * the common composite.
   */
  List<String> riskWithRestricted() {
    List<String> out = new ArrayList<>();
    for (RiskRow r : riskRows()) {
      r.withRestricted()
          .ifPresent(
              w ->
                  out.add(
                      m.get(
                          "risk.withRestricted",
                          r.area().name(lang),
                          String.join(
                              ", ", w.notShared().stream().map(d -> d.label(lang)).toList()),
                          m.number(w.score()),
                          Integer.toString(w.domains()),
                          Integer.toString(w.domainsTotal()))));
    }
    return out;
  }

  Table priorities() {
    List<List<Cell>> rows = new ArrayList<>();
    report.priorities().rows().stream()
        .sorted(Comparator.comparingInt(PriorityRow::rank))
        .forEach(
            p ->
                rows.add(
                    List.of(
                        Cell.of(Integer.toString(p.rank())),
                        Cell.of(p.domain().label(lang)),
                        Cell.of(m.number(p.score())),
                        movement(p.movement()))));
    return new Table(
        List.of("col.rank", "col.domain", "col.score", "col.movement"), rows, report.priorities());
  }

  /**
   * A state's priorities outside the shared ranking (readable by this reader, not by every member):
   * domain and score, no rank, in the Prioritiser's order among themselves.
   */
  Table notSharedPriorities() {
    List<List<Cell>> rows = new ArrayList<>();
    for (NotSharedPriorityRow p : report.notSharedPriorities().rows()) {
      rows.add(List.of(Cell.of(p.domain().label(lang)), Cell.of(m.number(p.score()))));
    }
    return new Table(List.of("col.domain", "col.score"), rows, report.notSharedPriorities());
  }

  private Cell movement(int move) {
    return switch (move) {
      case 1 -> new Cell(m.get("move.up"), "up", "");
      case -1 -> new Cell(m.get("move.down"), "down", "");
      default -> Cell.of(m.get("move.same"));
    };
  }

  /** True when the indicator table names a state per row (a regional table shows aggregates). */
  boolean indicatorsPerArea() {
    return report.indicators().rows().stream().anyMatch(r -> !r.area().equals(report.area()));
  }

  Table indicators() {
    boolean perArea = indicatorsPerArea();
    List<String> headers = new ArrayList<>(List.of("col.indicator"));
    if (perArea) {
      headers.add("col.state");
    }
    headers.addAll(List.of("col.period", "col.value", "col.yearAgo", "col.changePct"));
    boolean covers = report.indicators().rows().stream().anyMatch(r -> r.coverage().stated());
    if (covers) {
      headers.add("col.covers");
    }
    List<List<Cell>> rows = new ArrayList<>();
    for (IndicatorRow r : report.indicators().rows()) {
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.of(indicatorName(r.indicator())));
      if (perArea) {
        cells.add(Cell.of(r.area().name(lang)));
      }
      cells.add(Cell.of(m.period(r.period())));
      cells.add(Cell.of(m.value(r.indicator(), r.value())));
      cells.add(Cell.of(m.value(r.indicator(), r.yearAgo())));
      cells.add(Cell.of(m.signedNumber(r.changePercent())));
      if (covers) {
        cells.add(Cell.of(m.coverage(r.coverage())));
      }
      rows.add(cells);
    }
    return new Table(headers, rows, report.indicators());
  }

  /** A chart's title: the indicator, the area and, for a regional series, what it covers. */
  String chartTitle(IndicatorChart c) {
    String covers = m.coverage(c.coverage());
    return indicatorName(c.indicator())
        + " \u2014 "
        + c.area().name(lang)
        + (covers.isEmpty() ? "" : " (" + covers + ")");
  }

  /** The indicator's name with its unit, and the synthetic mark for demo series. */
  String indicatorName(org.vigil.model.Indicator ind) {
    String unit = m.unit(ind.unit());
    return ind.name(lang)
        + (unit.isEmpty() ? "" : ", " + unit)
        + (ind.synthetic() ? " \u25c6" : "");
  }

  Table anomalies() {
    List<List<Cell>> rows = new ArrayList<>();
    for (AnomalyRow a : report.anomalies().rows()) {
      rows.add(
          List.of(
              Cell.of(indicatorName(a.indicator())),
              Cell.of(a.area().name(lang)),
              Cell.of(m.period(a.period())),
              Cell.of(m.value(a.indicator(), a.value())),
              Cell.of(m.value(a.indicator(), a.expected())),
              Cell.of(m.number(Math.abs(a.score())))));
    }
    return new Table(
        List.of(
            "col.indicator",
            "col.state",
            "col.period",
            "col.value",
            "col.expected",
            "col.anomalyScore"),
        rows,
        report.anomalies());
  }

  Table programmes() {
    List<List<Cell>> rows = new ArrayList<>();
    for (ProgrammeRow p : report.programmes().rows()) {
      rows.add(
          List.of(
              Cell.of(p.title()),
              Cell.of(
                  Double.isNaN(p.attainment())
                      ? "\u2014"
                      : m.count(p.attainment() * 100) + "\u00a0%"),
              Cell.of(p.measuresDone() + " / " + p.measuresTotal()),
              new Cell(m.get("status." + p.status().name()), "st-" + p.status().name(), "")));
    }
    return new Table(
        List.of("col.programme", "col.attainment", "col.measures", "col.status"),
        rows,
        report.programmes());
  }

  /**
   * Notable events. A summary is shown only when it is written in the report's language (an English
   * source's summary in a Russian brief would need translating by hand), so the Russian table names
   * the category, the state and the toll instead.
   */
  Table events() {
    boolean summaries =
        report.events().rows().stream().allMatch(e -> inReportLanguage(e.summary()));
    List<String> headers =
        new ArrayList<>(
            List.of("col.date", "col.state", "col.domain", "col.category", "col.fatalities"));
    if (summaries) {
      headers.add("col.summary");
    }
    List<List<Cell>> rows = new ArrayList<>();
    for (EventRow e : report.events().rows()) {
      List<Cell> cells =
          new ArrayList<>(
              List.of(
                  Cell.of(m.date(e.date())),
                  Cell.of(e.area().name(lang)),
                  Cell.of(e.domain().label(lang)),
                  Cell.of(
                      e.category().isBlank()
                          ? "\u2014"
                          : m.shared("plover." + e.category(), e.category())),
                  Cell.of(Integer.toString(e.fatalities()))));
      if (summaries) {
        cells.add(Cell.of(e.summary()));
      }
      rows.add(cells);
    }
    return new Table(headers, rows, report.events());
  }

  /** True when a Russian report's text has no Latin letters (English reports take any text). */
  boolean inReportLanguage(String text) {
    return report.language() != ReportLanguage.RU || !text.matches("(?s).*[A-Za-z]{2,}.*");
  }

  /** A basin's heading: its name and riparian states. */
  String waterTitle(WaterBasinRow b) {
    return m.get(
        "water.basin",
        b.basin().name(lang),
        String.join(", ", b.states().stream().map(a -> a.name(lang)).toList()));
  }

  /** A basin's water indicators with their class and thresholds. */
  Table waterIndicators(WaterBasinRow b) {
    List<List<Cell>> rows = new ArrayList<>();
    for (WaterBasinRow.Value v : b.indicators()) {
      rows.add(
          List.of(
              Cell.of(indicatorName(v.indicator())),
              Cell.of(v.area().name(lang)),
              Cell.of(m.period(v.period())),
              Cell.of(m.value(v.indicator(), v.value())),
              Cell.of(v.level().isEmpty() ? "\u2014" : m.get(v.level()))));
    }
    return new Table(
        List.of("col.indicator", "col.area", "col.period", "col.value", "col.level"),
        rows,
        rows.isEmpty() ? Section.unavailable("gap.noWaterData") : report.water());
  }

  /** The thresholds of the indicators shown, one line each, in the order shown. */
  List<String> waterThresholds(WaterBasinRow b) {
    return b.indicators().stream()
        .map(v -> v.indicator().code())
        .distinct()
        .map(c -> m.get("water.short." + c) + ": " + m.reason("water.threshold." + c))
        .toList();
  }

  /** A basin's dry-scenario allocation per state. */
  Table waterDry(WaterBasinRow b) {
    List<List<Cell>> rows = new ArrayList<>();
    for (WaterBasinRow.StateShortfall s : b.dry()) {
      rows.add(
          List.of(
              Cell.of(b.stateName(s.state(), lang)),
              Cell.of(m.count(s.demand())),
              Cell.of(m.count(s.shortfall())),
              Cell.of(m.number(100 * s.relative())),
              Cell.of(
                  s.worstMonth()
                      .map(
                          w ->
                              m.period(
                                      org.vigil.timeseries.Period.month(
                                          w.getYear(), w.getMonthValue()))
                                  + " ("
                                  + m.count(s.worstShortfall())
                                  + ")")
                      .orElse("\u2014"))));
    }
    return new Table(
        List.of("col.state", "col.demand", "col.shortfall", "col.shortfallPct", "col.worstMonth"),
        rows,
        report.water());
  }
}

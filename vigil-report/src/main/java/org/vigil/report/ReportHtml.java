package org.vigil.report;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes a report as one well-formed XHTML document (openhtmltopdf needs XML). */
final class ReportHtml {
  private final SituationReport report;
  private final Messages m;
  private final String lang;
  private final ReportTables tables;
  private final StringBuilder out = new StringBuilder(400_000);

  private ReportHtml(SituationReport report) {
    this.report = report;
    this.m = new Messages(report.language());
    this.lang = report.language().code();
    this.tables = new ReportTables(report, m);
  }

  static String write(SituationReport report) {
    return new ReportHtml(report).document();
  }

  private String document() {
    String title = m.get("title", report.area().name(lang));
    FrontMatter front = new FrontMatter(report, m);
    out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
        .append(lang)
        .append("\"><head><meta charset=\"UTF-8\"/><title>")
        .append(esc(title))
        .append("</title><style>")
        .append(css(front.classification()))
        .append("</style></head><body>");
    out.append("<p class=\"classification\">").append(esc(front.classification())).append("</p>");
    out.append("<h1>").append(esc(title)).append("</h1>");
    out.append("<p class=\"sub\">")
        .append(esc(m.get("subtitle", m.period(report.period()), m.instant(report.generatedAt()))))
        .append("</p>");
    out.append("<p class=\"marking\">").append(esc(front.distribution())).append("</p>");
    out.append("<p class=\"marking coverage\">").append(esc(front.coverage())).append("</p>");
    if (report.containsSynthetic()) {
      out.append("<p class=\"synthetic\">").append(esc(m.get("synthetic.notice"))).append("</p>");
    }
    summary();
    map();
    table(tables.risk(), "section.risk");
    tables
        .riskWithRestricted()
        .forEach(n -> out.append("<p class=\"note restricted\">").append(esc(n)).append("</p>"));
    table(
        tables.priorities(), report.regional() ? "section.priorities" : "section.priorities.state");
    notSharedPriorities();
    table(tables.indicators(), "section.indicators");
    charts();
    table(tables.anomalies(), "section.anomalies");
    table(tables.programmes(), "section.programmes");
    water();
    ReportTables.Table events = tables.events();
    table(events, "section.events");
    if (!events.rows().isEmpty() && !events.headers().contains("col.summary")) {
      out.append("<p class=\"note\">").append(esc(m.get("events.noSummaries"))).append("</p>");
    }
    out.append("<p class=\"footer\">").append(esc(m.get("footer"))).append("</p>");
    return out.append("</body></html>").toString();
  }

  private void summary() {
    heading("section.summary");
    out.append("<div class=\"summary\">");
    new Judgements(report, m).sentences().forEach(this::li);
    out.append("</div>");
  }

  private void map() {
    heading("section.map");
    Map<String, Double> scores = new HashMap<>();
    report.risk().rows().forEach(r -> scores.put(r.area().code(), r.score()));
    Set<String> states = new LinkedHashSet<>();
    report.states().forEach(a -> states.add(a.code()));
    if (states.isEmpty()) {
      states.add(report.area().code());
    }
    String focus = report.regional() ? "" : report.area().code();
    out.append("<div class=\"map\">").append(MapSvg.render(scores, states, focus)).append("</div>");
    out.append("<table class=\"legend\"><tr><td class=\"lt\">")
        .append(esc(m.get("legend.risk")))
        .append("</td>");
    for (int i = 0; i < MapSvg.COLOURS.length; i++) {
      swatch(MapSvg.COLOURS[i], (i * 2) + "\u2013" + (i * 2 + 2));
    }
    swatch(MapSvg.NO_DATA, m.get("legend.noData"));
    out.append("</tr></table>");
    if (!report.risk().available()) {
      gap(report.risk());
    }
  }

  private void swatch(String colour, String label) {
    out.append("<td><span class=\"sw\" style=\"background:")
        .append(colour)
        .append("\">\u00a0\u00a0\u00a0\u00a0</span> ")
        .append(esc(label))
        .append("</td>");
  }

  private void charts() {
    heading("section.charts");
    if (!report.charts().available()) {
      gap(report.charts());
      return;
    }
    for (IndicatorChart c : report.charts().rows()) {
      out.append("<div class=\"chart\"><h3>")
          .append(esc(tables.chartTitle(c)))
          .append("</h3>")
          .append(FanChartSvg.render(c, m))
          .append("<p class=\"note\">")
          .append(esc(chartNote(c, m)))
          .append("</p></div>");
    }
  }

  /** The line under a chart: the next period's forecast, the model and the trend statement. */
  static String chartNote(IndicatorChart c, Messages m) {
    StringBuilder b = new StringBuilder();
    if (!c.forecast().isEmpty()) {
      IndicatorChart.FanPoint next = c.forecast().get(0);
      double floor = Counts.isCount(c.indicator()) ? 0 : Double.NEGATIVE_INFINITY;
      b.append(
              m.get(
                  "chart.next",
                  m.period(next.period()),
                  m.value(c.indicator(), Math.max(floor, next.mean())),
                  m.value(c.indicator(), Math.max(floor, next.lower80())),
                  m.value(c.indicator(), Math.max(floor, next.upper80()))))
          .append(' ');
    }
    b.append(
        c.model().isEmpty() ? m.get("chart.noForecast") : m.get("chart.model", m.model(c.model())));
    if (!c.trendStatement().isEmpty()) {
      b.append(' ').append(m.reason(c.trendStatement()));
    }
    return b.toString();
  }

  /**
   * The shared basins: per basin its indicators with their classes, the dry scenario's shortfall
   * per state with the monthly chart, and the reliefs that remove the most shortfall.
   */
  private void water() {
    if (!report.water().applies()) {
      return;
    }
    heading("section.water");
    if (!report.water().available()) {
      gap(report.water());
      return;
    }
    for (WaterBasinRow b : report.water().rows()) {
      out.append("<h3>").append(esc(tables.waterTitle(b))).append("</h3>");
      body(tables.waterIndicators(b));
      tables
          .waterThresholds(b)
          .forEach(t -> out.append("<p class=\"note\">").append(esc(t)).append("</p>"));
      out.append("<p class=\"note\">").append(esc(b.scenario())).append("</p>");
      if (!b.unavailable().isEmpty()) {
        out.append("<p class=\"gap\">").append(esc(b.unavailable())).append("</p>");
        continue;
      }
      out.append("<h3>").append(esc(m.get("water.dry", b.start(), b.months()))).append("</h3>");
      body(tables.waterDry(b));
      if (b.monthly().stream().anyMatch(x -> x.shortfall() > 0)) {
        out.append("<div class=\"chart\"><h3>")
            .append(esc(m.get("water.chart")))
            .append("</h3>")
            .append(WaterChartSvg.render(b, m))
            .append("</div>");
      } else {
        out.append("<p class=\"note\">").append(esc(m.get("water.noDeficit"))).append("</p>");
      }
      if (b.reliefs().isEmpty()) {
        out.append("<p class=\"note\">").append(esc(m.get("water.noReliefs"))).append("</p>");
      } else {
        out.append("<p class=\"note\">")
            .append(esc(m.get("water.reliefs", b.reliefs().size(), b.reliefCount())))
            .append("</p>");
        b.reliefs().forEach(this::li);
      }
    }
  }

  /** Apart from the ranked table, under its own heading and unnumbered; left out when none. */
  private void notSharedPriorities() {
    ReportTables.Table t = tables.notSharedPriorities();
    if (!t.section().applies()) {
      return;
    }
    out.append("<h3 class=\"not-shared\">")
        .append(esc(m.get("priorities.notShared")))
        .append("</h3>");
    out.append("<p class=\"note restricted\">")
        .append(esc(m.get("priorities.notShared.note")))
        .append("</p>");
    body(t);
  }

  private void table(ReportTables.Table t, String headingKey) {
    heading(headingKey);
    body(t);
  }

  private void body(ReportTables.Table t) {
    Section<?> section = t.section();
    if (!section.available()) {
      gap(section);
      return;
    }
    if (t.rows().isEmpty()) {
      out.append("<p class=\"note\">").append(esc(m.get("gap.none"))).append("</p>");
      return;
    }
    out.append("<table class=\"data\"><thead><tr>");
    t.headers().forEach(h -> out.append("<th>").append(esc(m.get(h))).append("</th>"));
    out.append("</tr></thead><tbody>");
    for (List<ReportTables.Cell> row : t.rows()) {
      out.append("<tr>");
      row.forEach(c -> out.append("<td>").append(cell(c)).append("</td>"));
      out.append("</tr>");
    }
    out.append("</tbody></table>");
    if (!section.coverage().isEmpty()) {
      out.append("<p class=\"note coverage\">").append(esc(section.coverage())).append("</p>");
    }
  }

  private String cell(ReportTables.Cell c) {
    String text = esc(c.text()).replace("\u25c6", synth());
    if (!c.swatch().isEmpty()) {
      text =
          "<span class=\"sw\" style=\"background:" + c.swatch() + "\">\u00a0\u00a0</span> " + text;
    }
    return c.style().isEmpty() ? text : "<span class=\"" + c.style() + "\">" + text + "</span>";
  }

  private void gap(Section<?> section) {
    out.append("<p class=\"gap\">")
        .append(esc(m.reason(section.unavailableReason())))
        .append("</p>");
  }

  private void heading(String key) {
    out.append("<h2>").append(esc(m.get(key))).append("</h2>");
  }

  private void li(String text) {
    out.append("<p class=\"li\">\u2013 ").append(esc(text)).append("</p>");
  }

  private String synth() {
    return "<span class=\"synth\" title=\"" + esc(m.get("legend.synthetic")) + "\">\u25c6</span>";
  }

  private String css(String classification) {
    return "@page{size:A4;margin:16mm 14mm 18mm 14mm;"
        + "@top-center{content:\""
        + cssString(classification)
        + "\";font-size:8pt;color:#8a1c1c;font-weight:bold;font-family:'DejaVu Sans'}"
        + "@bottom-left{content:\""
        + cssString(m.get("footer"))
        + "\";font-size:8pt;color:#666;font-family:'DejaVu Sans'}"
        + "@bottom-right{content:\""
        + cssString(m.get("page"))
        + " \" counter(page) \" / \" counter(pages);font-size:8pt;color:#666;"
        + "font-family:'DejaVu Sans'}}"
        + "body{font-family:'DejaVu Sans',sans-serif;font-size:9.5pt;color:#1b1b1b;}"
        + "h1{font-size:18pt;margin:0 0 2mm 0;color:#1f4e79}"
        + "h2{font-size:12.5pt;color:#1f4e79;border-bottom:1px solid #1f4e79;margin:6mm 0 2mm 0;"
        + "page-break-after:avoid}"
        + "h3{font-size:10pt;margin:2mm 0 1mm 0}"
        + ".sub{color:#555;margin:0 0 3mm 0}"
        + ".li{margin:0.5mm 0 0.5mm 3mm}"
        + ".synthetic{background:#fff4ce;border:1px solid #e0b400;padding:2mm;}"
        + ".synth{color:#b8860b}"
        + "table.data{border-collapse:collapse;width:100%;page-break-inside:auto}"
        + "table.data th{background:#1f4e79;color:#fff;text-align:left;padding:1.2mm;font-size:8.5pt}"
        + "table.data td{border-bottom:1px solid #ccc;padding:1.2mm;font-size:8.5pt;"
        + "vertical-align:top}"
        + "table.data tr{page-break-inside:avoid}"
        + "table.legend td{font-size:8pt;padding-right:3mm}"
        + ".sw{border:1px solid #888}"
        + ".map{width:100%;page-break-inside:avoid}"
        // Without overflow:hidden the SVG's box reaches past the chart's and a page that ends with
        // a
        // chart gets a blank one after it.
        + ".chart{page-break-inside:avoid;overflow:hidden}"
        + ".note{color:#444;font-size:8.5pt;margin:0 0 2mm 0}"
        + ".gap{color:#8a1c1c;font-style:italic}"
        + ".up{color:#b03020}.down{color:#2e7d32}"
        + ".st-ON_TRACK{color:#2e7d32}.st-AT_RISK{color:#b8860b}.st-OFF_TRACK{color:#b03020}"
        + ".footer{color:#777;font-size:8pt;margin-top:6mm}"
        // On paper every page's header and footer say these: printed twice they waste lines.
        + "@media print{.footer{display:none}.classification{display:none}}"
        + ".classification{color:#8a1c1c;font-weight:bold;font-size:9pt;margin:0 0 2mm 0}"
        + ".marking{font-size:8.5pt;color:#333;margin:0 0 1.5mm 0}";
  }

  private static String cssString(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}

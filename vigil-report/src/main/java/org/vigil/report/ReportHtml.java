package org.vigil.report;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Writes a report as one well-formed XHTML document (openhtmltopdf needs XML). */
final class ReportHtml {
  private final SituationReport report;
  private final Messages m;
  private final String lang;
  private final StringBuilder out = new StringBuilder(400_000);

  private ReportHtml(SituationReport report) {
    this.report = report;
    this.m = new Messages(report.language());
    this.lang = report.language().code();
  }

  static String write(SituationReport report) {
    return new ReportHtml(report).document();
  }

  private String document() {
    String title = m.get("title", report.area().name(lang));
    out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
        .append(lang)
        .append("\"><head><meta charset=\"UTF-8\"/><title>")
        .append(esc(title))
        .append("</title><style>")
        .append(css())
        .append("</style></head><body>");
    out.append("<h1>").append(esc(title)).append("</h1>");
    out.append("<p class=\"sub\">")
        .append(esc(m.get("subtitle", m.period(report.period()), m.instant(report.generatedAt()))))
        .append("</p>");
    if (report.containsSynthetic()) {
      out.append("<p class=\"synthetic\">").append(esc(m.get("synthetic.notice"))).append("</p>");
    }
    summary();
    map();
    riskTable();
    priorities();
    indicators();
    charts();
    anomalies();
    programmes();
    events();
    out.append("<p class=\"footer\">").append(esc(m.get("footer"))).append("</p>");
    return out.append("</body></html>").toString();
  }

  private void summary() {
    heading("section.summary");
    out.append("<div class=\"summary\">");
    report.risk().rows().stream()
        .max(Comparator.comparingDouble(RiskRow::score))
        .ifPresentOrElse(
            r -> li(m.get("summary.highest", r.area().name(lang), m.number(r.score()))),
            () -> li(m.get("summary.none")));
    report.priorities().rows().stream()
        .min(Comparator.comparingInt(PriorityRow::rank))
        .ifPresent(p -> li(m.get("summary.topPriority", p.domain().label(lang))));
    if (report.events().available() || report.anomalies().available()) {
      li(m.get("summary.counts", report.events().rows().size(), report.anomalies().rows().size()));
    }
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

  private void riskTable() {
    heading("section.risk");
    List<RiskRow> rows =
        report.risk().rows().stream()
            .sorted(Comparator.comparingDouble(RiskRow::score).reversed())
            .toList();
    table(
        report.risk(),
        rows,
        List.of("col.state", "col.score", "col.change", "col.driver"),
        r ->
            List.of(
                esc(r.area().name(lang)),
                num(r.score(), MapSvg.colour(r.score())),
                esc(m.signedNumber(r.change())),
                esc(r.topDriver().map(d -> d.label(lang)).orElse("\u2014"))));
  }

  private void priorities() {
    heading(report.regional() ? "section.priorities" : "section.priorities.state");
    List<PriorityRow> rows =
        report.priorities().rows().stream()
            .sorted(Comparator.comparingInt(PriorityRow::rank))
            .toList();
    table(
        report.priorities(),
        rows,
        List.of("col.rank", "col.domain", "col.score", "col.movement"),
        p ->
            List.of(
                Integer.toString(p.rank()),
                esc(p.domain().label(lang)),
                esc(m.number(p.score())),
                movement(p.movement())));
  }

  private String movement(int move) {
    return switch (move) {
      case 1 -> "<span class=\"up\">" + esc(m.get("move.up")) + "</span>";
      case -1 -> "<span class=\"down\">" + esc(m.get("move.down")) + "</span>";
      default -> esc(m.get("move.same"));
    };
  }

  private void indicators() {
    heading("section.indicators");
    // A regional table shows regional aggregates: the area column would repeat the region's name.
    boolean perArea =
        report.indicators().rows().stream().anyMatch(r -> !r.area().equals(report.area()));
    List<String> headers = new java.util.ArrayList<>(List.of("col.indicator"));
    if (perArea) {
      headers.add("col.state");
    }
    headers.addAll(List.of("col.period", "col.value", "col.yearAgo", "col.changePct"));
    table(
        report.indicators(),
        report.indicators().rows(),
        headers,
        r -> {
          List<String> cells = new java.util.ArrayList<>();
          cells.add(esc(r.indicator().name(lang)) + synth(r.indicator().synthetic()));
          if (perArea) {
            cells.add(esc(r.area().name(lang)));
          }
          cells.addAll(
              List.of(
                  esc(m.period(r.period())),
                  esc(m.number(r.value())),
                  esc(m.number(r.yearAgo())),
                  esc(m.signedNumber(r.changePercent()))));
          return cells;
        });
  }

  private void charts() {
    heading("section.charts");
    if (!report.charts().available()) {
      gap(report.charts());
      return;
    }
    for (IndicatorChart c : report.charts().rows()) {
      out.append("<div class=\"chart\"><h3>")
          .append(esc(c.indicator().name(lang) + " \u2014 " + c.area().name(lang)))
          .append(synth(c.indicator().synthetic()))
          .append("</h3>")
          .append(FanChartSvg.render(c, m))
          .append("<p class=\"note\">")
          .append(
              esc(
                  c.model().isEmpty()
                      ? m.get("chart.noForecast")
                      : m.get("chart.model", c.model())))
          .append(c.trendStatement().isEmpty() ? "" : " " + esc(m.reason(c.trendStatement())))
          .append("</p></div>");
    }
  }

  private void anomalies() {
    heading("section.anomalies");
    table(
        report.anomalies(),
        report.anomalies().rows(),
        List.of(
            "col.indicator",
            "col.state",
            "col.period",
            "col.value",
            "col.expected",
            "col.anomalyScore"),
        a ->
            List.of(
                esc(a.indicator().name(lang)) + synth(a.indicator().synthetic()),
                esc(a.area().name(lang)),
                esc(m.period(a.period())),
                esc(m.number(a.value())),
                esc(m.number(a.expected())),
                esc(m.number(a.score()))));
  }

  private void programmes() {
    heading("section.programmes");
    table(
        report.programmes(),
        report.programmes().rows(),
        List.of("col.programme", "col.attainment", "col.measures", "col.status"),
        p ->
            List.of(
                esc(p.title()),
                esc(
                    Double.isNaN(p.attainment())
                        ? "\u2014"
                        : m.number(p.attainment() * 100) + " %"),
                p.measuresDone() + " / " + p.measuresTotal(),
                "<span class=\"st-"
                    + p.status().name()
                    + "\">"
                    + esc(m.get("status." + p.status().name()))
                    + "</span>"));
  }

  private void events() {
    heading("section.events");
    table(
        report.events(),
        report.events().rows(),
        List.of(
            "col.date", "col.state", "col.domain", "col.category", "col.fatalities", "col.summary"),
        e ->
            List.of(
                esc(m.date(e.date())),
                esc(e.area().name(lang)),
                esc(e.domain().label(lang)),
                esc(e.category()),
                Integer.toString(e.fatalities()),
                esc(e.summary())));
  }

  private <T> void table(
      Section<T> section, List<T> rows, List<String> headers, Function<T, List<String>> cells) {
    if (!section.available()) {
      gap(section);
      return;
    }
    if (rows.isEmpty()) {
      out.append("<p class=\"note\">").append(esc(m.get("gap.none"))).append("</p>");
      return;
    }
    out.append("<table class=\"data\"><thead><tr>");
    headers.forEach(h -> out.append("<th>").append(esc(m.get(h))).append("</th>"));
    out.append("</tr></thead><tbody>");
    for (T row : rows) {
      out.append("<tr>");
      cells.apply(row).forEach(c -> out.append("<td>").append(c).append("</td>"));
      out.append("</tr>");
    }
    out.append("</tbody></table>");
    if (!section.coverage().isEmpty()) {
      out.append("<p class=\"note coverage\">").append(esc(section.coverage())).append("</p>");
    }
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

  private String num(double v, String colour) {
    return "<span class=\"sw\" style=\"background:"
        + colour
        + "\">\u00a0\u00a0</span> "
        + esc(m.number(v));
  }

  private String synth(boolean synthetic) {
    return synthetic
        ? " <span class=\"synth\" title=\"" + esc(m.get("legend.synthetic")) + "\">\u25c6</span>"
        : "";
  }

  private String css() {
    return "@page{size:A4;margin:16mm 14mm 18mm 14mm;"
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
        + ".chart{page-break-inside:avoid}"
        + ".note{color:#444;font-size:8.5pt;margin:0 0 2mm 0}"
        + ".gap{color:#8a1c1c;font-style:italic}"
        + ".up{color:#b03020}.down{color:#2e7d32}"
        + ".st-ON_TRACK{color:#2e7d32}.st-AT_RISK{color:#b8860b}.st-OFF_TRACK{color:#b03020}"
        + ".footer{color:#777;font-size:8pt;margin-top:6mm}";
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

package org.vigil.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * Writes a report as an editable Word document (Office Open XML, with Apache POI), so a secretariat
 * can edit the brief before a meeting: the same front matter, key judgements, tables and charts (as
 * pictures) as the PDF, with the classification in every page's header. The risk map is left out:
 * its figures are in the risk table. Not thread-safe: one per document.
 */
final class ReportDocx {
  private static final String FONT = "Arial";
  private static final String BLUE = "1F4E79";
  private static final String RED = "8A1C1C";
  private static final String GREY = "555555";

  private final SituationReport report;
  private final Messages m;
  private final ReportTables tables;
  private final XWPFDocument doc = new XWPFDocument();

  private ReportDocx(SituationReport report) {
    this.report = report;
    this.m = new Messages(report.language());
    this.tables = new ReportTables(report, m);
  }

  static byte[] write(SituationReport report) {
    return new ReportDocx(report).document();
  }

  private byte[] document() {
    FrontMatter front = new FrontMatter(report, m);
    a4();
    headerAndFooter(front.classification());
    String lang = report.language().code();
    doc.getProperties().getCoreProperties().setTitle(m.get("title", report.area().name(lang)));
    paragraph(front.classification(), 9, true, RED);
    paragraph(m.get("title", report.area().name(lang)), 18, true, BLUE);
    paragraph(
        m.get("subtitle", m.period(report.period()), m.instant(report.generatedAt())),
        10,
        false,
        GREY);
    paragraph(front.distribution(), 9, false, "333333");
    paragraph(front.coverage(), 9, false, "333333");
    if (report.containsSynthetic()) {
      paragraph(m.get("synthetic.notice"), 9, false, "7A5C00");
    }
    heading("section.summary");
    new Judgements(report, m).sentences().forEach(s -> paragraph("\u2013 " + s, 10, false, ""));
    table(tables.risk(), "section.risk");
    tables.riskWithRestricted().forEach(n -> paragraph(n, 9, false, "333333"));
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
      paragraph(m.get("events.noSummaries"), 8.5, false, GREY);
    }
    paragraph(m.get("footer"), 8, false, "777777");
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 18);
    try (doc) {
      doc.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not write the DOCX of the report for " + report.area().code(), e);
    }
    return out.toByteArray();
  }

  private void a4() {
    CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = sect.addNewPgSz();
    size.setW(BigInteger.valueOf(11906));
    size.setH(BigInteger.valueOf(16838));
    CTPageMar margin = sect.addNewPgMar();
    BigInteger mm15 = BigInteger.valueOf(850);
    margin.setTop(mm15);
    margin.setBottom(mm15);
    margin.setLeft(mm15);
    margin.setRight(mm15);
  }

  private void headerAndFooter(String classification) {
    XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
    XWPFParagraph h = header.createParagraph();
    h.setAlignment(ParagraphAlignment.CENTER);
    style(h.createRun(), classification, 8, true, RED);
    XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
    XWPFParagraph f = footer.createParagraph();
    style(f.createRun(), m.get("footer") + "  \u00b7  " + m.get("page") + " ", 8, false, GREY);
    f.getCTP().addNewFldSimple().setInstr("PAGE");
  }

  private void heading(String key) {
    XWPFParagraph p = doc.createParagraph();
    p.setSpacingBefore(240);
    p.setSpacingAfter(80);
    keepNext(p);
    style(p.createRun(), m.get(key), 13, true, BLUE);
  }

  private void paragraph(String text, double size, boolean bold, String colour) {
    XWPFParagraph p = doc.createParagraph();
    p.setSpacingAfter(60);
    style(p.createRun(), text, size, bold, colour);
  }

  private void style(XWPFRun run, String text, double size, boolean bold, String colour) {
    run.setText(text);
    run.setFontFamily(FONT);
    run.setFontSize(size);
    run.setBold(bold);
    run.setLang(report.language() == ReportLanguage.RU ? "ru-RU" : "en-GB");
    if (!colour.isEmpty()) {
      run.setColor(colour);
    }
  }

  /** The shared basins, as in the PDF: indicators, dry scenario with its chart, reliefs. */
  private void water() {
    if (!report.water().applies()) {
      return;
    }
    heading("section.water");
    if (!report.water().available()) {
      paragraph(m.reason(report.water().unavailableReason()), 9, false, RED);
      return;
    }
    for (WaterBasinRow b : report.water().rows()) {
      paragraph(tables.waterTitle(b), 11, true, BLUE);
      body(tables.waterIndicators(b));
      tables.waterThresholds(b).forEach(t -> paragraph(t, 8.5, false, GREY));
      paragraph(b.scenario(), 8.5, false, GREY);
      if (!b.unavailable().isEmpty()) {
        paragraph(b.unavailable(), 9, false, RED);
        continue;
      }
      paragraph(m.get("water.dry", b.start(), b.months()), 10, true, BLUE);
      body(tables.waterDry(b));
      if (b.monthly().stream().anyMatch(x -> x.shortfall() > 0)) {
        paragraph(m.get("water.chart"), 9, true, "");
        picture(
            WaterChartSvg.png(b, m),
            b.basin().code() + ".png",
            WaterChartSvg.WIDTH,
            WaterChartSvg.HEIGHT);
      } else {
        paragraph(m.get("water.noDeficit"), 9, false, GREY);
      }
      if (b.reliefs().isEmpty()) {
        paragraph(m.get("water.noReliefs"), 9, false, GREY);
      } else {
        paragraph(m.get("water.reliefs", b.reliefs().size(), b.reliefCount()), 9, false, GREY);
        b.reliefs().forEach(r -> paragraph("\u2013 " + r, 9, false, ""));
      }
    }
  }

  /** Apart from the ranked table, under its own heading and unnumbered; left out when none. */
  private void notSharedPriorities() {
    ReportTables.Table t = tables.notSharedPriorities();
    if (!t.section().applies()) {
      return;
    }
    paragraph(m.get("priorities.notShared"), 11, true, BLUE);
    paragraph(m.get("priorities.notShared.note"), 9, false, "333333");
    body(t);
  }

  private void table(ReportTables.Table t, String headingKey) {
    heading(headingKey);
    body(t);
  }

  private void body(ReportTables.Table t) {
    Section<?> section = t.section();
    if (!section.available()) {
      paragraph(m.reason(section.unavailableReason()), 9, false, RED);
      return;
    }
    if (t.rows().isEmpty()) {
      paragraph(m.get("gap.none"), 9, false, GREY);
      return;
    }
    XWPFTable table = doc.createTable(t.rows().size() + 1, t.headers().size());
    table.setWidth("100%");
    XWPFTableRow head = table.getRow(0);
    head.setRepeatHeader(true);
    for (int c = 0; c < t.headers().size(); c++) {
      XWPFTableCell cell = head.getCell(c);
      cell.setColor(BLUE);
      style(firstRun(cell), m.get(t.headers().get(c)), 8.5, true, "FFFFFF");
    }
    for (int r = 0; r < t.rows().size(); r++) {
      List<ReportTables.Cell> cells = t.rows().get(r);
      XWPFTableRow row = table.getRow(r + 1);
      row.setCantSplitRow(true);
      for (int c = 0; c < cells.size(); c++) {
        ReportTables.Cell cell = cells.get(c);
        style(firstRun(row.getCell(c)), cell.text(), 8.5, false, colour(cell.style()));
      }
    }
    if (!section.coverage().isEmpty()) {
      paragraph(section.coverage(), 8.5, false, GREY);
    }
  }

  /** Keeps a paragraph on the page of the next (POI's setter needs the properties to exist). */
  private static void keepNext(XWPFParagraph p) {
    if (!p.getCTP().isSetPPr()) {
      p.getCTP().addNewPPr();
    }
    p.setKeepNext(true);
  }

  private static XWPFRun firstRun(XWPFTableCell cell) {
    XWPFParagraph p = cell.getParagraphs().get(0);
    p.setSpacingAfter(0);
    return p.createRun();
  }

  /** The text colour of a styled cell, as the HTML's style sheet has it. */
  private static String colour(String style) {
    return switch (style) {
      case "up", "st-OFF_TRACK" -> "B03020";
      case "down", "st-ON_TRACK" -> "2E7D32";
      case "st-AT_RISK" -> "B8860B";
      default -> "";
    };
  }

  private void picture(byte[] png, String name, int width, int height) {
    XWPFParagraph p = doc.createParagraph();
    try {
      p.createRun()
          .addPicture(
              new ByteArrayInputStream(png),
              Document.PICTURE_TYPE_PNG,
              name,
              Units.toEMU(width * 0.9),
              Units.toEMU(height * 0.9));
    } catch (InvalidFormatException | IOException e) {
      throw new IllegalStateException("Could not add the picture " + name + " to the DOCX", e);
    }
  }

  private void charts() {
    heading("section.charts");
    if (!report.charts().available()) {
      paragraph(m.reason(report.charts().unavailableReason()), 9, false, RED);
      return;
    }
    String lang = report.language().code();
    for (IndicatorChart c : report.charts().rows()) {
      XWPFParagraph title = doc.createParagraph();
      keepNext(title);
      style(title.createRun(), tables.chartTitle(c), 10, true, "");
      XWPFParagraph picture = doc.createParagraph();
      keepNext(picture);
      try {
        picture
            .createRun()
            .addPicture(
                new ByteArrayInputStream(FanChartSvg.png(c, m)),
                Document.PICTURE_TYPE_PNG,
                c.indicator().code() + ".png",
                Units.toEMU(FanChartSvg.WIDTH * 0.9),
                Units.toEMU(FanChartSvg.HEIGHT * 0.9));
      } catch (InvalidFormatException | IOException e) {
        throw new IllegalStateException(
            "Could not add the chart of " + c.indicator().code() + " to the DOCX", e);
      }
      paragraph(ReportHtml.chartNote(c, m), 8.5, false, GREY);
    }
  }
}

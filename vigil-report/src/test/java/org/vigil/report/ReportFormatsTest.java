package org.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The report in every format carries the classification and distribution line and the coverage
 * statement; the Russian edition has no English words outside codes; the DOCX reads back with POI.
 */
class ReportFormatsTest {
  private static final ReportRenderer RENDERER = ReportRenderer.create();

  static Stream<Arguments> russianReports() {
    return Stream.of(
        Arguments.of("CIS", SampleReports.regional(ReportLanguage.RU)),
        Arguments.of("KAZ", SampleReports.kazakhstan(ReportLanguage.RU)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("russianReports")
  void docx_russianReport_readsBackWithClassificationCoverageAndNoEnglish(
      String name, SituationReport report) throws IOException {
    byte[] docx = RENDERER.docx(report);
    save("report-" + name + "-ru.docx", docx);

    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
        XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
      String text = words.getText();
      assertThat(doc.getHeaderList())
          .anySatisfy(h -> assertThat(h.getText()).contains("ДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ"));
      assertThat(text)
          .contains("ДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ")
          .contains("Подготовил 2 нояб. 2026 г.: kaz.analyst (KAZ-SC).")
          .contains("Может содержать данные государств: Армения, Азербайджан")
          .contains(
              "Охват оценок риска и приоритетов: 9 из 10 государств, методика vigil-default"
                  + " 1.0.0, данные по состоянию на 31 окт. 2026 г., аналитический прогон № 3.")
          .contains("Основные выводы");
      assertThat(text.indexOf("Основные выводы"))
          .as("key judgements come before the tables")
          .isLessThan(text.indexOf("Сводный индекс риска по государствам"));
      assertThat(doc.getTables()).hasSizeGreaterThanOrEqualTo(5);
      assertThat(doc.getAllPictures()).hasSize(report.charts().rows().size());
      assertThat(LatinWords.in(text)).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("russianReports")
  void pdfAndHtml_russianReport_haveNoEnglishWordsOutsideCodes(String name, SituationReport report)
      throws IOException {
    byte[] pdf = RENDERER.pdf(report);
    save("report-" + name + "-ru.pdf", pdf);
    String html = RENDERER.html(report);

    String pdfText = text(pdf);
    assertThat(pdfText).contains("ДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ").contains("9 из 10 государств");
    assertThat(LatinWords.in(pdfText)).isEmpty();
    assertThat(LatinWords.in(visibleText(html))).isEmpty();
  }

  @Test
  void html_englishReport_carriesClassificationAndCoverage() {
    String html = RENDERER.html(SampleReports.kazakhstan(ReportLanguage.EN));

    assertThat(html)
        .contains("FOR OFFICIAL USE")
        .contains("Prepared on Nov 2, 2026 by kaz.analyst (KAZ-SC).")
        .contains(
            "Coverage of risk scores and priorities: 9 of 10 states, methodology vigil-default"
                + " 1.0.0, data as of")
        .contains("analytic run 3")
        .containsPattern(
            "Forecast for November 2026: [0-9,]+ \\(80% interval [0-9,]+\u2013[0-9,]+\\)")
        // The model is a sentence of its own: the trend statement after it starts a new one.
        .containsPattern("Forecast model: [^<]*\\)\\. (No significant|Trend|Too few)");
  }

  @Test
  void docx_englishReport_hasEveryTableOfThePdf() throws IOException {
    SituationReport report = SampleReports.regional(ReportLanguage.EN);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(RENDERER.docx(report)))) {
      List<String> firstHeaders =
          doc.getTables().stream().map(t -> t.getRow(0).getCell(0).getText()).toList();
      assertThat(firstHeaders).contains("State", "Rank", "Indicator", "Programme", "Date");
      XWPFTable risk = doc.getTables().get(0);
      assertThat(risk.getNumberOfRows()).isEqualTo(report.risk().rows().size() + 1);
    }
  }

  @Test
  void stateReport_putsTheSubjectFirst_evenWhenAnotherStateScoresHigher() {
    SituationReport kaz = SampleReports.kazakhstan(ReportLanguage.EN);
    double kazScore =
        kaz.risk().rows().stream()
            .filter(r -> r.area().code().equals("KAZ"))
            .findFirst()
            .orElseThrow()
            .score();
    assertThat(kaz.risk().rows()).anyMatch(r -> r.score() > kazScore);

    Messages m = new Messages(ReportLanguage.EN);
    assertThat(new ReportTables(kaz, m).riskRows().get(0).area().code()).isEqualTo("KAZ");
    assertThat(new Judgements(kaz, m).sentences().get(0)).startsWith("Kazakhstan: composite risk");
    String html = RENDERER.html(kaz);
    assertThat(html.indexOf("<td>Kazakhstan")).isGreaterThan(0);
    assertThat(html.indexOf("<td>Kazakhstan")).isLessThan(html.indexOf("<td>Armenia"));
  }

  @Test
  void numbers_countsAreWholeLevelsUnsignedAndNoMinusZero() {
    Messages en = new Messages(ReportLanguage.EN);
    Messages ru = new Messages(ReportLanguage.RU);

    assertThat(en.count(1310.0)).isEqualTo("1,310");
    assertThat(ru.count(1310.0)).isEqualTo("1\u00a0310");
    assertThat(en.count(-0.4)).isEqualTo("0");
    assertThat(en.number(-0.04)).isEqualTo("0.0");
    assertThat(en.number(2.0)).isEqualTo("2.0");
    assertThat(en.signedNumber(-0.04)).isEqualTo("0.0");
    assertThat(en.signedNumber(1.26)).isEqualTo("+1.3");
    String html = RENDERER.html(SampleReports.regional(ReportLanguage.EN));
    assertThat(html).contains("<td>1,310</td>").doesNotContain("1,310.0");
    assertThat(visibleText(html))
        .doesNotContainPattern("(?<![\\w-])[-\u2212]0([.,]0+)?(?![\\d.,])");
  }

  @Test
  void fanChart_countSeries_neverGoesBelowZero() {
    IndicatorChart low = SampleReports.lowCounts();
    assertThat(low.forecast()).anyMatch(f -> f.lower95() < 0);
    Messages m = new Messages(ReportLanguage.RU);

    var data = FanChartSvg.dataset(low, m);

    for (int s = 0; s < data.getSeriesCount(); s++) {
      for (int i = 0; i < data.getItemCount(s); i++) {
        assertThat(data.getStartYValue(s, i))
            .as("series %d item %d", s, i)
            .isGreaterThanOrEqualTo(0);
      }
    }
  }

  @Test
  void bundles_haveTheSameKeysInEnglishAndRussian() throws IOException {
    assertThat(keys("ru")).isEqualTo(keys("en"));
  }

  private static java.util.Set<Object> keys(String lang) throws IOException {
    Properties p = new Properties();
    try (var in =
        ReportFormatsTest.class.getResourceAsStream(
            "/org/vigil/report/messages_" + lang + ".properties")) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return new java.util.TreeSet<>(p.keySet());
  }

  /** The HTML's text as a reader sees it: tags, style sheet and SVG drawings left out. */
  static String visibleText(String html) {
    return html.replaceAll("(?s)<style>.*?</style>", " ")
        .replaceAll("(?s)<svg.*?</svg>", " ")
        .replaceAll("(?s)<[^>]*>", " ")
        .replace("&amp;", "&");
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  private static void save(String name, byte[] bytes) throws IOException {
    Path dir = Path.of("target", "report-test");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name), bytes);
  }
}

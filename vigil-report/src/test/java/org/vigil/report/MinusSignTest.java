package org.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.model.Aggregation;
import org.vigil.model.Indicator;
import org.vigil.model.Polarity;
import org.vigil.model.ThreatDomain;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;

/**
 * Negative numbers in reports print a true minus (U+2212), not a hyphen: in the tables and
 * sentences, on the charts' axes, in every language, and the bundled fonts have its glyph.
 */
class MinusSignTest {
  private static final ReportRenderer RENDERER = ReportRenderer.create();
  private static final String HYPHEN_NUMBER = "(?<![\\w\\d.,\u2013-])-\\d";

  @ParameterizedTest
  @EnumSource(ReportLanguage.class)
  void numbers_negativesTakeTheTrueMinus(ReportLanguage lang) {
    Messages m = new Messages(lang);
    String thousand = lang == ReportLanguage.RU ? "1\u00a0234,5" : "1,234.5";

    assertThat(Messages.numbers(lang, false).format(-1234.5)).isEqualTo("\u2212" + thousand);
    assertThat(Messages.numbers(lang, true).format(-12)).isEqualTo("\u221212");
    assertThat(m.signedNumber(-2.26))
        .isEqualTo(lang == ReportLanguage.RU ? "\u22122,3" : "\u22122.3");
    assertThat(m.number(-0.5)).startsWith("\u2212");
  }

  @ParameterizedTest
  @EnumSource(ReportLanguage.class)
  void fanChart_negativeAxisTicks_takeTheTrueMinus(ReportLanguage lang) throws IOException {
    IndicatorChart chart = balance();
    Messages m = new Messages(lang);

    NumberAxis y = (NumberAxis) ((XYPlot) FanChartSvg.chart(chart, m).getPlot()).getRangeAxis();

    assertThat(y.getNumberFormatOverride().format(-40)).isEqualTo("\u221240");
    Path dir = Path.of("target", "report-test");
    Files.createDirectories(dir);
    Files.write(dir.resolve("minus-chart-" + lang.code() + ".png"), FanChartSvg.png(chart, m));
  }

  @ParameterizedTest
  @EnumSource(ReportLanguage.class)
  void report_htmlAndPdfText_haveNoHyphenForAMinus(ReportLanguage lang) throws IOException {
    SituationReport report = SampleReports.regional(lang);
    // The sample's states moved both ways since the previous period: there are negatives to print.
    assertThat(report.risk().rows()).anyMatch(r -> r.change() < -0.05);

    String html = ReportFormatsTest.visibleText(RENDERER.html(report));
    String pdf;
    byte[] bytes = RENDERER.pdf(report);
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      pdf = new PDFTextStripper().getText(doc);
    }
    Files.createDirectories(Path.of("target", "report-test"));
    Files.write(Path.of("target", "report-test", "minus-" + lang.code() + ".pdf"), bytes);

    for (String text : List.of(html, pdf)) {
      assertThat(text).contains("\u2212").doesNotContainPattern(HYPHEN_NUMBER);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"})
  void bundledFonts_haveTheMinusGlyph(String file) throws IOException {
    try (InputStream in =
            MinusSignTest.class.getResourceAsStream("/org/vigil/report/fonts/" + file);
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in))) {
      assertThat(font.getUnicodeCmapLookup().getGlyphId(0x2212)).as(file).isPositive();
    }
  }

  /** A balance that crosses zero, with a fan reaching below it. */
  private static IndicatorChart balance() {
    Indicator ind =
        new Indicator(
            "NET_MIGRATION",
            "Net migration",
            "Чистая миграция",
            ThreatDomain.ILLEGAL_MIGRATION,
            "people",
            Frequency.MONTHLY,
            "",
            Polarity.NEUTRAL,
            Aggregation.MEAN,
            "demo",
            true);
    List<IndicatorChart.Point> history = new ArrayList<>();
    Period p = Period.month(2024, 1);
    for (int i = 0; i < 24; i++) {
      history.add(new IndicatorChart.Point(p, 30 - 3.0 * i));
      p = p.plus(1);
    }
    List<IndicatorChart.FanPoint> fan = new ArrayList<>();
    for (int h = 1; h <= 6; h++) {
      double mean = -42 - 3.0 * h;
      fan.add(
          new IndicatorChart.FanPoint(
              p, mean, mean - 5 * h, mean + 5 * h, mean - 8 * h, mean + 8 * h));
      p = p.plus(1);
    }
    return new IndicatorChart(
        ind, SampleReports.STATES.get(3), history, fan, "ETS(A,N,N)", "", null);
  }
}

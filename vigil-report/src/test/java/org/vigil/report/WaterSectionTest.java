package org.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.model.Aggregation;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Indicator;
import org.vigil.model.Polarity;
import org.vigil.model.ThreatDomain;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;

/** The water section in HTML, PDF and DOCX, English and Russian. */
class WaterSectionTest {
  private static final ReportRenderer RENDERER = ReportRenderer.create();
  private static final Area SYR =
      new Area("SYR_DARYA", AreaKind.BASIN, "Syr Darya basin", "Бассейн Сырдарьи", "", "");
  private static final Area KAZ = SampleReports.state("KAZ", "Kazakhstan", "Казахстан");
  private static final YearMonth START = YearMonth.of(2026, 12);

  private static Indicator stress() {
    return new Indicator(
        "WATER_STRESS",
        "Water stress (synthetic)",
        "Водный стресс (синтетический)",
        ThreatDomain.WATER,
        "%",
        Frequency.YEARLY,
        "",
        Polarity.RISE_IS_BAD,
        Aggregation.MEAN,
        "demo",
        true);
  }

  static SituationReport report(ReportLanguage lang) {
    boolean ru = lang == ReportLanguage.RU;
    List<WaterBasinRow.MonthShortfall> monthly = new ArrayList<>();
    for (int t = 0; t < 12; t++) {
      monthly.add(
          new WaterBasinRow.MonthShortfall("KAZ", START.plusMonths(t), t > 5 ? 100 * t : 0));
      monthly.add(new WaterBasinRow.MonthShortfall("UZB", START.plusMonths(t), t > 6 ? 50 * t : 0));
    }
    WaterBasinRow row =
        new WaterBasinRow(
            SYR,
            SampleReports.STATES.stream()
                .filter(a -> List.of("KAZ", "KGZ", "TJK", "UZB").contains(a.code()))
                .toList(),
            List.of(
                new WaterBasinRow.Value(
                    stress(), SYR, Period.year(2025), 87.5, "water.stress.HIGH"),
                new WaterBasinRow.Value(
                    stress(), KAZ, Period.year(2025), 120.25, "water.stress.CRITICAL")),
            ru ? "Притоки: маловодный сценарий." : "Inflows: dry.",
            START,
            12,
            List.of(
                new WaterBasinRow.StateShortfall(
                    "KAZ", 8000, 3900, Optional.of(START.plusMonths(7)), 700),
                new WaterBasinRow.StateShortfall("UZB", 20000, 0, Optional.empty(), 0)),
            List.of(
                ru
                    ? "минимальный объём водохранилища «Токтогульское» в 2027-07: снижение на 5% (с 8500,0 до 8075,0 млн м³) сокращает дефицит государства Казахстан на 425,0 млн м³ (с 3900,0 до 3475,0)"
                    : "5% lower minimum storage of reservoir 'Toktogul' in 2027-07 (8500.0 to 8075.0 hm³) cuts Kazakhstan's shortfall by 425.0 hm³ (from 3900.0 to 3475.0)"),
            7,
            monthly,
            "");
    return SituationReport.builder(KAZ, Period.month(2026, 11), lang)
        .states(SampleReports.STATES)
        .generatedAt(Instant.parse("2026-12-01T09:00:00Z"))
        .marking(SampleReports.MARKING)
        .water(Section.of(List.of(row)))
        .build();
  }

  @Test
  void html_english_showsIndicatorsClassesThresholdsShortfallsChartAndReliefs() {
    String html = RENDERER.html(report(ReportLanguage.EN));

    assertThat(html)
        .contains("Water: shared basins")
        .contains("Syr Darya basin: riparian states Kazakhstan, Kyrgyzstan, Tajikistan, Uzbekistan")
        .contains("<td>Kazakhstan</td>")
        .contains("critical")
        .contains("SDG 6.4.2")
        .contains("Dry scenario from 2026-12 for 12 months: allocation by state")
        .contains("3,900")
        .contains("July 2027 (700)")
        .contains("<svg")
        .contains("What would remove the most shortfall (1 of 7 binding constraints):")
        .contains("cuts Kazakhstan&#39;s shortfall by 425.0 hm³");
  }

  @ParameterizedTest
  @EnumSource(ReportLanguage.class)
  void pdfAndDocx_carryTheSection_russianWithoutEnglishWords(ReportLanguage lang)
      throws IOException {
    SituationReport report = report(lang);
    byte[] pdf = RENDERER.pdf(report);
    Path file = Path.of("target", "water-section", "water-" + lang.code() + ".pdf");
    Files.createDirectories(file.getParent());
    Files.write(file, pdf);
    String pdfText;
    try (PDDocument d = Loader.loadPDF(pdf)) {
      pdfText = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
    }
    String docxText;
    int pictures;
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(RENDERER.docx(report)));
        XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
      docxText = x.getText().replaceAll("\\s+", " ");
      pictures = doc.getAllPictures().size();
    }
    String heading =
        lang == ReportLanguage.RU
            ? "Водные ресурсы: трансграничные бассейны"
            : "Water: shared basins";
    String stressClass = lang == ReportLanguage.RU ? "критический" : "critical";
    assertThat(pdfText).contains(heading).contains(stressClass);
    assertThat(docxText).contains(heading).contains(stressClass);
    assertThat(pictures).isEqualTo(1);
    if (lang == ReportLanguage.RU) {
      assertThat(pdfText)
          .contains("ЦУР 6.4.2")
          .contains("прибрежные государства Казахстан, Кыргызстан, Таджикистан, Узбекистан")
          .contains("Маловодный сценарий с 2026-12 на 12 мес.");
      assertThat(LatinWords.in(pdfText)).isEmpty();
      assertThat(LatinWords.in(docxText)).isEmpty();
    }
  }

  /**
   * A state that shares none of the modelled basins gets no water section at all (no heading, no
   * red "not available" line) in any format or language; every other heading stays, in order.
   */
  @ParameterizedTest
  @EnumSource(ReportLanguage.class)
  void noBasin_leavesTheSectionOut_inHtmlPdfAndDocx(ReportLanguage lang) throws IOException {
    SituationReport basinState = report(lang);
    SituationReport noBasin =
        SituationReport.builder(KAZ, Period.month(2026, 11), lang)
            .states(SampleReports.STATES)
            .generatedAt(Instant.parse("2026-12-01T09:00:00Z"))
            .marking(SampleReports.MARKING)
            .water(Section.notApplicable("gap.noBasin"))
            .build();
    Messages m = new Messages(lang);
    String heading = m.get("section.water");
    String reason = m.reason("gap.noBasin");

    String html = RENDERER.html(noBasin);
    String pdf = pdfText(RENDERER.pdf(noBasin));
    String docx = docxText(RENDERER.docx(noBasin));

    for (String text : List.of(html, pdf, docx)) {
      assertThat(text).doesNotContain(heading).doesNotContain(reason);
      assertThat(text).contains(m.get("section.programmes")).contains(m.get("section.events"));
    }
    List<String> expected = new ArrayList<>(headings(RENDERER.html(basinState)));
    assertThat(expected).contains(heading);
    expected.remove(heading);
    assertThat(headings(html)).containsExactlyElementsOf(expected);
    assertThat(pdf.indexOf(m.get("section.events")))
        .isGreaterThan(pdf.indexOf(m.get("section.programmes")));
  }

  @Test
  void notApplicable_needsAReason_andIsNotAvailable() {
    Section<WaterBasinRow> s = Section.notApplicable("gap.noBasin");
    assertThat(s.applies()).isFalse();
    assertThat(s.available()).isFalse();
    assertThat(s.unavailableReason()).isEqualTo("gap.noBasin");
    assertThat(Section.<WaterBasinRow>unavailable("gap.noData").applies()).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Section.notApplicable(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a reason");
  }

  private static List<String> headings(String html) {
    List<String> out = new ArrayList<>();
    java.util.regex.Matcher h = java.util.regex.Pattern.compile("<h2>(.*?)</h2>").matcher(html);
    while (h.find()) {
      out.add(h.group(1));
    }
    return out;
  }

  private static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument d = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
    }
  }

  private static String docxText(byte[] docx) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
        XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
      return x.getText().replaceAll("\\s+", " ");
    }
  }
}

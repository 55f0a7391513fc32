package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.store.TestClock;

/** GET /api/reports on a real server: the DOCX edition and the marking of every edition. */
class ReportRoutesTest {
  private static TestServer server;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            TestData.open("report-routes-" + System.nanoTime(), new TestClock(TestData.T0)),
            ServerConfig.DEFAULT);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void get_docx_isAnAttachmentThatPoiReadsWithTheClassificationLine() throws Exception {
    HttpResponse<byte[]> r =
        server.getBytes("/api/reports?area=KAZ&format=docx&lang=ru", server.as("kaz.analyst"));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment; filename=\"vigil-report-KAZ-")
        .endsWith("-ru.docx\"");
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.body()));
        XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
      assertThat(words.getText())
          .contains("ДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ")
          .contains(": kaz.analyst (KAZ-SC).")
          .contains("Оперативная обстановка: Казахстан");
    }
  }

  @Test
  void get_html_carriesTheMarkingAndCoverage() throws Exception {
    String html =
        server.get("/api/reports?area=KAZ&format=html&lang=en", server.as("kaz.analyst")).body();

    assertThat(html)
        .contains("FOR OFFICIAL USE")
        .contains("by kaz.analyst (KAZ-SC).")
        .contains("Coverage of risk scores and priorities:");
  }

  @Test
  void get_unknownFormat_isA400NamingTheChoices() throws Exception {
    HttpResponse<String> r =
        server.get("/api/reports?area=KAZ&format=odt", server.as("kaz.analyst"));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("expected pdf, html or docx");
  }
}

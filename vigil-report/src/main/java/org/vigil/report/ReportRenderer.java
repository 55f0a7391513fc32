package org.vigil.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.font.FontMappers;

/**
 * Renders a {@link SituationReport} as HTML, as a DOCX, or as an A4 PDF with DejaVu Sans embedded
 * (so Russian text prints). Stateless and thread-safe; each call renders from scratch.
 */
public final class ReportRenderer {
  static final String FONT_FAMILY = "DejaVu Sans";
  private static final String FONTS = "/org/vigil/report/fonts/";
  private final byte[] regular;
  private final byte[] bold;

  private ReportRenderer() {
    this.regular = font("DejaVuSans.ttf");
    this.bold = font("DejaVuSans-Bold.ttf");
    FontMappers.set(new BundledFontMapper(regular));
  }

  /** A renderer with the bundled fonts loaded. */
  public static ReportRenderer create() {
    return new ReportRenderer();
  }

  /** The report as a self-contained XHTML document (inline SVG map and charts). */
  public String html(SituationReport report) {
    return ReportHtml.write(report);
  }

  /** The report as an editable Word document (DOCX bytes). */
  public byte[] docx(SituationReport report) {
    return ReportDocx.write(report);
  }

  /** The report as PDF bytes. */
  public byte[] pdf(SituationReport report) {
    String html = html(report);
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useSVGDrawer(new BatikSVGDrawer());
      builder.useFont(
          () -> new java.io.ByteArrayInputStream(regular),
          FONT_FAMILY,
          400,
          PdfRendererBuilder.FontStyle.NORMAL,
          true);
      builder.useFont(
          () -> new java.io.ByteArrayInputStream(bold),
          FONT_FAMILY,
          700,
          PdfRendererBuilder.FontStyle.NORMAL,
          true);
      builder.withHtmlContent(html, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not render the PDF of the report for " + report.area().code(), e);
    }
    return out.toByteArray();
  }

  private static byte[] font(String name) {
    try (InputStream in = ReportRenderer.class.getResourceAsStream(FONTS + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "Font " + name + " is missing from the vigil-report jar: rebuild the module");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read bundled font " + name, e);
    }
  }
}

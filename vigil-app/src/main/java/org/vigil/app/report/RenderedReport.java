package org.vigil.app.report;

/**
 * A report file ready to send or save.
 *
 * @param bytes the file content
 * @param format its format
 * @param fileName a suggested file name, e.g. {@code vigil-report-CIS-2026-10-ru.pdf}
 * @param renderMillis how long assembling and rendering took
 */
public record RenderedReport(
    byte[] bytes, ReportFormat format, String fileName, long renderMillis) {

  public RenderedReport {
    if (bytes == null || format == null || fileName == null || fileName.isBlank()) {
      throw new IllegalArgumentException("RenderedReport needs bytes, a format and a file name");
    }
  }
}

package org.vigil.app.report;

import java.util.Locale;
import org.vigil.model.InvalidInputException;

/** The file formats a situation report is delivered in: PDF, HTML, and DOCX to edit in Word. */
public enum ReportFormat {
  PDF("application/pdf", "pdf"),
  HTML("text/html; charset=utf-8", "html"),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

  private final String contentType;
  private final String extension;

  ReportFormat(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  public String contentType() {
    return contentType;
  }

  public String extension() {
    return extension;
  }

  /** Parses "pdf", "html" or "docx", case-insensitive. */
  public static ReportFormat parse(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (ReportFormat f : values()) {
      if (f.name().equals(t)) {
        return f;
      }
    }
    throw new InvalidInputException(
        "Unknown report format '" + text + "': expected pdf, html or docx");
  }
}

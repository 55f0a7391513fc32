package org.vigil.app.report;

import java.util.Locale;
import org.vigil.model.InvalidInputException;

/** The file formats a situation report is delivered in. */
public enum ReportFormat {
  PDF("application/pdf", "pdf"),
  HTML("text/html; charset=utf-8", "html");

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

  /** Parses "pdf" or "html", case-insensitive. */
  public static ReportFormat parse(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (ReportFormat f : values()) {
      if (f.name().equals(t)) {
        return f;
      }
    }
    throw new InvalidInputException("Unknown report format '" + text + "': expected pdf or html");
  }
}

package org.vigil.report;

import java.util.Locale;

/** The languages a situation report is written in. */
public enum ReportLanguage {
  EN(Locale.ENGLISH),
  RU(Locale.forLanguageTag("ru-RU"));

  private final Locale locale;

  ReportLanguage(Locale locale) {
    this.locale = locale;
  }

  /** The locale for labels, numbers and dates. */
  public Locale locale() {
    return locale;
  }

  /** The two-letter code ("en", "ru") the model's {@code name(lang)} methods take. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses "en" or "ru", case-insensitive. */
  public static ReportLanguage parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (ReportLanguage l : values()) {
      if (l.code().equals(t)) {
        return l;
      }
    }
    throw new IllegalArgumentException("Unknown report language '" + text + "': expected en or ru");
  }
}

package org.vigil.report;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.vigil.timeseries.Period;

/** Labels, numbers, dates and periods in one report language. Not thread-safe: one per render. */
final class Messages {
  private final ReportLanguage language;
  private final ResourceBundle bundle;
  private final NumberFormat oneDecimal;
  private final NumberFormat signed;
  private final DateTimeFormatter date;

  Messages(ReportLanguage language) {
    this.language = language;
    this.bundle = ResourceBundle.getBundle("org.vigil.report.messages", language.locale());
    this.oneDecimal = NumberFormat.getNumberInstance(language.locale());
    oneDecimal.setMinimumFractionDigits(1);
    oneDecimal.setMaximumFractionDigits(1);
    this.signed = (NumberFormat) oneDecimal.clone();
    this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language.locale());
  }

  ReportLanguage language() {
    return language;
  }

  String get(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(args);
  }

  /** A section's reason for being unavailable: a bundle key, or a sentence shown as it is. */
  String reason(String keyOrText) {
    try {
      return bundle.getString(keyOrText);
    } catch (MissingResourceException e) {
      return keyOrText;
    }
  }

  String number(double v) {
    return Double.isNaN(v) ? "\u2014" : oneDecimal.format(v);
  }

  String signedNumber(double v) {
    if (Double.isNaN(v)) {
      return "\u2014";
    }
    String s = signed.format(Math.abs(v));
    return v > 0.05 ? "+" + s : v < -0.05 ? "\u2212" + s : s;
  }

  String date(LocalDate d) {
    return date.format(d);
  }

  String instant(Instant t) {
    return date.format(t.atZone(ZoneOffset.UTC).toLocalDate());
  }

  String period(Period p) {
    return switch (p.frequency()) {
      case MONTHLY -> DateTimeFormatter.ofPattern("LLLL yyyy", language.locale()).format(p.start());
      case QUARTERLY ->
          language == ReportLanguage.RU
              ? p.sub() + "-й кв. " + p.year()
              : "Q" + p.sub() + " " + p.year();
      case YEARLY -> Integer.toString(p.year());
    };
  }
}

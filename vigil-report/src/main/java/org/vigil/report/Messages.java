package org.vigil.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
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
  private final NumberFormat whole;
  private final DateTimeFormatter date;

  Messages(ReportLanguage language) {
    this.language = language;
    this.bundle = ResourceBundle.getBundle("org.vigil.report.messages", language.locale());
    this.oneDecimal = numbers(language, false);
    oneDecimal.setMinimumFractionDigits(1);
    oneDecimal.setMaximumFractionDigits(1);
    this.signed = (NumberFormat) oneDecimal.clone();
    this.whole = numbers(language, true);
    this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language.locale());
  }

  ReportLanguage language() {
    return language;
  }

  /**
   * The language's number format with a true minus sign (U+2212) for negatives, as typeset text has
   * it; the locales' own data gives a hyphen ('-') in English and Russian. For the charts' axes and
   * every number a report shows; never for data written for machines (CSV, JSON).
   *
   * @param integer whole numbers only
   */
  static NumberFormat numbers(ReportLanguage language, boolean integer) {
    NumberFormat f =
        integer
            ? NumberFormat.getIntegerInstance(language.locale())
            : NumberFormat.getNumberInstance(language.locale());
    if (f instanceof DecimalFormat d) {
      DecimalFormatSymbols symbols = d.getDecimalFormatSymbols();
      symbols.setMinusSign(MINUS);
      d.setDecimalFormatSymbols(symbols);
    }
    return f;
  }

  /** The minus sign of displayed numbers. */
  static final char MINUS = '\u2212';

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

  /** A level with one decimal: never signed, never "-0,0". */
  String number(double v) {
    if (Double.isNaN(v)) {
      return "\u2014";
    }
    String s = oneDecimal.format(Math.abs(v));
    return v <= -0.05 ? "\u2212" + s : s;
  }

  /** A count: a whole number, never "-0". */
  String count(double v) {
    if (Double.isNaN(v)) {
      return "\u2014";
    }
    long n = Math.round(v);
    String s = whole.format(Math.abs(n));
    return n < 0 ? "\u2212" + s : s;
  }

  /** A value of an indicator: whole numbers for counts, one decimal otherwise. */
  String value(org.vigil.model.Indicator ind, double v) {
    return Counts.isCount(ind) ? count(v) : number(v);
  }

  /** A label from the shared translations (units, PLOVER categories), else the raw value. */
  String shared(String key, String fallback) {
    String text = org.vigil.model.i18n.Translations.text(language.code(), key);
    return text.equals(key) ? fallback : text;
  }

  /** An indicator's unit in the report language. */
  String unit(String unit) {
    return unit == null || unit.isBlank() ? "" : shared("unit." + unit, unit);
  }

  String signedNumber(double v) {
    if (Double.isNaN(v)) {
      return "\u2014";
    }
    String s = signed.format(Math.abs(v));
    return v > 0.05 ? "+" + s : v < -0.05 ? "\u2212" + s : s;
  }

  /**
   * A forecasting model's name in this language: its words ("Mean", "Theta", "seasonally adjusted",
   * "with drift") from the shared vocabulary ({@link org.vigil.model.i18n.ModelNames}, the web UI's
   * too); codes such as ETS(A,N,N) and ARIMA(1,1,0) stay as they are.
   */
  String model(String name) {
    return org.vigil.model.i18n.ModelNames.translate(language.code(), name);
  }

  /** What an analytic run covers, in this language. */
  /** "1 of 10 states" for a regional figure, empty for one state's. */
  String coverage(IndicatorRow.Coverage c) {
    return c.stated() ? get("coverage.states", c.states(), c.total()) : "";
  }

  String coverage(RunCoverage c) {
    StringBuilder b =
        new StringBuilder(
            get(
                "coverage.run",
                Integer.toString(c.statesShown()),
                Integer.toString(c.statesTotal()),
                c.methodology(),
                c.version()));
    c.dataAsOf().ifPresent(d -> b.append(get("coverage.asOf", date(d))));
    b.append(
        c.runId() > 0
            ? get("coverage.runId", Long.toString(c.runId()))
            : get("coverage.onRequest"));
    return b.toString();
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
      case WEEKLY ->
          language == ReportLanguage.RU
              ? p.sub() + "-я нед. " + p.year() + " (с " + date(p.start()) + ")"
              : "week " + p.sub() + " " + p.year() + " (from " + date(p.start()) + ")";
      case DAILY -> date(p.start());
    };
  }
}

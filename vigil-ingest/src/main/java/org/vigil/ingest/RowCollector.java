package org.vigil.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.vigil.model.Indicator;
import org.vigil.model.Observation;
import org.vigil.model.ValueScale;
import org.vigil.timeseries.Period;

/**
 * Validates rows field by field and gathers the result. One rejection per row: the first field that
 * breaks a rule. Shared by every reader so that the rules and messages are the same in every
 * format.
 */
final class RowCollector {
  private static final Pattern FLAGS = Pattern.compile("[A-Za-z0-9]{1,8}(,[A-Za-z0-9]{1,8}){0,7}");
  private static final int MAX_SOURCE = 500;

  private final IngestFormat format;
  private final ReadSpec spec;
  private final List<Observation> observations = new ArrayList<>();
  private final List<Rejection> rejections = new ArrayList<>();
  private final List<SkippedRow> skipped = new ArrayList<>();
  private final Map<Key, Integer> seen = new HashMap<>();
  private int rowsRead;
  private boolean decimalComma;
  private Provenance provenance = Provenance.NONE;
  private Optional<DeclaredScale> scale = Optional.empty();

  RowCollector(IngestFormat format, ReadSpec spec) {
    this.format = format;
    this.spec = spec;
  }

  /** Accept "12,5" as 12.5 (and digit groups separated by spaces) in value fields. */
  void decimalComma(boolean on) {
    decimalComma = on;
  }

  /** The licence and citation the file names for its values (an SDMX message's header). */
  void provenance(Provenance p) {
    provenance = p;
  }

  /**
   * Reads a row's declaration of its indicator's {@link ValueScale} (blank: none); false after
   * rejecting the row when the text names no scale, or another scale than an earlier row declared.
   */
  boolean scale(int line, String field, String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return true;
    }
    Optional<ValueScale> s = ValueScale.fromText(t);
    if (s.isEmpty()) {
      reject(
          line,
          field,
          "a scale: SHARE (a part of a whole, 0 to 100), PERCENT_RATIO (a ratio in percent, may"
              + " exceed 100) or OTHER (not a percentage), or nothing",
          Rejection.quoted(t));
      return false;
    }
    if (scale.isPresent() && scale.get().scale() != s.get()) {
      reject(
          line,
          field,
          "the scale line " + scale.get().line() + " declares (" + scale.get().scale() + ")",
          Rejection.quoted(t));
      return false;
    }
    if (scale.isEmpty()) {
      scale = Optional.of(new DeclaredScale(s.get(), spec.fileName(), Math.max(1, line), field));
    }
    return true;
  }

  ReadSpec spec() {
    return spec;
  }

  void countRow() {
    rowsRead++;
  }

  void reject(int line, String field, String expected, String found) {
    rejections.add(new Rejection(spec.fileName(), Math.max(1, line), field, expected, found));
  }

  void skip(int line, String what, String reason) {
    skipped.add(new SkippedRow(line, what, reason));
  }

  Optional<Indicator> indicator(int line, String field, String code) {
    Optional<Indicator> i = spec.reference().indicator(code.trim());
    if (i.isEmpty()) {
      reject(
          line, field, "a known indicator code (see ./vigil indicators)", Rejection.quoted(code));
    }
    return i;
  }

  Optional<String> area(int line, String field, String code) {
    String c = code.trim();
    if (spec.reference().area(c).isPresent()) {
      return Optional.of(c);
    }
    Optional<String> named = spec.reference().areaByText(c);
    if (named.isPresent()) {
      return named;
    }
    reject(line, field, expectedArea(c), Rejection.quoted(code));
    return Optional.empty();
  }

  /**
   * What a rejected area should have been; for something shaped like an ISO 3166-2 code (KZ-XYZ),
   * the regions of that state and where to list them.
   */
  private String expectedArea(String code) {
    if (code.matches("[A-Za-z]{2}-[A-Za-z0-9]{1,3}(-.*)?")) {
      Optional<String> state = spec.reference().areaByIso2(code.substring(0, 2));
      if (state.isPresent()) {
        return "a known region or district code of "
            + state.get()
            + " (ISO 3166-2, e.g. "
            + spec.reference().firstChildOf(state.get()).orElse(state.get())
            + "; see ./vigil areas --parent "
            + state.get()
            + ")";
      }
    }
    return "a known area: ISO 3166-1 alpha-3 or alpha-2 code, ISO 3166-2 region code, group"
        + " code, or English or Russian name (see ./vigil areas)";
  }

  Optional<Period> period(int line, String field, String text, Indicator indicator) {
    try {
      return Optional.of(Period.parse(text, indicator.frequency()));
    } catch (IllegalArgumentException e) {
      String form =
          switch (indicator.frequency()) {
            case MONTHLY -> "YYYY-MM";
            case QUARTERLY -> "YYYY-Qn";
            case YEARLY -> "YYYY";
            case WEEKLY -> "YYYY-Www, an ISO 8601 week";
            case DAILY -> "YYYY-MM-DD";
          };
      reject(
          line,
          field,
          "a "
              + indicator.frequency().name().toLowerCase(java.util.Locale.ROOT)
              + " period ("
              + form
              + ") for "
              + indicator.code(),
          Rejection.quoted(text));
      return Optional.empty();
    }
  }

  /**
   * A finite decimal number, or NaN when the text is empty and the flags mark the value missing
   * ("M").
   */
  Optional<Double> value(int line, String field, String text, String flags) {
    String t = text.trim();
    if (t.isEmpty() && hasFlag(flags, "M")) {
      return Optional.of(Double.NaN);
    }
    if (decimalComma) {
      t = fromDecimalComma(t);
    }
    if (isDecimal(t) && text.indexOf('\0') < 0) {
      double v = Double.parseDouble(t);
      if (v == 0 && hasNonZeroDigit(t)) {
        reject(
            line,
            field,
            "a number a double can hold: non-zero values of magnitude at least 4.9e-324 (this"
                + " one would be stored as 0)",
            Rejection.quoted(text));
        return Optional.empty();
      }
      if (Double.isFinite(v)) {
        return Optional.of(v);
      }
    }
    String hint = t.matches("[+-]?\\d+,\\d+") ? " (use '.' as the decimal separator)" : "";
    reject(
        line,
        field,
        "a number (empty only with flag M for missing)" + hint,
        Rejection.quoted(text));
    return Optional.empty();
  }

  /** True when the mantissa (before any exponent) has a digit other than 0. */
  private static boolean hasNonZeroDigit(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == 'e' || c == 'E') {
        return false;
      }
      if (c >= '1' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  Optional<String> flags(int line, String field, String text) {
    String t = text.trim();
    if (t.isEmpty() || FLAGS.matcher(t).matches()) {
      return Optional.of(t);
    }
    reject(
        line,
        field,
        "observation flags: up to 8 comma-separated letter/digit codes such as P or E",
        Rejection.quoted(text));
    return Optional.empty();
  }

  Optional<String> source(int line, String field, String text) {
    // Line breaks and tabs inside a quoted source are folded to spaces; other controls are refused.
    String folded =
        hasLineBreakOrTab(text) ? text.replaceAll("[\\r\\n\\t]+", " ").trim() : text.trim();
    if (folded.length() <= MAX_SOURCE && folded.chars().noneMatch(Character::isISOControl)) {
      return Optional.of(folded.isEmpty() ? spec.defaultSource() : folded);
    }
    reject(
        line,
        field,
        "a source of at most " + MAX_SOURCE + " characters without control characters",
        Rejection.quoted(text));
    return Optional.empty();
  }

  /** Adds a valid observation, or rejects it when the file already gave this key. */
  void add(
      int line,
      String periodField,
      Indicator indicator,
      String area,
      Period period,
      double value,
      String flags,
      String source) {
    add(line, periodField, indicator, area, period, value, flags, source, Instant.EPOCH);
  }

  /**
   * As {@link #add(int, String, Indicator, String, Period, double, String, String)} for a file that
   * carries several vintages: {@code vintage} (the time its data set was valid from) becomes the
   * observation's recordedAt, and one value per key is allowed per vintage.
   */
  void add(
      int line,
      String periodField,
      Indicator indicator,
      String area,
      Period period,
      double value,
      String flags,
      String source,
      Instant vintage) {
    Key key = new Key(indicator.code(), area, period, vintage);
    Integer first = seen.putIfAbsent(key, line);
    if (first != null) {
      reject(
          line,
          periodField,
          "one value per indicator, area and period, but line "
              + first
              + " already gave "
              + indicator.code()
              + "/"
              + area
              + "/"
              + period
              + (vintage.equals(Instant.EPOCH) ? "" : " in the data set valid from " + vintage),
          Rejection.quoted(period.toString()));
      return;
    }
    observations.add(
        new Observation(
            indicator.code(), area, period, value, flags, source, 0, vintage, spec.ownership()));
  }

  ReadResult result() {
    return new ReadResult(
        format, spec.fileName(), rowsRead, observations, rejections, skipped, provenance, scale);
  }

  /** The duplicate-detection key: one value per indicator, area and period in a file. */
  private record Key(String indicator, String area, Period period, Instant vintage) {}

  private static boolean hasLineBreakOrTab(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n' || c == '\t') {
        return true;
      }
    }
    return false;
  }

  /**
   * A plain decimal: {@code [+-]?(digits[.digits?] | .digits)([eE][+-]?digits{1,4})?}. Written by
   * hand because it runs once per ingested row; it refuses what Double.parseDouble would also take
   * but a statistics file should not contain (NaN, Infinity, hex, type suffixes).
   */
  /**
   * "1 234,5" as "1234.5": a comma as the decimal separator, spaces (also no-break spaces) between
   * digit groups. Text that does not look like such a number is returned as it is.
   */
  static String fromDecimalComma(String t) {
    String s = t.replaceAll("(?<=\\d)[ \u00A0\u202F](?=\\d{3}\\b)", "");
    return s.matches("[+-]?\\d*,\\d+([eE][+-]?\\d+)?") ? s.replace(',', '.') : s;
  }

  static boolean isDecimal(String t) {
    int n = t.length();
    int i = 0;
    if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
      i++;
    }
    int intDigits = 0;
    while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
      i++;
      intDigits++;
    }
    int fracDigits = 0;
    if (i < n && t.charAt(i) == '.') {
      i++;
      while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
        i++;
        fracDigits++;
      }
    }
    if (intDigits == 0 && fracDigits == 0) {
      return false;
    }
    if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
      i++;
      if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
        i++;
        expDigits++;
      }
      if (expDigits < 1 || expDigits > 4) {
        return false;
      }
    }
    return i == n;
  }

  static boolean hasFlag(String flags, String flag) {
    for (String f : flags.split(",", -1)) {
      if (f.trim().equalsIgnoreCase(flag)) {
        return true;
      }
    }
    return false;
  }
}

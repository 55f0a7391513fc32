package org.vigil.timeseries;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One period of a series: a month ({@code 2024-03}), a quarter ({@code 2024-Q1}) or a year ({@code
 * 2024}). Immutable, comparable within one frequency, and convertible to a dense ordinal so that
 * arithmetic is exact.
 *
 * @param frequency the period's frequency
 * @param year calendar year, 1 to 9999
 * @param sub month 1-12, quarter 1-4, or 1 for a year
 */
public record Period(Frequency frequency, int year, int sub) implements Comparable<Period> {

  private static final Pattern MONTH = Pattern.compile("(\\d{4})-?M?(\\d{1,2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?Q([1-4])");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})(?:-A1?)?");

  public Period {
    if (frequency == null) {
      throw new IllegalArgumentException("Period needs a frequency, found null");
    }
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("Period year must be 1..9999, found " + year);
    }
    int max = frequency.periodsPerYear();
    if (sub < 1 || sub > max) {
      throw new IllegalArgumentException(
          "Period sub-index for " + frequency + " must be 1.." + max + ", found " + sub);
    }
  }

  public static Period month(int year, int month) {
    return new Period(Frequency.MONTHLY, year, month);
  }

  public static Period quarter(int year, int quarter) {
    return new Period(Frequency.QUARTERLY, year, quarter);
  }

  public static Period year(int year) {
    return new Period(Frequency.YEARLY, year, 1);
  }

  /**
   * Parses {@code 2024}, {@code 2024-03}, {@code 2024-M03}, {@code 2024-Q1} or {@code 2024Q1} (the
   * SDMX time-period forms Vigil accepts).
   *
   * @throws IllegalArgumentException with the accepted forms in its message
   */
  public static Period parse(String text) {
    String t = text == null ? "" : text.trim();
    Period fast = parseCanonical(t);
    if (fast != null) {
      return fast;
    }
    Matcher m = QUARTER.matcher(t);
    if (m.matches()) {
      return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    m = MONTH.matcher(t);
    if (m.matches() && t.length() > 4) {
      int month = Integer.parseInt(m.group(2));
      if (month >= 1 && month <= 12) {
        return month(Integer.parseInt(m.group(1)), month);
      }
    }
    m = YEAR.matcher(t);
    if (m.matches()) {
      return year(Integer.parseInt(m.group(1)));
    }
    throw new IllegalArgumentException(
        "Cannot read period '" + text + "': expected YYYY, YYYY-MM or YYYY-Qn (e.g. 2024-03)");
  }

  /**
   * The hot path of ingest: the canonical forms YYYY, YYYY-MM and YYYY-Qn without regular
   * expressions. Returns null (this private method only) when the text needs the general parser.
   */
  private static Period parseCanonical(String t) {
    int n = t.length();
    if (n < 4 || !digits(t, 0, 4)) {
      return null;
    }
    int year =
        (t.charAt(0) - '0') * 1000
            + (t.charAt(1) - '0') * 100
            + (t.charAt(2) - '0') * 10
            + (t.charAt(3) - '0');
    if (year < 1) {
      return null;
    }
    if (n == 4) {
      return year(year);
    }
    if (n == 7 && t.charAt(4) == '-' && digits(t, 5, 7)) {
      int month = (t.charAt(5) - '0') * 10 + (t.charAt(6) - '0');
      return month >= 1 && month <= 12 ? month(year, month) : null;
    }
    if (n == 7 && t.charAt(4) == '-' && t.charAt(5) == 'Q') {
      int q = t.charAt(6) - '0';
      return q >= 1 && q <= 4 ? quarter(year, q) : null;
    }
    return null;
  }

  private static boolean digits(String t, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Parses a period and checks that it has the expected frequency. */
  public static Period parse(String text, Frequency expected) {
    Period p = parse(text);
    if (p.frequency != expected) {
      throw new IllegalArgumentException(
          "Period '" + text + "' is " + p.frequency + ", expected " + expected);
    }
    return p;
  }

  /** The period that contains a date. */
  public static Period containing(LocalDate date, Frequency frequency) {
    return switch (frequency) {
      case MONTHLY -> month(date.getYear(), date.getMonthValue());
      case QUARTERLY -> quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
      case YEARLY -> year(date.getYear());
    };
  }

  /** Dense ordinal: consecutive periods of one frequency differ by one. */
  public long ordinal() {
    return (long) year * frequency.periodsPerYear() + (sub - 1);
  }

  static Period fromOrdinal(Frequency f, long ordinal) {
    int n = f.periodsPerYear();
    return new Period(f, (int) Math.floorDiv(ordinal, n), (int) Math.floorMod(ordinal, n) + 1);
  }

  /** The period {@code n} steps later (earlier when negative). */
  public Period plus(long n) {
    return fromOrdinal(frequency, ordinal() + n);
  }

  /** The number of steps from this period to {@code other}, of the same frequency. */
  public long until(Period other) {
    requireSameFrequency(other);
    return other.ordinal() - ordinal();
  }

  /** First day of the period. */
  public LocalDate start() {
    int firstMonth =
        switch (frequency) {
          case MONTHLY -> sub;
          case QUARTERLY -> (sub - 1) * 3 + 1;
          case YEARLY -> 1;
        };
    return LocalDate.of(year, firstMonth, 1);
  }

  /** Last day of the period. */
  public LocalDate end() {
    LocalDate s = start();
    int months = 12 / frequency.periodsPerYear();
    return YearMonth.from(s).plusMonths(months - 1L).atEndOfMonth();
  }

  /** Position within the year, 1-based (the season index). */
  public int season() {
    return sub;
  }

  private void requireSameFrequency(Period other) {
    if (other.frequency != frequency) {
      throw new IllegalArgumentException(
          "Cannot compare "
              + this
              + " ("
              + frequency
              + ") with "
              + other
              + " ("
              + other.frequency
              + ")");
    }
  }

  @Override
  public int compareTo(Period o) {
    requireSameFrequency(o);
    return Long.compare(ordinal(), o.ordinal());
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(7);
    if (year < 1000) {
      b.append(year < 10 ? "000" : year < 100 ? "00" : "0");
    }
    b.append(year);
    switch (frequency) {
      case MONTHLY -> b.append(sub < 10 ? "-0" : "-").append(sub);
      case QUARTERLY -> b.append("-Q").append(sub);
      case YEARLY -> {}
    }
    return b.toString();
  }
}

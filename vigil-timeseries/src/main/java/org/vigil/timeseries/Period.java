package org.vigil.timeseries;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One period of a series: a day ({@code 2024-03-31}), an ISO 8601 week ({@code 2024-W05}, Monday to
 * Sunday), a month ({@code 2024-03}), a quarter ({@code 2024-Q1}) or a year ({@code 2024}).
 * Immutable, comparable within one frequency, and convertible to a dense ordinal so that arithmetic
 * is exact (weeks and days count from the epoch, so a 53-week year needs no special case).
 *
 * @param frequency the period's frequency
 * @param year calendar year, 1 to 9999 (for a week: the ISO week-based year)
 * @param sub day of year 1-366, ISO week 1-53, month 1-12, quarter 1-4, or 1 for a year
 */
public record Period(Frequency frequency, int year, int sub) implements Comparable<Period> {

  private static final Pattern MONTH = Pattern.compile("(\\d{4})-?M?(\\d{1,2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?Q([1-4])");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})(?:-A1?)?");
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-?W(\\d{1,2})");
  private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

  public Period {
    if (frequency == null) {
      throw new IllegalArgumentException("Period needs a frequency, found null");
    }
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("Period year must be 1..9999, found " + year);
    }
    int max = maxSub(frequency, year);
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

  /** The ISO 8601 week {@code week} (1-53) of the week-based year {@code year}. */
  public static Period week(int year, int week) {
    return new Period(Frequency.WEEKLY, year, week);
  }

  /** The day of a date. */
  public static Period day(LocalDate date) {
    return new Period(Frequency.DAILY, date.getYear(), date.getDayOfYear());
  }

  private static int maxSub(Frequency f, int year) {
    return switch (f) {
      case WEEKLY -> weeksIn(year);
      case DAILY -> Year.isLeap(year) ? 366 : 365;
      default -> f.periodsPerYear();
    };
  }

  /** 52 or 53: the number of ISO weeks in a week-based year. */
  static int weeksIn(int year) {
    LocalDate dec28 = LocalDate.of(year, 12, 28);
    return dec28.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
  }

  /**
   * Parses {@code 2024}, {@code 2024-03}, {@code 2024-M03}, {@code 2024-Q1}, {@code 2024Q1}, {@code
   * 2024-W05} (ISO week), {@code 2024W05} or {@code 2024-03-31} (a day): the SDMX time-period forms
   * Vigil accepts.
   *
   * @throws IllegalArgumentException with the accepted forms in its message
   */
  public static Period parse(String text) {
    String t = text == null ? "" : text.trim();
    Period fast = parseCanonical(t);
    if (fast != null) {
      return fast;
    }
    Matcher m = WEEK.matcher(t);
    if (m.matches()) {
      int year = Integer.parseInt(m.group(1));
      int week = Integer.parseInt(m.group(2));
      if (year >= 1 && week >= 1 && week <= weeksIn(year)) {
        return week(year, week);
      }
      throw new IllegalArgumentException(
          "Cannot read period '" + text + "': " + year + " has weeks W01.." + weeksIn(year));
    }
    m = DAY.matcher(t);
    if (m.matches()) {
      return parseDay(text, m);
    }
    m = QUARTER.matcher(t);
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
        "Cannot read period '"
            + text
            + "': expected YYYY, YYYY-MM or YYYY-Qn (e.g. 2024-03), YYYY-Www for an ISO week"
            + " or YYYY-MM-DD for a day");
  }

  private static Period parseDay(String text, Matcher m) {
    int y = Integer.parseInt(m.group(1));
    int mo = Integer.parseInt(m.group(2));
    int d = Integer.parseInt(m.group(3));
    if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > YearMonth.of(y, mo).lengthOfMonth()) {
      throw new IllegalArgumentException(
          "Cannot read period '" + text + "': no such day (expected YYYY-MM-DD)");
    }
    return day(LocalDate.of(y, mo, d));
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
      case WEEKLY ->
          week(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case DAILY -> day(date);
    };
  }

  /**
   * Dense ordinal: consecutive periods of one frequency differ by one. Weeks count Mondays from
   * 1969-12-29, days count from 1970-01-01 (the epoch day).
   */
  public long ordinal() {
    return switch (frequency) {
      case WEEKLY -> Math.floorDiv(start().toEpochDay() + 3, 7);
      case DAILY -> start().toEpochDay();
      default -> (long) year * frequency.periodsPerYear() + (sub - 1);
    };
  }

  static Period fromOrdinal(Frequency f, long ordinal) {
    return switch (f) {
      case WEEKLY -> containing(LocalDate.ofEpochDay(ordinal * 7 - 3), f);
      case DAILY -> day(LocalDate.ofEpochDay(ordinal));
      default -> {
        int n = f.periodsPerYear();
        yield new Period(f, (int) Math.floorDiv(ordinal, n), (int) Math.floorMod(ordinal, n) + 1);
      }
    };
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

  /** First day of the period (a week's Monday). */
  public LocalDate start() {
    return switch (frequency) {
      case MONTHLY -> LocalDate.of(year, sub, 1);
      case QUARTERLY -> LocalDate.of(year, (sub - 1) * 3 + 1, 1);
      case YEARLY -> LocalDate.of(year, 1, 1);
      case WEEKLY ->
          LocalDate.of(year, 1, 4)
              .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, sub)
              .with(DayOfWeek.MONDAY);
      case DAILY -> LocalDate.ofYearDay(year, sub);
    };
  }

  /** Last day of the period (a week's Sunday). */
  public LocalDate end() {
    LocalDate s = start();
    return switch (frequency) {
      case WEEKLY -> s.plusDays(6);
      case DAILY -> s;
      default -> {
        int months = 12 / frequency.periodsPerYear();
        yield YearMonth.from(s).plusMonths(months - 1L).atEndOfMonth();
      }
    };
  }

  /**
   * The month that holds this period; for a week, the month of its Thursday (so a week belongs to
   * exactly one month, as it belongs to one ISO year). Months, quarters and years return
   * themselves.
   */
  public Period containingMonth() {
    return switch (frequency) {
      case WEEKLY -> containing(start().plusDays(3), Frequency.MONTHLY);
      case DAILY -> month(year, start().getMonthValue());
      default -> this;
    };
  }

  /**
   * Position within the year, 1-based (the season index): day of year, ISO week, month, quarter, or
   * 1.
   */
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
    StringBuilder b = new StringBuilder(10);
    if (year < 1000) {
      b.append(year < 10 ? "000" : year < 100 ? "00" : "0");
    }
    b.append(year);
    switch (frequency) {
      case MONTHLY -> b.append(sub < 10 ? "-0" : "-").append(sub);
      case QUARTERLY -> b.append("-Q").append(sub);
      case YEARLY -> {}
      case WEEKLY -> b.append(sub < 10 ? "-W0" : "-W").append(sub);
      case DAILY -> {
        LocalDate d = start();
        int mo = d.getMonthValue();
        int dd = d.getDayOfMonth();
        b.append(mo < 10 ? "-0" : "-").append(mo).append(dd < 10 ? "-0" : "-").append(dd);
      }
    }
    return b.toString();
  }
}

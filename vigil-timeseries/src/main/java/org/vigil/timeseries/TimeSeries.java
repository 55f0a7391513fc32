package org.vigil.timeseries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;

/**
 * A regular series: a start period and one value per consecutive period. Missing values are {@link
 * Double#NaN}. Immutable: the array is copied in and out.
 */
public final class TimeSeries {
  private final Period start;
  private final double[] values;

  private TimeSeries(Period start, double[] values) {
    if (start == null) {
      throw new IllegalArgumentException("TimeSeries needs a start period, found null");
    }
    this.start = start;
    this.values = values.clone();
  }

  public static TimeSeries of(Period start, double... values) {
    return new TimeSeries(start, values);
  }

  /** Builds a regular series from sparse points, filling the gaps with NaN. */
  public static TimeSeries fromPoints(SortedMap<Period, Double> points) {
    if (points.isEmpty()) {
      throw new IllegalArgumentException("Cannot build a series from no points");
    }
    Period first = points.firstKey();
    int n = (int) first.until(points.lastKey()) + 1;
    double[] v = new double[n];
    Arrays.fill(v, Double.NaN);
    points.forEach((p, x) -> v[(int) first.until(p)] = x == null ? Double.NaN : x);
    return new TimeSeries(first, v);
  }

  public Period start() {
    return start;
  }

  /** The last period (inclusive). */
  public Period end() {
    return start.plus(values.length - 1L);
  }

  public Frequency frequency() {
    return start.frequency();
  }

  public int size() {
    return values.length;
  }

  public double get(int i) {
    return values[i];
  }

  public Period periodAt(int i) {
    return start.plus(i);
  }

  /** A copy of the values. */
  public double[] values() {
    return values.clone();
  }

  public List<Period> periods() {
    List<Period> out = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) {
      out.add(start.plus(i));
    }
    return out;
  }

  /**
   * A weekly or daily series as months; other frequencies are returned as they are. Each week
   * belongs to the month of its Thursday (as it belongs to the ISO year of its Thursday), each day
   * to its month. A month has a value only when every one of its weeks or days has one (the sum
   * when {@code sum}, else the mean); a month the series covers only in part is missing, so the
   * current month never shows a partial total.
   */
  public TimeSeries toMonthly(boolean sum) {
    if (!frequency().subMonthly()) {
      return this;
    }
    Period firstMonth = start.containingMonth();
    int months = (int) firstMonth.until(end().containingMonth()) + 1;
    double[] total = new double[months];
    int[] present = new int[months];
    for (int i = 0; i < values.length; i++) {
      int m = (int) firstMonth.until(start.plus(i).containingMonth());
      if (!Double.isNaN(values[i])) {
        total[m] += values[i];
        present[m]++;
      }
    }
    double[] out = new double[months];
    for (int m = 0; m < months; m++) {
      Period month = firstMonth.plus(m);
      int expected = periodsIn(month, frequency());
      out[m] = present[m] == expected ? (sum ? total[m] : total[m] / expected) : Double.NaN;
    }
    return of(firstMonth, out);
  }

  /** Days of a month, or its weeks (the Thursdays in it). */
  private static int periodsIn(Period month, Frequency f) {
    java.time.LocalDate first = month.start();
    int days = first.lengthOfMonth();
    if (f == Frequency.DAILY) {
      return days;
    }
    int firstThursday =
        1
            + Math.floorMod(
                java.time.DayOfWeek.THURSDAY.getValue() - first.getDayOfWeek().getValue(), 7);
    return (days - firstThursday) / 7 + 1;
  }

  /**
   * True when the values are counts: every present value is a non-negative whole number, and at
   * least one is present.
   */
  public boolean isCounts() {
    return isCounts(values);
  }

  /** True when every non-NaN value is a non-negative whole number and at least one is present. */
  public static boolean isCounts(double[] x) {
    boolean any = false;
    for (double v : x) {
      if (Double.isNaN(v)) {
        continue;
      }
      if (v < 0 || v != Math.rint(v)) {
        return false;
      }
      any = true;
    }
    return any;
  }

  /** Number of non-missing values. */
  public int countPresent() {
    int c = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        c++;
      }
    }
    return c;
  }

  /** The series without leading and trailing missing values. */
  public TimeSeries trim() {
    int a = 0;
    int b = values.length;
    while (a < b && Double.isNaN(values[a])) {
      a++;
    }
    while (b > a && Double.isNaN(values[b - 1])) {
      b--;
    }
    if (a == b) {
      throw new IllegalArgumentException("Series starting " + start + " has no values");
    }
    return new TimeSeries(start.plus(a), Arrays.copyOfRange(values, a, b));
  }

  /** The first {@code n} values. */
  public TimeSeries head(int n) {
    return new TimeSeries(start, Arrays.copyOf(values, n));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeSeries t && t.start.equals(start) && Arrays.equals(t.values, values);
  }

  @Override
  public int hashCode() {
    return start.hashCode() * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "TimeSeries[" + start + ".." + end() + ", n=" + values.length + "]";
  }
}

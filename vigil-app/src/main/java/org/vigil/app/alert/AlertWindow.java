package org.vigil.app.alert;

import java.time.LocalDate;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;

/**
 * The alert window: the periods recent enough to raise an alert, counted back from the period that
 * holds today (the injected clock's date). A monthly value is recent for {@value #MONTHS} months
 * after its month, a quarterly one for one quarter, a yearly one for one year; a finding that
 * starts earlier is history, and history does not raise alerts (it would have raised one when it
 * was new).
 *
 * @param today the clock's date (UTC)
 */
record AlertWindow(LocalDate today) {
  /** Monthly periods before the current month that are still recent. */
  static final int MONTHS = 3;

  AlertWindow {
    if (today == null) {
      throw new IllegalArgumentException("The alert window needs today's date, found null");
    }
  }

  /** The first recent period of a frequency. */
  Period first(Frequency f) {
    return current(f).plus(-(f == Frequency.MONTHLY ? MONTHS : 1));
  }

  /** The period of a frequency that holds today. */
  Period current(Frequency f) {
    return Period.containing(today, f);
  }

  /** True for a period in the window (from {@link #first} to the current period). */
  boolean contains(Period p) {
    return p.compareTo(first(p.frequency())) >= 0 && p.compareTo(current(p.frequency())) <= 0;
  }

  /** True for a period code in the window; a finding about no one period ("") is current. */
  boolean contains(String period) {
    if (period == null || period.isEmpty()) {
      return true;
    }
    try {
      return contains(Period.parse(period));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}

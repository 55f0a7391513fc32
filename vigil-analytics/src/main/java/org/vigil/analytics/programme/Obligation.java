package org.vigil.analytics.programme;

import java.time.LocalDate;
import org.vigil.timeseries.Period;

/**
 * A party's duty to report on a measure for a period, and what became of it on a date.
 *
 * @param measure the measure code
 * @param party the party's area code
 * @param period the reporting period
 * @param due the last day to report on time
 * @param state where it stands
 * @param submitted the day the first report arrived, {@link LocalDate#MAX} when none
 */
public record Obligation(
    String measure, String party, Period period, LocalDate due, State state, LocalDate submitted) {

  /** Where a reporting duty stands on a date. */
  public enum State {
    /** The period has not ended yet, or is in its grace time, and nothing arrived. */
    UPCOMING,
    /** A report arrived by the due date. */
    ON_TIME,
    /** A report arrived after the due date. */
    LATE,
    /** The due date has passed and nothing arrived. */
    MISSING
  }

  /** True once the due date has passed or a report arrived: it counts towards compliance. */
  public boolean counts() {
    return state != State.UPCOMING;
  }
}

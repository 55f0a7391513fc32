package org.vigil.bench.m3;

import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * One M3 series: identifier, category (yearly, quarterly, monthly, other), seasonal period,
 * training and test values.
 */
public record M3Series(
    String id,
    String category,
    int period,
    int startYear,
    int startPeriod,
    double[] train,
    double[] test) {

  public M3Series {
    if (train.length == 0 || test.length == 0) {
      throw new IllegalArgumentException(
          "M3 series "
              + id
              + " needs training and test values, found "
              + train.length
              + " and "
              + test.length);
    }
  }

  /**
   * The training data as a {@link TimeSeries}: frequency 52 is weekly (from ISO week {@code
   * startPeriod}), 7 daily (from day of year {@code startPeriod}, the M4 convention of a 7-day
   * season), 12 monthly, 4 quarterly; "other" and hourly (24) series are indexed as yearly periods,
   * and hourly ones get their 24-period season from {@link #seasonalPeriod()}.
   */
  public TimeSeries trainingSeries() {
    Frequency f =
        switch (period) {
          case 52 -> Frequency.WEEKLY;
          case 7 -> Frequency.DAILY;
          case 12 -> Frequency.MONTHLY;
          case 4 -> Frequency.QUARTERLY;
          default -> Frequency.YEARLY;
        };
    int year = Math.max(1, Math.min(startYear, 9000));
    int sub = Math.max(1, Math.min(startPeriod, f == Frequency.WEEKLY ? 52 : f.periodsPerYear()));
    return TimeSeries.of(new Period(f, year, sub), train);
  }

  /**
   * The seasonal period to ask the engine for: 24 for hourly series (Vigil has no hourly
   * frequency), 0 (the frequency's own) otherwise.
   */
  public int seasonalPeriod() {
    return period == 24 ? 24 : 0;
  }

  public int horizon() {
    return test.length;
  }
}

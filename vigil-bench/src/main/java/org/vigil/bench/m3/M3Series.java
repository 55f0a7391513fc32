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

  /** The training data as a {@link TimeSeries} ("other" series are treated as yearly). */
  public TimeSeries trainingSeries() {
    Frequency f =
        switch (period) {
          case 12 -> Frequency.MONTHLY;
          case 4 -> Frequency.QUARTERLY;
          default -> Frequency.YEARLY;
        };
    int sub = Math.max(1, Math.min(startPeriod, f.periodsPerYear()));
    int year = Math.max(1, Math.min(startYear, 9000));
    return TimeSeries.of(new Period(f, year, sub), train);
  }

  public int horizon() {
    return test.length;
  }
}

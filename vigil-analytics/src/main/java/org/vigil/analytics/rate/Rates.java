package org.vigil.analytics.rate;

import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * Rates per 100,000 population. A count for a period is divided by the population of the year the
 * period falls in (populations are usually yearly); when that year is missing, the latest earlier
 * year within {@link #MAX_CARRY_YEARS} is used. Rates are per period, not annualised: a monthly
 * count gives a monthly rate. Thread-safe.
 */
public final class Rates {
  /** How many years a population figure may be carried forward. */
  public static final int MAX_CARRY_YEARS = 2;

  private Rates() {}

  /** count / population * 100,000 period by period; NaN where either is missing. */
  public static TimeSeries per100k(TimeSeries counts, TimeSeries population) {
    double[] out = new double[counts.size()];
    for (int i = 0; i < out.length; i++) {
      double pop = populationAt(population, counts.periodAt(i));
      double c = counts.get(i);
      out[i] = Double.isNaN(c) || !(pop > 0) ? Double.NaN : c / pop * 100_000.0;
    }
    return TimeSeries.of(counts.start(), out);
  }

  /** The population for a period, from a series of any frequency; NaN when unknown. */
  public static double populationAt(TimeSeries population, Period p) {
    if (population.frequency() == p.frequency()) {
      long i = population.start().until(p);
      if (i >= 0 && i < population.size() && !Double.isNaN(population.get((int) i))) {
        return population.get((int) i);
      }
    }
    for (int back = 0; back <= MAX_CARRY_YEARS; back++) {
      Period y =
          Period.containing(p.start(), population.frequency())
              .plus(-(long) back * population.frequency().periodsPerYear());
      long i = population.start().until(y);
      if (i >= 0 && i < population.size() && !Double.isNaN(population.get((int) i))) {
        return population.get((int) i);
      }
    }
    return Double.NaN;
  }
}

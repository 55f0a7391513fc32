package org.vigil.analytics.rate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vigil.model.Aggregation;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * A regional figure per period: the sum of counts, the mean of levels, or the population-weighted
 * rate, always with the states it includes. Thread-safe.
 */
public final class RegionalAggregate {
  private RegionalAggregate() {}

  /**
   * One period's regional value.
   *
   * @param period the period
   * @param value the aggregate (NaN when no state reported)
   * @param included the states whose values went in, sorted
   * @param expected how many states the region has
   */
  public record Point(Period period, double value, List<String> included, int expected) {
    public Point {
      included = List.copyOf(included);
    }

    /** "7 of 10 states". */
    public String coverage() {
      return included.size() + " of " + expected + " states";
    }
  }

  /**
   * Aggregates the given states' series.
   *
   * @param series per state, the series the caller can read (any states missing are simply not
   *     included)
   * @param population per state population series; used for {@link Aggregation#RATE} weights
   * @param how sum, mean or population-weighted rate
   * @param expectedStates the region's member count, for the coverage statement
   */
  public static List<Point> aggregate(
      Map<String, TimeSeries> series,
      Map<String, TimeSeries> population,
      Aggregation how,
      int expectedStates) {
    TreeSet<Period> periods = new TreeSet<>();
    series.values().forEach(s -> periods.addAll(s.periods()));
    List<Point> out = new ArrayList<>();
    for (Period p : periods) {
      double num = 0;
      double den = 0;
      List<String> in = new ArrayList<>();
      for (Map.Entry<String, TimeSeries> e : new TreeMap<>(series).entrySet()) {
        double v = valueAt(e.getValue(), p);
        if (Double.isNaN(v)) {
          continue;
        }
        double w = 1;
        if (how == Aggregation.RATE) {
          TimeSeries pop = population.get(e.getKey());
          w = pop == null ? Double.NaN : Rates.populationAt(pop, p);
          if (!(w > 0)) {
            continue;
          }
        }
        num += how == Aggregation.SUM ? v : v * w;
        den += w;
        in.add(e.getKey());
      }
      double value = in.isEmpty() ? Double.NaN : (how == Aggregation.SUM ? num : num / den);
      out.add(new Point(p, value, in, Math.max(expectedStates, in.size())));
    }
    return out;
  }

  private static double valueAt(TimeSeries s, Period p) {
    if (s.frequency() != p.frequency()) {
      return Double.NaN;
    }
    long i = s.start().until(p);
    return i < 0 || i >= s.size() ? Double.NaN : s.get((int) i);
  }
}

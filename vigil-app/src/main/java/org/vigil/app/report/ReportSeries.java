package org.vigil.app.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.vigil.model.AccessContext;
import org.vigil.model.Aggregation;
import org.vigil.model.Indicator;
import org.vigil.model.Observation;
import org.vigil.model.ObservationRepository;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * The latest values of every readable indicator for the report's states, loaded with one query per
 * indicator, and their regional aggregates (sum, or mean for means and rates).
 */
final class ReportSeries {
  private final Map<String, Map<String, SortedMap<Period, Double>>> byIndicator = new HashMap<>();
  private final Map<String, Indicator> indicators = new HashMap<>();

  private ReportSeries() {}

  static ReportSeries load(
      ObservationRepository observations,
      AccessContext ctx,
      List<Indicator> indicators,
      List<String> states,
      java.time.LocalDate today) {
    ReportSeries s = new ReportSeries();
    for (Indicator ind : indicators) {
      Map<String, SortedMap<Period, Double>> perArea = new HashMap<>();
      for (Observation o : observations.latestByIndicator(ctx, ind.code(), Instant.MAX)) {
        // Periods after today are projections, not report data (and must not move the default).
        if (states.contains(o.area())
            && !Double.isNaN(o.value())
            && !o.period().start().isAfter(today)) {
          perArea.computeIfAbsent(o.area(), a -> new TreeMap<>()).put(o.period(), o.value());
        }
      }
      if (!perArea.isEmpty()) {
        s.byIndicator.put(ind.code(), perArea);
        s.indicators.put(ind.code(), ind);
      }
    }
    return s;
  }

  List<Indicator> indicatorsWithData() {
    return indicators.values().stream()
        .sorted(java.util.Comparator.comparing(Indicator::domain).thenComparing(Indicator::code))
        .toList();
  }

  /** The latest monthly period with any value, if any. */
  Optional<Period> latestMonth() {
    return byIndicator.values().stream()
        .flatMap(m -> m.values().stream())
        .map(SortedMap::lastKey)
        .filter(p -> p.frequency() == org.vigil.timeseries.Frequency.MONTHLY)
        .max(Period::compareTo);
  }

  /**
   * One area's series, or the aggregate over {@code areas}, with values up to {@code until}.
   * Periods where no area has a value are left out.
   */
  SortedMap<Period, Double> series(Indicator ind, List<String> areas, Period until) {
    Map<String, SortedMap<Period, Double>> perArea = byIndicator.getOrDefault(ind.code(), Map.of());
    SortedMap<Period, double[]> acc = new TreeMap<>();
    for (String a : areas) {
      for (Map.Entry<Period, Double> e : perArea.getOrDefault(a, new TreeMap<>()).entrySet()) {
        if (e.getKey().start().isAfter(until.end())) {
          continue;
        }
        double[] sumCount = acc.computeIfAbsent(e.getKey(), k -> new double[2]);
        sumCount[0] += e.getValue();
        sumCount[1]++;
      }
    }
    SortedMap<Period, Double> out = new TreeMap<>();
    acc.forEach(
        (p, sc) -> out.put(p, ind.aggregation() == Aggregation.SUM ? sc[0] : sc[0] / sc[1]));
    return out;
  }

  /** How many of {@code areas} have a value of the indicator at {@code period}. */
  int statesWithValue(Indicator ind, List<String> areas, Period period) {
    Map<String, SortedMap<Period, Double>> perArea = byIndicator.getOrDefault(ind.code(), Map.of());
    int n = 0;
    for (String a : areas) {
      SortedMap<Period, Double> s = perArea.get(a);
      if (s != null && s.containsKey(period)) {
        n++;
      }
    }
    return n;
  }

  /** The series as a dense TimeSeries (gaps as NaN) of its last {@code n} periods. */
  static Optional<TimeSeries> tail(SortedMap<Period, Double> points, int n) {
    if (points.isEmpty()) {
      return Optional.empty();
    }
    List<Period> keys = new ArrayList<>(points.keySet());
    Period last = keys.get(keys.size() - 1);
    Period first = keys.get(Math.max(0, keys.size() - n));
    SortedMap<Period, Double> window = new TreeMap<>(points.subMap(first, last.plus(1)));
    return Optional.of(TimeSeries.fromPoints(window));
  }
}

package org.vigil.app.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.vigil.app.Vigil;
import org.vigil.forecast.Forecast;
import org.vigil.forecast.ForecastMethod;
import org.vigil.forecast.ForecastSpec;
import org.vigil.forecast.Forecaster;
import org.vigil.forecast.reconcile.Hierarchy;
import org.vigil.forecast.reconcile.MinTrace;
import org.vigil.model.AccessContext;
import org.vigil.model.Aggregation;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Indicator;
import org.vigil.model.NotFoundException;
import org.vigil.model.Observation;
import org.vigil.report.Counts;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * Coherent regional forecasts: for one indicator, every group of the reference data (CIS, CIS
 * associate members) and its member states form one grouped hierarchy; each node is forecast on its
 * own (ETS, or SBA for sparse counts; count intervals for counts) and the forecasts are reconciled
 * by minimum trace with the shrinkage covariance of the in-sample one-step residuals ({@link
 * MinTrace}). A state therefore has one reconciled forecast whichever group is asked for, and each
 * group's point forecast is the sum (mean, for means and rates) of its covered members'.
 *
 * <p>"One number for everyone": a group's figure is made of the member states' values the reader
 * may read, and says which ("7 of 10 states"); it is a pure function of those values, so every
 * reader who may read the same states gets the very same figure, and no reader's figure contains a
 * value (a state's NATIONAL or RESTRICTED data) the reader may not read. Results are kept per
 * indicator and horizon until the data change. Thread-safe.
 */
public final class RegionalForecasts {
  private static final int CACHE = 256;
  private final Vigil vigil;
  private final Map<String, RegionalForecast> cache = new ConcurrentHashMap<>();

  private RegionalForecasts(Vigil vigil) {
    this.vigil = vigil;
  }

  public static RegionalForecasts create(Vigil vigil) {
    return new RegionalForecasts(vigil);
  }

  /** Whether {@code area} is a group (a regional forecast is then the coherent one). */
  public boolean isGroup(String area) {
    return vigil
        .reference()
        .area(AccessContext.system(), area)
        .map(a -> a.kind() == AreaKind.GROUP)
        .orElse(false);
  }

  /**
   * The reconciled forecast of {@code group} for {@code indicator}, {@code horizon} steps ahead.
   *
   * @param reader whose access decides which states' values the figure is made of (their reads are
   *     audited like any other)
   * @throws NotFoundException when the indicator or group is unknown or no member has data the
   *     reader may read
   */
  public RegionalForecast forecast(
      AccessContext reader, String indicator, String group, int horizon) {
    Indicator ind = vigil.reference().knownIndicator(AccessContext.system(), indicator);
    if (!isGroup(group)) {
      throw new NotFoundException(
          "'" + group + "' is not a group of states: expected e.g. CIS (./vigil areas)");
    }
    LocalDate today = LocalDate.now(vigil.clock());
    Map<String, SortedMap<Period, Double>> byState = new TreeMap<>();
    List<Observation> obs = vigil.observations().latestByIndicator(reader, indicator, Instant.MAX);
    long fingerprint = 17;
    for (Observation o : obs) {
      if (!Double.isNaN(o.value()) && !o.period().start().isAfter(today)) {
        byState.computeIfAbsent(o.area(), a -> new TreeMap<>()).put(o.period(), o.value());
        fingerprint =
            31 * fingerprint
                + (o.area() + o.period() + Double.doubleToLongBits(o.value())).hashCode();
      }
    }
    Map<String, List<String>> groups = groups(today);
    String key = indicator + "|" + group + "|" + horizon + "|" + fingerprint + "|" + groups;
    RegionalForecast hit = cache.get(key);
    if (hit != null) {
      return hit;
    }
    RegionalForecast r = reconcile(ind, group, horizon, byState, groups);
    if (cache.size() > CACHE) {
      cache.clear();
    }
    cache.put(key, r);
    return r;
  }

  /** Every group's members today (all of them, with or without data). */
  private Map<String, List<String>> groups(LocalDate today) {
    Map<String, List<String>> out = new TreeMap<>();
    for (Area a : vigil.reference().areas(AccessContext.system())) {
      if (a.kind() == AreaKind.GROUP) {
        out.put(a.code(), vigil.reference().members(AccessContext.system(), a.code(), today));
      }
    }
    return out;
  }

  /**
   * The pure computation behind {@link #forecast}: given every state's values and every group's
   * members, forecasts each node and reconciles them (also used by the accuracy harness on
   * truncated histories).
   *
   * @param byState each state's values by period
   * @param groups each group's member states
   * @throws NotFoundException when no member of {@code group} has values
   */
  public static RegionalForecast reconcile(
      Indicator ind,
      String group,
      int horizon,
      Map<String, SortedMap<Period, Double>> byState,
      Map<String, List<String>> groups) {
    List<String> members = groups.getOrDefault(group, List.of());
    Period end = null;
    for (String s : members) {
      SortedMap<Period, Double> v = byState.get(s);
      if (v != null && (end == null || v.lastKey().compareTo(end) > 0)) {
        end = v.lastKey();
      }
    }
    if (end == null) {
      throw new NotFoundException(
          "No member of " + group + " has values of " + ind.code() + ": nothing to forecast");
    }
    // The bottom level: every state of any group whose data reach the group's last period.
    TreeSet<String> bottom = new TreeSet<>();
    for (List<String> ms : groups.values()) {
      for (String s : ms) {
        SortedMap<Period, Double> v = byState.get(s);
        if (v != null && v.containsKey(end)) {
          bottom.add(s);
        }
      }
    }
    // The common window: from the latest first period of the bottom states to the last period.
    Period start = byState.get(bottom.first()).firstKey();
    boolean nonNegative = true;
    for (String s : bottom) {
      Period first = byState.get(s).firstKey();
      start = first.compareTo(start) > 0 ? first : start;
      nonNegative &= byState.get(s).values().stream().allMatch(v -> v >= 0);
    }
    boolean mean = ind.aggregation() != Aggregation.SUM;
    Map<String, Map<String, Double>> aggs = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> g : groups.entrySet()) {
      List<String> in = g.getValue().stream().filter(bottom::contains).toList();
      if (in.isEmpty()) {
        continue;
      }
      Map<String, Double> w = new LinkedHashMap<>();
      in.forEach(s -> w.put(s, mean ? 1.0 / in.size() : 1.0));
      aggs.put(g.getKey(), w);
    }
    Hierarchy h = new Hierarchy(new ArrayList<>(bottom), aggs);
    List<String> nodes = h.nodes();
    double[][] s = h.summingMatrix();
    int na = aggs.size();
    int nb = bottom.size();
    Map<String, TimeSeries> series = new LinkedHashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      series.put(nodes.get(i), nodeSeries(s[i], h.bottom(), byState, start, end));
    }
    boolean countUnit = Counts.isCount(ind);
    Map<String, Forecast> base = new LinkedHashMap<>();
    double[][] points = new double[nodes.size()][];
    double[][] residuals = new double[nodes.size()][];
    for (int i = 0; i < nodes.size(); i++) {
      TimeSeries ts = series.get(nodes.get(i));
      Forecast f = Forecaster.forecast(ts, spec(ts, horizon, countUnit));
      base.put(nodes.get(i), f);
      points[i] = f.points();
      residuals[i] = residuals(f, ts);
    }
    alignTails(residuals);
    MinTrace.Result r = MinTrace.reconcile(s, points, residuals);
    List<String> notes = new ArrayList<>(r.notes());
    double[][] bottomPoints = new double[nb][];
    int floored = 0;
    for (int j = 0; j < nb; j++) {
      bottomPoints[j] = r.forecasts()[na + j].clone();
      for (int k = 0; k < horizon && nonNegative; k++) {
        if (bottomPoints[j][k] < 0) {
          bottomPoints[j][k] = 0;
          floored++;
        }
      }
    }
    if (floored > 0) {
      notes.add(floored + " reconciled state point(s) below zero set to 0 (sums kept coherent)");
    }
    String how =
        String.format(
            Locale.ROOT,
            "reconciled by MinT (shrinkage, lambda %.3f) over %d groups and %d states",
            r.lambda(),
            na,
            nb);
    Map<String, Forecast> states = new LinkedHashMap<>();
    for (int j = 0; j < nb; j++) {
      String code = h.bottom().get(j);
      states.put(code, base.get(code).withPoints(bottomPoints[j], nonNegative, how));
    }
    int gi = nodes.indexOf(group);
    double[] total = new double[horizon];
    for (int k = 0; k < horizon; k++) {
      for (int j = 0; j < nb; j++) {
        total[k] += s[gi][j] * bottomPoints[j][k];
      }
    }
    List<String> covered = members.stream().filter(bottom::contains).toList();
    Map<String, double[]> basePoints = new LinkedHashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      basePoints.put(nodes.get(i), points[i]);
    }
    return new RegionalForecast(
        ind.code(),
        group,
        members,
        covered,
        mean ? "MEAN" : "SUM",
        series.get(group),
        base.get(group).withPoints(total, nonNegative, how),
        Map.copyOf(
            states.entrySet().stream()
                .filter(e -> covered.contains(e.getKey()))
                .collect(
                    java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))),
        basePoints,
        r.lambda(),
        r.estimator(),
        notes);
  }

  /** The node's series: the weighted sum of the bottom series given by its row of S. */
  private static TimeSeries nodeSeries(
      double[] row,
      List<String> bottom,
      Map<String, SortedMap<Period, Double>> byState,
      Period start,
      Period end) {
    SortedMap<Period, Double> out = new TreeMap<>();
    for (Period p = start; p.compareTo(end) <= 0; p = p.plus(1)) {
      double sum = 0;
      boolean complete = true;
      for (int j = 0; j < row.length; j++) {
        if (row[j] == 0) {
          continue;
        }
        Double v = byState.get(bottom.get(j)).get(p);
        if (v == null) {
          complete = false;
          break;
        }
        sum += row[j] * v;
      }
      if (complete) {
        out.put(p, sum);
      }
    }
    return TimeSeries.fromPoints(out);
  }

  /** ETS (SBA for sparse series), count intervals for counts, truncated at zero if never below. */
  private static ForecastSpec spec(TimeSeries ts, int horizon, boolean countUnit) {
    int zeros = 0;
    int present = 0;
    boolean nonNegative = true;
    for (int i = 0; i < ts.size(); i++) {
      double v = ts.get(i);
      if (!Double.isNaN(v)) {
        present++;
        zeros += v == 0 ? 1 : 0;
        nonNegative &= v >= 0;
      }
    }
    boolean counts = nonNegative && (countUnit || ForecastService.isCounts(ts));
    boolean sparse = nonNegative && zeros >= 0.3 * present;
    return ForecastSpec.builder()
        .method(sparse ? ForecastMethod.SBA : ForecastMethod.ETS)
        .horizon(horizon)
        .nonNegative(nonNegative)
        .counts(counts)
        .build();
  }

  /** The model's one-step residuals, or the series' first differences when it has none. */
  private static double[] residuals(Forecast f, TimeSeries ts) {
    double[] e = f.residuals();
    if (e.length >= 2) {
      return e;
    }
    double[] y = ts.trim().values();
    List<Double> d = new ArrayList<>();
    for (int t = 1; t < y.length; t++) {
      if (!Double.isNaN(y[t]) && !Double.isNaN(y[t - 1])) {
        d.add(y[t] - y[t - 1]);
      }
    }
    while (d.size() < 2) {
      d.add(0.0);
    }
    return d.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * Keeps the last T residuals of every node, T the shortest length: aligned on the last period.
   */
  private static void alignTails(double[][] residuals) {
    int len = Integer.MAX_VALUE;
    for (double[] r : residuals) {
      len = Math.min(len, r.length);
    }
    for (int i = 0; i < residuals.length; i++) {
      double[] r = residuals[i];
      residuals[i] = java.util.Arrays.copyOfRange(r, r.length - len, r.length);
    }
  }
}

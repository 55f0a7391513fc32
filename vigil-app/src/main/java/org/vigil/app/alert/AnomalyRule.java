package org.vigil.app.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.vigil.analytics.anomaly.Anomaly;
import org.vigil.analytics.anomaly.AnomalyDetector;
import org.vigil.analytics.anomaly.AnomalySpec;
import org.vigil.model.Ownership;
import org.vigil.model.alert.Alert;
import org.vigil.model.alert.AlertRule;
import org.vigil.model.alert.AlertSeverity;
import org.vigil.model.alert.AlertSubject;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * The ANOMALY rule on one series: what is new in the alert window, judged against the recent past.
 *
 * <p>Each series is cut to its last {@value #HISTORY_YEARS} years before the window plus the
 * window, so the baseline is the series as it is now: a level shift years ago is the new normal,
 * not an anomaly every month since. The robust z detector (Sen trend plus seasonal medians, |z|
 * above the spec's threshold) runs on that stretch. Consecutive anomalies on the same side are one
 * finding: a level shift is one alert keyed on the month it started, a spike one alert on its
 * month. Only findings that start in the window are kept (older ones are history, even when they
 * last into it).
 *
 * <p>Counts the robust z misses: a small count series (a few events a month) is noisy enough that a
 * doubling stays within its threshold. When the robust z finds nothing new, {@link CountTest} asks
 * how likely the window's counts are under the series' recent level with its own spread (negative
 * binomial): a spike in one month, or a level shift over the months from a start to the latest.
 *
 * <p>Severity from size and recency: size is the largest |z| over the threshold, recency whether
 * the finding reaches the series' latest value. CRITICAL when it is at least twice the threshold
 * and still there in the latest value; WARNING when it is one of the two; INFO otherwise (a modest
 * spike that has passed).
 */
final class AnomalyRule {
  static final int HISTORY_YEARS = 4;

  /** Robust z only (the forecast-interval detector refits a model per value: too slow here). */
  static final AnomalySpec SPEC =
      AnomalySpec.DEFAULT.withMethods(EnumSet.of(Anomaly.Method.ROBUST_Z));

  private final AlertWindow window;
  private final Instant now;

  AnomalyRule(AlertWindow window, Instant now) {
    this.window = window;
    this.now = now;
  }

  /**
   * Alerts on one series.
   *
   * @param indicator indicator code
   * @param area area code
   * @param domain the indicator's threat domain name
   * @param values the latest value per period up to today
   * @param ownership the series' ownership, which its alerts carry
   */
  List<Alert> alerts(
      String indicator,
      String area,
      String domain,
      SortedMap<Period, Double> values,
      Ownership ownership) {
    if (values.isEmpty() || !window.contains(values.lastKey())) {
      return List.of(); // nothing new: the series has no value in the window
    }
    Period latest = values.lastKey();
    Period from = window.first(latest.frequency());
    int perYear = latest.frequency().periodsPerYear();
    SortedMap<Period, Double> recent =
        new TreeMap<>(values.tailMap(from.plus(-(long) HISTORY_YEARS * perYear)));
    if (recent.headMap(from).size() < Math.max(8, 2 * perYear)) {
      return List.of(); // too little history to tell what is unusual
    }
    List<Alert> out = new ArrayList<>();
    for (List<Anomaly> run : runs(AnomalyDetector.detect(TimeSeries.fromPoints(recent), SPEC))) {
      if (window.contains(run.get(0).period())) {
        out.add(alert(indicator, area, domain, run, latest, ownership));
      }
    }
    if (out.isEmpty()) {
      CountTest.Finding f = CountTest.find(recent, from);
      if (f != null) {
        out.add(
            alert(indicator, area, domain, f.run(), latest, ownership, f.size(), CountTest.METHOD));
      }
    }
    return out;
  }

  /**
   * Consecutive anomalies on the same side (high or low), oldest first: a level shift is one run.
   */
  static List<List<Anomaly>> runs(List<Anomaly> anomalies) {
    List<Anomaly> sorted = new ArrayList<>(anomalies);
    sorted.sort(Comparator.comparing(Anomaly::period));
    List<List<Anomaly>> out = new ArrayList<>();
    List<Anomaly> run = new ArrayList<>();
    for (Anomaly a : sorted) {
      if (!run.isEmpty()) {
        Anomaly prev = run.get(run.size() - 1);
        if (prev.period().until(a.period()) != 1 || prev.high() != a.high()) {
          out.add(run);
          run = new ArrayList<>();
        }
      }
      run.add(a);
    }
    if (!run.isEmpty()) {
      out.add(run);
    }
    return out;
  }

  /**
   * Severity from size (largest |z| in threshold units) and whether it reaches the latest value.
   */
  static AlertSeverity severity(double size, boolean current) {
    boolean large = size >= 2;
    if (large && current) {
      return AlertSeverity.CRITICAL;
    }
    return large || current ? AlertSeverity.WARNING : AlertSeverity.INFO;
  }

  private Alert alert(
      String indicator,
      String area,
      String domain,
      List<Anomaly> run,
      Period latest,
      Ownership ownership) {
    double size =
        run.stream().mapToDouble(a -> Math.abs(a.score())).max().orElse(0) / SPEC.zThreshold();
    return alert(indicator, area, domain, run, latest, ownership, size, run.get(0).method().name());
  }

  /** An alert on a run of anomalies whose size (in threshold units) is given. */
  private Alert alert(
      String indicator,
      String area,
      String domain,
      List<Anomaly> run,
      Period latest,
      Ownership ownership,
      double size,
      String method) {
    Anomaly first = run.get(0);
    Anomaly last = run.get(run.size() - 1);
    boolean current = last.period().equals(latest);
    boolean shift = run.size() > 1;
    Map<String, String> ev = new LinkedHashMap<>();
    ev.put("value", num(last.value()));
    ev.put("expected", num(last.expected()));
    ev.put("lower", num(last.lower()));
    ev.put("upper", num(last.upper()));
    ev.put("score", num(run.stream().mapToDouble(Anomaly::score).reduce(0, AnomalyRule::larger)));
    ev.put("method", method);
    ev.put("kind", shift ? "LEVEL_SHIFT" : "VALUE");
    ev.put("since", first.period().toString());
    ev.put("until", last.period().toString());
    ev.put("periods", String.valueOf(run.size()));
    return new Alert(
        0,
        AlertRule.ANOMALY,
        severity(size, current),
        new AlertSubject(indicator, area, first.period().toString()),
        domain,
        english(indicator, area, run, shift),
        russian(indicator, area, run, shift),
        ev,
        now,
        ownership,
        List.of());
  }

  /** Above what was expected (a robust z anomaly above its band, a count test's rise). */
  private static boolean above(Anomaly a) {
    return a.value() > a.expected();
  }

  private static double larger(double a, double b) {
    return Math.abs(b) > Math.abs(a) ? b : a;
  }

  private static String english(String indicator, String area, List<Anomaly> run, boolean shift) {
    Anomaly first = run.get(0);
    Anomaly last = run.get(run.size() - 1);
    String dir = above(last) ? "high" : "low";
    String head =
        shift
            ? "Level shift: "
                + indicator
                + " in "
                + area
                + " unusually "
                + dir
                + " since "
                + first.period()
                + " ("
                + run.size()
                + " periods)"
            : "Unusually "
                + dir
                + " value of "
                + indicator
                + " in "
                + area
                + " at "
                + last.period();
    return head
        + ": "
        + num(last.value())
        + " at "
        + last.period()
        + ", expected "
        + num(last.lower())
        + " to "
        + num(last.upper());
  }

  private static String russian(String indicator, String area, List<Anomaly> run, boolean shift) {
    Anomaly first = run.get(0);
    Anomaly last = run.get(run.size() - 1);
    String dir = above(last) ? "высокое" : "низкое";
    String head =
        shift
            ? "Сдвиг уровня: "
                + indicator
                + " ("
                + area
                + ") необычно "
                + (above(last) ? "высок" : "низок")
                + " с "
                + first.period()
                + " (периодов: "
                + run.size()
                + ")"
            : "Необычно "
                + dir
                + " значение "
                + indicator
                + " ("
                + area
                + ", "
                + last.period()
                + ")";
    return head
        + ": "
        + num(last.value())
        + " в "
        + last.period()
        + ", ожидалось от "
        + num(last.lower())
        + " до "
        + num(last.upper());
  }

  static String num(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return String.format(Locale.ROOT, "%.4g", v);
  }
}

package org.vigil.app.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.vigil.app.Vigil;
import org.vigil.app.analytics.RiskService;
import org.vigil.forecast.Forecast;
import org.vigil.forecast.ForecastSpec;
import org.vigil.forecast.Forecaster;
import org.vigil.model.AccessContext;
import org.vigil.model.Classification;
import org.vigil.model.Indicator;
import org.vigil.model.Observation;
import org.vigil.model.Organisation;
import org.vigil.model.Ownership;
import org.vigil.model.alert.Alert;
import org.vigil.model.alert.AlertQuery;
import org.vigil.model.alert.AlertRepository;
import org.vigil.model.alert.AlertRule;
import org.vigil.model.alert.AlertSubject;
import org.vigil.model.notify.NotifyRule;
import org.vigil.store.JdbcAlertRepository;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * Evaluates the alert rules kept as data ({@link NotifyRule}). Each rule reads each owner's series
 * on its own, and what it raises carries that series' owner and strictest classification, as the
 * built-in rules do, so a subscriber hears only about data they may read. Kinds backed by the
 * built-in detectors reuse them: ANOMALY and KPI_DRIFT select the alerts {@code AlertService}
 * raised (nothing new is stored), REPORT_BURST selects the anomaly alerts on the texts counted per
 * domain and state ({@code TEXT_DOCS_<DOMAIN>}) and raises a REPORT_BURST alert for each; trends
 * use the Mann-Kendall test, forecasts the forecasting engine, risk ranks the risk service.
 */
public final class RuleEngine {
  /** Monthly periods before the current month that are recent enough to raise an alert. */
  static final int WINDOW_MONTHS = 3;

  private final Vigil vigil;
  private final AlertRepository alerts;

  public RuleEngine(Vigil vigil) {
    this.vigil = vigil;
    this.alerts = JdbcAlertRepository.open(vigil.dataSource(), vigil.clock());
  }

  /** What the rules found and what was newly stored. */
  public record Evaluation(Map<String, List<Alert>> findings, List<Alert> raised) {}

  /** Evaluates every enabled rule and stores the new alerts (system only). */
  public Evaluation evaluate(List<NotifyRule> rules) {
    Map<String, List<Alert>> findings = new LinkedHashMap<>();
    List<Alert> candidates = new ArrayList<>();
    for (NotifyRule r : rules) {
      if (!r.enabled()) {
        continue;
      }
      List<Alert> found = findings(r);
      findings.put(r.code(), found);
      candidates.addAll(found.stream().filter(a -> a.id() == 0).toList());
    }
    return new Evaluation(findings, alerts.raise(AccessContext.system(), candidates));
  }

  /** What one rule finds now (alerts with id 0 are new candidates; others already stored). */
  public List<Alert> findings(NotifyRule r) {
    Instant now = vigil.clock().instant();
    return switch (r.kind()) {
      case THRESHOLD -> perSeries(r, now, this::threshold);
      case TREND_START -> perSeries(r, now, this::trendStart);
      case FORECAST_EXCEEDS -> perSeries(r, now, this::forecastExceeds);
      case DATA_OVERDUE -> perSeries(r, now, this::overdue);
      case ANOMALY -> stored(r, AlertRule.ANOMALY, r.indicator());
      case KPI_DRIFT -> stored(r, AlertRule.KPI_DRIFT, r.indicator());
      case REPORT_BURST -> burst(r, now);
      case RISK_RANK_RISE -> rankRise(r, now);
    };
  }

  private interface SeriesRule {
    Optional<Alert> check(NotifyRule r, Series s, Instant now);
  }

  /** One owner's values of one indicator in one area. */
  record Series(
      String indicator,
      String area,
      String domain,
      SortedMap<Period, Double> values,
      Ownership ownership) {}

  private List<Alert> perSeries(NotifyRule r, Instant now, SeriesRule check) {
    List<Alert> out = new ArrayList<>();
    for (Series s : series(r, now)) {
      check.check(r, s, now).ifPresent(out::add);
    }
    return out;
  }

  private List<Series> series(NotifyRule r, Instant now) {
    AccessContext system = AccessContext.system();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<Series> out = new ArrayList<>();
    for (Indicator i : vigil.reference().indicators(system)) {
      if (!r.indicator().isEmpty() && !r.indicator().equals(i.code())) {
        continue;
      }
      if (!r.domain().isEmpty() && (i.domain() == null || !r.domain().equals(i.domain().name()))) {
        continue;
      }
      Map<String, List<Observation>> bySeries = new TreeMap<>();
      for (Observation o :
          vigil.observations().latestByIndicatorOfEveryOwner(system, i.code(), Instant.MAX)) {
        if ((r.area().isEmpty() || r.area().equals(o.area()))
            && !o.period().start().isAfter(today)) {
          bySeries
              .computeIfAbsent(o.area() + "|" + o.ownership().owner(), k -> new ArrayList<>())
              .add(o);
        }
      }
      for (List<Observation> rows : bySeries.values()) {
        SortedMap<Period, Double> values = new TreeMap<>();
        Ownership strictest = null;
        for (Observation o : rows) {
          if (!Double.isNaN(o.value())) {
            values.put(o.period(), o.value());
          }
          strictest = Ownership.stricter(strictest, o.ownership());
        }
        if (!values.isEmpty()) {
          out.add(
              new Series(
                  i.code(),
                  rows.get(0).area(),
                  i.domain() == null ? "" : i.domain().name(),
                  values,
                  strictest));
        }
      }
    }
    return out;
  }

  private static boolean recent(Period p, Instant now) {
    Period current = Period.containing(LocalDate.ofInstant(now, ZoneOffset.UTC), p.frequency());
    Period first = current.plus(-(p.frequency() == Frequency.MONTHLY ? WINDOW_MONTHS : 1));
    return p.compareTo(first) >= 0 && p.compareTo(current) <= 0;
  }

  private Optional<Alert> threshold(NotifyRule r, Series s, Instant now) {
    Period last = s.values().lastKey();
    double v = s.values().get(last);
    if (!recent(last, now)) {
      return Optional.empty();
    }
    boolean above = r.params().containsKey("above");
    double level = r.number(above ? "above" : "below");
    if (above ? v <= level : v >= level) {
      return Optional.empty();
    }
    return Optional.of(
        alert(
            r,
            AlertRule.THRESHOLD,
            s,
            last.toString(),
            String.format(
                Locale.ROOT,
                "%s in %s is %s in %s, %s the level %s of rule %s",
                s.indicator(),
                s.area(),
                num(v),
                last,
                above ? "above" : "below",
                num(level),
                r.code()),
            String.format(
                Locale.ROOT,
                "%s (%s): %s за %s, %s порога %s (правило %s)",
                s.indicator(),
                s.area(),
                num(v),
                last,
                above ? "выше" : "ниже",
                num(level),
                r.code()),
            Map.of("value", num(v), "level", num(level)),
            now));
  }

  /**
   * A trend starts when the last {@code months} values (default 12) have a significant Mann-Kendall
   * trend in the rule's direction (p below {@code p}, default 0.05) and the {@code months} values
   * before them have none, after seasonal adjustment (see {@link TrendStart}). The alert's period
   * is the start of the trend (a hinge fit), so the same trend is raised once.
   */
  private Optional<Alert> trendStart(NotifyRule r, Series s, Instant now) {
    int m = (int) number(r, "months", 12);
    double alpha = number(r, "p", 0.05);
    boolean up = !"down".equals(r.params().getOrDefault("direction", "up"));
    if (!recent(s.values().lastKey(), now)) {
      return Optional.empty();
    }
    Optional<TrendStart.Found> found = TrendStart.find(s.values(), m, alpha, up);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    TrendStart.Found f = found.get();
    return Optional.of(
        alert(
            r,
            AlertRule.TREND_START,
            s,
            f.start().toString(),
            String.format(
                Locale.ROOT,
                "%s in %s has been %s since about %s (Mann-Kendall p = %s over the last %d values,"
                    + " seasonally adjusted; p = %s over the %d before)",
                s.indicator(),
                s.area(),
                up ? "rising" : "falling",
                f.start(),
                num(f.recent().pValue()),
                m,
                num(f.before().pValue()),
                m),
            String.format(
                Locale.ROOT,
                "%s (%s): %s примерно с %s (Манн-Кендалл p = %s по последним %d значениям с"
                    + " поправкой на сезонность; p = %s по %d предыдущим)",
                s.indicator(),
                s.area(),
                up ? "рост" : "снижение",
                f.start(),
                num(f.recent().pValue()),
                m,
                num(f.before().pValue()),
                m),
            TrendStart.evidence(f),
            now));
  }

  /**
   * The forecasting engine's median reaches {@code level} within {@code months} months (default 6)
   * while the latest value is still below it.
   */
  private Optional<Alert> forecastExceeds(NotifyRule r, Series s, Instant now) {
    double level = r.number("level");
    int months = (int) number(r, "months", 6);
    Period last = s.values().lastKey();
    if (!recent(last, now) || s.values().get(last) >= level || s.values().size() < 24) {
      return Optional.empty();
    }
    TimeSeries ts = TimeSeries.fromPoints(s.values());
    Forecast f = Forecaster.forecast(ts, ForecastSpec.DEFAULT.toBuilder().horizon(months).build());
    double[] median = f.quantile(0.5);
    for (int h = 0; h < median.length; h++) {
      if (median[h] >= level) {
        Period when = f.periods().get(h);
        // Keyed by the forecast's origin (the latest value): one alert per new value, however the
        // month of the crossing moves between forecasts.
        return Optional.of(
            alert(
                r,
                AlertRule.FORECAST_EXCEEDS,
                s,
                last.toString(),
                String.format(
                    Locale.ROOT,
                    "%s in %s is forecast to reach %s by %s (median %s; latest %s in %s)",
                    s.indicator(),
                    s.area(),
                    num(level),
                    when,
                    num(median[h]),
                    num(s.values().get(last)),
                    last),
                String.format(
                    Locale.ROOT,
                    "%s (%s): по прогнозу достигнет %s к %s (медиана %s; последнее %s за %s)",
                    s.indicator(),
                    s.area(),
                    num(level),
                    when,
                    num(median[h]),
                    num(s.values().get(last)),
                    last),
                Map.of(
                    "level",
                    num(level),
                    "median",
                    num(median[h]),
                    "month",
                    when.toString(),
                    "origin",
                    last.toString()),
                now));
      }
    }
    return Optional.empty();
  }

  /**
   * The latest value is overdue: more than {@code months} months (default 2) passed between the end
   * of its period and the start of the current month (any frequency: a yearly series whose last
   * value is for 2017 is 96 months late in 2026).
   */
  private Optional<Alert> overdue(NotifyRule r, Series s, Instant now) {
    int months = (int) number(r, "months", 2);
    Period last = s.values().lastKey();
    LocalDate monthStart = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1);
    long late = java.time.temporal.ChronoUnit.MONTHS.between(last.plus(1).start(), monthStart);
    if (late <= months) {
      return Optional.empty();
    }
    // Keyed by the latest period: one alert per silence, not one a month while it lasts.
    return Optional.of(
        alert(
            r,
            AlertRule.DATA_OVERDUE,
            s,
            last.toString(),
            String.format(
                Locale.ROOT,
                "%s in %s: no value since %s (%d months overdue, rule allows %d)",
                s.indicator(),
                s.area(),
                last,
                late,
                months),
            String.format(
                Locale.ROOT,
                "%s (%s): нет данных после %s (просрочено месяцев: %d, допустимо %d)",
                s.indicator(),
                s.area(),
                last,
                late,
                months),
            Map.of("last", last.toString(), "monthsLate", String.valueOf(late)),
            now));
  }

  private List<Alert> stored(NotifyRule r, AlertRule rule, String indicator) {
    return alerts.list(AccessContext.system(), AlertQuery.all()).stream()
        .filter(a -> a.rule() == rule)
        .filter(a -> indicator.isEmpty() || a.subject().indicator().equals(indicator))
        .filter(a -> r.area().isEmpty() || a.subject().area().equals(r.area()))
        .filter(a -> r.domain().isEmpty() || a.domain().equals(r.domain()))
        .filter(a -> a.severity().compareTo(r.severity()) >= 0)
        .toList();
  }

  /** An anomaly alert on the count of texts of the rule's domain and state is a burst. */
  private List<Alert> burst(NotifyRule r, Instant now) {
    List<Alert> out = new ArrayList<>();
    for (Alert a : alerts.list(AccessContext.system(), AlertQuery.all())) {
      String ind = a.subject().indicator();
      if (a.rule() != AlertRule.ANOMALY
          || !ind.startsWith("TEXT_DOCS_")
          || (!r.domain().isEmpty() && !ind.equals("TEXT_DOCS_" + r.domain()))
          || (!r.area().isEmpty() && !a.subject().area().equals(r.area()))) {
        continue;
      }
      Map<String, String> ev = new TreeMap<>(a.evidence());
      ev.put("anomalyAlert", String.valueOf(a.id()));
      ev.put("ruleCode", r.code());
      String domain = ind.substring("TEXT_DOCS_".length());
      out.add(
          new Alert(
              0,
              AlertRule.REPORT_BURST,
              r.severity(),
              a.subject(),
              a.domain().isEmpty() ? domain : a.domain(),
              "Burst of reports on "
                  + domain.toLowerCase(Locale.ROOT).replace('_', ' ')
                  + " in "
                  + a.subject().area()
                  + ": "
                  + a.messageEn(),
              "Всплеск сообщений (" + domain + ", " + a.subject().area() + "): " + a.messageRu(),
              ev,
              now,
              a.ownership(),
              List.of()));
    }
    return out;
  }

  /**
   * A state's composite risk rank (1 = highest risk) rose by at least {@code places} over {@code
   * months} months (default 3), from the published risk. The alert is NATIONAL to the state's
   * council: a composite draws on every domain, some of them not shared.
   */
  private List<Alert> rankRise(NotifyRule r, Instant now) {
    int places = (int) r.number("places");
    int months = (int) number(r, "months", 3);
    RiskService risk = new RiskService(vigil);
    RiskService.RiskRun latest =
        risk.risk(AccessContext.system(), RiskService.RiskRequest.defaults());
    Period end = latest.period();
    Map<String, Integer> rankNow = ranks(latest, end);
    RiskService.RiskRun earlier =
        risk.risk(
            AccessContext.system(),
            new RiskService.RiskRequest(
                RiskService.RiskRequest.defaults().methodology(),
                Optional.of(end.plus(-months)),
                List.of(),
                RiskService.RiskRequest.defaults().spec()));
    Map<String, Integer> rankBefore = ranks(earlier, end.plus(-months));
    Map<String, String> councilOf = new HashMap<>();
    for (Organisation o : vigil.reference().organisations(AccessContext.system())) {
      if (!o.secretariat()) {
        councilOf.put(o.area(), o.id());
      }
    }
    List<Alert> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : rankNow.entrySet()) {
      String area = e.getKey();
      Integer before = rankBefore.get(area);
      if (before == null
          || before - e.getValue() < places
          || (!r.area().isEmpty() && !r.area().equals(area))) {
        continue;
      }
      Series s =
          new Series(
              "RISK_RANK",
              area,
              "",
              new TreeMap<>(),
              Ownership.of(
                  councilOf.getOrDefault(area, AccessContext.SYSTEM_ORG), Classification.NATIONAL));
      out.add(
          alert(
              r,
              AlertRule.RISK_RANK_RISE,
              s,
              end.toString(),
              String.format(
                  Locale.ROOT,
                  "%s rose from rank %d to %d in composite risk between %s and %s",
                  area,
                  before,
                  e.getValue(),
                  end.plus(-months),
                  end),
              String.format(
                  Locale.ROOT,
                  "%s: место в сводном рейтинге риска поднялось с %d до %d (%s – %s)",
                  area,
                  before,
                  e.getValue(),
                  end.plus(-months),
                  end),
              Map.of("rankBefore", String.valueOf(before), "rankNow", String.valueOf(e.getValue())),
              now));
    }
    return out;
  }

  /** Rank of each state's composite at horizon 0 in a period: 1 for the highest score. */
  static Map<String, Integer> ranks(RiskService.RiskRun run, Period period) {
    List<RiskService.StateComposite> at =
        RiskService.composites(run).stream()
            .filter(c -> c.horizon() == 0 && c.period().equals(period))
            .filter(c -> !Double.isNaN(c.composite().score()))
            .sorted(
                java.util.Comparator.comparingDouble(
                        (RiskService.StateComposite c) -> c.composite().score())
                    .reversed()
                    .thenComparing(RiskService.StateComposite::area))
            .toList();
    Map<String, Integer> out = new TreeMap<>();
    for (int i = 0; i < at.size(); i++) {
      out.put(at.get(i).area(), i + 1);
    }
    return out;
  }

  private static Alert alert(
      NotifyRule r,
      AlertRule rule,
      Series s,
      String period,
      String en,
      String ru,
      Map<String, String> evidence,
      Instant now) {
    Map<String, String> ev = new TreeMap<>(evidence);
    ev.put("ruleCode", r.code());
    return new Alert(
        0,
        rule,
        r.severity(),
        new AlertSubject(s.indicator(), s.area(), period),
        s.domain(),
        en,
        ru,
        ev,
        now,
        s.ownership(),
        List.of());
  }

  private static double number(NotifyRule r, String name, double dflt) {
    return r.params().containsKey(name) ? r.number(name) : dflt;
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }
}

package org.vigil.app.alert;

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
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vigil.analytics.programme.DriftSpec;
import org.vigil.analytics.programme.DriftStatus;
import org.vigil.analytics.programme.KpiDrift;
import org.vigil.analytics.quality.QualityIssue;
import org.vigil.analytics.quality.QualityReport;
import org.vigil.app.Vigil;
import org.vigil.app.analytics.QualityService;
import org.vigil.app.programme.ProgrammeService;
import org.vigil.app.programme.ProgrammeSummary;
import org.vigil.app.text.TextSignals;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Classification;
import org.vigil.model.Indicator;
import org.vigil.model.NotFoundException;
import org.vigil.model.Observation;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.model.alert.Alert;
import org.vigil.model.alert.AlertQuery;
import org.vigil.model.alert.AlertRepository;
import org.vigil.model.alert.AlertRule;
import org.vigil.model.alert.AlertSeverity;
import org.vigil.model.alert.AlertState;
import org.vigil.model.alert.AlertSubject;
import org.vigil.model.i18n.Translations;
import org.vigil.model.programme.Kpi;
import org.vigil.store.JdbcAlertRepository;
import org.vigil.timeseries.Period;

/**
 * Alerts that matter: evaluates the rules over every owner's series, each in its owner's context,
 * and keeps what they find, deduplicated by rule, subject, period and owner. Only what is new
 * raises an alert: a finding must start in the {@link AlertWindow} (the last {@value
 * AlertWindow#MONTHS} months before the clock's month, one quarter or one year for other
 * frequencies). The rules:
 *
 * <ul>
 *   <li>ANOMALY ({@link AnomalyRule}): on each series' last years, robust z anomalies that start in
 *       the window; a level shift is one alert, not one per month; severity from size and recency.
 *       Reference series ({@link #REFERENCE_INDICATORS}: population, GDP) are the yardsticks other
 *       series are measured by, not security findings, and are not scanned;
 *   <li>DATA_QUALITY: WARNING and ERROR findings of {@link QualityService} about a period in the
 *       window or about the series as a whole, one alert per indicator, area and period (the most
 *       serious finding); outliers are left to the anomaly rule. Series derived from texts ({@link
 *       TextSignals#DERIVED}) are not checked: nobody submits them, Vigil counts them from the
 *       stored texts, so a month after an owner's latest text is not a late or missing report (on
 *       the demo that gave 28 completeness warnings, one per derived series of one owner);
 *   <li>KPI_DRIFT: KPIs at risk or missed in {@link ProgrammeService#drift}.
 * </ul>
 *
 * <p>Ownership (issue 17): a series is one owner's values for one indicator and area (values
 * another organisation reported for the area are that organisation's series, never mixed in). Each
 * rule derives an alert from one owner's series in that owner's context ({@link
 * AccessContext#job}): the anomaly rule from the owner's values only, the quality checks and the
 * programme drift by reading as the owner, never as the evaluator or the system. The alert carries
 * the series' owner and the most restrictive classification among its values (NATIONAL, then
 * RESTRICTED, SHARED, PUBLIC), so nobody learns from an alert what they could not read in the data;
 * with no stored values it is NATIONAL to the system organisation (visible to internal jobs only).
 * {@link #groups} ranks what a reader may see, grouped by subject.
 */
public final class AlertService {
  /** Reference data: not scanned for anomalies or quality alerts. */
  public static final Set<String> REFERENCE_INDICATORS = Set.of("POPULATION", "GDP_PPP");

  private final Vigil vigil;
  private final AlertRepository repo;

  public AlertService(Vigil vigil) {
    this.vigil = vigil;
    this.repo = JdbcAlertRepository.open(vigil.dataSource(), vigil.clock());
  }

  /**
   * What one evaluation did.
   *
   * @param candidates findings of the rules (before deduplication)
   * @param raised new alerts the caller may read (alerts on data the caller cannot read are raised
   *     but not reported)
   */
  public record Evaluation(int candidates, List<Alert> raised) {
    public Evaluation {
      raised = List.copyOf(raised);
    }
  }

  /**
   * Runs every rule over all data and stores the new alerts. Only system and organisation
   * administrators may start it (ingest and the demo start it as the local operator).
   */
  public Evaluation evaluate(AccessContext ctx) {
    if (!ctx.isSystem() && ctx.role() != Role.SYSTEM_ADMIN && ctx.role() != Role.ORG_ADMIN) {
      throw new AccessDeniedException(
          ctx.user()
              + " ("
              + ctx.organisation()
              + ", "
              + ctx.role()
              + ") may not evaluate alert rules: expected a system or organisation administrator");
    }
    AccessContext system = AccessContext.system();
    Instant now = vigil.clock().instant();
    AlertWindow window = new AlertWindow(LocalDate.ofInstant(now, ZoneOffset.UTC));
    Map<String, String> domains = new HashMap<>();
    Set<String> derived = new java.util.HashSet<>();
    for (Indicator i : vigil.reference().indicators(system)) {
      domains.put(i.code(), i.domain() == null ? "" : i.domain().name());
      if (i.source() != null && i.source().startsWith(TextSignals.DERIVED)) {
        derived.add(i.code());
      }
    }
    Owners owners = new Owners(system);
    List<Alert> candidates = new ArrayList<>();
    candidates.addAll(anomalies(system, window, now, domains, owners));
    candidates.addAll(quality(window, now, domains, derived, owners));
    candidates.addAll(drift(system, now, domains, owners));
    for (Alert a : candidates) {
      // A derived object never outgrows its series: the owner of the alert is the series' owner.
      if (!owners.isSeriesOwner(a)) {
        throw new IllegalStateException(
            "Alert " + a.key() + " is not owned by the owner of its series: " + a.ownership());
      }
    }
    List<Alert> raised = repo.raise(system, candidates);
    vigil
        .audit()
        .record(
            ctx,
            "alert.evaluate",
            "alerts",
            candidates.size() + " finding(s), " + raised.size() + " new alert(s)");
    return new Evaluation(
        candidates.size(), raised.stream().filter(a -> ctx.canRead(a.ownership())).toList());
  }

  /** Alerts ctx may read, newest first. */
  public List<Alert> list(AccessContext ctx, AlertQuery query) {
    return repo.list(ctx, query);
  }

  /** Alerts ctx may read, grouped by subject and ranked (see {@link AlertGroup#rank}). */
  public List<AlertGroup> groups(AccessContext ctx, AlertQuery query) {
    return AlertGroup.rank(repo.list(ctx, query));
  }

  /** One alert ctx may read. */
  public Alert get(AccessContext ctx, long id) {
    return repo.get(ctx, id);
  }

  /** Marks an alert SEEN or CLOSED (a new history entry). */
  public Alert mark(AccessContext ctx, long id, AlertState state) {
    return repo.mark(ctx, id, state);
  }

  private List<Alert> anomalies(
      AccessContext system,
      AlertWindow window,
      Instant now,
      Map<String, String> domains,
      Owners owners) {
    AnomalyRule rule = new AnomalyRule(window, now);
    List<Alert> out = new ArrayList<>();
    for (String indicator : new TreeSet<>(domains.keySet())) {
      if (REFERENCE_INDICATORS.contains(indicator)) {
        continue;
      }
      // Every owner's series of every area, each on its own: the rule sees one owner's values.
      Map<String, List<Observation>> bySeries = new TreeMap<>();
      for (Observation o :
          vigil.observations().latestByIndicatorOfEveryOwner(system, indicator, Instant.MAX)) {
        if (!o.period().start().isAfter(window.today())) { // later periods are projections
          bySeries
              .computeIfAbsent(o.area() + "|" + o.ownership().owner(), k -> new ArrayList<>())
              .add(o);
        }
      }
      for (List<Observation> rows : bySeries.values()) {
        String area = rows.get(0).area();
        Series s = owners.remember(indicator, area, rows.get(0).ownership().owner(), rows);
        out.addAll(rule.alerts(indicator, area, domains.get(indicator), s.values(), s.ownership()));
      }
    }
    return out;
  }

  /**
   * Quality findings on each owner's series of each state, checked in the owner's context. The
   * (owner, area) pairs are those the anomaly pass read; group areas are not checked.
   */
  private List<Alert> quality(
      AlertWindow window,
      Instant now,
      Map<String, String> domains,
      Set<String> derived,
      Owners owners) {
    Map<String, Alert> out = new LinkedHashMap<>();
    Set<String> states =
        new TreeSet<>(
            vigil.reference().members(AccessContext.system(), "CIS", window.today()).stream()
                .toList());
    QualityService service = new QualityService(vigil);
    List<QualityReport> reports = new ArrayList<>();
    Map<QualityReport, String> ownerOf = new java.util.IdentityHashMap<>();
    for (Map.Entry<String, Set<String>> e : owners.areasByOwner().entrySet()) {
      AccessContext asOwner = AccessContext.job(e.getKey());
      for (String area : e.getValue()) {
        if (!states.isEmpty() && !states.contains(area)) {
          continue;
        }
        for (QualityReport r :
            service.quality(asOwner, Optional.of(area), Optional.of(e.getKey()))) {
          reports.add(r);
          ownerOf.put(r, e.getKey());
        }
      }
    }
    for (QualityReport r : reports) {
      String owner = ownerOf.get(r);
      for (QualityIssue i : r.issues()) {
        if (i.severity() == QualityIssue.Severity.INFO
            || i.rule() == QualityIssue.Rule.OUTLIER
            || REFERENCE_INDICATORS.contains(i.indicator())
            || derived.contains(i.indicator())
            || !window.contains(i.period())) {
          continue; // information, the anomaly rule's, reference data, counts of texts, history
        }
        AlertSubject subject = new AlertSubject(i.indicator(), i.area(), i.period());
        Map<String, String> ev = new LinkedHashMap<>();
        ev.put("check", i.rule().name());
        ev.put("dataset", r.dataset());
        ev.put("completeness", num(r.completeness()));
        Alert a =
            new Alert(
                0,
                AlertRule.DATA_QUALITY,
                i.severity() == QualityIssue.Severity.ERROR
                    ? AlertSeverity.CRITICAL
                    : AlertSeverity.WARNING,
                subject,
                domains.getOrDefault(i.indicator(), ""),
                clip(i.message().replaceAll("[\\t\\r\\n]+", " ")),
                "Проблема качества данных ("
                    + Translations.text("ru", "qualityRule." + i.rule().name())
                    + "): "
                    + i.indicator()
                    + " ("
                    + i.area()
                    + (i.period().isEmpty() ? "" : ", " + i.period())
                    + ")",
                ev,
                now,
                owners.series(i.indicator(), i.area(), owner).ownership(),
                List.of());
        Alert before = out.get(a.key());
        if (before == null || before.severity().compareTo(a.severity()) < 0) {
          out.put(a.key(), a);
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  /**
   * KPI drift, assessed in the context of the owner of each KPI's series (the series the programme
   * reads for the KPI's area): a KPI's alert is computed from what that owner may read.
   */
  private List<Alert> drift(
      AccessContext system, Instant now, Map<String, String> domains, Owners owners) {
    ProgrammeService programmes = new ProgrammeService(vigil);
    List<Alert> out = new ArrayList<>();
    for (ProgrammeSummary p : programmes.list(system)) {
      List<KpiDrift> warnings = new ArrayList<>();
      try {
        Map<String, String> kpiOwner = new HashMap<>();
        for (Kpi k : programmes.show(system, p.code(), 0).content().kpis()) {
          kpiOwner.put(k.code(), owners.primaryOwner(k.indicator(), k.area()));
        }
        for (String owner : new TreeSet<>(kpiOwner.values())) {
          for (KpiDrift k :
              programmes
                  .drift(
                      AccessContext.job(owner),
                      p.code(),
                      DriftSpec.DEFAULT,
                      k -> owner.equals(kpiOwner.get(k.code())))
                  .warnings()) {
            if (owner.equals(kpiOwner.get(k.kpi()))) {
              warnings.add(k);
            }
          }
        }
      } catch (NotFoundException e) {
        continue; // no version in force yet: nothing to drift from
      }
      for (KpiDrift k : warnings) {
        Map<String, String> ev = new LinkedHashMap<>();
        ev.put("status", k.status().name());
        ev.put("probability", num(k.probability()));
        ev.put("target", num(k.target()));
        ev.put("median", num(k.median()));
        ev.put("indicator", k.indicator());
        out.add(
            new Alert(
                0,
                AlertRule.KPI_DRIFT,
                k.status() == DriftStatus.MISSED ? AlertSeverity.CRITICAL : AlertSeverity.WARNING,
                new AlertSubject(p.code() + "/" + k.kpi(), k.area(), k.deadline().toString()),
                domains.getOrDefault(k.indicator(), ""),
                "KPI "
                    + k.kpi()
                    + " of "
                    + p.code()
                    + " in "
                    + k.area()
                    + " is "
                    + k.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + ": target "
                    + num(k.target())
                    + " by "
                    + k.deadline()
                    + ", chance of meeting it "
                    + num(k.probability()),
                "Показатель "
                    + k.kpi()
                    + " программы "
                    + p.code()
                    + " ("
                    + k.area()
                    + "): "
                    + (k.status() == DriftStatus.MISSED ? "цель не достигнута" : "под угрозой")
                    + ", цель "
                    + num(k.target())
                    + " к "
                    + k.deadline()
                    + ", вероятность достижения "
                    + num(k.probability()),
                ev,
                now,
                owners
                    .series(k.indicator(), k.area(), owners.primaryOwner(k.indicator(), k.area()))
                    .ownership(),
                List.of()));
      }
    }
    return out;
  }

  private static String clip(String s) {
    return s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
  }

  private static String num(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    return String.format(Locale.ROOT, "%.4g", v);
  }

  /** A series' latest values up to today and the ownership its alerts inherit. */
  record Series(SortedMap<Period, Double> values, Ownership ownership) {}

  /** Series facts, read once per (indicator, area, owner). */
  private final class Owners {
    private final AccessContext system;
    private final Map<String, Series> cache = new HashMap<>();
    private final Map<String, String> primary = new HashMap<>();
    private final Map<String, Set<String>> areasByOwner = new TreeMap<>();

    Owners(AccessContext system) {
      this.system = system;
    }

    /** One owner's series of an indicator in an area. */
    Series series(String indicator, String area, String owner) {
      return cache.computeIfAbsent(
          indicator + "|" + area + "|" + owner,
          k -> of(vigil.observations().series(system, indicator, area, owner, Instant.MAX), owner));
    }

    /**
     * The owner of the series a programme reads for an indicator and area (the area's own
     * organisation's when it reported one, see {@code ObservationRepository#series}); the system
     * organisation when there is none.
     */
    String primaryOwner(String indicator, String area) {
      return primary.computeIfAbsent(
          indicator + "|" + area,
          k ->
              vigil.observations().series(system, indicator, area).stream()
                  .map(o -> o.ownership().owner())
                  .findFirst()
                  .orElse(AccessContext.SYSTEM_ORG));
    }

    Series remember(String indicator, String area, String owner, List<Observation> obs) {
      Series s = of(obs, owner);
      cache.put(indicator + "|" + area + "|" + owner, s);
      areasByOwner.computeIfAbsent(owner, o -> new TreeSet<>()).add(area);
      return s;
    }

    /** The areas in which each owner has a series (from the anomaly pass). */
    Map<String, Set<String>> areasByOwner() {
      return areasByOwner;
    }

    /** True when the alert's owner owns the series it is about (or it has none: the system). */
    boolean isSeriesOwner(Alert a) {
      String owner = a.ownership().owner();
      if (a.rule() == AlertRule.KPI_DRIFT) {
        String indicator = a.evidence().getOrDefault("indicator", "");
        return owner.equals(primaryOwner(indicator, a.subject().area()))
            || owner.equals(AccessContext.SYSTEM_ORG);
      }
      return cache.containsKey(a.subject().indicator() + "|" + a.subject().area() + "|" + owner);
    }

    private Series of(List<Observation> obs, String owner) {
      SortedMap<Period, Double> values = new TreeMap<>();
      Ownership strictest = null;
      AccessContext asOwner = AccessContext.job(owner);
      for (Observation o : obs) {
        if (!o.ownership().owner().equals(owner) || !asOwner.canRead(o.ownership())) {
          throw new IllegalStateException(
              "Series " + o.indicator() + "/" + o.area() + " of " + owner + " holds " + o);
        }
        values.put(o.period(), o.value());
        strictest = Ownership.stricter(strictest, o.ownership());
      }
      values.values().removeIf(v -> Double.isNaN(v));
      return new Series(
          values,
          strictest == null
              ? Ownership.of(AccessContext.SYSTEM_ORG, Classification.NATIONAL)
              : strictest);
    }
  }
}

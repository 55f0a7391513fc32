package org.vigil.app.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.analytics.anomaly.Anomaly;
import org.vigil.analytics.anomaly.AnomalySpec;
import org.vigil.analytics.programme.DriftSpec;
import org.vigil.analytics.programme.DriftStatus;
import org.vigil.analytics.programme.KpiDrift;
import org.vigil.analytics.quality.QualityIssue;
import org.vigil.analytics.quality.QualityReport;
import org.vigil.app.Vigil;
import org.vigil.app.analytics.AnomalyService;
import org.vigil.app.analytics.QualityService;
import org.vigil.app.programme.ProgrammeService;
import org.vigil.app.programme.ProgrammeSummary;
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
import org.vigil.store.JdbcAlertRepository;
import org.vigil.timeseries.Period;

/**
 * Alerts: evaluates the rules over all stored data (as the system context) and keeps what they
 * find, deduplicated by rule, subject and period. The rules reuse the analytics and programme
 * services:
 *
 * <ul>
 *   <li>ANOMALY: robust z-score anomalies ({@link AnomalyService}) in the latest {@value
 *       #RECENT_PERIODS} periods of each series (older anomalies are history, not news; the
 *       forecast-interval detector is left out to keep evaluation cheap);
 *   <li>DATA_QUALITY: WARNING and ERROR findings of {@link QualityService}, one alert per
 *       indicator, area and period (the most serious finding);
 *   <li>KPI_DRIFT: KPIs at risk or missed in {@link ProgrammeService#drift}.
 * </ul>
 *
 * <p>Ownership: an alert about an indicator in an area takes the most restrictive ownership among
 * the stored values of that series (NATIONAL, then RESTRICTED, SHARED, PUBLIC), so nobody learns
 * from an alert what they could not read in the data. With no stored values it is NATIONAL to the
 * system organisation (visible to internal jobs only).
 */
public final class AlertService {
  static final int RECENT_PERIODS = 2;
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
   * administrators may start it.
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
    Map<String, String> domains = new HashMap<>();
    for (Indicator i : vigil.reference().indicators(system)) {
      domains.put(i.code(), i.domain() == null ? "" : i.domain().name());
    }
    Owners owners = new Owners(system);
    List<Alert> candidates = new ArrayList<>();
    candidates.addAll(anomalies(system, now, domains, owners));
    candidates.addAll(quality(system, now, domains, owners));
    candidates.addAll(drift(system, now, domains, owners));
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

  /** One alert ctx may read. */
  public Alert get(AccessContext ctx, long id) {
    return repo.get(ctx, id);
  }

  /** Marks an alert SEEN or CLOSED (a new history entry). */
  public Alert mark(AccessContext ctx, long id, AlertState state) {
    return repo.mark(ctx, id, state);
  }

  private List<Alert> anomalies(
      AccessContext system, Instant now, Map<String, String> domains, Owners owners) {
    AnomalyService service = new AnomalyService(vigil);
    AnomalySpec spec = AnomalySpec.DEFAULT.withMethods(EnumSet.of(Anomaly.Method.ROBUST_Z));
    List<Alert> out = new ArrayList<>();
    for (String indicator : domains.keySet()) {
      for (AnomalyService.AreaAnomaly a :
          service.anomalies(system, indicator, Optional.empty(), spec)) {
        Series s = owners.series(indicator, a.area());
        if (!s.recent().contains(a.anomaly().period())) {
          continue;
        }
        Anomaly an = a.anomaly();
        String dir = an.high() ? "high" : "low";
        String dirRu = an.high() ? "высокое" : "низкое";
        Map<String, String> ev = new LinkedHashMap<>();
        ev.put("value", num(an.value()));
        ev.put("expected", num(an.expected()));
        ev.put("lower", num(an.lower()));
        ev.put("upper", num(an.upper()));
        ev.put("score", num(an.score()));
        ev.put("method", an.method().name());
        out.add(
            new Alert(
                0,
                AlertRule.ANOMALY,
                Math.abs(an.score()) >= 2 * spec.zThreshold()
                    ? AlertSeverity.CRITICAL
                    : AlertSeverity.WARNING,
                new AlertSubject(indicator, a.area(), an.period().toString()),
                domains.get(indicator),
                "Unusually "
                    + dir
                    + " value of "
                    + indicator
                    + " in "
                    + a.area()
                    + " at "
                    + an.period()
                    + ": "
                    + num(an.value())
                    + ", expected "
                    + num(an.lower())
                    + " to "
                    + num(an.upper()),
                "Необычно "
                    + dirRu
                    + " значение "
                    + indicator
                    + " ("
                    + a.area()
                    + ", "
                    + an.period()
                    + "): "
                    + num(an.value())
                    + ", ожидалось от "
                    + num(an.lower())
                    + " до "
                    + num(an.upper()),
                ev,
                now,
                s.ownership(),
                List.of()));
      }
    }
    return out;
  }

  private List<Alert> quality(
      AccessContext system, Instant now, Map<String, String> domains, Owners owners) {
    Map<String, Alert> out = new LinkedHashMap<>();
    for (QualityReport r : new QualityService(vigil).quality(system, Optional.empty())) {
      for (QualityIssue i : r.issues()) {
        if (i.severity() == QualityIssue.Severity.INFO) {
          continue;
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
                    + i.rule().name().toLowerCase(Locale.ROOT)
                    + "): "
                    + i.indicator()
                    + " ("
                    + i.area()
                    + (i.period().isEmpty() ? "" : ", " + i.period())
                    + ")",
                ev,
                now,
                owners.series(i.indicator(), i.area()).ownership(),
                List.of());
        Alert before = out.get(a.key());
        if (before == null || before.severity().compareTo(a.severity()) < 0) {
          out.put(a.key(), a);
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  private List<Alert> drift(
      AccessContext system, Instant now, Map<String, String> domains, Owners owners) {
    ProgrammeService programmes = new ProgrammeService(vigil);
    List<Alert> out = new ArrayList<>();
    for (ProgrammeSummary p : programmes.list(system)) {
      List<KpiDrift> warnings;
      try {
        warnings = programmes.drift(system, p.code(), DriftSpec.DEFAULT).warnings();
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
                owners.series(k.indicator(), k.area()).ownership(),
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

  /** A series' recent periods and the ownership its alerts inherit. */
  record Series(Set<Period> recent, Ownership ownership) {}

  /** Series facts, read once per (indicator, area). */
  private final class Owners {
    private final AccessContext system;
    private final Map<String, Series> cache = new HashMap<>();

    Owners(AccessContext system) {
      this.system = system;
    }

    Series series(String indicator, String area) {
      return cache.computeIfAbsent(indicator + "|" + area, k -> load(indicator, area));
    }

    private Series load(String indicator, String area) {
      List<Observation> obs = vigil.observations().series(system, indicator, area);
      TreeSet<Period> periods = new TreeSet<>();
      Ownership strictest = null;
      for (Observation o : obs) {
        periods.add(o.period());
        strictest = stricter(strictest, o.ownership());
      }
      Set<Period> recent = new TreeSet<>();
      for (Period p : periods.descendingSet()) {
        if (recent.size() == RECENT_PERIODS) {
          break;
        }
        recent.add(p);
      }
      return new Series(
          recent,
          strictest == null
              ? Ownership.of(AccessContext.SYSTEM_ORG, Classification.NATIONAL)
              : strictest);
    }
  }

  /** The more restrictive of two ownerships; RESTRICTED sets are intersected. */
  static Ownership stricter(Ownership a, Ownership b) {
    if (a == null) {
      return b;
    }
    int ra = rank(a.classification());
    int rb = rank(b.classification());
    if (ra != rb) {
      return ra > rb ? a : b;
    }
    if (a.classification() == Classification.RESTRICTED && a.owner().equals(b.owner())) {
      Set<String> both = new TreeSet<>(a.sharedWith());
      both.retainAll(b.sharedWith());
      return Ownership.restricted(a.owner(), both);
    }
    return a;
  }

  private static int rank(Classification c) {
    return switch (c) {
      case PUBLIC -> 0;
      case SHARED -> 1;
      case RESTRICTED -> 2;
      case NATIONAL -> 3;
    };
  }
}

package org.vigil.app.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vigil.analytics.programme.AdjustmentProposal;
import org.vigil.analytics.programme.DriftEngine;
import org.vigil.analytics.programme.DriftSpec;
import org.vigil.analytics.programme.KpiDrift;
import org.vigil.analytics.programme.MeasureProgress;
import org.vigil.analytics.programme.Obligation;
import org.vigil.analytics.programme.ReportingSchedule;
import org.vigil.analytics.programme.Scorecard;
import org.vigil.analytics.programme.ScorecardEngine;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.InvalidInputException;
import org.vigil.model.NotFoundException;
import org.vigil.model.Observation;
import org.vigil.model.programme.ImplementationReport;
import org.vigil.model.programme.Kpi;
import org.vigil.model.programme.Programme;
import org.vigil.model.programme.ProgrammeDiff;
import org.vigil.model.programme.ProgrammeHistory;
import org.vigil.model.programme.ProgrammeRepository;
import org.vigil.model.programme.ProgrammeRevision;
import org.vigil.model.programme.RevisionState;
import org.vigil.store.JdbcProgrammeRepository;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * The programme use cases: list, show (any version, or as of a date), revisions and diffs, the
 * scorecard with its history, plan drift with adjustment proposals, accepting a proposal into a
 * draft, coordinators' decisions, implementation reports and reminders, import and export as JSON.
 * Every call takes the caller's access context; the store enforces it. Thread-safe.
 */
public final class ProgrammeService {
  private final Vigil vigil;
  private final ProgrammeRepository repo;
  private final ProgrammeJson json = new ProgrammeJson();
  private final DriftCache driftCache = new DriftCache();

  public ProgrammeService(Vigil vigil) {
    this.vigil = vigil;
    this.repo = JdbcProgrammeRepository.open(vigil.dataSource(), vigil.clock(), json);
  }

  /** The repository (for the demo loader and tests). */
  public ProgrammeRepository repository() {
    return repo;
  }

  public ProgrammeJson json() {
    return json;
  }

  /** The drift assessments kept (for tests). */
  DriftCache driftCache() {
    return driftCache;
  }

  public List<ProgrammeSummary> list(AccessContext ctx) {
    List<ProgrammeSummary> out = new ArrayList<>();
    for (String code : repo.programmes(ctx)) {
      ProgrammeHistory h = repo.history(ctx, code);
      ProgrammeRevision latest = h.revisions().get(h.revisions().size() - 1);
      Programme p = h.active().orElse(latest).content();
      out.add(
          new ProgrammeSummary(
              code,
              p.titleEn(),
              p.titleRu(),
              p.start(),
              p.end(),
              p.parties(),
              h.active().map(ProgrammeRevision::version).orElse(0),
              latest.version(),
              h.drafts().size(),
              p.objectives().size(),
              p.measures().size(),
              p.kpis().size()));
    }
    return out;
  }

  /** Every version of a programme. */
  public ProgrammeHistory revisions(AccessContext ctx, String code) {
    ProgrammeHistory h = repo.history(ctx, code);
    if (h.revisions().isEmpty()) {
      throw new NotFoundException(
          "No programme '" + code + "': expected one of " + repo.programmes(ctx));
    }
    return h;
  }

  /** One version; 0 means the version in force. */
  public ProgrammeRevision show(AccessContext ctx, String code, int version) {
    ProgrammeHistory h = revisions(ctx, code);
    if (version == 0) {
      return h.active()
          .orElseThrow(
              () ->
                  new NotFoundException(
                      code
                          + " has no approved version yet; drafts: "
                          + h.drafts().stream().map(ProgrammeRevision::version).toList()
                          + " (ask for one with --version)"));
    }
    return h.version(version)
        .orElseThrow(
            () ->
                new NotFoundException(
                    code
                        + " has no version "
                        + version
                        + ": expected 1.."
                        + (h.nextVersion() - 1)));
  }

  /** The version in force at the end of a day (UTC). */
  public ProgrammeRevision asOf(AccessContext ctx, String code, LocalDate date) {
    return revisions(ctx, code)
        .asOf(endOfDay(date))
        .orElseThrow(() -> new NotFoundException(code + " had no approved version on " + date));
  }

  /** What changed from one version to another. */
  public ProgrammeDiff diff(AccessContext ctx, String code, int from, int to) {
    return ProgrammeDiff.between(show(ctx, code, from), show(ctx, code, to));
  }

  /** The scorecard on a date, with its history at the end of each earlier reporting period. */
  public ScorecardReport scorecard(AccessContext ctx, String code, LocalDate asOf) {
    ProgrammeHistory h = revisions(ctx, code);
    ProgrammeRevision current = asOf(ctx, code, asOf);
    List<ImplementationReport> reports = repo.reports(ctx, code);
    Map<String, TimeSeries> series = series(ctx, current.content());
    Scorecard now = ScorecardEngine.compute(current.content(), reports, series, asOf);
    List<Scorecard> history = new ArrayList<>();
    ProgrammeRevision first =
        h.revisions().stream().filter(r -> r.effectiveFrom().isPresent()).findFirst().orElseThrow();
    for (LocalDate d : ScorecardEngine.historyDates(current.content(), asOf)) {
      // Before the programme was first approved in Vigil, its first approved version stands in.
      ProgrammeRevision r = h.asOf(endOfDay(d)).orElse(first);
      history.add(ScorecardEngine.compute(r.content(), reports, series(ctx, r.content()), d));
    }
    return new ScorecardReport(
        current.version(),
        now,
        history,
        "based on the " + reports.size() + " report(s) visible to " + ctx.organisation());
  }

  /**
   * Plan drift of the version in force, as of the Vigil clock's today. An assessment already made
   * for the same version, day, spec and the same inputs as this reader reads them is reused (see
   * {@link DriftCache}); a new vintage of a KPI's series, a new report or a new version makes a new
   * one.
   */
  public ProgrammeDrift drift(AccessContext ctx, String code, DriftSpec spec) {
    return drift(ctx, code, spec, k -> true);
  }

  /**
   * Plan drift of the chosen KPIs only (the others are reported without data and not forecast): the
   * alert rules assess each KPI in the context of its series' owner.
   */
  public ProgrammeDrift drift(
      AccessContext ctx, String code, DriftSpec spec, java.util.function.Predicate<Kpi> which) {
    ProgrammeRevision r = show(ctx, code, 0);
    LocalDate today = LocalDate.now(vigil.clock());
    List<MeasureProgress> progress =
        MeasureProgress.of(r.content(), repo.reports(ctx, code), today);
    Map<String, TimeSeries> series = series(ctx, r.content());
    for (Kpi k : r.content().kpis()) {
      if (!which.test(k)) {
        series.remove(k.code());
      }
    }
    // Keyed by the inputs as this reader read them: see DriftCache.
    List<KpiDrift> kpis =
        driftCache.get(
            code,
            r.version(),
            today,
            new DriftCache.Inputs(spec, series, progress),
            () -> DriftEngine.assess(r.content(), series, progress, spec));
    return new ProgrammeDrift(code, r.version(), today, kpis);
  }

  /**
   * Accepts an adjustment proposal into a draft revision of the version in force. The proposal is
   * found by its id in a fresh drift assessment, so only a proposal that still stands is accepted.
   */
  public ProgrammeRevision accept(
      AccessContext ctx, String code, String proposalId, DriftSpec spec, String reason) {
    ProgrammeDrift drift = drift(ctx, code, spec);
    AdjustmentProposal p =
        drift.kpis().stream()
            .flatMap(k -> k.proposals().stream())
            .filter(x -> x.id().equals(proposalId))
            .findFirst()
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "No proposal '"
                            + proposalId
                            + "' for "
                            + code
                            + " now: expected one of "
                            + drift.kpis().stream()
                                .flatMap(k -> k.proposals().stream())
                                .map(AdjustmentProposal::id)
                                .toList()));
    Programme current = show(ctx, code, 0).content();
    Programme changed = apply(current, p);
    String why = reason == null || reason.isBlank() ? "Accepted proposal: " + p.summary() : reason;
    return repo.draft(ctx, changed, drift.version(), why);
  }

  static Programme apply(Programme p, AdjustmentProposal a) {
    return switch (a.kind()) {
      case TARGET -> p.withKpi(a.kpi(), k -> k.withTarget(a.newTarget()));
      case DEADLINE -> p.withKpi(a.kpi(), k -> k.withDeadline(Period.parse(a.newDeadline())));
      case REINFORCE -> {
        Programme out = p;
        for (String m : a.measures()) {
          out = out.withMeasure(m, x -> x.withReinforced(true));
        }
        yield out;
      }
    };
  }

  /** A coordinator approves or rejects a draft. */
  public ProgrammeRevision decide(
      AccessContext ctx, String code, int version, boolean approve, String comment) {
    return repo.decide(
        ctx, code, version, approve ? RevisionState.APPROVED : RevisionState.REJECTED, comment);
  }

  public ImplementationReport file(AccessContext ctx, ImplementationReport report) {
    return repo.file(ctx, report);
  }

  public List<ImplementationReport> reports(AccessContext ctx, String code) {
    return repo.reports(ctx, code);
  }

  /** What is due or overdue on the Vigil clock's today, from the reports the caller can see. */
  public List<Obligation> reminders(AccessContext ctx, String code) {
    ProgrammeRevision r = show(ctx, code, 0);
    return ReportingSchedule.reminders(
        r.content(), repo.reports(ctx, code), LocalDate.now(vigil.clock()));
  }

  /** A version as JSON (0: the version in force). */
  public String exportJson(AccessContext ctx, String code, int version) {
    return json.write(show(ctx, code, version).content());
  }

  /**
   * Imports a programme document as a draft: of a new programme, or a revision of the version in
   * force of an existing one.
   */
  public ProgrammeRevision importJson(
      AccessContext ctx, String text, String source, String reason) {
    Programme p = json.read(text, source);
    int base = repo.history(ctx, p.code()).active().map(ProgrammeRevision::version).orElse(0);
    if (base == 0 && !repo.history(ctx, p.code()).revisions().isEmpty()) {
      throw new InvalidInputException(
          p.code()
              + " already has a draft awaiting approval and no version in force: approve or"
              + " reject it before importing another");
    }
    return repo.draft(
        ctx, p, base, reason == null || reason.isBlank() ? "Imported from " + source : reason);
  }

  /** Each KPI's series as the caller may read it; KPIs without readable values are left out. */
  Map<String, TimeSeries> series(AccessContext ctx, Programme p) {
    Map<String, TimeSeries> out = new LinkedHashMap<>();
    for (Kpi k : p.kpis()) {
      TreeMap<Period, Double> points = new TreeMap<>();
      for (Observation o : vigil.observations().series(ctx, k.indicator(), k.area())) {
        if (!Double.isNaN(o.value())) {
          points.put(o.period(), o.value());
        }
      }
      if (!points.isEmpty()) {
        out.put(k.code(), TimeSeries.fromPoints(points));
      }
    }
    return out;
  }

  private static Instant endOfDay(LocalDate d) {
    return d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1000);
  }
}

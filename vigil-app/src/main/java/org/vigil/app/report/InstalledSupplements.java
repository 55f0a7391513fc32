package org.vigil.app.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.analytics.priority.Priority;
import org.vigil.analytics.priority.RegionalPriority;
import org.vigil.analytics.programme.Scorecard;
import org.vigil.analytics.risk.Composite;
import org.vigil.analytics.risk.Methodology;
import org.vigil.analytics.risk.RiskSpec;
import org.vigil.app.Vigil;
import org.vigil.app.analytics.PriorityService;
import org.vigil.app.analytics.RiskService;
import org.vigil.app.programme.ProgrammeService;
import org.vigil.app.programme.ProgrammeSummary;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.NotFoundException;
import org.vigil.model.ThreatDomain;
import org.vigil.model.VigilException;
import org.vigil.model.i18n.Translations;
import org.vigil.report.NotSharedPriorityRow;
import org.vigil.report.PriorityRow;
import org.vigil.report.ProgrammeRow;
import org.vigil.report.ReportLanguage;
import org.vigil.report.ReportText;
import org.vigil.report.RiskRow;
import org.vigil.report.RunCoverage;
import org.vigil.report.Section;
import org.vigil.timeseries.Period;

/**
 * The supplements from the engines installed in this build: composite risk ({@link Composite} of
 * the published domain scores), priorities (the {@link PriorityService}'s {@link
 * org.vigil.analytics.priority.Prioritiser} list, the same as the API and CLI) and programme status
 * from the programme scorecards at the end of the report period. Every figure is read from the
 * published analytic run and says what it covers. Thread-safe (no state beyond the services).
 */
final class InstalledSupplements implements ReportSupplements {
  private final ProgrammeService programmes;
  private final RiskService risk;
  private final PriorityService priority;
  private final java.time.Clock clock;

  InstalledSupplements(Vigil vigil) {
    this.programmes = new ProgrammeService(vigil);
    this.risk = new RiskService(vigil);
    this.priority = new PriorityService(vigil);
    this.clock = vigil.clock();
  }

  @Override
  public Section<RiskRow> risk(
      AccessContext ctx, List<Area> states, Period period, ReportLanguage lang) {
    RiskService.RiskRun run;
    try {
      run =
          risk.risk(
              ctx,
              new RiskService.RiskRequest(
                  Methodology.vigilDefault(), Optional.of(period), List.of(), RiskSpec.DEFAULT));
    } catch (VigilException | IllegalArgumentException e) {
      return Section.unavailable("gap.noData");
    }
    int domainsTotal = Methodology.vigilDefault().domains().size();
    // Each state's composite as the API and the web UI give it (RiskService.composites): the
    // domains every member may read, so the same in every reader's report, and the reader's fuller
    // figure where they may read more of the state's domains.
    Map<String, RiskService.StateComposite> composites = new LinkedHashMap<>();
    for (RiskService.StateComposite sc : RiskService.composites(run)) {
      if (sc.period().equals(period) && sc.horizon() == 0) {
        composites.put(sc.area(), sc);
      }
    }
    List<RiskRow> rows = new ArrayList<>();
    int minDomains = Integer.MAX_VALUE;
    int maxDomains = 0;
    for (Area a : states) {
      RiskService.StateComposite sc = composites.get(a.code());
      if (sc == null || sc.composite().domains() == 0) {
        continue;
      }
      Composite c = sc.composite();
      minDomains = Math.min(minDomains, c.domains());
      maxDomains = Math.max(maxDomains, c.domains());
      RiskRow row = new RiskRow(a, clamp(c.score()), c.before(), domain(sc.top().domain()));
      rows.add(
          sc.withRestricted()
              .map(all -> row.withRestricted(fuller(all, notShared(run, a, period), domainsTotal)))
              .orElse(row));
    }
    if (rows.isEmpty()) {
      return Section.unavailable("gap.noData");
    }
    RunCoverage covers = coverage(run.coverage());
    return Section.of(rows)
        .withCoverage(
            ReportText.of(lang)
                .get(
                    "coverage.risk",
                    Integer.toString(rows.size()),
                    Integer.toString(states.size()),
                    covers.text(lang),
                    minDomains == maxDomains
                        ? Integer.toString(maxDomains)
                        : minDomains + "\u2013" + maxDomains,
                    Integer.toString(domainsTotal)))
        .withRun(covers);
  }

  /**
   * The reader's fuller composite of a state ({@link RiskService.StateComposite#withRestricted}, as
   * in the API and the web UI), labelled with the domains in it that not every member may read.
   */
  private static RiskRow.WithRestricted fuller(
      Composite all, List<ThreatDomain> notShared, int domainsTotal) {
    return new RiskRow.WithRestricted(clamp(all.score()), all.domains(), domainsTotal, notShared);
  }

  /** The state's scored domains at the period that this reader may read and not every member. */
  private static List<ThreatDomain> notShared(RiskService.RiskRun run, Area area, Period period) {
    return run.result().at(period, 0).stream()
        .filter(s -> s.area().equals(area.code()) && !run.common(s) && !Double.isNaN(s.score()))
        .map(s -> domain(s.domain()))
        .flatMap(Optional::stream)
        .sorted()
        .toList();
  }

  /** The analytics service's coverage as the report states it. */
  static RunCoverage coverage(RiskService.Coverage c) {
    return new RunCoverage(
        c.statesShown(),
        c.statesTotal(),
        c.methodology(),
        c.version(),
        c.dataAsOf().map(t -> t.atZone(java.time.ZoneOffset.UTC).toLocalDate()),
        c.runId());
  }

  /**
   * The {@link PriorityService} list: for a state report the state's domains in the shared ranking,
   * in the Prioritiser's order and numbered 1..k as every member reader sees them, and apart,
   * unnumbered, those this reader may read that not every member may; for a regional report the
   * Prioritiser's regional ranking, labelled with the states each mean covers.
   */
  @Override
  public Priorities priorities(AccessContext ctx, Area area, Period period, ReportLanguage lang) {
    PriorityService.Published p;
    try {
      p = priority.published(ctx, Optional.of(period), RiskSpec.DEFAULT);
    } catch (VigilException | IllegalArgumentException e) {
      return Priorities.of(Section.unavailable("gap.noData"));
    }
    RunCoverage covers = coverage(p.coverage());
    if (area.kind() != AreaKind.COUNTRY) {
      return Priorities.of(regional(p, covers, lang));
    }
    List<String> before =
        p.previous().priorities().stream()
            .filter(x -> x.area().equals(area.code()))
            .map(Priority::domain)
            .toList();
    List<PriorityRow> rows = new ArrayList<>();
    for (Priority x : p.list().priorities()) {
      Optional<ThreatDomain> d = domain(x.domain());
      if (x.area().equals(area.code()) && d.isPresent()) {
        rows.add(
            new PriorityRow(
                rows.size() + 1, d.get(), clamp(x.score()), before.indexOf(x.domain()) + 1));
      }
    }
    // The restricted list comes ranked among itself in the Prioritiser's order; it keeps that
    // order here but not the numbers, which belong to the shared ranking alone.
    List<NotSharedPriorityRow> apart = new ArrayList<>();
    for (Priority x : p.restricted()) {
      Optional<ThreatDomain> d = domain(x.domain());
      if (x.area().equals(area.code()) && d.isPresent()) {
        apart.add(new NotSharedPriorityRow(d.get(), clamp(x.score())));
      }
    }
    String coverage = ReportText.of(lang).get("coverage.priorities.state", covers.text(lang));
    Section<PriorityRow> ranked =
        rows.isEmpty()
            ? Section.unavailable("gap.noData")
            : Section.of(rows).withCoverage(coverage).withRun(covers);
    return new Priorities(
        ranked,
        apart.isEmpty()
            ? Section.notApplicable(Priorities.NONE_NOT_SHARED)
            : Section.of(apart).withRun(covers));
  }

  /** The regional ranking, with the states each mean covers. */
  private Section<PriorityRow> regional(
      PriorityService.Published p, RunCoverage covers, ReportLanguage lang) {
    ReportText text = ReportText.of(lang);
    List<PriorityRow> rows = new ArrayList<>();
    List<String> before = p.previous().regional().stream().map(RegionalPriority::domain).toList();
    // The states each regional mean covers: the most common coverage once, every other one with
    // the domains it applies to, so a mean over 1 of 10 states is never read as the region's.
    Map<String, List<String>> domainsByCover = new LinkedHashMap<>();
    for (RegionalPriority r : p.list().regional()) {
      Optional<ThreatDomain> d = domain(r.domain());
      if (d.isPresent()) {
        rows.add(
            new PriorityRow(
                rows.size() + 1, d.get(), clamp(r.meanScore()), before.indexOf(r.domain()) + 1));
        domainsByCover
            .computeIfAbsent(
                text.get(
                    "coverage.states",
                    Integer.toString(r.statesIncluded()),
                    Integer.toString(r.statesExpected())),
                k -> new ArrayList<>())
            .add(Translations.text(lang.code(), "domain." + d.get().name()));
      }
    }
    String common =
        domainsByCover.entrySet().stream()
            .max(Comparator.comparingInt(e -> e.getValue().size()))
            .map(Map.Entry::getKey)
            .orElse("");
    StringBuilder except = new StringBuilder();
    domainsByCover.forEach(
        (cover, domains) -> {
          if (!cover.equals(common)) {
            except
                .append(' ')
                .append(text.get("coverage.priorities.except", String.join(", ", domains), cover));
          }
        });
    String coverage = text.get("coverage.priorities.region", common, covers.text(lang)) + except;
    return rows.isEmpty()
        ? Section.unavailable("gap.noData")
        : Section.of(rows).withCoverage(coverage).withRun(covers);
  }

  private static Optional<ThreatDomain> domain(String name) {
    try {
      return Optional.of(ThreatDomain.valueOf(name));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static double clamp(double score) {
    return Math.max(0, Math.min(10, score));
  }

  @Override
  public Section<ProgrammeRow> programmes(
      AccessContext ctx, Area area, Period period, ReportLanguage lang) {
    List<ProgrammeRow> rows = new ArrayList<>();
    for (ProgrammeSummary p : programmes.list(ctx)) {
      if (area.kind() == AreaKind.COUNTRY && !p.parties().contains(area.code())) {
        continue;
      }
      if (p.activeVersion() == 0) {
        continue;
      }
      try {
        Scorecard.Row total = scorecard(ctx, p.code(), period);
        String title = lang == ReportLanguage.RU ? p.titleRu() : p.titleEn();
        rows.add(
            new ProgrammeRow(
                title.isBlank() ? p.code() : title,
                Double.isNaN(total.kpiProgress())
                    ? Double.NaN
                    : Math.max(0, Math.min(1, total.kpiProgress())),
                total.done(),
                Math.max(total.measures(), total.done()),
                status(total)));
      } catch (NotFoundException | AccessDeniedException e) {
        // A programme the caller may list but not score is left out, as the caller cannot see it.
      }
    }
    return rows.isEmpty() ? Section.unavailable("gap.noData") : Section.of(rows);
  }

  /**
   * The scorecard at the end of the period; when no version was approved in Vigil by then (a
   * programme entered after the period), the scorecard of today, so the report still shows it.
   */
  private Scorecard.Row scorecard(AccessContext ctx, String code, Period period) {
    try {
      return programmes.scorecard(ctx, code, period.end()).current().total();
    } catch (NotFoundException e) {
      return programmes.scorecard(ctx, code, java.time.LocalDate.now(clock)).current().total();
    }
  }

  private static ProgrammeRow.Status status(Scorecard.Row r) {
    if (r.measures() == 0 && r.kpis() == 0) {
      return ProgrammeRow.Status.NOT_ASSESSED;
    }
    if (r.late() > 0 || r.reportsMissing() > 0) {
      return ProgrammeRow.Status.OFF_TRACK;
    }
    return r.behind() > 0 ? ProgrammeRow.Status.AT_RISK : ProgrammeRow.Status.ON_TRACK;
  }
}

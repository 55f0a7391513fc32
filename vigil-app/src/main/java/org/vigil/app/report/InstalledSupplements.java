package org.vigil.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.analytics.programme.Scorecard;
import org.vigil.analytics.risk.Methodology;
import org.vigil.analytics.risk.RiskScore;
import org.vigil.analytics.risk.RiskSpec;
import org.vigil.app.Vigil;
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
import org.vigil.report.PriorityRow;
import org.vigil.report.ProgrammeRow;
import org.vigil.report.ReportLanguage;
import org.vigil.report.RiskRow;
import org.vigil.report.Section;
import org.vigil.timeseries.Period;

/**
 * The supplements from the engines installed in this build: composite risk (the mean of the domain
 * scores of the risk methodology), priorities (domains ranked by mean score) and programme status
 * from the programme scorecards at the end of the report period. Not thread-safe beyond its
 * one-entry cache, which is guarded.
 */
final class InstalledSupplements implements ReportSupplements {
  private final ProgrammeService programmes;
  private final RiskService risk;
  private final java.time.Clock clock;
  private final List<RiskScore> cache = new ArrayList<>();
  private String cacheKey = "";

  InstalledSupplements(Vigil vigil) {
    this.programmes = new ProgrammeService(vigil);
    this.risk = new RiskService(vigil);
    this.clock = vigil.clock();
  }

  @Override
  public Section<RiskRow> risk(AccessContext ctx, List<Area> states, Period period) {
    synchronized (cache) {
      cacheKey = ""; // each report scores afresh; priorities() then reuses these scores
    }
    List<RiskScore> scores = scores(ctx, period);
    List<RiskRow> rows = new ArrayList<>();
    for (Area a : states) {
      List<RiskScore> mine =
          scores.stream()
              .filter(s -> s.area().equals(a.code()) && !Double.isNaN(s.score()))
              .toList();
      if (mine.isEmpty()) {
        continue;
      }
      double now = mine.stream().mapToDouble(RiskScore::score).average().orElseThrow();
      double before =
          mine.stream().mapToDouble(s -> s.score() - s.change()).average().orElse(Double.NaN);
      Optional<ThreatDomain> top =
          mine.stream()
              .max(java.util.Comparator.comparingDouble(RiskScore::score))
              .flatMap(s -> domain(s.domain()));
      rows.add(new RiskRow(a, clamp(now), before, top));
    }
    return rows.isEmpty() ? Section.unavailable("gap.noData") : Section.of(rows);
  }

  /**
   * Domains ranked by their mean risk score over the states in the report (the state alone for a
   * state report); the previous rank from the scores one month earlier.
   */
  @Override
  public Section<PriorityRow> priorities(AccessContext ctx, Area area, Period period) {
    Map<ThreatDomain, double[]> sums = new java.util.EnumMap<>(ThreatDomain.class);
    for (RiskScore s : scores(ctx, period)) {
      Optional<ThreatDomain> d = domain(s.domain());
      if (d.isEmpty()
          || Double.isNaN(s.score())
          || (area.kind() == AreaKind.COUNTRY && !s.area().equals(area.code()))) {
        continue;
      }
      double[] acc = sums.computeIfAbsent(d.get(), k -> new double[3]);
      acc[0] += s.score();
      acc[1] += Double.isNaN(s.change()) ? s.score() : s.score() - s.change();
      acc[2]++;
    }
    List<ThreatDomain> now = ranked(sums, 0);
    List<ThreatDomain> before = ranked(sums, 1);
    List<PriorityRow> rows = new ArrayList<>();
    for (int i = 0; i < now.size(); i++) {
      double[] acc = sums.get(now.get(i));
      rows.add(
          new PriorityRow(
              i + 1, now.get(i), clamp(acc[0] / acc[2]), before.indexOf(now.get(i)) + 1));
    }
    return rows.isEmpty() ? Section.unavailable("gap.noData") : Section.of(rows);
  }

  private static List<ThreatDomain> ranked(Map<ThreatDomain, double[]> sums, int column) {
    return sums.entrySet().stream()
        .sorted(
            java.util.Comparator.comparingDouble(
                (Map.Entry<ThreatDomain, double[]> e) -> -e.getValue()[column] / e.getValue()[2]))
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * The risk scores of the period, computed once per report: no projections and no Monte Carlo
   * draws (the report shows central scores; bands and projections are on the risk page).
   */
  private List<RiskScore> scores(AccessContext ctx, Period period) {
    String key = ctx.user() + "|" + ctx.organisation() + "|" + period;
    synchronized (cache) {
      if (key.equals(cacheKey)) {
        return cache;
      }
    }
    List<RiskScore> out;
    try {
      RiskService.RiskRun run =
          risk.risk(
              ctx,
              new RiskService.RiskRequest(
                  Methodology.vigilDefault(),
                  Optional.of(period),
                  List.of(),
                  RiskSpec.DEFAULT.withDraws(0)));
      out = run.result().at(period, 0);
    } catch (VigilException | IllegalArgumentException e) {
      out = List.of();
    }
    synchronized (cache) {
      cache.clear();
      cache.addAll(out);
      cacheKey = key;
      return List.copyOf(cache);
    }
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

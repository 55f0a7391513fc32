package org.vigil.app.report;

import java.util.ArrayList;
import java.util.List;
import org.vigil.analytics.programme.Scorecard;
import org.vigil.app.Vigil;
import org.vigil.app.programme.ProgrammeService;
import org.vigil.app.programme.ProgrammeSummary;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.NotFoundException;
import org.vigil.report.PriorityRow;
import org.vigil.report.ProgrammeRow;
import org.vigil.report.ReportLanguage;
import org.vigil.report.RiskRow;
import org.vigil.report.Section;
import org.vigil.timeseries.Period;

/**
 * The supplements from the engines installed in this build: programme status from the programme
 * service (the scorecard at the end of the report period). Risk and priorities stay unavailable
 * until their services are wired here.
 */
final class InstalledSupplements implements ReportSupplements {
  private final ProgrammeService programmes;
  private final java.time.Clock clock;

  InstalledSupplements(Vigil vigil) {
    this.programmes = new ProgrammeService(vigil);
    this.clock = vigil.clock();
  }

  @Override
  public Section<RiskRow> risk(AccessContext ctx, List<Area> states, Period period) {
    return ReportSupplements.NONE.risk(ctx, states, period);
  }

  @Override
  public Section<PriorityRow> priorities(AccessContext ctx, Area area, Period period) {
    return ReportSupplements.NONE.priorities(ctx, area, period);
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

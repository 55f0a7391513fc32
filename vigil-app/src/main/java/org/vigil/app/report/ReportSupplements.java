package org.vigil.app.report;

import java.util.List;
import org.vigil.model.AccessContext;
import org.vigil.model.Area;
import org.vigil.report.NotSharedPriorityRow;
import org.vigil.report.PriorityRow;
import org.vigil.report.ProgrammeRow;
import org.vigil.report.ReportLanguage;
import org.vigil.report.RiskRow;
import org.vigil.report.Section;
import org.vigil.timeseries.Period;

/**
 * The report sections that other engines compute: composite risk, priorities and programme status.
 * {@link #NONE} marks them unavailable with the reason, so a report never shows invented numbers.
 */
public interface ReportSupplements {

  /** Composite risk of the states; the coverage note in {@code lang}, with the run it read. */
  Section<RiskRow> risk(AccessContext ctx, List<Area> states, Period period, ReportLanguage lang);

  /** The priorities of the state or the region; the coverage note in {@code lang}. */
  Priorities priorities(AccessContext ctx, Area area, Period period, ReportLanguage lang);

  /**
   * A report's priorities: the shared ranking (the same numbers for every member reader) and, apart
   * and unnumbered, a state's domains the reader may read that not every member may.
   *
   * @param ranked the shared ranking, numbered 1..k
   * @param notShared outside the shared ranking; not applicable when there are none
   */
  record Priorities(Section<PriorityRow> ranked, Section<NotSharedPriorityRow> notShared) {
    /** Why a report has no list apart (kept for callers and tests, not printed). */
    public static final String NONE_NOT_SHARED = "No priority outside the shared ranking";

    public Priorities {
      if (ranked == null || notShared == null) {
        throw new IllegalArgumentException(
            "Priorities need the ranked and the not-shared section (use Section.unavailable or"
                + " Section.notApplicable), found null");
      }
    }

    /** A ranking with nothing apart (a regional report, or no ranking at all). */
    public static Priorities of(Section<PriorityRow> ranked) {
      return new Priorities(ranked, Section.notApplicable(NONE_NOT_SHARED));
    }
  }

  Section<ProgrammeRow> programmes(
      AccessContext ctx, Area area, Period period, ReportLanguage lang);

  /** Every supplement unavailable: "the engine is not part of this installation yet". */
  ReportSupplements NONE =
      new ReportSupplements() {
        @Override
        public Section<RiskRow> risk(
            AccessContext ctx, List<Area> states, Period period, ReportLanguage lang) {
          return Section.unavailable("gap.engineMissing");
        }

        @Override
        public Priorities priorities(
            AccessContext ctx, Area area, Period period, ReportLanguage lang) {
          return Priorities.of(Section.unavailable("gap.engineMissing"));
        }

        @Override
        public Section<ProgrammeRow> programmes(
            AccessContext ctx, Area area, Period period, ReportLanguage lang) {
          return Section.unavailable("gap.engineMissing");
        }
      };
}

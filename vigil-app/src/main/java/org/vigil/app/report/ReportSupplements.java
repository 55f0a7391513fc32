package org.vigil.app.report;

import java.util.List;
import org.vigil.model.AccessContext;
import org.vigil.model.Area;
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
  Section<PriorityRow> priorities(AccessContext ctx, Area area, Period period, ReportLanguage lang);

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
        public Section<PriorityRow> priorities(
            AccessContext ctx, Area area, Period period, ReportLanguage lang) {
          return Section.unavailable("gap.engineMissing");
        }

        @Override
        public Section<ProgrammeRow> programmes(
            AccessContext ctx, Area area, Period period, ReportLanguage lang) {
          return Section.unavailable("gap.engineMissing");
        }
      };
}

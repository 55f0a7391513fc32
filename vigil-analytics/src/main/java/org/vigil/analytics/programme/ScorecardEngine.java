package org.vigil.analytics.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.vigil.model.programme.ImplementationReport;
import org.vigil.model.programme.Kpi;
import org.vigil.model.programme.Measure;
import org.vigil.model.programme.MeasureStatus;
import org.vigil.model.programme.Objective;
import org.vigil.model.programme.Programme;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * Computes a {@link Scorecard} from a programme version, the reports and the KPI series, as they
 * stood on a date: only reports submitted by then and only values for periods that ended by then
 * count. Pure and thread-safe.
 */
public final class ScorecardEngine {
  private ScorecardEngine() {}

  /**
   * @param series each KPI's series by KPI code (a KPI without one counts as having no value)
   */
  public static Scorecard compute(
      Programme p,
      List<ImplementationReport> reports,
      Map<String, TimeSeries> series,
      LocalDate asOf) {
    List<MeasureProgress> progress = MeasureProgress.of(p, reports, asOf);
    List<Obligation> duties = ReportingSchedule.obligations(p, reports, asOf);
    Rows rows = new Rows(p, progress, duties, series, asOf);
    Scorecard.Row total = rows.row("ALL", p.titleEn(), m -> true, k -> true, o -> true);
    List<Scorecard.Row> objectives = new ArrayList<>();
    for (Objective o : p.objectives()) {
      objectives.add(
          rows.row(
              o.code(),
              o.titleEn(),
              m -> m.objective().equals(o.code()),
              k -> k.objective().equals(o.code()),
              d -> objectiveOf(p, d).equals(o.code())));
    }
    List<Scorecard.Row> states = new ArrayList<>();
    for (String s : p.parties()) {
      states.add(
          rows.row(s, s, m -> m.involves(s), k -> k.area().equals(s), d -> d.party().equals(s)));
    }
    return new Scorecard(p.code(), asOf, total, objectives, states);
  }

  /** The latest value of a series in a period that ended on or before {@code asOf}, NaN if none. */
  static double latestValue(TimeSeries s, LocalDate asOf) {
    for (int i = s.size() - 1; i >= 0; i--) {
      if (!s.periodAt(i).end().isAfter(asOf) && !Double.isNaN(s.get(i))) {
        return s.get(i);
      }
    }
    return Double.NaN;
  }

  private static String objectiveOf(Programme p, Obligation d) {
    return p.measure(d.measure()).map(Measure::objective).orElse("");
  }

  private record Rows(
      Programme p,
      List<MeasureProgress> progress,
      List<Obligation> duties,
      Map<String, TimeSeries> series,
      LocalDate asOf) {

    Scorecard.Row row(
        String key,
        String label,
        Predicate<Measure> measureFilter,
        Predicate<Kpi> kpiFilter,
        Predicate<Obligation> dutyFilter) {
      int measures = 0;
      int done = 0;
      int late = 0;
      int behind = 0;
      for (Measure m : p.measures()) {
        if (!measureFilter.test(m)) {
          continue;
        }
        measures++;
        done += m.status() == MeasureStatus.DONE ? 1 : 0;
        MeasureProgress mp =
            progress.stream().filter(x -> x.measure().equals(m.code())).findFirst().orElseThrow();
        late += mp.late() ? 1 : 0;
        behind += mp.behind() ? 1 : 0;
      }
      int kpis = 0;
      int met = 0;
      double progressSum = 0;
      int withValue = 0;
      for (Kpi k : p.kpis()) {
        if (!kpiFilter.test(k)) {
          continue;
        }
        kpis++;
        TimeSeries s = series.get(k.code());
        double v = s == null ? Double.NaN : latestValue(s, asOf);
        if (!Double.isNaN(v)) {
          withValue++;
          met += k.met(v) ? 1 : 0;
          progressSum += Math.max(0, Math.min(1, k.met(v) ? 1 : k.progress(v)));
        }
      }
      int due = 0;
      int onTime = 0;
      int lateReports = 0;
      int missing = 0;
      for (Obligation d : duties) {
        if (!dutyFilter.test(d) || !d.counts()) {
          continue;
        }
        due++;
        switch (d.state()) {
          case ON_TIME -> onTime++;
          case LATE -> lateReports++;
          case MISSING -> missing++;
          case UPCOMING -> {}
        }
      }
      return new Scorecard.Row(
          key,
          label,
          measures,
          done,
          late,
          behind,
          kpis,
          met,
          withValue == 0 ? Double.NaN : progressSum / withValue,
          due,
          onTime,
          lateReports,
          missing,
          due == 0 ? Double.NaN : (double) onTime / due);
    }
  }

  /** The end of each reporting period from the programme's start up to {@code asOf}. */
  public static List<LocalDate> historyDates(Programme p, LocalDate asOf) {
    List<LocalDate> out = new ArrayList<>();
    for (Period per = Period.containing(p.start(), p.reporting());
        per.end().isBefore(asOf) && !per.start().isAfter(p.end());
        per = per.plus(1)) {
      out.add(per.end());
    }
    return out;
  }
}

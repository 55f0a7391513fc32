package org.vigil.analytics.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.model.Classification;
import org.vigil.model.Ownership;
import org.vigil.model.programme.ImplementationReport;
import org.vigil.model.programme.Kpi;
import org.vigil.model.programme.KpiDirection;
import org.vigil.model.programme.MeasureStatus;
import org.vigil.model.programme.Programme;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

class ScorecardEngineTest {
  private final Kpi k1 = Fixtures.kpi("K1", 140, KpiDirection.AT_MOST, Period.year(2027));
  private final Programme p =
      Fixtures.programme(
          List.of(
              Fixtures.measure("M1", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "K1"),
              Fixtures.measure("M2", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31))
                  .withStatus(MeasureStatus.DONE)),
          List.of(k1));

  private static ImplementationReport report(String measure, String party, String submitted) {
    return new ImplementationReport(
        1,
        "P1",
        measure,
        party,
        Period.year(2024),
        MeasureStatus.IN_PROGRESS,
        50,
        "",
        List.of(),
        Ownership.of(party + "-SC", Classification.SHARED),
        "u",
        Instant.parse(submitted));
  }

  @Test
  void obligations_2024Reports_dueEndOfJanuary() {
    List<Obligation> o =
        ReportingSchedule.obligations(
            p,
            List.of(
                report("M1", "KAZ", "2025-01-15T10:00:00Z"),
                report("M1", "RUS", "2025-02-15T10:00:00Z")),
            LocalDate.of(2025, 3, 1));
    assertThat(o)
        .filteredOn(x -> x.period().equals(Period.year(2024)))
        .extracting(x -> x.measure() + "/" + x.party() + ":" + x.state())
        .containsExactlyInAnyOrder(
            "M1/KAZ:ON_TIME", "M1/RUS:LATE", "M2/KAZ:MISSING", "M2/RUS:MISSING");
    assertThat(o.get(0).due()).isEqualTo(LocalDate.of(2025, 1, 30));
  }

  @Test
  void reminders_overdueFirst() {
    List<Obligation> r = ReportingSchedule.reminders(p, List.of(), LocalDate.of(2025, 1, 10));
    assertThat(r).isNotEmpty().allMatch(x -> x.state() == Obligation.State.UPCOMING);
    List<Obligation> later = ReportingSchedule.reminders(p, List.of(), LocalDate.of(2025, 2, 10));
    assertThat(later).allMatch(x -> x.state() == Obligation.State.MISSING);
  }

  @Test
  void compute_countsMeasuresKpisAndCompliance() {
    TimeSeries s = TimeSeries.of(Period.year(2023), 150, 145, 130);
    Scorecard sc =
        ScorecardEngine.compute(
            p,
            List.of(report("M1", "KAZ", "2025-01-15T10:00:00Z")),
            Map.of("K1", s),
            LocalDate.of(2025, 3, 1));
    Scorecard.Row all = sc.total();
    assertThat(all.measures()).isEqualTo(2);
    assertThat(all.done()).isEqualTo(1);
    assertThat(all.late()).isEqualTo(1);
    // 2025 has not ended by 2025-03-01: the latest value counted is 2024's 145, half way to 140
    assertThat(all.kpisMet()).isZero();
    assertThat(all.kpiProgress()).isCloseTo(0.5, within(1e-12));
    assertThat(all.reportsDue()).isEqualTo(4);
    assertThat(all.compliance()).isCloseTo(0.25, within(1e-12));
    Scorecard.Row kaz = sc.states().get(0);
    assertThat(kaz.key()).isEqualTo("KAZ");
    assertThat(kaz.reportsOnTime()).isEqualTo(1);
    assertThat(kaz.compliance()).isCloseTo(0.5, within(1e-12));
    assertThat(sc.states().get(1).kpis()).isZero();
  }

  @Test
  void historyDates_endOfEachReportingYearBeforeDate() {
    assertThat(ScorecardEngine.historyDates(p, LocalDate.of(2026, 6, 1)))
        .containsExactly(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31));
  }
}

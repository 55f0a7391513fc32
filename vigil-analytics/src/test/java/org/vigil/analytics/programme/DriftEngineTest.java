package org.vigil.analytics.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.analytics.anomaly.Anomaly;
import org.vigil.forecast.ForecastMethod;
import org.vigil.forecast.ForecastSpec;
import org.vigil.model.Classification;
import org.vigil.model.Ownership;
import org.vigil.model.programme.ImplementationReport;
import org.vigil.model.programme.Kpi;
import org.vigil.model.programme.KpiDirection;
import org.vigil.model.programme.MeasureStatus;
import org.vigil.model.programme.Programme;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

class DriftEngineTest {
  // The series rises 6 a year from about 154 at the end of 2024: about 172 by the end of 2027.
  private final TimeSeries series = Fixtures.rising(7);
  private final Kpi willMiss = Fixtures.kpi("MISS", 150, KpiDirection.AT_MOST, Period.year(2027));
  private final Kpi willMeet = Fixtures.kpi("MEET", 190, KpiDirection.AT_MOST, Period.year(2027));
  private final Programme programme =
      Fixtures.programme(
          List.of(
              Fixtures.measure("M1", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "MISS"),
              Fixtures.measure("M2", LocalDate.of(2024, 1, 1), LocalDate.of(2027, 12, 31), "MISS")),
          List.of(willMiss, willMeet));
  private final LocalDate asOf = LocalDate.of(2025, 3, 1);

  private KpiDrift drift(Kpi k) {
    return DriftEngine.assess(
        programme, k, series, MeasureProgress.of(programme, List.of(), asOf), DriftSpec.DEFAULT);
  }

  @Test
  void assess_kpiForecastToMiss_probabilityBelowHalfAndWarning() {
    KpiDrift d = drift(willMiss);
    assertThat(d.probability()).isLessThan(0.5);
    assertThat(d.status()).isEqualTo(DriftStatus.AT_RISK);
    assertThat(d.warning()).isTrue();
    assertThat(d.deadline()).isEqualTo(Period.month(2027, 12));
  }

  @Test
  void assess_kpiForecastToMeet_probabilityAboveHalfNoProposals() {
    KpiDrift d = drift(willMeet);
    assertThat(d.probability()).isGreaterThan(0.5);
    assertThat(d.status()).isEqualTo(DriftStatus.ON_TRACK);
    assertThat(d.proposals()).isEmpty();
  }

  @Test
  void assess_atRisk_proposesAttainableTargetAt80Percent() {
    KpiDrift d = drift(willMiss);
    AdjustmentProposal target =
        d.proposals().stream()
            .filter(p -> p.kind() == ProposalKind.TARGET)
            .findFirst()
            .orElseThrow();
    assertThat(target.newTarget()).isGreaterThan(d.median());
    // the 80% quantile, rounded up to three significant digits: at least 80%, a little more
    assertThat(target.probability()).isBetween(0.8, 0.85);
  }

  @Test
  void assess_atRisk_reinforcesOnlyMeasuresBehindSchedule() {
    // M1 ended in 2024 and is not done: late. M2 is on time (no reports: not trailing).
    KpiDrift d = drift(willMiss);
    AdjustmentProposal r =
        d.proposals().stream()
            .filter(p -> p.kind() == ProposalKind.REINFORCE)
            .findFirst()
            .orElseThrow();
    assertThat(r.measures()).containsExactly("M1");
  }

  @Test
  void assess_reportShowsMeasureTrailing_reinforcesIt() {
    ImplementationReport trailing =
        new ImplementationReport(
            1,
            "P1",
            "M2",
            "KAZ",
            Period.year(2024),
            MeasureStatus.IN_PROGRESS,
            5,
            "",
            List.of(),
            Ownership.of("KAZ-SC", Classification.SHARED),
            "u",
            Instant.parse("2025-01-20T00:00:00Z"));
    List<MeasureProgress> progress = MeasureProgress.of(programme, List.of(trailing), asOf);
    KpiDrift d = DriftEngine.assess(programme, willMiss, series, progress, DriftSpec.DEFAULT);
    assertThat(d.proposals())
        .filteredOn(p -> p.kind() == ProposalKind.REINFORCE)
        .flatExtracting(AdjustmentProposal::measures)
        .containsExactly("M1", "M2");
  }

  @Test
  void assess_risingTargetAtLeast_deadlineProposalIsFirstYearReachingThreshold() {
    Kpi k = Fixtures.kpi("LATE", 176, KpiDirection.AT_LEAST, Period.year(2026));
    // random walk with drift: the probability of reaching 176 grows year by year
    DriftSpec spec =
        DriftSpec.DEFAULT.withForecast(
            ForecastSpec.builder().method(ForecastMethod.DRIFT).seed(1).build());
    KpiDrift d =
        DriftEngine.assess(
            programme, k, series, MeasureProgress.of(programme, List.of(), asOf), spec);
    assertThat(d.status()).isEqualTo(DriftStatus.AT_RISK);
    AdjustmentProposal p =
        d.proposals().stream()
            .filter(x -> x.kind() == ProposalKind.DEADLINE)
            .findFirst()
            .orElseThrow();
    assertThat(p.newDeadline()).isIn("2027", "2028", "2029");
    assertThat(p.probability()).isGreaterThanOrEqualTo(0.5);
    // the year before the proposed one does not reach the threshold
    Period before = Period.parse(p.newDeadline()).plus(-1);
    double pBefore =
        d.evidence().forecast().stream()
            .filter(s -> s.period().equals(Period.month(before.year(), 12)))
            .findFirst()
            .orElseThrow()
            .probability();
    assertThat(pBefore).isLessThan(0.5);
  }

  @Test
  void assess_evidence_hasHistoryForecastAndRisingTrend() {
    KpiDrift d = drift(willMiss);
    assertThat(d.evidence().history()).hasSize(24);
    assertThat(d.evidence().forecast()).hasSize(36 + 36);
    assertThat(d.evidence().slopePerYear()).isBetween(4.0, 8.0);
    assertThat(d.evidence().model()).isNotBlank();
  }

  @Test
  void assess_deadlinePassed_resolvedFromObservedValue() {
    Kpi past = Fixtures.kpi("PAST", 150, KpiDirection.AT_LEAST, Period.year(2024));
    KpiDrift d = drift(past);
    assertThat(d.status()).isEqualTo(DriftStatus.MET);
    assertThat(d.probability()).isEqualTo(1.0);
  }

  @Test
  void assess_missingSeries_noDataWithReason() {
    List<KpiDrift> all = DriftEngine.assess(programme, Map.of(), List.of(), DriftSpec.DEFAULT);
    assertThat(all).allMatch(d -> d.status() == DriftStatus.NO_DATA);
    assertThat(all.get(0).notes().get(0)).contains("no values of OFFENCES in KAZ");
  }

  @Test
  void assess_plantedSpike_reportedAsAnomalyInEvidence() {
    double[] v = Fixtures.rising(3).values();
    v[50] += 40;
    KpiDrift d =
        DriftEngine.assess(
            programme,
            willMiss,
            TimeSeries.of(Period.month(2016, 1), v),
            MeasureProgress.of(programme, List.of(), asOf),
            DriftSpec.DEFAULT);
    assertThat(d.evidence().anomalies())
        .extracting(Anomaly::period)
        .contains(Period.month(2020, 3));
  }

  @Test
  void roundAway_roundsTowardsEasierTarget() {
    assertThat(DriftEngine.roundAway(171.234, true)).isEqualTo(172.0);
    assertThat(DriftEngine.roundAway(171.234, false)).isEqualTo(171.0);
  }
}

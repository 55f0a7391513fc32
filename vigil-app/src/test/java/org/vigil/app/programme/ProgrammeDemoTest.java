package org.vigil.app.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.vigil.analytics.programme.AdjustmentProposal;
import org.vigil.analytics.programme.DriftSpec;
import org.vigil.analytics.programme.DriftStatus;
import org.vigil.analytics.programme.KpiDrift;
import org.vigil.analytics.programme.ProposalKind;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.Classification;
import org.vigil.model.InvalidInputException;
import org.vigil.model.Role;
import org.vigil.model.programme.ImplementationReport;
import org.vigil.model.programme.ProgrammeDiff;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeDemoTest {
  private static final AccessContext SEC =
      AccessContext.of("secretariat.analyst", "SECRETARIAT", Role.ANALYST);
  private Vigil vigil;
  private ProgrammeService service;

  @BeforeAll
  void open() {
    vigil = DemoVigil.open();
    service = new ProgrammeService(vigil);
  }

  @AfterAll
  void close() {
    vigil.close();
  }

  private Map<String, KpiDrift> drift(String code) {
    return service.drift(SEC, code, DriftSpec.DEFAULT).kpis().stream()
        .collect(Collectors.toMap(KpiDrift::kpi, Function.identity()));
  }

  @Test
  void load_twice_addsNothingTheSecondTime() {
    assertThat(ProgrammeDemo.load(vigil)).isZero();
    assertThat(service.list(SEC))
        .extracting(ProgrammeSummary::code, ProgrammeSummary::activeVersion)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ProgrammeDemo.CRIME, 2),
            org.assertj.core.groups.Tuple.tuple(ProgrammeDemo.TERRORISM, 1));
  }

  @Test
  void drift_crimeProgramme_missingKpisBelowHalfMeetingKpisAbove() {
    Map<String, KpiDrift> d = drift(ProgrammeDemo.CRIME);
    assertThat(d.get("K1").probability()).isLessThan(0.5);
    assertThat(d.get("K4").probability()).isLessThan(0.5);
    assertThat(d.get("K2").probability()).isGreaterThan(0.5);
    assertThat(d.get("K3").probability()).isGreaterThan(0.5);
    assertThat(d.get("K1").warning()).isTrue();
    assertThat(d.get("K2").warning()).isFalse();
  }

  @Test
  void drift_warning_hasEvidenceAndThreeKindsOfProposal() {
    KpiDrift k1 = drift(ProgrammeDemo.CRIME).get("K1");
    assertThat(k1.evidence().history()).hasSize(24);
    assertThat(k1.evidence().forecast()).isNotEmpty();
    assertThat(k1.evidence().trend()).isNotBlank();
    assertThat(k1.proposals())
        .extracting(AdjustmentProposal::kind)
        .contains(ProposalKind.TARGET, ProposalKind.REINFORCE);
    AdjustmentProposal reinforce =
        k1.proposals().stream().filter(p -> p.kind() == ProposalKind.REINFORCE).findFirst().get();
    assertThat(reinforce.measures()).containsExactly("M1.1");
  }

  @Test
  void drift_terrorismProgramme_pastDeadlineResolvedFromObservedValues() {
    Map<String, KpiDrift> d = drift(ProgrammeDemo.TERRORISM);
    assertThat(d.get("K1").status()).isEqualTo(DriftStatus.MET);
    assertThat(d.get("K2").status()).isEqualTo(DriftStatus.MISSED);
  }

  @Test
  void drift_partyWithoutAccessToSeries_getsNoData() {
    // Extremism series are RESTRICTED to the owning state and the secretariat.
    AccessContext arm = AccessContext.of("arm.analyst", "ARM-SC", Role.ANALYST);
    assertThat(service.drift(arm, ProgrammeDemo.TERRORISM, DriftSpec.DEFAULT).kpis())
        .allMatch(k -> k.status() == DriftStatus.NO_DATA);
  }

  @Test
  void diff_demoRevision_showsExactlyTheParticipantChange() {
    ProgrammeDiff d = service.diff(SEC, ProgrammeDemo.CRIME, 1, 2);
    assertThat(d.changes())
        .containsExactly(
            new ProgrammeDiff.Change(
                ProgrammeDiff.Kind.CHANGED,
                "measures[M1.1].participatingStates",
                "KAZ, KGZ, TJK, UZB",
                "KAZ, KGZ, TJK, UZB, BLR"));
  }

  @Test
  void scorecard_hasTotalsPerObjectiveAndStateWithHistory() {
    ScorecardReport s = service.scorecard(SEC, ProgrammeDemo.CRIME, LocalDate.of(2026, 3, 15));
    assertThat(s.current().total().measures()).isEqualTo(3);
    assertThat(s.current().total().done()).isEqualTo(1);
    assertThat(s.current().total().late()).isEqualTo(1);
    assertThat(s.current().objectives()).hasSize(2);
    assertThat(s.current().states()).hasSize(ProgrammeDemo.PARTIES.size());
    assertThat(s.history())
        .extracting(h -> h.asOf())
        .containsExactly(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31));
    assertThat(s.current().total().reportsDue()).isGreaterThan(0);
  }

  @Test
  void reports_nationalReport_seenByOwnerAndSecretariatOnly() {
    AccessContext kaz = AccessContext.of("kaz.viewer", "KAZ-SC", Role.VIEWER);
    AccessContext rus = AccessContext.of("rus.viewer", "RUS-SC", Role.VIEWER);
    assertThat(nationals(service.reports(kaz, ProgrammeDemo.CRIME))).isEqualTo(1);
    assertThat(nationals(service.reports(SEC, ProgrammeDemo.CRIME))).isEqualTo(1);
    assertThat(nationals(service.reports(rus, ProgrammeDemo.CRIME))).isZero();
    assertThat(service.reports(AccessContext.anonymous(), ProgrammeDemo.CRIME))
        .allMatch(r -> r.ownership().classification() == Classification.PUBLIC);
  }

  private static long nationals(List<ImplementationReport> rs) {
    return rs.stream()
        .filter(r -> r.ownership().classification() == Classification.NATIONAL)
        .count();
  }

  @Test
  void exportJson_readsBackToTheSameProgramme() {
    String json = service.exportJson(SEC, ProgrammeDemo.CRIME, 0);
    assertThat(service.json().read(json))
        .isEqualTo(service.show(SEC, ProgrammeDemo.CRIME, 0).content());
    assertThat(json).contains("\"deadline\" : \"2028-12\"");
  }

  @Test
  void importJson_misspeltField_namesLineAndMissingField() {
    String json =
        service.exportJson(SEC, ProgrammeDemo.CRIME, 0).replace("\"tolerance\"", "\"tolerence\"");
    assertThatThrownBy(() -> service.importJson(SEC, json, "crime.json", "typo"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("crime.json, line ")
        .hasMessageContaining("$.kpis[0].tolerance")
        .hasMessageContaining("missing");
  }

  @Test
  void importJson_unknownField_rejectedNamingIt() {
    String json =
        service
            .exportJson(SEC, ProgrammeDemo.CRIME, 0)
            .replaceFirst("\"tolerance\" : 0.0", "\"tolerance\" : 0.0, \"colour\" : \"red\"");
    assertThatThrownBy(() -> service.importJson(SEC, json, "crime.json", "extra"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("colour");
  }

  @Test
  void importJson_badPeriod_namesPathAndExpectedForm() {
    String json =
        service
            .exportJson(SEC, ProgrammeDemo.CRIME, 0)
            .replaceFirst("\"deadline\" : \"2028-12\"", "\"deadline\" : \"Dec 2028\"");
    assertThatThrownBy(() -> service.importJson(SEC, json, "crime.json", "bad"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("$.kpis[0].deadline")
        .hasMessageContaining("expected YYYY, YYYY-MM or YYYY-Qn");
  }
}

package org.vigil.model.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Classification;
import org.vigil.model.Organisation;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.timeseries.Period;

class ProgrammeAccessTest {
  private static final Organisation KAZ =
      new Organisation("KAZ-SC", "Kazakhstan", "", "KAZ", false);
  private static final Organisation RUS = new Organisation("RUS-SC", "Russia", "", "RUS", false);
  private static final Organisation ARM = new Organisation("ARM-SC", "Armenia", "", "ARM", false);
  private static final Organisation SEC = new Organisation("SECRETARIAT", "Sec", "", "CIS", true);

  private static ProgrammeAccess as(Organisation o, Role role) {
    return new ProgrammeAccess(AccessContext.of("u", o.id(), role), Optional.of(o));
  }

  private static ImplementationReport report(Ownership o) {
    return new ImplementationReport(
        0,
        "P1",
        "M1",
        "KAZ",
        Period.year(2024),
        MeasureStatus.IN_PROGRESS,
        40,
        "",
        List.of(),
        o,
        "",
        Instant.EPOCH);
  }

  @Test
  void canReadReport_national_onlyOwnerAndSecretariat() {
    Programme p = Samples.programme();
    ImplementationReport r = report(Ownership.of("KAZ-SC", Classification.NATIONAL));
    assertThat(as(KAZ, Role.VIEWER).canReadReport(p, r)).isTrue();
    assertThat(as(SEC, Role.VIEWER).canReadReport(p, r)).isTrue();
    assertThat(as(RUS, Role.ORG_ADMIN).canReadReport(p, r)).isFalse();
    assertThat(as(ARM, Role.SYSTEM_ADMIN).canReadReport(p, r)).isFalse();
    assertThat(new ProgrammeAccess(AccessContext.anonymous(), Optional.empty()).canReadReport(p, r))
        .isFalse();
  }

  @Test
  void canReadReport_restricted_namedPartyYesNamedNonPartyNo() {
    Programme p = Samples.programme();
    ImplementationReport r = report(Ownership.restricted("KAZ-SC", Set.of("RUS-SC", "ARM-SC")));
    assertThat(as(RUS, Role.VIEWER).canReadReport(p, r)).isTrue();
    assertThat(as(ARM, Role.VIEWER).canReadReport(p, r)).isFalse();
    assertThat(as(SEC, Role.VIEWER).canReadReport(p, r)).isTrue();
  }

  @Test
  void canReadReport_shared_anyMember() {
    Programme p = Samples.programme();
    ImplementationReport r = report(Ownership.of("KAZ-SC", Classification.SHARED));
    assertThat(as(ARM, Role.VIEWER).canReadReport(p, r)).isTrue();
    assertThat(new ProgrammeAccess(AccessContext.anonymous(), Optional.empty()).canReadReport(p, r))
        .isFalse();
  }

  @Test
  void checkFile_otherPartysReport_denied() {
    Programme p = Samples.programme();
    ImplementationReport r = report(Ownership.of("KAZ-SC", Classification.NATIONAL));
    assertThatThrownBy(() -> as(RUS, Role.DATA_STEWARD).checkFile(p, r, Optional.of(RUS)))
        .isInstanceOf(AccessDeniedException.class);
    as(KAZ, Role.DATA_STEWARD).checkFile(p, r, Optional.of(KAZ));
    assertThatThrownBy(() -> as(KAZ, Role.VIEWER).checkFile(p, r, Optional.of(KAZ)))
        .hasMessageContaining("VIEWER");
  }

  @Test
  void checkDecide_onlyCoordinatorsOfPartiesOrSecretariat() {
    Programme p = Samples.programme();
    as(SEC, Role.PROGRAMME_COORDINATOR).checkDecide(p);
    as(KAZ, Role.PROGRAMME_COORDINATOR).checkDecide(p);
    assertThatThrownBy(() -> as(KAZ, Role.ORG_ADMIN).checkDecide(p))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> as(ARM, Role.PROGRAMME_COORDINATOR).checkDecide(p))
        .isInstanceOf(AccessDeniedException.class);
  }

  private static Kpi kpiIn(String code, String area) {
    return new Kpi(
        code,
        "O1",
        "Seizures",
        "",
        "DRUG_SEIZURES",
        area,
        100,
        Period.year(2023),
        120,
        Period.year(2028),
        KpiDirection.AT_LEAST,
        0,
        true);
  }

  private static Measure measureOf(String code, List<String> lead, List<String> participating) {
    Measure m = Samples.measure(code);
    return new Measure(
        code,
        m.objective(),
        m.titleEn(),
        m.titleRu(),
        lead,
        participating,
        m.responsibleBody(),
        m.start(),
        m.deadline(),
        m.status(),
        m.budget(),
        m.kpis(),
        false,
        true);
  }

  private static Programme plus(Programme p, List<Measure> measures, List<Kpi> kpis) {
    List<Measure> ms = new java.util.ArrayList<>(p.measures());
    ms.addAll(measures);
    List<Kpi> ks = new java.util.ArrayList<>(p.kpis());
    ks.addAll(kpis);
    return p.withPlan(p.objectives(), ms, ks);
  }

  /**
   * Issue 17: an amendment touching another party's KPI or measure needs that party's approval; a
   * joint KPI (a group area, or any area that is not one party) or a measure naming no party
   * concerns every party. P1's parties are KAZ, RUS and KGZ; K1 and K2 are KAZ's, M1 and M2 are led
   * by KAZ with RUS.
   */
  @Test
  void consentRequired_jointKpisAndMeasuresConcernEveryParty_ownChangesNone() {
    Programme p = plus(Samples.programme(), List.of(), List.of(kpiIn("J1", "CIS")));
    Programme ownKpi = p.withKpi("K1", k -> k.withTarget(160));
    Programme jointKpi = p.withKpi("J1", k -> k.withTarget(130));
    Programme newJoint = plus(p, List.of(), List.of(kpiIn("J2", "CIS")));
    Programme nonPartyArea = plus(p, List.of(), List.of(kpiIn("J3", "TKM")));
    Programme sharedMeasure = p.withMeasure("M1", m -> m.withStatus(MeasureStatus.DONE));
    Programme measureOfNoParty = plus(p, List.of(measureOf("M9", List.of(), List.of())), List.of());
    Programme rusOnlyMeasure =
        plus(p, List.of(measureOf("M8", List.of("RUS"), List.of())), List.of());
    Optional<Programme> inForce = Optional.of(p);
    ProgrammeAccess kaz = as(KAZ, Role.ANALYST);
    ProgrammeAccess sec = as(SEC, Role.ANALYST);

    assertThat(kaz.consentRequired(inForce, ownKpi)).isEmpty();
    assertThat(kaz.consentRequired(inForce, jointKpi)).containsExactly("KGZ", "RUS");
    assertThat(kaz.consentRequired(inForce, newJoint)).containsExactly("KGZ", "RUS");
    assertThat(kaz.consentRequired(inForce, nonPartyArea)).containsExactly("KGZ", "RUS");
    assertThat(kaz.consentRequired(inForce, sharedMeasure)).containsExactly("RUS");
    assertThat(kaz.consentRequired(inForce, measureOfNoParty)).containsExactly("KGZ", "RUS");
    assertThat(kaz.consentRequired(inForce, rusOnlyMeasure)).containsExactly("RUS");
    assertThat(as(RUS, Role.ANALYST).consentRequired(inForce, jointKpi))
        .containsExactly("KAZ", "KGZ");
    assertThat(sec.consentRequired(inForce, jointKpi)).containsExactly("KAZ", "KGZ", "RUS");
    assertThat(sec.consentRequired(inForce, ownKpi)).containsExactly("KAZ");
    assertThat(kaz.consentRequired(Optional.empty(), jointKpi)).isEmpty();
  }
}

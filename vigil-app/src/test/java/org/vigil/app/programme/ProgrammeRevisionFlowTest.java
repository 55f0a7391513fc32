package org.vigil.app.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.analytics.programme.DriftSpec;
import org.vigil.analytics.programme.KpiDrift;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Role;
import org.vigil.model.programme.Kpi;
import org.vigil.model.programme.Programme;
import org.vigil.model.programme.ProgrammeDiff;
import org.vigil.model.programme.ProgrammeRevision;
import org.vigil.model.programme.RevisionState;

class ProgrammeRevisionFlowTest {
  private static final AccessContext RUS_ANALYST =
      AccessContext.of("rus.analyst", "RUS-SC", Role.ANALYST);
  private static final AccessContext SEC_COORDINATOR =
      AccessContext.of("secretariat.coordinator", "SECRETARIAT", Role.PROGRAMME_COORDINATOR);
  private Vigil vigil;
  private ProgrammeService service;

  @BeforeEach
  void open() {
    vigil = DemoVigil.open();
    service = new ProgrammeService(vigil);
  }

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void accept_thenApprove_changesActiveVersionAndKeepsOldOne() {
    String crime = ProgrammeDemo.CRIME;
    Programme before = service.show(RUS_ANALYST, crime, 0).content();
    ProgrammeRevision draft =
        service.accept(RUS_ANALYST, crime, "K1-TARGET", DriftSpec.DEFAULT, "");
    assertThat(draft.version()).isEqualTo(3);
    assertThat(draft.state()).isEqualTo(RevisionState.DRAFT);
    assertThat(draft.reason()).startsWith("Accepted proposal: Set the K1 target to");
    assertThat(service.show(RUS_ANALYST, crime, 0).version()).isEqualTo(2);

    AccessContext notCoordinator = AccessContext.of("rus.admin", "RUS-SC", Role.ORG_ADMIN);
    assertThatThrownBy(() -> service.decide(notCoordinator, crime, 3, true, ""))
        .isInstanceOf(AccessDeniedException.class);

    service.decide(SEC_COORDINATOR, crime, 3, true, "agreed at the coordination meeting");
    assertThat(service.show(RUS_ANALYST, crime, 0).version()).isEqualTo(3);

    Kpi oldK1 = before.kpi("K1").orElseThrow();
    Kpi newK1 = service.show(RUS_ANALYST, crime, 3).content().kpi("K1").orElseThrow();
    assertThat(service.diff(RUS_ANALYST, crime, 2, 3).changes())
        .containsExactly(
            new ProgrammeDiff.Change(
                ProgrammeDiff.Kind.CHANGED,
                "kpis[K1].target",
                text(oldK1.target()),
                text(newK1.target())));
    assertThat(service.show(RUS_ANALYST, crime, 2).content()).isEqualTo(before);
    assertThat(service.revisions(RUS_ANALYST, crime).revisions()).hasSize(3);
    var history = service.revisions(RUS_ANALYST, crime);
    var approvedV3 = history.version(3).orElseThrow().effectiveFrom().orElseThrow();
    assertThat(history.asOf(approvedV3.minusMillis(1)).orElseThrow().version()).isEqualTo(2);
    assertThat(service.asOf(RUS_ANALYST, crime, LocalDate.of(2026, 3, 15)).version()).isEqualTo(3);

    KpiDrift after =
        service.drift(RUS_ANALYST, crime, DriftSpec.DEFAULT).kpis().stream()
            .filter(k -> k.kpi().equals("K1"))
            .findFirst()
            .orElseThrow();
    assertThat(after.probability()).isGreaterThanOrEqualTo(0.79);
  }

  @Test
  void accept_reinforce_marksMeasureReinforcedInDraft() {
    ProgrammeRevision draft =
        service.accept(RUS_ANALYST, ProgrammeDemo.CRIME, "K1-REINFORCE", DriftSpec.DEFAULT, "why");
    assertThat(draft.content().measure("M1.1").orElseThrow().reinforced()).isTrue();
    assertThat(
            ProgrammeDiff.compare(
                service.show(RUS_ANALYST, ProgrammeDemo.CRIME, 2).content(), draft.content()))
        .extracting(ProgrammeDiff.Change::path)
        .containsExactly("measures[M1.1].reinforced");
  }

  @Test
  void accept_unknownProposal_listsTheOnesThatExist() {
    assertThatThrownBy(
            () ->
                service.accept(
                    RUS_ANALYST, ProgrammeDemo.CRIME, "K2-TARGET", DriftSpec.DEFAULT, ""))
        .hasMessageContaining("K1-TARGET");
  }

  private static String text(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}

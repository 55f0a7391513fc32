package org.vigil.model.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProgrammeTest {

  @Test
  void constructor_measureNamesUnknownKpi_failsNamingIt() {
    Programme p = Samples.programme();
    assertThatThrownBy(
            () -> p.withPlan(p.objectives(), List.of(Samples.measure("M9", "K7")), p.kpis()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("M9")
        .hasMessageContaining("K7");
  }

  @Test
  void constructor_measureStateNotParty_fails() {
    Programme p = Samples.programme();
    Measure m = Samples.measure("M9");
    Measure bad =
        new Measure(
            "M9",
            "O1",
            "x",
            "",
            List.of("UZB"),
            List.of(),
            "",
            m.start(),
            m.deadline(),
            m.status(),
            m.budget(),
            List.of(),
            false,
            true);
    assertThatThrownBy(() -> p.withPlan(p.objectives(), List.of(bad), p.kpis()))
        .hasMessageContaining("UZB")
        .hasMessageContaining("not a party");
  }

  @Test
  void constructor_duplicateKpiCodes_fails() {
    Programme p = Samples.programme();
    assertThatThrownBy(
            () ->
                p.withPlan(
                    p.objectives(), List.of(), List.of(Samples.kpi("K1", 1), Samples.kpi("K1", 2))))
        .hasMessageContaining("unique")
        .hasMessageContaining("K1");
  }

  @Test
  void withKpi_changesOnlyThatKpi() {
    Programme p = Samples.programme();
    Programme q = p.withKpi("K1", k -> k.withTarget(120));
    assertThat(q.kpi("K1").orElseThrow().target()).isEqualTo(120);
    assertThat(q.kpi("K2")).isEqualTo(p.kpi("K2"));
    assertThat(p.kpi("K1").orElseThrow().target()).isEqualTo(150);
  }

  @Test
  void measuresServing_findsLinkedMeasures() {
    assertThat(Samples.programme().measuresServing("K1"))
        .extracting(Measure::code)
        .containsExactly("M1");
  }

  @Test
  void kpiMet_respectsDirectionAndTolerance() {
    Kpi atLeast = Samples.kpi("K1", 150);
    assertThat(atLeast.met(150)).isTrue();
    assertThat(atLeast.met(149.9)).isFalse();
    Kpi atMost =
        new Kpi(
            "K3",
            "O1",
            "x",
            "",
            "I",
            "KAZ",
            100,
            atLeast.baselinePeriod(),
            80,
            atLeast.deadline(),
            KpiDirection.AT_MOST,
            2,
            true);
    assertThat(atMost.met(82)).isTrue();
    assertThat(atMost.met(82.1)).isFalse();
    assertThat(atMost.progress(90)).isEqualTo(0.5);
  }

  @Test
  void measureLateOn_pastDeadlineNotDone_isLate() {
    Measure m = Samples.measure("M1");
    assertThat(m.lateOn(m.deadline())).isFalse();
    assertThat(m.lateOn(m.deadline().plusDays(1))).isTrue();
    assertThat(m.withStatus(MeasureStatus.DONE).lateOn(m.deadline().plusDays(1))).isFalse();
    assertThat(m.withStatus(MeasureStatus.DELAYED).lateOn(m.start())).isTrue();
  }
}

package org.vigil.model.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.timeseries.Period;

class ProgrammeDiffTest {

  @Test
  void compare_sameProgramme_noChanges() {
    assertThat(ProgrammeDiff.compare(Samples.programme(), Samples.programme())).isEmpty();
  }

  @Test
  void compare_targetAndDeadlineChanged_exactlyThoseTwoPaths() {
    Programme p = Samples.programme();
    Programme q = p.withKpi("K1", k -> k.withTarget(140).withDeadline(Period.year(2029)));
    assertThat(ProgrammeDiff.compare(p, q))
        .containsExactly(
            new ProgrammeDiff.Change(ProgrammeDiff.Kind.CHANGED, "kpis[K1].target", "150", "140"),
            new ProgrammeDiff.Change(
                ProgrammeDiff.Kind.CHANGED, "kpis[K1].deadline", "2028", "2029"));
  }

  @Test
  void compare_reorderedKpis_noChanges() {
    Programme p = Samples.programme();
    Programme q =
        p.withPlan(p.objectives(), p.measures(), List.of(p.kpis().get(1), p.kpis().get(0)));
    assertThat(ProgrammeDiff.compare(p, q)).isEmpty();
  }

  @Test
  void compare_kpiAddedAndRemoved_oneChangeEach() {
    Programme p = Samples.programme();
    Programme q =
        p.withPlan(p.objectives(), p.measures(), List.of(p.kpis().get(0), Samples.kpi("K3", 1)));
    assertThat(ProgrammeDiff.compare(p, q))
        .containsExactlyInAnyOrder(
            new ProgrammeDiff.Change(ProgrammeDiff.Kind.REMOVED, "kpis[K2]", "Drug seizures", ""),
            new ProgrammeDiff.Change(ProgrammeDiff.Kind.ADDED, "kpis[K3]", "", "Drug seizures"));
  }

  @Test
  void render_listsChangesOnePerLine() {
    Programme p = Samples.programme();
    Programme q = p.withMeasure("M2", m -> m.withReinforced(true));
    String text = new ProgrammeDiff(1, 2, ProgrammeDiff.compare(p, q)).render();
    assertThat(text).isEqualTo("v1 -> v2:\n~ measures[M2].reinforced: false -> true\n");
  }
}

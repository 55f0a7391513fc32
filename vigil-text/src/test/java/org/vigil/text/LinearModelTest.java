package org.vigil.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinearModelTest {
  /**
   * A judge names the right class in every example, but only classes A and B are ever named in
   * training. The tied weight learns to trust the judge, so the model follows it for class C too,
   * which no per-class weight could learn.
   */
  @Test
  void tiedFeature_carriesTrustInAJudgeToAClassItNeverNamedInTraining() {
    List<LinearModel.Example> ex = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ex.add(new LinearModel.Example(Set.of("w:x" + i), "A", Map.of("A", Set.of("judge"))));
      ex.add(new LinearModel.Example(Set.of("w:y" + i), "B", Map.of("B", Set.of("judge"))));
    }
    ex.add(new LinearModel.Example(Set.of("w:z"), "C"));
    LinearModel m = LinearModel.train(ex, LinearModel.Spec.DEFAULT);
    assertThat(m.tiedFeatures()).containsExactly("judge");
    assertThat(m.tiedWeights()[0]).isGreaterThan(1.0);
    Map<String, Double> p = m.predict(Set.of("w:new"), Map.of("C", Set.of("judge")));
    assertThat(p.keySet().iterator().next()).isEqualTo("C");
    assertThat(p.get("C")).isGreaterThan(0.5);
  }

  /** The tied weight has its own penalty: a stronger one shrinks it. */
  @Test
  void tiedPenalty_shrinksTheTiedWeightOnly() {
    List<LinearModel.Example> ex = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ex.add(new LinearModel.Example(Set.of("w:x" + i), "A", Map.of("A", Set.of("judge"))));
      ex.add(new LinearModel.Example(Set.of("w:y" + i), "B", Map.of("B", Set.of("judge"))));
    }
    LinearModel loose = LinearModel.train(ex, new LinearModel.Spec(300, 0.5, 0.01, 0.01));
    LinearModel tight = LinearModel.train(ex, new LinearModel.Spec(300, 0.5, 0.01, 1.0));
    assertThat(tight.tiedWeights()[0]).isLessThan(loose.tiedWeights()[0] / 2);
    assertThat(new LinearModel.Spec(300, 0.5, 0.02).tiedL2()).isEqualTo(0.02);
  }

  @Test
  void spec_rejectsANegativePenalty() {
    assertThatThrownBy(() -> new LinearModel.Spec(300, 0.5, 0.01, -1))
        .hasMessageContaining("penalties >= 0")
        .hasMessageContaining("-1.0");
  }

  @Test
  void train_isDeterministic() {
    List<LinearModel.Example> ex =
        List.of(
            new LinearModel.Example(Set.of("a"), "X", Map.of("X", Set.of("t"))),
            new LinearModel.Example(Set.of("b"), "Y", Map.of("X", Set.of("t"))),
            new LinearModel.Example(Set.of("a", "b"), "X"));
    LinearModel one = LinearModel.train(ex, LinearModel.Spec.DEFAULT);
    LinearModel two = LinearModel.train(ex, LinearModel.Spec.DEFAULT);
    assertThat(one.weights()).isDeepEqualTo(two.weights());
    assertThat(one.tiedWeights()).containsExactly(two.tiedWeights());
  }

  @Test
  void constructor_rejectsTiedWeightsOfTheWrongLength() {
    assertThatThrownBy(
            () ->
                new LinearModel(
                    List.of("X", "Y"),
                    List.of("a"),
                    new double[2][2],
                    List.of("t", "u"),
                    new double[1]))
        .hasMessageContaining("2 tied features, found 1 weights");
  }
}

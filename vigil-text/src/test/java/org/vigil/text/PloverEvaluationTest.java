package org.vigil.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PloverEvaluationTest {
  private static List<PloverGold> fixture() throws Exception {
    try (InputStream in = PloverEvaluationTest.class.getResourceAsStream("plover-fixture.json")) {
      return PloverGold.parse(in, "plover-fixture.json");
    }
  }

  @Test
  void crossValidation_scoresAboveTheMajorityBaselineOnTheFixture() throws Exception {
    List<PloverGold> gold = fixture();
    PloverEvaluation.Result r = PloverEvaluation.crossValidate(TextEngine.standard(), gold, 4, 7);
    assertThat(r.sentences()).isEqualTo(gold.size());
    assertThat(r.method()).contains("4-fold cross-validation");
    assertThat(r.lexiconAccuracy()).isGreaterThan(r.majorityAccuracy());
    assertThat(r.countryF1()).isGreaterThan(0.8);
    PloverEvaluation.Result again =
        PloverEvaluation.crossValidate(TextEngine.standard(), gold, 4, 7);
    assertThat(again).isEqualTo(r);
  }

  @Test
  void parse_badRecordNamesItsPosition() {
    String bad =
        "[{\"text\":\"Russia agreed.\",\"event\":\"AGREE\"},{\"text\":\"x\",\"event\":\"DANCE\"}]";
    assertThatThrownBy(
            () ->
                PloverGold.parse(
                    new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)), "f.json"))
        .hasMessageContaining("f.json record 2")
        .hasMessageContaining("DANCE");
  }

  @Test
  void macroF1_ofPerfectAndOfEmptyPredictions() {
    assertThat(PloverEvaluation.macroF1Single(List.of("a", "b"), List.of("a", "b"))).isEqualTo(1.0);
    assertThat(PloverEvaluation.macroF1Single(List.of("a", "b"), List.of("", ""))).isEqualTo(0.0);
  }
}

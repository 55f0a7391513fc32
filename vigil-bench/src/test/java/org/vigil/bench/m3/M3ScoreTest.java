package org.vigil.bench.m3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class M3ScoreTest {

  @Test
  void score_seriesOfDifferentHorizons_poolsOverPointsAndAveragesOverSeries() {
    // A: one step, sMAPE 200 * 10 / 210 = 9.524; B: three steps, each exact: 0.
    M3Series a =
        new M3Series("A", "yearly", 1, 2000, 1, new double[] {1, 2, 3}, new double[] {110});
    M3Series b =
        new M3Series("B", "yearly", 1, 2000, 1, new double[] {1, 2, 3}, new double[] {50, 60, 70});
    MethodForecasts mf = new MethodForecasts("m", false);
    mf.put("A", new double[] {100}, null, "m", 0);
    mf.put("B", new double[] {50, 60, 70}, null, "m", 0);

    M3Score all = M3Score.score(mf, List.of(a, b)).get("all");

    assertThat(all.smape()).isCloseTo(200.0 * 10 / 210 / 2, within(1e-9));
    assertThat(all.smapePooled()).isCloseTo(200.0 * 10 / 210 / 4, within(1e-9));
  }

  @Test
  void publishedPooled_namesThePaperFiguresAndThisRunsTheta() {
    String line = M3Report.publishedPooled(13.0512);
    assertThat(line)
        .contains("N-BEATS 12.37", "EXP 12.71", "DOTM 12.90", "THETA 13.01")
        .contains("computed here from published_forecasts.csv: 13.05");
  }
}

package org.vigil.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.timeseries.Period;

/** The generator's recent events: the ground truth of the alert rules. */
class RecentEventsTest {
  @Test
  void groundTruth_recentEvents_inAboutOneSeriesInEight_atTheEnd() {
    List<PlantedShock> recent =
        DemoData.groundTruth().stream().flatMap(p -> p.recentShocks().stream()).toList();
    assertThat(recent).hasSizeBetween(8, 22);
    assertThat(recent)
        .allSatisfy(
            k -> {
              long back = k.period().until(Period.month(2025, 12));
              assertThat(back).isBetween(0L, k.kind() == ShockKind.SPIKE ? 1L : 2L);
              assertThat(k.factor()).isBetween(1.6, 3.5);
            });
    assertThat(recent)
        .extracting(PlantedShock::kind)
        .contains(ShockKind.SPIKE, ShockKind.LEVEL_SHIFT);
  }

  @Test
  void groundTruth_recentEvents_keepKindAndSize_andMoveWithTheEndMonth() {
    DemoSpec later = new DemoSpec(DemoSpec.DEFAULT_SEED, DemoSpec.FIRST, YearMonth.of(2026, 10));
    List<PlantedSeries> a = DemoData.groundTruth(DemoSpec.DEFAULT);
    List<PlantedSeries> b = DemoData.groundTruth(later);
    for (int i = 0; i < a.size(); i++) {
      List<PlantedShock> x = a.get(i).recentShocks();
      List<PlantedShock> y = b.get(i).recentShocks();
      assertThat(y).hasSameSizeAs(x);
      for (int k = 0; k < x.size(); k++) {
        assertThat(y.get(k).kind()).isEqualTo(x.get(k).kind());
        assertThat(y.get(k).factor()).isEqualTo(x.get(k).factor());
        assertThat(x.get(k).period().until(y.get(k).period())).isEqualTo(10);
      }
      // The history's plan does not move.
      assertThat(b.get(i).shocks()).isEqualTo(a.get(i).shocks());
    }
  }
}

package org.vigil.analytics.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.analytics.risk.InputValue;
import org.vigil.analytics.risk.Methodology;
import org.vigil.analytics.risk.RiskEngine;
import org.vigil.analytics.risk.RiskResult;
import org.vigil.analytics.risk.RiskSpec;
import org.vigil.analytics.risk.Snapshot;
import org.vigil.analytics.trend.Direction;
import org.vigil.timeseries.Period;

class PrioritiserTest {
  private static final Period NOW = Period.year(2024);

  private static Map<String, InputValue> inform(double he) {
    return Map.of(
        "INFORM_HE_NATURAL", InputValue.exact(he),
        "INFORM_HE_HUMAN", InputValue.exact(he),
        "INFORM_V_SOCIO_ECONOMIC", InputValue.exact(4),
        "INFORM_V_VULNERABLE_GROUPS", InputValue.exact(4),
        "INFORM_LCC_INSTITUTIONAL", InputValue.exact(4),
        "INFORM_LCC_INFRASTRUCTURE", InputValue.exact(4));
  }

  @Test
  void rank_threeStatesWithProjectionAndPreviousRun_rankedWithOutlookAndMoves() {
    RiskResult risk =
        RiskEngine.run(
            Methodology.inform(),
            List.of(
                new Snapshot(NOW, 0, Map.of("AAA", inform(2), "BBB", inform(8), "CCC", inform(5))),
                new Snapshot(
                    NOW.plus(1), 12, Map.of("AAA", inform(6), "BBB", inform(8), "CCC", inform(3)))),
            RiskSpec.DEFAULT.withDraws(200));
    PriorityList list =
        Prioritiser.rank(
            risk,
            NOW,
            Map.of("INFORM|AAA", Direction.RISING),
            Map.of("INFORM|AAA", 1, "INFORM|BBB", 3, "INFORM|CCC", 2),
            "2023",
            10);
    assertThat(list.priorities()).extracting(Priority::area).containsExactly("BBB", "CCC", "AAA");
    Priority aaa = list.priorities().get(2);
    assertThat(aaa.outlook()).isEqualTo(Priority.Outlook.RISING);
    assertThat(aaa.trend()).isEqualTo(Direction.RISING);
    assertThat(aaa.movedUp()).isEqualTo(-2);
    assertThat(list.priorities().get(0).outlook()).isEqualTo(Priority.Outlook.STABLE);
    assertThat(list.movedUp()).extracting(Priority::area).containsExactly("BBB");
    assertThat(list.movedDown()).extracting(Priority::area).containsExactly("AAA");
    assertThat(list.regional()).hasSize(1);
    assertThat(list.regional().get(0).statesIncluded()).isEqualTo(3);
    assertThat(list.regional().get(0).statesExpected()).isEqualTo(10);
    assertThat(list.regional().get(0).worstArea()).isEqualTo("BBB");
    assertThat(list.priorities().get(0).drivers()).hasSizeLessThanOrEqualTo(3);
  }
}

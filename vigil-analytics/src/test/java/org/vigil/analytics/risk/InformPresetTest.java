package org.vigil.analytics.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.timeseries.Period;

/**
 * The INFORM preset against INFORM's published aggregation: Risk = HE^(1/3) V^(1/3) LCC^(1/3),
 * which for HE 5.0, V 3.4, LCC 5.0 gives (85)^(1/3) = 4.3968, published to one decimal as 4.4.
 * Tolerance: 1e-9 on the unrounded value, exact on the one-decimal rounding.
 */
class InformPresetTest {
  private static final Period P = Period.year(2024);

  private static Map<String, InputValue> dims(double he, double v, double lcc) {
    Map<String, InputValue> m = new HashMap<>();
    m.put("INFORM_HE_NATURAL", InputValue.exact(he));
    m.put("INFORM_HE_HUMAN", InputValue.exact(he));
    m.put("INFORM_V_SOCIO_ECONOMIC", InputValue.exact(v));
    m.put("INFORM_V_VULNERABLE_GROUPS", InputValue.exact(v));
    m.put("INFORM_LCC_INSTITUTIONAL", InputValue.exact(lcc));
    m.put("INFORM_LCC_INFRASTRUCTURE", InputValue.exact(lcc));
    return m;
  }

  @Test
  void inform_he5v34lcc5_gives44() {
    RiskResult r =
        RiskEngine.run(
            Methodology.inform(),
            List.of(new Snapshot(P, 0, Map.of("XXX", dims(5.0, 3.4, 5.0)))),
            RiskSpec.DEFAULT.withDraws(0));
    RiskScore s = r.scores().get(0);
    assertThat(s.score()).isCloseTo(Math.cbrt(5.0 * 3.4 * 5.0), within(1e-9));
    assertThat(Math.round(s.score() * 10) / 10.0).isEqualTo(4.4);
    assertThat(s.components().get("HE")).isCloseTo(5.0, within(1e-12));
    assertThat(s.components().get("LCC")).isCloseTo(5.0, within(1e-12));
    assertThat(s.components().get("V")).isCloseTo(3.4, within(1e-12));
    assertThat(s.reliability()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void adjustedGeometric_sameDimensions_alsoRoundsTo44() {
    double[] x = {5.0, 3.4, 5.0};
    double[] w = {1, 1, 1};
    double adjusted = Aggregator.ADJUSTED_GEOMETRIC.combine(x, w, 3);
    assertThat(adjusted).isCloseTo(Math.cbrt(6.0 * 4.4 * 6.0) - 1, within(1e-12));
    assertThat(Math.round(adjusted * 10) / 10.0).isEqualTo(4.4);
  }

  @Test
  void contributions_sumToTheScore() {
    RiskResult r =
        RiskEngine.run(
            Methodology.inform(),
            List.of(new Snapshot(P, 0, Map.of("XXX", dims(7.1, 2.0, 4.3)))),
            RiskSpec.DEFAULT.withDraws(0));
    RiskScore s = r.scores().get(0);
    double sum = s.drivers().stream().mapToDouble(Driver::contribution).sum();
    assertThat(sum).isCloseTo(s.score(), within(1e-9));
    assertThat(s.drivers().get(0).id()).startsWith("HE_");
  }
}

package org.vigil.analytics.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.model.InvalidInputException;
import org.vigil.timeseries.Period;

class RiskEngineTest {
  private static final String TWO_LEAVES =
      """
      {"id": "t", "version": "1", "missing": {"minCoverage": 0.6},
       "domains": {"D": {"id": "ROOT", "aggregation": "ARITHMETIC", "children": [
         {"id": "A", "indicator": "IND_A", "weight": 3,
          "normalise": {"method": "MINMAX", "min": 0, "max": 100}},
         {"id": "B", "indicator": "IND_B", "weight": 1, "invert": true,
          "normalise": {"method": "RANK"}}]}}}
      """;

  private static Methodology parse(String json) {
    return Methodology.parse(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
  }

  private static Map<String, InputValue> row(double a, double b) {
    Map<String, InputValue> m = new HashMap<>();
    if (!Double.isNaN(a)) {
      m.put("IND_A", InputValue.exact(a));
    }
    if (!Double.isNaN(b)) {
      m.put("IND_B", InputValue.exact(b));
    }
    return m;
  }

  @Test
  void run_boundsAndRanksAndWeights_giveHandComputedScores() {
    Snapshot s =
        new Snapshot(
            Period.month(2024, 6),
            0,
            Map.of("AAA", row(50, 1), "BBB", row(100, 2), "CCC", row(0, 3)));
    RiskResult r = RiskEngine.run(parse(TWO_LEAVES), List.of(s), RiskSpec.DEFAULT.withDraws(0));
    // AAA: A=5, B rank 1 of 3 -> 0, inverted 10 -> (3*5 + 10)/4 = 6.25
    assertThat(r.find("AAA", "D", s.period(), 0).get().score()).isCloseTo(6.25, within(1e-12));
    // BBB: A=10, B=5 -> 10-5=5 -> (30+5)/4 = 8.75; CCC: A=0, B=10 -> 0 -> 0
    assertThat(r.find("BBB", "D", s.period(), 0).get().score()).isCloseTo(8.75, within(1e-12));
    assertThat(r.find("CCC", "D", s.period(), 0).get().score()).isCloseTo(0, within(1e-12));
    assertThat(r.find("BBB", "D", s.period(), 0).get().rank()).isEqualTo(1);
  }

  @Test
  void run_missingLeafBelowCoverage_scoreMissingAndReliabilityZero() {
    Snapshot s =
        new Snapshot(
            Period.month(2024, 6), 0, Map.of("AAA", row(Double.NaN, 1), "BBB", row(40, 2)));
    RiskResult r = RiskEngine.run(parse(TWO_LEAVES), List.of(s), RiskSpec.DEFAULT.withDraws(0));
    RiskScore a = r.find("AAA", "D", s.period(), 0).get();
    assertThat(a.score()).isNaN();
    assertThat(a.reliability()).isZero();
    assertThat(a.rank()).isZero();
    RiskScore b = r.find("BBB", "D", s.period(), 0).get();
    assertThat(b.reliability()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void run_missingLeafAboveCoverage_reweightedWithPartialReliability() {
    Snapshot s =
        new Snapshot(
            Period.month(2024, 6), 0, Map.of("AAA", row(40, Double.NaN), "BBB", row(40, 2)));
    RiskResult r = RiskEngine.run(parse(TWO_LEAVES), List.of(s), RiskSpec.DEFAULT.withDraws(0));
    RiskScore a = r.find("AAA", "D", s.period(), 0).get();
    assertThat(a.score()).isCloseTo(4.0, within(1e-12));
    assertThat(a.reliability()).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void run_projectionWithSpread_bandContainsScoreAndIsSeededAndThreadIndependent() {
    Period now = Period.month(2024, 6);
    Map<String, Map<String, InputValue>> proj = new HashMap<>();
    proj.put("AAA", Map.of("IND_A", new InputValue(50, 20, 90), "IND_B", InputValue.exact(1)));
    proj.put("BBB", Map.of("IND_A", new InputValue(55, 30, 70), "IND_B", InputValue.exact(2)));
    proj.put("CCC", Map.of("IND_A", new InputValue(10, 5, 15), "IND_B", InputValue.exact(3)));
    List<Snapshot> snaps =
        List.of(
            new Snapshot(now, 0, Map.of("AAA", row(45, 1), "BBB", row(60, 2), "CCC", row(9, 3))),
            new Snapshot(now.plus(6), 6, proj));
    RiskResult one = RiskEngine.run(parse(TWO_LEAVES), snaps, new RiskSpec(500, 7, 0.2, 0.9, 1));
    RiskResult two = RiskEngine.run(parse(TWO_LEAVES), snaps, new RiskSpec(500, 7, 0.2, 0.9, 2));
    assertThat(two.scores()).isEqualTo(one.scores());
    RiskScore a = one.find("AAA", "D", now.plus(6), 6).get();
    assertThat(a.lower()).isLessThan(a.score());
    assertThat(a.upper()).isGreaterThan(a.score());
    assertThat(a.rankLower()).isLessThanOrEqualTo(a.rank());
    assertThat(a.rankUpper()).isGreaterThanOrEqualTo(a.rank());
    // AAA and BBB overlap: AAA's rank is uncertain; CCC is clearly last
    assertThat(a.rankUpper() - a.rankLower()).isGreaterThanOrEqualTo(1);
    RiskScore c = one.find("CCC", "D", now.plus(6), 6).get();
    assertThat(c.rankLower()).isEqualTo(3);
    // change is measured against the horizon-0 snapshot
    assertThat(a.reference()).isEqualTo(now.toString());
    RiskScore aNow = one.find("AAA", "D", now, 0).get();
    assertThat(a.change()).isCloseTo(a.score() - aNow.score(), within(1e-12));
    double driverChanges = a.drivers().stream().mapToDouble(Driver::change).sum();
    assertThat(driverChanges).isCloseTo(a.change(), within(1e-9));
  }

  @Test
  void parse_unknownAggregation_errorNamesPathExpectedAndFound() {
    String bad = TWO_LEAVES.replace("\"ARITHMETIC\"", "\"MEDIAN\"");
    assertThatThrownBy(() -> parse(bad))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("test.json")
        .hasMessageContaining("$.domains.D.aggregation")
        .hasMessageContaining("ARITHMETIC, GEOMETRIC or ADJUSTED_GEOMETRIC")
        .hasMessageContaining("MEDIAN");
  }

  @Test
  void vigilDefault_everyThreatDomain_hasATree() {
    Methodology m = Methodology.vigilDefault();
    assertThat(m.domains().keySet())
        .containsExactlyInAnyOrder(
            java.util.Arrays.stream(org.vigil.model.ThreatDomain.values())
                .map(Enum::name)
                .toArray(String[]::new));
    assertThat(m.inputKeys()).contains("POPULATION", "GDP_PPP", "DEMO_TERROR_INCIDENTS");
  }
}

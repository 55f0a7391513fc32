package org.vigil.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * KPSS statistic and STL seasonal strength against R (urca::ur.kpss and forecast's seas.heuristic,
 * golden/arima/unitroot_stats.csv). Both are deterministic formulas, so the tolerance is 1e-8
 * relative for KPSS and 1e-6 absolute for the strength (STL's loess sums in a different order).
 */
class UnitRootStatisticsTest {
  private static final Map<String, GoldenData.Series> SERIES = GoldenData.series();

  static Stream<GoldenData.Case> cases() {
    return GoldenData.cases("unitroot_stats.csv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void kpssStatistic_classicSeries_matchesUrca(GoldenData.Case ref) {
    double expected = ref.get("kpss");
    double actual = KpssTest.statistic(SERIES.get(ref.series()).values());
    assertThat(actual).isCloseTo(expected, within(1e-8 * expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void seasonalStrength_seasonalSeries_matchesForecastPackage(GoldenData.Case ref) {
    GoldenData.Series s = SERIES.get(ref.series());
    double expected = ref.get("strength");
    if (s.frequency() == 1) {
      assertThat(expected).isNaN();
      return;
    }
    double actual = StlDecomposition.seasonalStrength(s.values(), s.frequency(), 11);
    assertThat(actual).isCloseTo(expected, within(1e-6));
  }
}

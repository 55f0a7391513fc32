package org.vigil.analytics.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden test against R 4.2.2: {@code cor.test(x, seq_along(x), method = "kendall", exact = FALSE)}
 * with and without the continuity correction, and the median of pairwise slopes. The inputs (R
 * datasets Nile, LakeHuron, discoveries, lynx, precip, co2, AirPassengers, some rounded to make
 * ties and some with gaps) and R's outputs were written by
 * src/test/resources/golden/trend/make-golden.R. Tolerance 1e-6 absolute on tau, z and p; 1e-9 on
 * Sen's slope.
 */
class MannKendallGoldenTest {
  private static final String DIR = "/golden/trend/";
  private static final double TOL = 1e-6;

  static Stream<Map<String, String>> references() {
    return GoldenCsv.read(DIR + "reference.csv").stream();
  }

  private static Map<String, double[]> series(String file) {
    Map<String, double[]> out = new HashMap<>();
    for (Map<String, String> row : GoldenCsv.read(DIR + file)) {
      out.put(row.get("name"), GoldenCsv.values(row.get("values")));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("references")
  void test_rDatasets_matchCorTestKendall(Map<String, String> ref) {
    double[] x = series("series.csv").get(ref.get("name"));
    MannKendallResult plain = MannKendall.test(x, false);
    MannKendallResult cc = MannKendall.test(x, true);

    assertThat(plain.n()).isEqualTo(Integer.parseInt(ref.get("n")));
    assertThat(plain.tau()).isCloseTo(Double.parseDouble(ref.get("tau")), within(TOL));
    assertThat(plain.z()).isCloseTo(Double.parseDouble(ref.get("z")), within(TOL));
    assertThat(plain.pValue()).isCloseTo(Double.parseDouble(ref.get("p")), within(TOL));
    assertThat(cc.z()).isCloseTo(Double.parseDouble(ref.get("z_cc")), within(TOL));
    assertThat(cc.pValue()).isCloseTo(Double.parseDouble(ref.get("p_cc")), within(TOL));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("references")
  void sensSlope_rDatasets_matchMedianOfPairwiseSlopes(Map<String, String> ref) {
    double[] x = series("series.csv").get(ref.get("name"));
    assertThat(SensSlope.of(x, 0.95).perPeriod())
        .isCloseTo(Double.parseDouble(ref.get("sen")), within(1e-9));
  }

  @Test
  void seasonal_monthlyDatasets_matchRWithinSeasonSlopesAndSums() {
    Map<String, double[]> monthly = series("monthly.csv");
    Map<String, double[]> seasons = series("series.csv");
    List<Map<String, String>> refs = GoldenCsv.read(DIR + "reference-seasonal.csv");
    for (Map<String, String> ref : refs) {
      String name = ref.get("name");
      double[] x = monthly.get(name);
      assertThat(SensSlope.seasonal(x, 12, 0.95).perPeriod() * 12)
          .as(name)
          .isCloseTo(Double.parseDouble(ref.get("seasonal_sen")), within(1e-9));
      long sumS = 0;
      for (int m = 1; m <= 12; m++) {
        sumS += MannKendall.test(seasons.get(String.format("%s_m%02d", name, m)), false).s();
      }
      assertThat(MannKendall.seasonal(x, 12, false).s()).as(name).isEqualTo(sumS);
    }
  }
}

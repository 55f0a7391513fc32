package org.vigil.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Automatic selection against R's {@code forecast::auto.arima} with default settings on 15 classic
 * series (golden/arima/auto_fits.csv, made by make_golden.R).
 */
class AutoArimaGoldenTest {
  private static final Map<String, GoldenData.Series> SERIES = GoldenData.series();

  @Test
  void fit_classicSeries_reproducesRsChoices() {
    List<GoldenData.Case> cases = GoldenData.cases("auto_fits.csv");
    int sameOrder = 0;
    int sameDifferencing = 0;
    for (GoldenData.Case ref : cases) {
      GoldenData.Series s = SERIES.get(ref.series());
      ArimaFit fit = AutoArima.fit(s.values(), s.frequency(), AutoArimaSpec.DEFAULT);
      boolean order =
          fit.order().equals(ref.order())
              && (fit.constant() != ArimaFit.Constant.NONE) == ref.constant();
      boolean diff =
          fit.order().d() == ref.order().d() && fit.order().seasonalD() == ref.order().seasonalD();
      sameOrder += order ? 1 : 0;
      sameDifferencing += diff ? 1 : 0;
      System.out.printf(
          "%-18s vigil %-26s %-9s aicc %12.4f | R %-26s const=%s aicc %12.4f %s%n",
          ref.name(),
          fit.order(),
          fit.constant(),
          fit.aicc(),
          ref.order(),
          ref.constant(),
          ref.get("aicc"),
          order ? "" : "DIFFERENT");
    }
    System.out.println(
        "same order " + sameOrder + "/" + cases.size() + ", same differencing " + sameDifferencing);
    assertThat(sameOrder).isGreaterThanOrEqualTo(0);
  }
}

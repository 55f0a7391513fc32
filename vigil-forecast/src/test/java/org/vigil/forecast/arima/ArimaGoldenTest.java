package org.vigil.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fixed-order fits against R's {@code forecast::Arima} (reference numbers made by
 * golden/arima/make_golden.R). Tolerances: coefficients 1e-3 relative to max(1, |value|) (the
 * optimisers stop at a relative objective change of 1.5e-8, which leaves coefficients accurate to
 * about 1e-4); log-likelihood and AICc 1e-3 absolute plus 1e-5 relative; forecast means 1e-3 of the
 * series' scale; standard errors 2e-3 relative (R counts the tiny diffuse residuals of the first d
 * + Dm observations in sigma2, Vigil sets them to zero).
 */
class ArimaGoldenTest {
  private static final Map<String, GoldenData.Series> SERIES = GoldenData.series();

  static Stream<GoldenData.Case> fixedCases() {
    return GoldenData.cases("fixed_fits.csv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixedCases")
  void fit_fixedOrder_matchesR(GoldenData.Case ref) {
    double[] y = SERIES.get(ref.series()).values();
    ArimaFit fit = Arima.fit(y, ref.order(), ref.constant());
    System.out.println(
        ref.name()
            + ": "
            + fit
            + " R: "
            + ref.coefficients()
            + " loglik "
            + ref.get("loglik")
            + " aicc "
            + ref.get("aicc"));

    assertThat(fit.coefficients().keySet()).containsExactlyElementsOf(ref.coefficients().keySet());
    ref.coefficients()
        .forEach(
            (name, value) ->
                assertThat(fit.coefficients().get(name))
                    .as(name)
                    .isCloseTo(value, within(1e-3 * Math.max(1.0, Math.abs(value)))));
    double ll = ref.get("loglik");
    assertThat(fit.logLikelihood()).isCloseTo(ll, within(1e-3 + 1e-5 * Math.abs(ll)));
    double aicc = ref.get("aicc");
    assertThat(fit.aicc()).isCloseTo(aicc, within(2e-3 + 1e-5 * Math.abs(aicc)));
    assertThat(fit.sigma2()).isCloseTo(ref.get("sigma2"), within(4e-3 * ref.get("sigma2")));

    int h = 12;
    ArimaForecast fc = fit.forecast(h);
    double[] mean = ref.vector("mean", h);
    double[] se = ref.vector("se", h);
    double scale = scale(y);
    for (int i = 0; i < h; i++) {
      assertThat(fc.mean()[i]).as("mean step %d", i + 1).isCloseTo(mean[i], within(1e-3 * scale));
      assertThat(fc.standardError()[i])
          .as("se step %d", i + 1)
          .isCloseTo(se[i], within(2e-3 * se[i]));
    }
  }

  private static double scale(double[] y) {
    double s = 0.0;
    for (double v : y) {
      s = Math.max(s, Math.abs(v));
    }
    return s;
  }
}

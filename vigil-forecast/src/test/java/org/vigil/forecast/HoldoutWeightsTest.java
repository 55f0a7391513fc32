package org.vigil.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

class HoldoutWeightsTest {

  private static FitContext context(int horizon, int period) {
    return new FitContext(
        ForecastSpec.builder()
            .horizon(horizon)
            .combination(ForecastSpec.CombinationRule.VALIDATED)
            .build(),
        period);
  }

  private static double[] noisyLine(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] = 50 + 2 * t + 0.3 * r.nextGaussian();
    }
    return y;
  }

  @Test
  void of_lineWithDriftAndNaive_weightsSumToOneAndFavourTheAccurateMember() {
    double[] y = noisyLine(11, 30);
    HoldoutWeights.Result r =
        HoldoutWeights.of(y, List.of(ForecastMethod.NAIVE, ForecastMethod.DRIFT), context(6, 1));
    assertThat(r.weights()[0] + r.weights()[1]).isCloseTo(1.0, within(1e-12));
    // Half the weight is shared equally, so no member gets less than 1/4 or more than 3/4.
    assertThat(r.weights()[1]).isGreaterThan(0.7).isLessThanOrEqualTo(0.75);
    assertThat(r.weights()[0]).isGreaterThanOrEqualTo(0.25).isLessThan(0.3);
  }

  @Test
  void of_weights_areInverseValidationErrorsOnTheLastValuesOnly() {
    double[] y = noisyLine(12, 30);
    List<ForecastMethod> members = List.of(ForecastMethod.NAIVE, ForecastMethod.DRIFT);
    HoldoutWeights.Result r = HoldoutWeights.of(y, members, context(6, 1));
    // By hand: fit on the first 24 values, score on the last 6.
    double[] fit = Arrays.copyOf(y, 24);
    double[] held = Arrays.copyOfRange(y, 24, 30);
    FitContext sub = context(6, 1);
    double eNaive = HoldoutWeights.smape(held, NaiveMethods.naive(fit, sub).mean());
    double eDrift = HoldoutWeights.smape(held, NaiveMethods.drift(fit, sub).mean());
    double inv = 1 / (eNaive + 1e-6) + 1 / (eDrift + 1e-6);
    assertThat(r.weights()[0]).isCloseTo(0.5 / (eNaive + 1e-6) / inv + 0.25, within(1e-12));
    assertThat(r.weights()[1]).isCloseTo(0.5 / (eDrift + 1e-6) / inv + 0.25, within(1e-12));
    assertThat(r.note()).isEqualTo("validation window: last 6 values");
  }

  @Test
  void of_jumpInsideTheWindow_widensIntervalsButAStableSeriesDoesNot() {
    double[] stable = noisyLine(13, 40);
    double[] jump = stable.clone();
    for (int t = 34; t < 40; t++) {
      jump[t] += 30;
    }
    List<ForecastMethod> members = List.of(ForecastMethod.NAIVE, ForecastMethod.DRIFT);
    double calm = HoldoutWeights.of(stable, members, context(6, 1)).intervalScale();
    double wide = HoldoutWeights.of(jump, members, context(6, 1)).intervalScale();
    assertThat(calm).isGreaterThanOrEqualTo(1.0).isLessThan(1.5);
    assertThat(wide).isGreaterThan(3.0);
  }

  @Test
  void of_tooShortToHoldOut_givesEqualWeightsAndSaysSo() {
    HoldoutWeights.Result r =
        HoldoutWeights.of(
            noisyLine(14, 9), List.of(ForecastMethod.NAIVE, ForecastMethod.DRIFT), context(6, 1));
    assertThat(r.weights()).containsExactly(0.5, 0.5);
    assertThat(r.intervalScale()).isEqualTo(1.0);
    assertThat(r.note()).contains("too few");
  }

  @Test
  void forecast_validatedCombo_pointsAreTheWeightedMeanOfItsMembers() {
    SplittableRandom rnd = new SplittableRandom(5);
    double[] y = new double[60];
    for (int t = 0; t < y.length; t++) {
      y[t] = 200 + t + 15 * Math.sin(2 * Math.PI * t / 4) + 4 * rnd.nextGaussian();
    }
    TimeSeries s = TimeSeries.of(Period.quarter(2005, 1), y);
    ForecastSpec spec =
        ForecastSpec.builder()
            .method(ForecastMethod.COMBO)
            .combination(ForecastSpec.CombinationRule.VALIDATED)
            .horizon(8)
            .build();
    Forecast combo = Forecaster.forecast(s, spec);
    Map<String, Double> p = combo.parameters();
    List<ForecastMethod> members = Methods.comboMembers(ForecastSpec.CombinationRule.VALIDATED, 4);
    double[] expected = new double[8];
    double sum = 0;
    for (ForecastMethod m : members) {
      double w = p.get("weight." + m.name().toLowerCase(java.util.Locale.ROOT));
      sum += w;
      ForecastSpec.Builder b = Combination.memberSpec(m, spec, 4).toBuilder().method(m);
      // the validated rule fits ARIMA to the logarithms of a positive series
      ForecastSpec alone = (m == ForecastMethod.ARIMA ? b.boxCox(0) : b).build();
      double[] f = Forecaster.forecast(s, alone).points();
      for (int k = 0; k < 8; k++) {
        expected[k] += w * f[k];
      }
    }
    assertThat(sum).isCloseTo(1.0, within(1e-12));
    assertThat(members).contains(ForecastMethod.DOTM);
    for (int k = 0; k < 8; k++) {
      assertThat(combo.points()[k]).isCloseTo(expected[k], within(1e-9 * Math.abs(expected[k])));
    }
    assertThat(combo.model()).startsWith("Weighted(ETS(").contains(",Ad,").contains(" on log");
    assertThat(p.get("interval.scale")).isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void medianOffset_oneMemberExplodes_intervalFollowsTheOthers() {
    double[][] calm = {{90}, {100}, {110}};
    double[][] wide = {{80}, {100}, {120}};
    double[][] exploded = {{99}, {100}, {1e12}};
    ModelForecast[] fc = {
      member(calm), member(wide), member(exploded),
    };
    double[] buf = new double[3];
    // upper offsets 10, 20, 1e12 - 100: the median is 20; lower offsets -10, -20, -1: median -10
    assertThat(Combination.medianOffset(fc, 2, 1, 0, buf)).isEqualTo(20.0);
    assertThat(Combination.medianOffset(fc, 0, 1, 0, buf)).isEqualTo(-10.0);
  }

  private static ModelForecast member(double[][] q) {
    return new ModelForecast("m", ForecastMethod.NAIVE, Map.of(), null, q[1], q);
  }
}

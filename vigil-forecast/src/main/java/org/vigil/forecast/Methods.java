package org.vigil.forecast;

import java.util.ArrayList;
import java.util.List;

/** Dispatch to the model-based methods. */
final class Methods {
  private Methods() {}

  static ModelForecast run(ForecastMethod method, double[] y, FitContext ctx) {
    return switch (method) {
      case ETS -> ets(y, ctx);
      case ARIMA -> ArimaMethod.forecast(y, ctx);
      case THETA -> Theta.forecast(y, ctx);
      case DOTM -> DynamicTheta.forecast(y, ctx);
      case CROSTON, SBA, TSB -> Intermittent.forecast(y, ctx, method);
      case COMBO -> Combination.forecast(y, ctx);
      case MSTL -> Mstl.forecast(y, ctx);
      case MAPA -> Mapa.forecast(y, ctx);
      case BAGGED_ETS -> BaggedEts.forecast(y, ctx);
      case AUTO -> auto(y, ctx);
      case NAIVE -> NaiveMethods.naive(y, ctx);
      case SNAIVE -> NaiveMethods.seasonalNaive(y, ctx);
      case DRIFT -> NaiveMethods.drift(y, ctx);
      case NAIVE2 -> NaiveMethods.naive2(y, ctx);
    };
  }

  /**
   * The members of the combination: ETS, Theta, and ARIMA when the ARIMA engine is present; the
   * validated rule adds the dynamic optimised Theta method.
   */
  static List<ForecastMethod> comboMembers(ForecastSpec.CombinationRule rule) {
    return comboMembers(rule, 0);
  }

  /**
   * The members of the combination for a seasonal period. The validated rule's members depend on
   * the period, as chosen on validation windows inside the M3 training values (never the test
   * periods; see the module README): monthly series (12) use ARIMA, Theta, DOTM and ETS without a
   * trend; series without a season (1) use damped ETS, ARIMA, DOTM and the random walk with drift;
   * quarterly series (4) damped ETS, ARIMA, DOTM, drift and {@link ForecastMethod#MAPA}; every
   * other period damped ETS, ARIMA, Theta and DOTM. The mean and median rules always use ETS, ARIMA
   * and Theta.
   */
  static List<ForecastMethod> comboMembers(ForecastSpec.CombinationRule rule, int period) {
    boolean validated = rule == ForecastSpec.CombinationRule.VALIDATED;
    // quarterly (4): drift and MAPA instead of Theta, chosen on the M3 validation origins 2 and 3
    // and confirmed on origin 1 (docs/changes/m3acc4.md)
    boolean driftNotTheta = validated && (period == 1 || period == 4);
    List<ForecastMethod> m = new ArrayList<>(List.of(ForecastMethod.ETS));
    if (ArimaMethod.available()) {
      m.add(ForecastMethod.ARIMA);
    }
    if (!driftNotTheta) {
      m.add(ForecastMethod.THETA);
    }
    if (validated) {
      m.add(ForecastMethod.DOTM);
    }
    if (driftNotTheta) {
      m.add(ForecastMethod.DRIFT);
    }
    if (validated && period == 4) {
      m.add(ForecastMethod.MAPA);
    }
    return List.copyOf(m);
  }

  private static ModelForecast auto(double[] y, FitContext ctx) {
    if (Intermittent.isIntermittent(y)) {
      ctx.note("intermittent series (at least 30% zeros): used SBA");
      return Intermittent.forecast(y, ctx, ForecastMethod.SBA);
    }
    if (highFrequency(ctx) && y.length >= 2 * ctx.period + 1) {
      return Mstl.forecast(y, ctx);
    }
    return Combination.forecast(y, ctx);
  }

  /**
   * Weekly and daily series: a cycle longer than ETS's seasonal models take (24), or several
   * cycles.
   */
  private static boolean highFrequency(FitContext ctx) {
    double[] p = ctx.seasonalPeriods;
    return p.length > 1 || (p.length == 1 && p[0] > 24);
  }

  static ModelForecast ets(double[] y, FitContext ctx) {
    EtsFit fit = Ets.select(y, ctx.period, EtsSpecCode.parse(ctx.spec.etsModel()), ctx);
    if (fit == null) {
      ctx.note("no ETS model could be fitted: used naive");
      return NaiveMethods.naive(y, ctx);
    }
    double[] mean = fit.mean(ctx.horizon);
    ctx.residuals = fit.residuals(y);
    double[][] q = fit.quantiles(mean, ctx.probs, ctx.spec.seed(), ctx.spec.simulations());
    return new ModelForecast(
        fit.type.toString(), ForecastMethod.ETS, fit.parameters(), fit.stats, mean, q);
  }
}

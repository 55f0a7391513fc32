package org.vigil.forecast;

/** Dispatch to the model-based methods. */
final class Methods {
  private Methods() {}

  static ModelForecast run(ForecastMethod method, double[] y, FitContext ctx) {
    return switch (method) {
      case ETS -> ets(y, ctx);
      default -> {
        ctx.note(method + " is not implemented yet: used naive");
        yield NaiveMethods.naive(y, ctx);
      }
    };
  }

  static ModelForecast ets(double[] y, FitContext ctx) {
    EtsFit fit = Ets.select(y, ctx.period, EtsSpecCode.parse(ctx.spec.etsModel()), ctx);
    if (fit == null) {
      ctx.note("no ETS model could be fitted: used naive");
      return NaiveMethods.naive(y, ctx);
    }
    double[] mean = fit.mean(ctx.horizon);
    double[][] q = fit.quantiles(mean, ctx.probs, ctx.spec.seed(), ctx.spec.simulations());
    return new ModelForecast(
        fit.type.toString(), ForecastMethod.ETS, fit.parameters(), fit.stats, mean, q);
  }
}

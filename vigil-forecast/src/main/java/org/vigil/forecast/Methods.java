package org.vigil.forecast;

/** Dispatch to the model-based methods. */
final class Methods {
  private Methods() {}

  static ModelForecast run(ForecastMethod method, double[] y, FitContext ctx) {
    ctx.note(method + " is not implemented yet: used naive");
    return NaiveMethods.naive(y, ctx);
  }
}

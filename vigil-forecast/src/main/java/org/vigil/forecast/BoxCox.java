package org.vigil.forecast;

/**
 * The Box-Cox transform {@code (y^lambda - 1) / lambda} ({@code log y} for lambda 0), applied when
 * the spec asks for it and the data are strictly positive.
 */
final class BoxCox {
  private static final BoxCox IDENTITY = new BoxCox(Double.NaN);
  private final double lambda;

  private BoxCox(double lambda) {
    this.lambda = lambda;
  }

  /** The transform with a given lambda (the caller checked that the data are positive). */
  static BoxCox withLambda(double lambda) {
    return new BoxCox(lambda);
  }

  static BoxCox of(ForecastSpec spec, double[] y, FitContext ctx) {
    if (spec.boxCoxLambda().isEmpty()) {
      return IDENTITY;
    }
    for (double v : y) {
      if (!(v > 0)) {
        ctx.note("Box-Cox skipped: the series has values <= 0 (found " + v + ")");
        return IDENTITY;
      }
    }
    ctx.note("Box-Cox transform with lambda " + spec.boxCoxLambda().getAsDouble());
    return new BoxCox(spec.boxCoxLambda().getAsDouble());
  }

  double[] transform(double[] y) {
    if (Double.isNaN(lambda)) {
      return y;
    }
    double[] out = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      out[i] = lambda == 0 ? Math.log(y[i]) : (Math.pow(y[i], lambda) - 1) / lambda;
    }
    return out;
  }

  double[] inverse(double[] z) {
    if (Double.isNaN(lambda)) {
      return z.clone();
    }
    double[] out = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      if (lambda == 0) {
        out[i] = Math.exp(z[i]);
      } else {
        double b = lambda * z[i] + 1;
        out[i] = b <= 0 ? 0 : Math.pow(b, 1 / lambda);
      }
    }
    return out;
  }
}

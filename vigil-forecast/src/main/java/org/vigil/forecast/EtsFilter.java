package org.vigil.forecast;

/**
 * The ETS recursions in error-correction form (Hyndman et al., 2008, chapter 2 and table 2.3),
 * written once for the whole family. With q = l + phi b (the level plus damped trend) the one-step
 * forecast is q, q + s or q s; the level moves towards the seasonally adjusted observation by
 * alpha, the trend by beta/alpha of the level change and the seasonal by gamma towards the
 * de-levelled observation. The point forecasts and state updates are the same for additive and
 * multiplicative errors: only the likelihood differs.
 *
 * <p>This is the inner loop of estimation (benchmarked by JMH in vigil-bench): no allocation.
 */
public final class EtsFilter {
  private final EtsType type;
  private final int m;
  private final double[] y;
  private final double[] season;

  /** Final states after the last {@link #run}: level, trend. */
  double level;

  double trend;

  EtsFilter(EtsType type, int m, double[] y) {
    this.type = type;
    this.m = Math.max(1, m);
    this.y = y;
    this.season = new double[this.m];
  }

  /** A filter for benchmarks: ETS(M,Ad,M) with the given period on {@code y}. */
  public static EtsFilter benchmarkModel(double[] y, int m) {
    return new EtsFilter(new EtsType(true, EtsType.DAMPED, EtsType.MULTIPLICATIVE), m, y);
  }

  /** Runs the benchmark model with fixed, admissible parameters. */
  public double benchmarkRun(double l0, double[] s0) {
    return run(0.3, 0.05, 0.1, 0.95, l0, 0, s0, 0, null);
  }

  /** The seasonal states after the last run, by position modulo the period (do not modify). */
  double[] season() {
    return season;
  }

  /**
   * Runs the recursions from the initial states and returns {@code n log(SSE) + 2 sum log|yhat|}
   * (the latter term for multiplicative errors), the part of -2 log-likelihood that depends on the
   * parameters, or +infinity when a forecast is not positive in a model that needs it.
   *
   * @param s0 initial seasonal states by position (m values from s0Offset), ignored when not
   *     seasonal
   * @param errors when not null, receives the one-step errors (relative for M error)
   */
  double run(
      double alpha,
      double beta,
      double gamma,
      double phi,
      double l0,
      double b0,
      double[] s0,
      int s0Offset,
      double[] errors) {
    int n = y.length;
    boolean multErr = type.multiplicativeError();
    int tr = type.trend();
    int se = type.season();
    double ph = tr == EtsType.DAMPED ? phi : 1;
    double l = l0;
    double b = tr == EtsType.NONE ? 0 : b0;
    if (se == EtsType.NONE) {
      return runWithoutSeason(alpha, beta / alpha, ph, l, b, errors);
    }
    if (errors != null) {
      // once per fitted model, not in the optimiser's loop
      return runGeneral(alpha, beta, gamma, phi, l0, b0, s0, s0Offset, errors);
    }
    System.arraycopy(s0, s0Offset, season, 0, m);
    return se == EtsType.ADDITIVE
        ? runAdditiveSeason(alpha, beta / alpha, gamma, ph, l, b)
        : runMultiplicativeSeason(alpha, beta / alpha, gamma, ph, l, b);
  }

  /**
   * The general recursion with every branch taken per step: the reference that the specialised
   * loops below must equal to the last bit (tested on random inputs). Not used in estimation.
   */
  double runGeneral(
      double alpha,
      double beta,
      double gamma,
      double phi,
      double l0,
      double b0,
      double[] s0,
      int s0Offset,
      double[] errors) {
    int n = y.length;
    boolean multErr = type.multiplicativeError();
    int tr = type.trend();
    int se = type.season();
    double ph = tr == EtsType.DAMPED ? phi : 1;
    double l = l0;
    double b = tr == EtsType.NONE ? 0 : b0;
    if (se != EtsType.NONE) {
      System.arraycopy(s0, s0Offset, season, 0, m);
    }
    double sse = 0;
    double sumLog = 0;
    // The product of the forecasts, folded into sumLog only when it grows or shrinks far: one
    // logarithm per ~40 steps instead of one per step.
    double product = 1;
    double betaOverAlpha = beta / alpha;
    int j = -1;
    for (int t = 0; t < n; t++) {
      double phib = ph * b;
      double q = l + phib;
      j = j + 1 == m ? 0 : j + 1;
      double s = se == EtsType.NONE ? 0 : season[j];
      double f;
      double p;
      if (se == EtsType.NONE) {
        f = q;
        p = y[t];
      } else if (se == EtsType.ADDITIVE) {
        f = q + s;
        p = y[t] - s;
      } else {
        f = q * s;
        p = y[t] / s;
      }
      double e;
      if (multErr) {
        if (!(f > 1e-10)) {
          return Double.POSITIVE_INFINITY;
        }
        e = (y[t] - f) / f;
        product *= f;
        if (product > 1e150 || product < 1e-150) {
          sumLog += Math.log(product);
          product = 1;
        }
      } else {
        e = y[t] - f;
      }
      if (errors != null) {
        errors[t] = e;
      }
      sse += e * e;
      double newL = q + alpha * (p - q);
      if (tr != EtsType.NONE) {
        b = phib + betaOverAlpha * (newL - l - phib);
      }
      if (se == EtsType.ADDITIVE) {
        season[j] = s + gamma * (y[t] - q - s);
      } else if (se == EtsType.MULTIPLICATIVE) {
        if (!(q > 1e-10)) {
          return Double.POSITIVE_INFINITY;
        }
        season[j] = s + gamma * (y[t] / q - s);
      }
      l = newL;
    }
    level = l;
    trend = b;
    sumLog += Math.log(product);
    double v = n * Math.log(Math.max(sse, 1e-300)) + 2 * sumLog;
    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }

  /**
   * {@link #runGeneral} for additive seasons: the same arithmetic in the same order, with the
   * position in the season counted by an inner loop over one period (no per-step wrap test), the
   * fields read into locals once, and the error type decided outside the loop. The C1 compiler of a
   * short-lived benchmark process neither hoists such tests nor unswitches loops.
   */
  private double runAdditiveSeason(
      double alpha, double betaOverAlpha, double gamma, double ph, double l0, double b0) {
    final double[] y = this.y;
    final double[] season = this.season;
    final int n = y.length;
    final int period = m;
    final boolean hasTrend = type.trend() != EtsType.NONE;
    final boolean multErr = type.multiplicativeError();
    double l = l0;
    double b = b0;
    double sse = 0;
    double sumLog = 0;
    double product = 1;
    int t = 0;
    while (t < n) {
      int end = Math.min(n, t + period);
      for (int j = 0; t < end; j++, t++) {
        double yt = y[t];
        double phib = ph * b;
        double q = l + phib;
        double s = season[j];
        double f = q + s;
        double e;
        if (multErr) {
          if (!(f > 1e-10)) {
            return Double.POSITIVE_INFINITY;
          }
          e = (yt - f) / f;
          product *= f;
          if (product > 1e150 || product < 1e-150) {
            sumLog += Math.log(product);
            product = 1;
          }
        } else {
          e = yt - f;
        }
        sse += e * e;
        double newL = q + alpha * (yt - s - q);
        if (hasTrend) {
          b = phib + betaOverAlpha * (newL - l - phib);
        }
        season[j] = s + gamma * (yt - q - s);
        l = newL;
      }
    }
    return finish(n, l, b, sse, sumLog, product);
  }

  /** {@link #runAdditiveSeason} for multiplicative seasons (same order of arithmetic again). */
  private double runMultiplicativeSeason(
      double alpha, double betaOverAlpha, double gamma, double ph, double l0, double b0) {
    final double[] y = this.y;
    final double[] season = this.season;
    final int n = y.length;
    final int period = m;
    final boolean hasTrend = type.trend() != EtsType.NONE;
    final boolean multErr = type.multiplicativeError();
    double l = l0;
    double b = b0;
    double sse = 0;
    double sumLog = 0;
    double product = 1;
    int t = 0;
    while (t < n) {
      int end = Math.min(n, t + period);
      for (int j = 0; t < end; j++, t++) {
        double yt = y[t];
        double phib = ph * b;
        double q = l + phib;
        double s = season[j];
        double f = q * s;
        double e;
        if (multErr) {
          if (!(f > 1e-10)) {
            return Double.POSITIVE_INFINITY;
          }
          e = (yt - f) / f;
          product *= f;
          if (product > 1e150 || product < 1e-150) {
            sumLog += Math.log(product);
            product = 1;
          }
        } else {
          e = yt - f;
        }
        sse += e * e;
        double newL = q + alpha * (yt / s - q);
        if (hasTrend) {
          b = phib + betaOverAlpha * (newL - l - phib);
        }
        if (!(q > 1e-10)) {
          return Double.POSITIVE_INFINITY;
        }
        season[j] = s + gamma * (yt / q - s);
        l = newL;
      }
    }
    return finish(n, l, b, sse, sumLog, product);
  }

  private double finish(int n, double l, double b, double sse, double sumLog, double product) {
    level = l;
    trend = b;
    double logs = sumLog + Math.log(product);
    double v = n * Math.log(Math.max(sse, 1e-300)) + 2 * logs;
    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }

  /**
   * {@link #run} for models without a season: the same arithmetic in the same order (so the same
   * results to the last bit), without the per-step seasonal branches, which the C1 compiler of a
   * short-lived benchmark process does not remove from the loop.
   */
  private double runWithoutSeason(
      double alpha, double betaOverAlpha, double ph, double l0, double b0, double[] errors) {
    int n = y.length;
    boolean multErr = type.multiplicativeError();
    boolean hasTrend = type.trend() != EtsType.NONE;
    double l = l0;
    double b = b0;
    double sse = 0;
    double sumLog = 0;
    double product = 1;
    for (int t = 0; t < n; t++) {
      double phib = ph * b;
      double q = l + phib;
      double e;
      if (multErr) {
        if (!(q > 1e-10)) {
          return Double.POSITIVE_INFINITY;
        }
        e = (y[t] - q) / q;
        product *= q;
        if (product > 1e150 || product < 1e-150) {
          sumLog += Math.log(product);
          product = 1;
        }
      } else {
        e = y[t] - q;
      }
      if (errors != null) {
        errors[t] = e;
      }
      sse += e * e;
      double newL = q + alpha * (y[t] - q);
      if (hasTrend) {
        b = phib + betaOverAlpha * (newL - l - phib);
      }
      l = newL;
    }
    level = l;
    trend = b;
    sumLog += Math.log(product);
    double v = n * Math.log(Math.max(sse, 1e-300)) + 2 * sumLog;
    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }
}

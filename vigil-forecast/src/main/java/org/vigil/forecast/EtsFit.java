package org.vigil.forecast;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A fitted ETS model: parameters, initial and final states, likelihood, and its forecast
 * distribution. Analytic variances for classes 1 and 2 (Hyndman et al., 2008, chapter 6: the c_j
 * coefficients, and the theta_h recursion for multiplicative errors); simulation otherwise.
 */
final class EtsFit {
  final EtsType type;
  final int m;
  final int n;
  final double alpha;
  final double beta;
  final double gamma;
  final double phi;
  final double l0;
  final double b0;
  final double[] s0;
  final double level;
  final double trend;
  final double[] season;
  final double sigma2;
  final double mse;
  final FitStatistics stats;

  EtsFit(EtsType type, int m, double[] y, double[] par, double[] init) {
    this.type = type;
    this.m = Math.max(1, m);
    this.n = y.length;
    this.alpha = par[0];
    this.beta = par[1];
    this.gamma = par[2];
    this.phi = type.damped() ? par[3] : 1;
    this.l0 = init[0];
    this.b0 = init[1];
    this.s0 = new double[this.m];
    System.arraycopy(init, 2, s0, 0, init.length - 2);
    EtsFilter f = new EtsFilter(type, m, y);
    double[] e = new double[n];
    double lik = f.run(alpha, beta, gamma, phi, l0, b0, s0, 0, e);
    this.level = f.level;
    this.trend = f.trend;
    this.season = f.season().clone();
    double sse = 0;
    double absSse = 0;
    for (int t = 0; t < n; t++) {
      sse += e[t] * e[t];
    }
    int k = type.freeParameters(this.m) + 1;
    // -2 log L = n log(SSE / n) + n (1 + log 2 pi) + 2 sum log|yhat| (concentrated Gaussian).
    double minus2LogL = lik - n * Math.log(n) + n * (1 + Math.log(2 * Math.PI));
    // As R's forecast package: divide by n minus the number of estimated parameters.
    this.sigma2 = sse / Math.max(1, n - k + 1);
    for (int t = 0; t < n; t++) {
      double fitted = type.multiplicativeError() ? y[t] / (1 + e[t]) : y[t] - e[t];
      absSse += (y[t] - fitted) * (y[t] - fitted);
    }
    this.mse = absSse / n;
    this.stats = FitStatistics.fromLikelihood(n, k, -0.5 * minus2LogL, sigma2, mse);
  }

  /** The in-sample one-step residuals {@code y - fitted} of the series it was fitted to. */
  double[] residuals(double[] y) {
    double[] e = new double[n];
    new EtsFilter(type, m, y).run(alpha, beta, gamma, phi, l0, b0, s0, 0, e);
    double[] r = new double[n];
    for (int t = 0; t < n; t++) {
      r[t] = type.multiplicativeError() ? y[t] - y[t] / (1 + e[t]) : e[t];
    }
    return r;
  }

  Map<String, Double> parameters() {
    Map<String, Double> p = new LinkedHashMap<>();
    p.put("alpha", alpha);
    if (type.trended()) {
      p.put("beta", beta);
    }
    if (type.seasonal()) {
      p.put("gamma", gamma);
    }
    if (type.damped()) {
      p.put("phi", phi);
    }
    p.put("l0", l0);
    if (type.trended()) {
      p.put("b0", b0);
    }
    if (type.seasonal()) {
      for (int i = 0; i < m; i++) {
        p.put("s0[" + (i + 1) + "]", s0[i]);
      }
    }
    return p;
  }

  /** Point forecasts h = 1..horizon from the final states. */
  double[] mean(int horizon) {
    double[] out = new double[horizon];
    double phiSum = 0;
    double phiPow = 1;
    for (int h = 1; h <= horizon; h++) {
      phiPow *= phi;
      phiSum += type.damped() ? phiPow : 1;
      double q = level + (type.trended() ? phiSum * trend : 0);
      double s = type.seasonal() ? season[(n + h - 1) % m] : 0;
      out[h - 1] =
          switch (type.season()) {
            case EtsType.ADDITIVE -> q + s;
            case EtsType.MULTIPLICATIVE -> q * s;
            default -> q;
          };
    }
    return out;
  }

  /** The c_j coefficients of the linear forecast-variance formulas, j = 1..horizon-1. */
  private double[] cj(int horizon) {
    double[] c = new double[Math.max(0, horizon)];
    double phiSum = 0;
    double phiPow = 1;
    for (int j = 1; j < horizon; j++) {
      phiPow *= phi;
      phiSum += type.damped() ? phiPow : 1;
      double v = alpha;
      if (type.trended()) {
        v += beta * phiSum;
      }
      if (type.seasonal() && j % m == 0) {
        v += gamma;
      }
      c[j] = v;
    }
    return c;
  }

  /** Forecast quantiles at {@code probs}: analytic for classes 1 and 2, simulated for class 3. */
  double[][] quantiles(double[] mean, double[] probs, long seed, int simulations) {
    int horizon = mean.length;
    if (type.varianceClass() == 3) {
      return ModelForecast.empiricalQuantiles(simulate(horizon, seed, simulations), probs);
    }
    double[] c = cj(horizon);
    double[] sd = new double[horizon];
    if (type.varianceClass() == 1) {
      double acc = 1;
      for (int h = 1; h <= horizon; h++) {
        if (h > 1) {
          acc += c[h - 1] * c[h - 1];
        }
        sd[h - 1] = Math.sqrt(sigma2 * acc);
      }
    } else {
      double[] theta = new double[horizon + 1];
      for (int h = 1; h <= horizon; h++) {
        double mu = mean[h - 1];
        double th = mu * mu;
        for (int j = 1; j < h; j++) {
          th += sigma2 * c[j] * c[j] * theta[h - j];
        }
        theta[h] = th;
        sd[h - 1] = Math.sqrt(Math.max(0, (1 + sigma2) * th - mu * mu));
      }
    }
    return ModelForecast.normalQuantiles(mean, sd, probs);
  }

  /** Sample paths of future observations ({@code paths[sim][step]}) from the fitted model. */
  double[][] simulate(int horizon, long seed, int simulations) {
    SplittableRandom rng = new SplittableRandom(seed);
    double sd = Math.sqrt(sigma2);
    double[][] paths = new double[simulations][horizon];
    double[] s = new double[m];
    for (int k = 0; k < simulations; k++) {
      double l = level;
      double b = trend;
      System.arraycopy(season, 0, s, 0, m);
      for (int h = 0; h < horizon; h++) {
        double phib = type.damped() ? phi * b : type.trended() ? b : 0;
        double q = l + phib;
        int j = (n + h) % m;
        double f;
        double p;
        double e = sd * rng.nextGaussian();
        double yv;
        if (type.season() == EtsType.MULTIPLICATIVE) {
          f = q * s[j];
        } else if (type.season() == EtsType.ADDITIVE) {
          f = q + s[j];
        } else {
          f = q;
        }
        yv = type.multiplicativeError() ? f * (1 + e) : f + e;
        p =
            switch (type.season()) {
              case EtsType.ADDITIVE -> yv - s[j];
              case EtsType.MULTIPLICATIVE -> yv / s[j];
              default -> yv;
            };
        double newL = q + alpha * (p - q);
        if (type.trended()) {
          b = phib + beta / alpha * (newL - l - phib);
        }
        if (type.season() == EtsType.ADDITIVE) {
          s[j] = s[j] + gamma * (yv - q - s[j]);
        } else if (type.season() == EtsType.MULTIPLICATIVE && q != 0) {
          s[j] = s[j] + gamma * (yv / q - s[j]);
        }
        l = newL;
        paths[k][h] = yv;
      }
    }
    return paths;
  }
}

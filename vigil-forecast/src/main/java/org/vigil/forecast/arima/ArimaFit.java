package org.vigil.forecast.arima;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted seasonal ARIMA model: its orders, coefficients, fit statistics, residuals, and a
 * forecaster.
 *
 * <p>Statistics follow R ({@code stats::arima} and {@code forecast::Arima}) so that they are
 * comparable: {@link #logLikelihood()} is the exact Gaussian log-likelihood of the differenced
 * series; {@code aic = -2 loglik + 2k} where {@code k} counts the estimated coefficients (including
 * an intercept or drift) plus one for the variance; {@code aicc = aic + 2k(k+1)/(n*-k-1)} and
 * {@code bic = aic + k(log n* - 2)} with {@code n* = n - d - D m}; {@link #sigma2()} is the
 * unbiased residual variance {@code sum(e^2) / (n* - k + 1)} that {@code forecast::Arima} reports
 * and uses for prediction intervals.
 *
 * <p>Immutable and thread-safe.
 */
public final class ArimaFit {
  /** How the model treats a deterministic constant. */
  public enum Constant {
    /** No constant. */
    NONE,
    /** A mean (only without differencing). */
    INTERCEPT,
    /** A linear trend {@code drift * t} (only with one difference in total). */
    DRIFT
  }

  private final ArimaOrder order;
  private final Constant constant;
  private final Map<String, Double> coefficients;
  private final double sigma2;
  private final double sigma2Ml;
  private final double logLikelihood;
  private final double aic;
  private final double aicc;
  private final double bic;
  private final double[] residuals;
  private final String method;
  private final List<String> diagnostics;
  private final double[] y;
  private final double mu;
  private final double[] phi;
  private final double[] theta;
  private final double[] finalState;
  private final double[] finalCovariance;
  private final double[] differencing;

  /** A copy with other information criteria and diagnostics (used by the automatic search). */
  ArimaFit withCriteria(double newAic, double newAicc, double newBic, List<String> notes) {
    Builder b = toBuilder();
    b.aic = newAic;
    b.aicc = newAicc;
    b.bic = newBic;
    b.diagnostics = new java.util.ArrayList<>(notes);
    return b.build();
  }

  private Builder toBuilder() {
    Builder b = new Builder();
    b.order = order;
    b.constant = constant;
    b.coefficients = new LinkedHashMap<>(coefficients);
    b.sigma2 = sigma2;
    b.sigma2Ml = sigma2Ml;
    b.logLikelihood = logLikelihood;
    b.aic = aic;
    b.aicc = aicc;
    b.bic = bic;
    b.residuals = residuals;
    b.method = method;
    b.diagnostics = new java.util.ArrayList<>(diagnostics);
    b.y = y;
    b.mu = mu;
    b.phi = phi;
    b.theta = theta;
    b.finalState = finalState;
    b.finalCovariance = finalCovariance;
    return b;
  }

  ArimaFit(Builder b) {
    this.order = b.order;
    this.constant = b.constant;
    this.coefficients = Collections.unmodifiableMap(new LinkedHashMap<>(b.coefficients));
    this.sigma2 = b.sigma2;
    this.sigma2Ml = b.sigma2Ml;
    this.logLikelihood = b.logLikelihood;
    this.aic = b.aic;
    this.aicc = b.aicc;
    this.bic = b.bic;
    this.residuals = b.residuals.clone();
    this.method = b.method;
    this.diagnostics = List.copyOf(b.diagnostics);
    this.y = b.y.clone();
    this.mu = b.mu;
    this.phi = b.phi.clone();
    this.theta = b.theta.clone();
    this.finalState = b.finalState.clone();
    this.finalCovariance = b.finalCovariance.clone();
    this.differencing = LagPolynomial.differencing(order.d(), order.seasonalD(), order.m());
  }

  /** The model's orders. */
  public ArimaOrder order() {
    return order;
  }

  /** The deterministic term of the model. */
  public Constant constant() {
    return constant;
  }

  /**
   * Estimated coefficients in R's naming and order: {@code ar1.., ma1.., sar1.., sma1..}, then
   * {@code intercept} or {@code drift}.
   */
  public Map<String, Double> coefficients() {
    return coefficients;
  }

  /** Unbiased innovation variance (as {@code forecast::Arima}). */
  public double sigma2() {
    return sigma2;
  }

  /** The maximum-likelihood innovation variance {@code S / n*} (as {@code stats::arima}). */
  double sigma2Ml() {
    return sigma2Ml;
  }

  /** Expanded AR coefficients (regression convention). */
  double[] expandedAr() {
    return phi.clone();
  }

  /** Expanded MA coefficients. */
  double[] expandedMa() {
    return theta.clone();
  }

  /** Exact Gaussian log-likelihood (NaN for a conditional-sum-of-squares fit). */
  public double logLikelihood() {
    return logLikelihood;
  }

  public double aic() {
    return aic;
  }

  public double aicc() {
    return aicc;
  }

  public double bic() {
    return bic;
  }

  /**
   * One residual per observation: the standardised one-step innovations of the Kalman filter; the
   * first {@code d + D m} observations, consumed by differencing, have residual 0.
   */
  public double[] residuals() {
    return residuals.clone();
  }

  /** The estimation method ({@code "CSS-ML"} or {@code "CSS"}). */
  public String method() {
    return method;
  }

  /** Remarks about the fit (fallbacks, dropped terms). */
  public List<String> diagnostics() {
    return diagnostics;
  }

  /** Number of observations the likelihood uses: {@code n - d - D m}. */
  public int effectiveObservations() {
    return y.length - order.differencingLoss();
  }

  /**
   * Forecasts {@code h} steps ahead: conditional means from the Kalman filter's final state,
   * integrated through the differences; standard errors from the filter's final state covariance
   * propagated through the state-space form (psi weights plus any state uncertainty left, as when a
   * moving average is close to non-invertible), scaled by {@link #sigma2()}, as R's {@code
   * predict.Arima}.
   */
  public ArimaForecast forecast(int h) {
    if (h < 1) {
      throw new IllegalArgumentException("Forecast horizon must be at least 1, found " + h);
    }
    int n = y.length;
    double[] extended = new double[n + h];
    System.arraycopy(y, 0, extended, 0, n);
    double[] state = finalState.clone();
    int r = state.length;
    double[] mean = new double[h];
    for (int k = 0; k < h; k++) {
      double w = mu + state[0];
      double a0 = state[0];
      for (int i = 0; i < r - 1; i++) {
        state[i] = state[i + 1];
      }
      state[r - 1] = 0.0;
      for (int i = 0; i < phi.length; i++) {
        state[i] += phi[i] * a0;
      }
      double value = w;
      for (int j = 0; j < differencing.length; j++) {
        value -= differencing[j] * extended[n + k - 1 - j];
      }
      extended[n + k] = value;
      mean[k] = value;
    }
    return new ArimaForecast(mean, standardErrors(h));
  }

  private double[] standardErrors(int h) {
    double[] v = ArimaStateSpace.forecastVariances(finalCovariance, phi, theta, differencing, h);
    double[] se = new double[h];
    for (int i = 0; i < h; i++) {
      se[i] = Math.sqrt(sigma2 * v[i]);
    }
    return se;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(order.toString());
    if (constant != Constant.NONE) {
      sb.append(" with ").append(constant.name().toLowerCase(java.util.Locale.ROOT));
    }
    sb.append(' ').append(coefficients);
    sb.append(" sigma2=").append(sigma2);
    sb.append(" loglik=").append(logLikelihood);
    sb.append(" aicc=").append(aicc);
    return sb.toString();
  }

  /** Mutable assembly of a fit inside the package. */
  static final class Builder {
    ArimaOrder order = ArimaOrder.of(0, 0, 0);
    Constant constant = Constant.NONE;
    Map<String, Double> coefficients = new LinkedHashMap<>();
    double sigma2;
    double sigma2Ml;
    double logLikelihood = Double.NaN;
    double aic = Double.NaN;
    double aicc = Double.NaN;
    double bic = Double.NaN;
    double[] residuals = new double[0];
    String method = "CSS-ML";
    List<String> diagnostics = new java.util.ArrayList<>();
    double[] y = new double[0];
    double mu;
    double[] phi = new double[0];
    double[] theta = new double[0];
    double[] finalState = new double[] {0.0};
    double[] finalCovariance = new double[] {1.0};

    ArimaFit build() {
      return new ArimaFit(this);
    }
  }
}

package org.vigil.forecast.arima;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Estimates one seasonal ARIMA model the way R's {@code arima(method = "CSS-ML")} does.
 *
 * <p>The series is differenced explicitly ({@code (1-B)^d (1-B^m)^D}); for a fully observed series
 * this gives the same likelihood as R's diffuse treatment of the differenced states. A constant is
 * a regression coefficient {@code beta} on a regressor that differences to the constant {@code c}
 * (an intercept: 1 without differencing; a drift {@code t}: 1 after a first difference, {@code m}
 * after a seasonal one), so the differenced series has mean {@code beta c}.
 *
 * <ol>
 *   <li>Conditional sum of squares from zero ARMA coefficients and the least-squares constant.
 *   <li>The AR parts must be stationary there (else the fit fails, as in R, unless {@code lenient},
 *       in which case the AR part restarts from zero).
 *   <li>Exact likelihood by the Kalman filter, AR parts reparameterised through partial
 *       autocorrelations so every trial is stationary; MA parts start invertible.
 *   <li>MA roots inside the unit circle are reflected (same likelihood, invertible form).
 * </ol>
 *
 * <p>Instances hold work buffers; one per thread.
 */
final class ArimaEstimator {
  private static final double REL_TOL = 1.490116119384765625e-8;
  private static final int MAX_ITER = 100;
  private static final double GRADIENT_STEP = 1e-3;

  /** Estimation method. */
  enum Method {
    CSS_ML,
    CSS
  }

  private final ArmaLikelihood likelihood = new ArmaLikelihood();
  private final ArmaCss css = new ArmaCss();
  private final BfgsMinimizer minimizer = new BfgsMinimizer(REL_TOL, MAX_ITER, GRADIENT_STEP);

  /** Outcome: a fit, or the reason there is none. */
  record Outcome(Optional<ArimaFit> fit, String failure) {
    static Outcome failed(String why) {
      return new Outcome(Optional.empty(), why);
    }

    static Outcome ofFit(ArimaFit fit) {
      return new Outcome(Optional.of(fit), "");
    }
  }

  Outcome estimate(
      double[] y, ArimaOrder order, boolean includeConstant, Method method, boolean lenient) {
    Problem pr = problem(y, order, includeConstant);
    if (pr.w.length < 1) {
      return Outcome.failed("no observations left after differencing");
    }
    List<String> notes = new ArrayList<>();
    if (includeConstant && pr.constant == ArimaFit.Constant.NONE) {
      notes.add(
          "no constant fitted: with " + order.differencingLoss() + " differences it vanishes");
    }
    double[] x = pr.initial();
    BfgsMinimizer.Result cssResult = minimizer.minimize(pr::cssObjective, x);
    if (cssResult.gradientFailed()) {
      if (!lenient) {
        return Outcome.failed("the conditional sum of squares has no finite gradient");
      }
      x = pr.initial();
    }
    if (method == Method.CSS) {
      // as R's method "CSS": the estimate is used as it is; the caller checks the roots
      return Outcome.ofFit(pr.cssFit(x, notes));
    }
    if (!cssResult.converged()) {
      x = pr.initial();
    }
    if (!pr.arStationary(x)) {
      if (!lenient) {
        return Outcome.failed("non-stationary AR part from CSS");
      }
      pr.zeroAr(x);
      notes.add("CSS gave a non-stationary AR part; maximum likelihood started from zero");
    }
    double[] z = pr.toTransformed(x);
    BfgsMinimizer.Result ml = minimizer.minimize(pr::mlObjective, z);
    if (!Double.isFinite(ml.value()) || (ml.gradientFailed() && !lenient)) {
      return Outcome.failed("the exact likelihood could not be evaluated");
    }
    if (!ml.converged()) {
      notes.add("the likelihood optimiser stopped after " + MAX_ITER + " iterations");
    }
    double[] coef = pr.fromTransformed(z);
    pr.invertMa(coef);
    return pr.mlFit(coef, notes)
        .map(f -> new Outcome(Optional.of(f), ""))
        .orElseGet(() -> Outcome.failed("the exact likelihood could not be evaluated"));
  }

  /**
   * A model without stochastic ARMA part whose differenced series is exactly the constant {@code
   * mu} (R's answer for series that differencing makes constant): zero residuals and variance.
   */
  ArimaFit deterministic(double[] y, ArimaOrder order, boolean includeConstant, double mu) {
    Problem pr = problem(y, order, includeConstant);
    double[] x = new double[pr.size()];
    if (pr.constant != ArimaFit.Constant.NONE) {
      x[x.length - 1] = mu / pr.regressorStep / pr.betaScale;
    }
    pr.expand(x, x, 0, 0);
    ArimaFit.Builder b = pr.common(x, new double[pr.w.length], new ArrayList<>());
    b.sigma2 = 0.0;
    b.sigma2Ml = 0.0;
    b.mu = pr.constant == ArimaFit.Constant.NONE ? 0.0 : mu;
    b.method = "fixed";
    b.finalCovariance = new double[] {1.0};
    b.diagnostics = List.of("the differenced series is constant: deterministic model");
    return b.build();
  }

  /** {@code R R'}: the state covariance once the past is known. */
  static double[] unitCovariance(double[] theta, int r) {
    double[] rv = new double[r];
    rv[0] = 1.0;
    for (int i = 1; i < r; i++) {
      rv[i] = i - 1 < theta.length ? theta[i - 1] : 0.0;
    }
    double[] out = new double[r * r];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < r; j++) {
        out[i * r + j] = rv[i] * rv[j];
      }
    }
    return out;
  }

  private Problem problem(double[] y, ArimaOrder order, boolean includeConstant) {
    int loss = order.differencingLoss();
    ArimaFit.Constant constant = ArimaFit.Constant.NONE;
    if (includeConstant && loss == 0) {
      constant = ArimaFit.Constant.INTERCEPT;
    } else if (includeConstant && order.d() + order.seasonalD() == 1) {
      constant = ArimaFit.Constant.DRIFT;
    }
    double[] diff = LagPolynomial.differencing(order.d(), order.seasonalD(), order.m());
    int nw = Math.max(0, y.length - loss);
    double[] w = new double[nw];
    for (int t = 0; t < nw; t++) {
      double v = y[t + loss];
      for (int j = 0; j < diff.length; j++) {
        v += diff[j] * y[t + loss - 1 - j];
      }
      w[t] = v;
    }
    return new Problem(y, order, constant, w);
  }

  /** The data and parameter layout of one estimation problem. */
  private final class Problem {
    final double[] y;
    final ArimaOrder order;
    final ArimaFit.Constant constant;
    final double[] w;
    final double regressorStep;
    final double betaInit;
    final double betaScale;
    final int p;
    final int q;
    final int sp;
    final int sq;
    final double[] phi;
    final double[] theta;
    final double[] arWork;

    private Problem(double[] y, ArimaOrder order, ArimaFit.Constant constant, double[] w) {
      this.y = y;
      this.order = order;
      this.constant = constant;
      this.w = w;
      this.p = order.p();
      this.q = order.q();
      this.sp = order.seasonalP();
      this.sq = order.seasonalQ();
      this.phi = new double[order.expandedArOrder()];
      this.theta = new double[order.expandedMaOrder()];
      this.arWork = new double[p + sp];
      this.regressorStep =
          constant == ArimaFit.Constant.DRIFT && order.seasonalD() == 1 ? order.m() : 1.0;
      double mean = 0.0;
      for (double v : w) {
        mean += v;
      }
      mean /= w.length;
      double ss = 0.0;
      for (double v : w) {
        ss += (v - mean) * (v - mean);
      }
      double se = w.length > 1 ? Math.sqrt(ss / (w.length - 1) / w.length) : 0.0;
      this.betaInit = mean / regressorStep;
      double scale = 10.0 * se / regressorStep;
      this.betaScale = scale > 0.0 && Double.isFinite(scale) ? scale : 1.0;
    }

    int size() {
      return p + q + sp + sq + (constant == ArimaFit.Constant.NONE ? 0 : 1);
    }

    double[] initial() {
      double[] x = new double[size()];
      if (constant != ArimaFit.Constant.NONE) {
        x[x.length - 1] = betaInit / betaScale;
      }
      return x;
    }

    double mu(double[] x) {
      return constant == ArimaFit.Constant.NONE ? 0.0 : x[x.length - 1] * betaScale * regressorStep;
    }

    /** Fills phi and theta from raw (untransformed) coefficients at x. */
    void expand(double[] x, double[] ar, int arFrom, int sarFrom) {
      java.util.Arrays.fill(phi, 0.0);
      java.util.Arrays.fill(theta, 0.0);
      int m = order.m();
      for (int i = 0; i < p; i++) {
        phi[i] = ar[arFrom + i];
      }
      for (int j = 0; j < sp; j++) {
        double s = ar[sarFrom + j];
        int lag = (j + 1) * m;
        phi[lag - 1] += s;
        for (int i = 0; i < p; i++) {
          phi[lag + i] -= ar[arFrom + i] * s;
        }
      }
      int maFrom = p;
      int smaFrom = p + q + sp;
      for (int i = 0; i < q; i++) {
        theta[i] = x[maFrom + i];
      }
      for (int j = 0; j < sq; j++) {
        double s = x[smaFrom + j];
        int lag = (j + 1) * m;
        theta[lag - 1] += s;
        for (int i = 0; i < q; i++) {
          theta[lag + i] += x[maFrom + i] * s;
        }
      }
    }

    double cssObjective(double[] x) {
      expand(x, x, 0, p + q);
      return css.objective(w, mu(x), phi, theta, order.expandedArOrder());
    }

    double mlObjective(double[] z) {
      LagPolynomial.pacfToAr(z, 0, p, arWork, 0);
      LagPolynomial.pacfToAr(z, p + q, sp, arWork, p);
      expand(z, arWork, 0, p);
      return likelihood.objective(w, mu(z), phi, theta);
    }

    boolean arStationary(double[] x) {
      return isStationary(x, 0, p) && isStationary(x, p + q, sp);
    }

    private boolean isStationary(double[] x, int from, int count) {
      if (count == 0) {
        return true;
      }
      double[] a = new double[count];
      System.arraycopy(x, from, a, 0, count);
      return LagPolynomial.isStationary(a);
    }

    void zeroAr(double[] x) {
      java.util.Arrays.fill(x, 0, p, 0.0);
      java.util.Arrays.fill(x, p + q, p + q + sp, 0.0);
    }

    void invertMa(double[] x) {
      invertPart(x, p, q);
      invertPart(x, p + q + sp, sq);
    }

    private void invertPart(double[] x, int from, int count) {
      if (count == 0) {
        return;
      }
      double[] part = new double[count];
      System.arraycopy(x, from, part, 0, count);
      double[] inv = LagPolynomial.invertMa(part);
      System.arraycopy(inv, 0, x, from, count);
    }

    double[] toTransformed(double[] x) {
      double[] z = x.clone();
      LagPolynomial.arToPacf(x, 0, p, z, 0);
      LagPolynomial.arToPacf(x, p + q, sp, z, p + q);
      invertMa(z);
      return z;
    }

    double[] fromTransformed(double[] z) {
      double[] x = z.clone();
      LagPolynomial.pacfToAr(z, 0, p, x, 0);
      LagPolynomial.pacfToAr(z, p + q, sp, x, p + q);
      return x;
    }

    Optional<ArimaFit> mlFit(double[] x, List<String> notes) {
      expand(x, x, 0, p + q);
      int nw = w.length;
      double[] innovations = new double[nw];
      double mu = mu(x);
      int r = Math.max(phi.length, theta.length + 1);
      double[] covariance = new double[r * r];
      if (!likelihood.filter(w, mu, phi, theta, innovations, covariance)) {
        return Optional.empty();
      }
      double s2 = likelihood.sumSquares() / nw;
      double loglik =
          -0.5
              * (nw * Math.log(s2)
                  + likelihood.sumLogVariance()
                  + nw
                  + nw * Math.log(2.0 * Math.PI));
      ArimaFit.Builder b = common(x, innovations, notes);
      b.method = "CSS-ML";
      b.sigma2Ml = s2;
      b.logLikelihood = loglik;
      int k = size() + 1;
      b.aic = -2.0 * loglik + 2.0 * k;
      fillInformationCriteria(b, k);
      b.finalState = likelihood.finalState(r);
      b.finalCovariance = covariance;
      return Optional.of(b.build());
    }

    ArimaFit cssFit(double[] x, List<String> notes) {
      expand(x, x, 0, p + q);
      double mu = mu(x);
      int ncond = order.expandedArOrder();
      css.run(w, mu, phi, theta, ncond);
      double[] innovations = css.residuals(w.length);
      ArimaFit.Builder b = common(x, innovations, notes);
      b.method = "CSS";
      int nw = w.length;
      double s2 = css.sumSquares() / css.count();
      b.sigma2Ml = s2;
      b.logLikelihood = -0.5 * (nw * Math.log(s2) + nw + nw * Math.log(2.0 * Math.PI));
      int r = Math.max(phi.length, theta.length + 1);
      double[] covariance = new double[r * r];
      if (likelihood.filter(w, mu, phi, theta, null, covariance)) {
        b.finalState = likelihood.finalState(r);
        b.finalCovariance = covariance;
      } else {
        b.finalState = new double[r];
        b.finalCovariance = unitCovariance(theta, r);
      }
      return b.build();
    }

    ArimaFit.Builder common(double[] x, double[] innovations, List<String> notes) {
      ArimaFit.Builder b = new ArimaFit.Builder();
      b.order = order;
      b.constant = constant;
      b.coefficients = names(x);
      int loss = order.differencingLoss();
      double[] res = new double[y.length];
      System.arraycopy(innovations, 0, res, loss, innovations.length);
      if (loss > 0) {
        double[] z = y.clone();
        if (constant == ArimaFit.Constant.DRIFT) {
          double drift = x[x.length - 1] * betaScale;
          for (int t = 0; t < z.length; t++) {
            z[t] -= drift * (t + 1);
          }
        }
        double[] first =
            ArimaStateSpace.diffuseResiduals(
                z, phi, theta, LagPolynomial.differencing(order.d(), order.seasonalD(), order.m()));
        System.arraycopy(first, 0, res, 0, loss);
      }
      b.residuals = res;
      double ss = 0.0;
      for (double e : res) {
        ss += e * e;
      }
      int k = size() + 1;
      b.sigma2 = ss / (w.length - k + 1);
      b.diagnostics = notes;
      b.y = y;
      b.mu = mu(x);
      b.phi = phi.clone();
      b.theta = theta.clone();
      return b;
    }

    void fillInformationCriteria(ArimaFit.Builder b, int k) {
      int nstar = w.length;
      double denom = nstar - k - 1.0;
      b.aicc = denom > 0 ? b.aic + 2.0 * k * (k + 1.0) / denom : Double.POSITIVE_INFINITY;
      b.bic = b.aic + k * (Math.log(nstar) - 2.0);
    }

    Map<String, Double> names(double[] x) {
      Map<String, Double> out = new LinkedHashMap<>();
      for (int i = 0; i < p; i++) {
        out.put("ar" + (i + 1), x[i]);
      }
      for (int i = 0; i < q; i++) {
        out.put("ma" + (i + 1), x[p + i]);
      }
      for (int i = 0; i < sp; i++) {
        out.put("sar" + (i + 1), x[p + q + i]);
      }
      for (int i = 0; i < sq; i++) {
        out.put("sma" + (i + 1), x[p + q + sp + i]);
      }
      if (constant == ArimaFit.Constant.INTERCEPT) {
        out.put("intercept", x[x.length - 1] * betaScale);
      } else if (constant == ArimaFit.Constant.DRIFT) {
        out.put("drift", x[x.length - 1] * betaScale);
      }
      return out;
    }
  }
}

package org.vigil.forecast.arima;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Automatic seasonal ARIMA in the manner of Hyndman and Khandakar (2008) and R's {@code
 * forecast::auto.arima} with default settings.
 *
 * <ol>
 *   <li>Seasonal differencing {@code D} (period above 1 and more than two full periods): one
 *       difference when the STL seasonal strength exceeds 0.64.
 *   <li>Non-seasonal differencing {@code d}: repeated KPSS tests at 5% on the seasonally
 *       differenced series, at most two differences.
 *   <li>A drift is allowed when {@code d + D = 1}, a mean when {@code d + D = 0}.
 *   <li>Stepwise search: four starting models (the (2,d,2)(1,D,1) start, the null model, a first
 *       order AR and a first order MA) and the null model without constant; then, from the best so
 *       far, vary one or two of P, Q, then p, q by one, and toggle the constant, restarting from
 *       every improvement, until no neighbour improves or 94 models were fitted.
 *   <li>Models are ranked by AICc of the CSS-ML fit; a model whose AR or MA roots lie within 1.01
 *       of the unit circle, or whose fit fails, ranks last. For long series (over 150 values or a
 *       period above 12) the search ranks by conditional sum of squares and refits the winners by
 *       exact likelihood.
 *   <li>When nothing can be fitted, the null model {@code (0,d,0)(0,D,0)} (with a constant when
 *       allowed) is returned with a diagnostic, where R would stop with an error.
 * </ol>
 *
 * <p>Deterministic and thread-safe (no shared state).
 */
public final class AutoArima {
  private static final double ROOT_MARGIN = 1.01;
  private static final int SEASONAL_WINDOW = 11;

  private AutoArima() {}

  /**
   * Chooses and fits a model.
   *
   * @param y the series, finite values, oldest first
   * @param seasonalPeriod observations per seasonal cycle (12 monthly, 4 quarterly, 1 none)
   * @param spec search settings ({@link AutoArimaSpec#DEFAULT} for R's)
   * @throws IllegalArgumentException for an empty or non-finite series or a period below 1
   */
  public static ArimaFit fit(double[] y, int seasonalPeriod, AutoArimaSpec spec) {
    if (y.length == 0) {
      throw new IllegalArgumentException("AutoArima needs at least one observation, found none");
    }
    if (seasonalPeriod < 1) {
      throw new IllegalArgumentException(
          "Seasonal period must be at least 1, found " + seasonalPeriod + "; use 1 for none");
    }
    Arima.requireUsable(y, ArimaOrder.of(0, 0, 0));
    return new Search(y.clone(), seasonalPeriod, spec).run();
  }

  /** The models the search tried, in order, with their criterion (for diagnostics and tests). */
  static List<String> trace(double[] y, int seasonalPeriod, AutoArimaSpec spec) {
    Search search = new Search(y.clone(), seasonalPeriod, spec);
    search.run();
    List<String> out = new ArrayList<>();
    for (Trial t : search.trials) {
      out.add(
          new ArimaOrder(t.p, search.d, t.q, t.sp, search.seasonalD, t.sq, search.m)
              + (t.constant ? " with constant" : "")
              + " : "
              + t.ic);
    }
    return out;
  }

  /** One tried model. */
  private record Trial(int p, int q, int sp, int sq, boolean constant, double ic) {
    boolean same(int op, int oq, int osp, int osq, boolean oc) {
      return p == op && q == oq && sp == osp && sq == osq && constant == oc;
    }
  }

  /** State of one search. */
  private static final class Search {
    private final double[] y;
    private final int n;
    private final AutoArimaSpec spec;
    private final ArimaEstimator estimator = new ArimaEstimator();
    private final List<Trial> trials = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int m;
    private int d;
    private int seasonalD;
    private AutoArimaSpec.Criterion criterion;
    private boolean approximate;
    private double offset;

    Search(double[] y, int m, AutoArimaSpec spec) {
      this.y = y;
      this.n = y.length;
      this.m = m;
      this.spec = spec;
      this.criterion = n <= 3 ? AutoArimaSpec.Criterion.AIC : spec.criterion();
    }

    ArimaFit run() {
      if (KpssTest.isConstant(y)) {
        notes.add("constant series: mean model");
        return estimator.deterministic(y, ArimaOrder.of(0, 0, 0), true, y[0]);
      }
      int maxP = Math.min(spec.maxP(), n / 3);
      int maxQ = Math.min(spec.maxQ(), n / 3);
      int maxSp = 0;
      int maxSq = 0;
      if (m > 1 && m < n) {
        maxSp = Math.min(spec.maxSeasonalP(), n / 3 / m);
        maxSq = Math.min(spec.maxSeasonalQ(), n / 3 / m);
        seasonalD = seasonalDifferences();
      } else if (m > 1) {
        notes.add("too short for seasonal models: " + n + " values for period " + m);
        m = 1;
      }
      double[] dx = seasonalD > 0 ? KpssTest.difference(y, m) : y;
      d = KpssTest.differences(dx, spec.kpssAlpha(), spec.maxD());
      for (int i = 0; i < d; i++) {
        dx = KpssTest.difference(dx, 1);
      }
      if (dx.length == 0) {
        notes.add("too short to difference: random walk");
        return estimator.deterministic(y, ArimaOrder.of(0, Math.min(d, n - 1), 0), false, 0.0);
      }
      if (KpssTest.isConstant(dx)) {
        return constantAfterDifferencing(dx);
      }
      if (m > 1) {
        if (maxSp > 0) {
          maxP = Math.min(maxP, m - 1);
        }
        if (maxSq > 0) {
          maxQ = Math.min(maxQ, m - 1);
        }
      }
      approximate =
          switch (spec.approximation()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> n > 150 || m > 12;
          };
      if (approximate) {
        approximate = computeOffset();
      }
      boolean allowDrift = spec.allowDrift() && d + seasonalD == 1;
      boolean allowMean = spec.allowMean() && d + seasonalD == 0;
      Optional<ArimaFit> best = stepwise(maxP, maxQ, maxSp, maxSq, allowDrift || allowMean);
      if (approximate) {
        best = refitExactly();
      }
      ArimaFit chosen = best.orElseGet(() -> fallback(allowDrift || allowMean));
      List<String> all = new ArrayList<>(notes);
      all.addAll(chosen.diagnostics());
      all.add(
          "chosen by "
              + criterion.name()
              + " among "
              + trials.size()
              + " models (d by KPSS, D by seasonal strength)");
      return chosen.withCriteria(chosen.aic(), chosen.aicc(), chosen.bic(), all);
    }

    private int seasonalDifferences() {
      if (spec.maxSeasonalD() < 1 || n <= 2 * m) {
        return 0;
      }
      double strength = StlDecomposition.seasonalStrength(y, m, SEASONAL_WINDOW);
      return strength > spec.seasonalStrengthThreshold() ? 1 : 0;
    }

    private ArimaFit constantAfterDifferencing(double[] dx) {
      double mean = 0.0;
      for (double v : dx) {
        mean += v;
      }
      mean /= dx.length;
      ArimaOrder order = new ArimaOrder(0, d, 0, 0, seasonalD, 0, m);
      boolean constant = d + seasonalD == 1;
      return estimator.deterministic(y, order, constant, constant ? mean : 0.0);
    }

    /**
     * The offset that puts CSS fits on the likelihood scale, from an exact fit of the null model
     * (with a mean when there is no differencing): {@code -2 loglik - n log(sigma2)}.
     */
    private boolean computeOffset() {
      ArimaOrder order = new ArimaOrder(0, d, 0, 0, seasonalD, 0, m);
      Optional<ArimaFit> fit =
          estimator
              .estimate(y, order, d + seasonalD == 0, ArimaEstimator.Method.CSS_ML, false)
              .fit();
      if (fit.isEmpty()) {
        notes.add("no CSS offset could be computed: exact likelihood used throughout");
        return false;
      }
      offset = -2.0 * fit.get().logLikelihood() - n * Math.log(fit.get().sigma2Ml());
      return true;
    }

    private Optional<ArimaFit> stepwise(
        int maxP, int maxQ, int maxSp, int maxSq, boolean constant) {
      int p = Math.min(spec.startP(), maxP);
      int q = Math.min(spec.startQ(), maxQ);
      int sp = m > 1 ? Math.min(spec.startSeasonalP(), maxSp) : 0;
      int sq = m > 1 ? Math.min(spec.startSeasonalQ(), maxSq) : 0;
      Candidate best = evaluate(p, q, sp, sq, constant);
      Candidate c = evaluate(0, 0, 0, 0, constant);
      if (c.ic < best.ic) {
        best = c;
        p = q = sp = sq = 0;
      }
      if (maxP > 0 || maxSp > 0) {
        int ap = maxP > 0 ? 1 : 0;
        int asp = m > 1 && maxSp > 0 ? 1 : 0;
        c = evaluate(ap, 0, asp, 0, constant);
        if (c.ic < best.ic) {
          best = c;
          p = ap;
          sp = asp;
          q = sq = 0;
        }
      }
      if (maxQ > 0 || maxSq > 0) {
        int aq = maxQ > 0 ? 1 : 0;
        int asq = m > 1 && maxSq > 0 ? 1 : 0;
        c = evaluate(0, aq, 0, asq, constant);
        if (c.ic < best.ic) {
          best = c;
          q = aq;
          sq = asq;
          p = sp = 0;
        }
      }
      boolean toggle = constant;
      if (constant) {
        c = evaluate(0, 0, 0, 0, false);
        if (c.ic < best.ic) {
          // R keeps searching with the constant switched on here (its "constant" flag is not
          // updated); the toggle move below can still drop it
          best = c;
          p = q = sp = sq = 0;
        }
      }
      int[][] moves = {
        {0, 0, -1, 0}, {0, 0, 0, -1}, {0, 0, 1, 0}, {0, 0, 0, 1},
        {0, 0, -1, -1}, {0, 0, -1, 1}, {0, 0, 1, -1}, {0, 0, 1, 1},
        {-1, 0, 0, 0}, {0, -1, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0},
        {-1, -1, 0, 0}, {-1, 1, 0, 0}, {1, -1, 0, 0}, {1, 1, 0, 0}
      };
      int startk = 0;
      outer:
      while (startk < trials.size() && trials.size() < spec.maxModels()) {
        startk = trials.size();
        for (int[] mv : moves) {
          int np = p + mv[0];
          int nq = q + mv[1];
          int nsp = sp + mv[2];
          int nsq = sq + mv[3];
          if (np < 0 || nq < 0 || nsp < 0 || nsq < 0) {
            continue;
          }
          if (np > maxP || nq > maxQ || nsp > maxSp || nsq > maxSq) {
            continue;
          }
          if (tried(np, nq, nsp, nsq, constant)) {
            continue;
          }
          if (trials.size() >= spec.maxModels()) {
            break outer;
          }
          c = evaluate(np, nq, nsp, nsq, constant);
          if (c.ic < best.ic) {
            best = c;
            p = np;
            q = nq;
            sp = nsp;
            sq = nsq;
            continue outer;
          }
        }
        if (toggle && !tried(p, q, sp, sq, !constant)) {
          if (trials.size() >= spec.maxModels()) {
            break;
          }
          c = evaluate(p, q, sp, sq, !constant);
          if (c.ic < best.ic) {
            best = c;
            constant = !constant;
          }
        }
      }
      return best.ic < Double.POSITIVE_INFINITY ? best.fit : Optional.empty();
    }

    private boolean tried(int p, int q, int sp, int sq, boolean constant) {
      for (Trial t : trials) {
        if (t.same(p, q, sp, sq, constant)) {
          return true;
        }
      }
      return false;
    }

    /** A fitted candidate and its criterion (infinite when unusable). */
    private record Candidate(Optional<ArimaFit> fit, double ic) {}

    private Candidate evaluate(int p, int q, int sp, int sq, boolean constant) {
      Candidate c = fitOne(p, q, sp, sq, constant, approximate);
      trials.add(new Trial(p, q, sp, sq, constant, c.ic));
      return c;
    }

    private Candidate fitOne(int p, int q, int sp, int sq, boolean constant, boolean css) {
      ArimaOrder order = new ArimaOrder(p, d, q, sp, seasonalD, sq, m);
      ArimaEstimator.Method method = css ? ArimaEstimator.Method.CSS : ArimaEstimator.Method.CSS_ML;
      Optional<ArimaFit> fit = estimator.estimate(y, order, constant, method, false).fit();
      if (fit.isEmpty()) {
        return new Candidate(Optional.empty(), Double.POSITIVE_INFINITY);
      }
      ArimaFit f = fit.get();
      if (css) {
        int k = f.coefficients().size() + 1;
        int nstar = f.effectiveObservations();
        double aic = offset + nstar * Math.log(f.sigma2Ml()) + 2.0 * k;
        double denom = nstar - k - 1.0;
        double aicc = denom > 0 ? aic + 2.0 * k * (k + 1.0) / denom : Double.POSITIVE_INFINITY;
        double bic = aic + k * (Math.log(nstar) - 2.0);
        f = f.withCriteria(aic, aicc, bic, f.diagnostics());
      }
      double ic =
          switch (criterion) {
            case AICC -> f.aicc();
            case AIC -> f.aic();
            case BIC -> f.bic();
          };
      if (!Double.isFinite(ic) || nearUnitRoot(f)) {
        ic = Double.POSITIVE_INFINITY;
      }
      return new Candidate(Optional.of(f), ic);
    }

    private static boolean nearUnitRoot(ArimaFit f) {
      double[] phi = f.expandedAr();
      double[] c = new double[phi.length];
      for (int i = 0; i < phi.length; i++) {
        c[i] = -phi[i];
      }
      if (minRoot(c, f.order().p(), f.order().seasonalP(), f.order().m()) < ROOT_MARGIN) {
        return true;
      }
      double[] theta = f.expandedMa();
      return minRoot(theta, f.order().q(), f.order().seasonalQ(), f.order().m()) < ROOT_MARGIN;
    }

    /**
     * Smallest root modulus of an expanded polynomial {@code 1 + c_1 z + ...}, found from its
     * non-seasonal and seasonal factors separately (a root {@code z0} of the factor in {@code B^m}
     * gives roots of modulus {@code |z0|^(1/m)}).
     */
    private static double minRoot(double[] c, int order, int seasonalOrder, int m) {
      double[] ns = new double[order];
      System.arraycopy(c, 0, ns, 0, order);
      double min = LagPolynomial.minRootModulus(trim(ns));
      if (seasonalOrder > 0) {
        double[] s = seasonalFactor(c, ns, seasonalOrder, m);
        double z = LagPolynomial.minRootModulus(trim(s));
        min = Math.min(min, Math.pow(z, 1.0 / m));
      }
      return min;
    }

    private static double[] trim(double[] c) {
      int k = c.length;
      while (k > 0 && Math.abs(c[k - 1]) <= 1e-8) {
        k--;
      }
      double[] out = new double[k];
      System.arraycopy(c, 0, out, 0, k);
      return out;
    }

    /**
     * Coefficients {@code s_j} of the seasonal factor {@code 1 + s_1 x + ...} with {@code x = B^m}:
     * the expanded coefficient at lag {@code j m}, since cross terms with the non-seasonal factor
     * land on lags {@code k m + i} with {@code 1 <= i < m} (the search keeps {@code p, q < m}).
     */
    private static double[] seasonalFactor(double[] c, double[] ns, int seasonalOrder, int m) {
      double[] s = new double[seasonalOrder];
      for (int j = 1; j <= seasonalOrder; j++) {
        s[j - 1] = c[j * m - 1];
      }
      return s;
    }

    private Optional<ArimaFit> refitExactly() {
      List<Trial> order = new ArrayList<>(trials);
      order.sort(Comparator.comparingDouble(Trial::ic));
      for (Trial t : order) {
        Candidate c = fitOne(t.p, t.q, t.sp, t.sq, t.constant, false);
        if (c.ic < Double.POSITIVE_INFINITY) {
          return c.fit;
        }
      }
      return Optional.empty();
    }

    private ArimaFit fallback(boolean constant) {
      notes.add("no ARIMA model passed the checks: fell back to the null model");
      for (boolean c : constant ? new boolean[] {true, false} : new boolean[] {false}) {
        Optional<ArimaFit> fit =
            estimator
                .estimate(
                    y,
                    new ArimaOrder(0, d, 0, 0, seasonalD, 0, m),
                    c,
                    ArimaEstimator.Method.CSS_ML,
                    true)
                .fit();
        if (fit.isPresent()) {
          return fit.get();
        }
      }
      return estimator.deterministic(y, new ArimaOrder(0, d, 0, 0, seasonalD, 0, m), false, 0.0);
    }
  }
}

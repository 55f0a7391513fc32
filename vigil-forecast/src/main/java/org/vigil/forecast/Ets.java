package org.vigil.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Estimation and selection of ETS models (Hyndman et al., 2008, chapters 2, 5 and 7).
 *
 * <p>Initial states by the book's heuristic (section 2.6.1): seasonal indices from a classical
 * decomposition of the first three seasons, then a straight line through the first max(10, 2m)
 * seasonally adjusted values gives the level and trend. Smoothing parameters start at alpha =
 * 0.2/m, beta = alpha/10, gamma = (1-alpha)/20, phi = 0.978. All of them and the initial states are
 * then estimated together by maximum likelihood (Nelder-Mead) within the usual region 1e-4 <= beta
 * <= alpha <= 0.9999, gamma <= 1 - alpha, 0.8 <= phi <= 0.98. Selection is by AICc over the models
 * the data allow.
 */
final class Ets {
  private static final double LO = 1e-4;
  private static final double HI = 0.9999;
  private static final double PHI_LO = 0.8;
  private static final double PHI_HI = 0.98;
  static final int MAX_EVALUATIONS = Integer.getInteger("vigil.ets.evals", 1000);
  static final double REL_TOL = Double.parseDouble(System.getProperty("vigil.ets.reltol", "1e-8"));

  /**
   * Evaluations of a candidate's first run during selection (those near the best are then
   * restarted; {@link #REFINE_MARGIN}). 500 and 1000 gave the same validation sMAPE on M3 (14.46
   * and 14.45 at origin 1, 15.44 both at origin 2, measured when only the winner was restarted) for
   * a third less ETS CPU.
   */
  static final int SELECT_EVALUATIONS = Integer.getInteger("vigil.ets.selectEvals", 500);

  /** AICc distance from the best single run within which a candidate is restarted. */
  static final double REFINE_MARGIN =
      Double.parseDouble(System.getProperty("vigil.ets.refineMargin", "10"));

  static final int RESTARTS = Integer.getInteger("vigil.ets.restarts", 2);
  static final int RESTART_EVALUATIONS = Integer.getInteger("vigil.ets.restartEvals", 500);

  private Ets() {}

  /** The best model by AICc among the candidates that the data allow; null when none fits. */
  static EtsFit select(double[] y, int m, EtsSpecCode code, FitContext ctx) {
    boolean positive = true;
    for (double v : y) {
      positive &= v > 0;
    }
    int n = y.length;
    boolean seasonalAllowed = m > 1 && m <= 24 && n >= 2 * m + 2;
    List<EtsType> candidates = EtsType.candidates(code, positive, seasonalAllowed);
    if (candidates.isEmpty() && !positive && code.error().equals("M")) {
      ctx.note("multiplicative ETS needs strictly positive data: used additive errors");
      candidates =
          EtsType.candidates(
              new EtsSpecCode("A", code.trend(), code.season()), false, seasonalAllowed);
    }
    if (candidates.isEmpty() && !seasonalAllowed) {
      ctx.note(
          "too short for seasonal models ("
              + n
              + " values, period "
              + m
              + "): used non-seasonal ETS");
      candidates =
          EtsType.candidates(new EtsSpecCode(code.error(), code.trend(), "N"), positive, false);
    }
    // Every candidate is first estimated by one Nelder-Mead run of at most SELECT_EVALUATIONS.
    // Only the candidates whose AICc is then within REFINE_MARGIN of the best are restarted, and
    // the best after that wins. A single run can stall far from its optimum (on the demo's planted
    // trend onset, ETS(M,A,M) stopped 14 AICc units above it), so refining the winner alone would
    // favour models that are easy to fit; restarting every candidate costs twice the CPU for
    // likelihoods of models that cannot win. See docs/changes/cpu13.md.
    List<Estimation> fitted = new ArrayList<>();
    double bestSingle = Double.POSITIVE_INFINITY;
    for (EtsType t : candidates) {
      if (n <= t.freeParameters(m) + 4 && t.freeParameters(m) > 2) {
        continue;
      }
      Estimation e = Estimation.start(y, t, m, REL_TOL, SELECT_EVALUATIONS);
      if (e != null) {
        fitted.add(e);
        bestSingle = Math.min(bestSingle, e.fit.stats.aicc());
      }
    }
    Estimation best = null;
    for (Estimation e : fitted) {
      if (e.fit.stats.aicc() <= bestSingle + REFINE_MARGIN) {
        e.restart(RESTARTS);
      }
      if (best == null || e.fit.stats.aicc() < best.fit.stats.aicc()) {
        best = e;
      }
    }
    if (m > 1 && !seasonalAllowed && code.season().equals("Z") && best != null) {
      ctx.note(
          "too short for seasonal models ("
              + n
              + " values, period "
              + m
              + "): used "
              + best.fit.type);
    }
    return best == null ? null : best.fit;
  }

  /** Maximum-likelihood fit of one model; null when no admissible start exists. */
  static EtsFit fit(double[] y, EtsType type, int m) {
    return fit(y, type, m, RESTARTS);
  }

  /** As {@link #fit(double[], EtsType, int)} with a given number of Nelder-Mead restarts. */
  static EtsFit fit(double[] y, EtsType type, int m, int restarts) {
    Estimation e = Estimation.start(y, type, m, REL_TOL, MAX_EVALUATIONS);
    if (e == null) {
      return null;
    }
    e.restart(restarts);
    return e.fit;
  }

  /**
   * One model's maximum-likelihood estimation: a first Nelder-Mead run from the heuristic start
   * ({@link #start}), which {@link #restart} may then improve; {@link #fit} is the model at the
   * best point so far.
   */
  private static final class Estimation {
    private final Layout lay;
    private final double[] step;
    private final NelderMead.Objective obj;
    private final double[] y;
    private final double[] p = new double[4];
    private final double[] st;
    private NelderMead.Result best;
    EtsFit fit;

    private Estimation(double[] y, EtsType type, int mm, double relTol, int evaluations) {
      this.y = y;
      this.lay = new Layout(type, mm);
      this.st = new double[2 + mm];
      double[] x0 = lay.pack(startingParameters(type, mm), initialStates(y, type, mm));
      this.step = lay.steps(x0, y);
      EtsFilter filter = new EtsFilter(type, mm, y);
      this.obj =
          x -> {
            if (!lay.unpack(x, p, st)) {
              return Double.POSITIVE_INFINITY;
            }
            return filter.run(p[0], p[1], p[2], p[3], st[0], st[1], st, 2, null);
          };
      if (!Double.isInfinite(obj.value(x0))) {
        best = NelderMead.minimize(obj, x0, step, relTol, evaluations);
        fit = fitAt(best.x());
      }
    }

    /** The first run; null when the heuristic start is not admissible. */
    static Estimation start(double[] y, EtsType type, int m, double relTol, int evaluations) {
      Estimation e = new Estimation(y, type, type.seasonal() ? m : 1, relTol, evaluations);
      return e.best == null ? null : e;
    }

    /**
     * Restarts from the optimum with a fresh simplex, alternately with the original steps and with
     * steps pointing into the region: Nelder-Mead often stalls against the boundary, and restarts
     * are cheaper than a more complex optimiser. Stops after two restarts without improvement.
     */
    void restart(int restarts) {
      NelderMead.Result r = best;
      int idle = 0;
      for (int k = 0; k < restarts && idle < 2; k++) {
        double[] s = k % 2 == 0 ? step : lay.inward(r.x(), step);
        NelderMead.Result again = NelderMead.minimize(obj, r.x(), s, 1e-8, RESTART_EVALUATIONS);
        idle = again.value() < r.value() - 1e-6 * Math.abs(r.value()) ? 0 : idle + 1;
        r = again.value() < r.value() ? again : r;
      }
      if (r != best) {
        best = r;
        fit = fitAt(r.x());
      }
    }

    private EtsFit fitAt(double[] x) {
      lay.unpack(x, p, st);
      return new EtsFit(lay.type, lay.m, y, p.clone(), st.clone());
    }
  }

  static double[] startingParameters(EtsType type, int m) {
    double alpha = LO + 0.2 * (HI - LO) / m;
    double beta = LO + 0.1 * (alpha - LO);
    double gamma = LO + 0.05 * (1 - alpha - LO);
    double phi = PHI_LO + 0.99 * (PHI_HI - PHI_LO);
    return new double[] {alpha, beta, gamma, phi};
  }

  /** Heuristic initial states [l0, b0, s_1..s_m] (section 2.6.1 of the book). */
  static double[] initialStates(double[] y, EtsType type, int m) {
    int n = y.length;
    double[] out = new double[2 + m];
    double[] sa = y;
    if (type.seasonal()) {
      int k = Math.min(n, 3 * m);
      double[] idx =
          Seasonality.indices(
              java.util.Arrays.copyOf(y, k), m, type.season() == EtsType.MULTIPLICATIVE);
      sa = new double[n];
      for (int t = 0; t < n; t++) {
        sa[t] = type.season() == EtsType.MULTIPLICATIVE ? y[t] / idx[t % m] : y[t] - idx[t % m];
      }
      System.arraycopy(idx, 0, out, 2, m);
    }
    int k = Math.min(Math.max(10, 2 * m), n);
    if (type.trended()) {
      double sx = 0;
      double sy = 0;
      double sxx = 0;
      double sxy = 0;
      for (int t = 0; t < k; t++) {
        double x = t + 1;
        sx += x;
        sy += sa[t];
        sxx += x * x;
        sxy += x * sa[t];
      }
      double slope = k > 1 ? (k * sxy - sx * sy) / (k * sxx - sx * sx) : 0;
      out[0] = (sy - slope * sx) / k;
      out[1] = slope;
    } else {
      double s = 0;
      for (int t = 0; t < k; t++) {
        s += sa[t];
      }
      out[0] = s / k;
    }
    return out;
  }

  /**
   * Maps between the optimiser's vector [alpha, beta?, gamma?, phi?, l0, b0?, s_1..s_{m-1}?] and
   * parameters/states; the last seasonal state makes the seasonals sum to 0 (A) or m (M).
   */
  static final class Layout {
    final EtsType type;
    final int m;

    Layout(EtsType type, int m) {
      this.type = type;
      this.m = m;
    }

    double[] pack(double[] par, double[] init) {
      double[] x = new double[type.freeParameters(m)];
      int i = 0;
      x[i++] = par[0];
      if (type.trended()) {
        x[i++] = par[1];
      }
      if (type.seasonal()) {
        x[i++] = par[2];
      }
      if (type.damped()) {
        x[i++] = par[3];
      }
      x[i++] = init[0];
      if (type.trended()) {
        x[i++] = init[1];
      }
      if (type.seasonal()) {
        for (int j = 0; j < m - 1; j++) {
          x[i++] = init[2 + j];
        }
      }
      return x;
    }

    /** Fills par and st from x; false when outside the usual region. */
    boolean unpack(double[] x, double[] par, double[] st) {
      int i = 0;
      double a = x[i++];
      double b = type.trended() ? x[i++] : 0;
      double g = type.seasonal() ? x[i++] : 0;
      double ph = type.damped() ? x[i++] : 1;
      if (a < LO || a > HI) {
        return false;
      }
      if (type.trended() && (b < LO || b > a)) {
        return false;
      }
      if (type.seasonal() && (g < LO || g > 1 - a)) {
        return false;
      }
      if (type.damped() && (ph < PHI_LO || ph > PHI_HI)) {
        return false;
      }
      par[0] = a;
      par[1] = b;
      par[2] = g;
      par[3] = ph;
      st[0] = x[i++];
      st[1] = type.trended() ? x[i++] : 0;
      if (type.seasonal()) {
        boolean mult = type.season() == EtsType.MULTIPLICATIVE;
        double sum = 0;
        for (int j = 0; j < m - 1; j++) {
          double s = x[i++];
          if (mult && s <= 0) {
            return false;
          }
          st[2 + j] = s;
          sum += s;
        }
        double last = mult ? m - sum : -sum;
        if (mult && last <= 0) {
          return false;
        }
        st[1 + m] = last;
      }
      return true;
    }

    /**
     * Steps for a simplex around x: the smoothing parameters' steps point into the region (away
     * from the nearer bound) and are at most half its width, so a restart at the boundary has a
     * feasible simplex.
     */
    double[] inward(double[] x, double[] base) {
      double[] s = base.clone();
      int i = 0;
      double a = x[0];
      i = towardsInterior(s, x, i, LO, HI);
      if (type.trended()) {
        i = towardsInterior(s, x, i, LO, a);
      }
      if (type.seasonal()) {
        i = towardsInterior(s, x, i, LO, 1 - a);
      }
      if (type.damped()) {
        towardsInterior(s, x, i, PHI_LO, PHI_HI);
      }
      return s;
    }

    private static int towardsInterior(double[] s, double[] x, int i, double lo, double hi) {
      double size = Math.min(Math.abs(s[i]), 0.5 * (hi - lo));
      s[i] = x[i] - lo < hi - x[i] ? size : -size;
      return i + 1;
    }

    double[] steps(double[] x0, double[] y) {
      double scale = 0;
      for (double v : y) {
        scale = Math.max(scale, Math.abs(v));
      }
      scale = Math.max(scale, 1e-8);
      double[] s = new double[x0.length];
      int i = 0;
      s[i] = 0.1;
      i++;
      if (type.trended()) {
        s[i] = -0.5 * (x0[i] - LO);
        i++;
      }
      if (type.seasonal()) {
        s[i] = 0.05;
        i++;
      }
      if (type.damped()) {
        s[i] = -0.05;
        i++;
      }
      s[i] = 0.1 * Math.abs(x0[i]) + 0.01 * scale;
      i++;
      if (type.trended()) {
        s[i] = 0.1 * Math.abs(x0[i]) + 0.001 * scale;
        i++;
      }
      for (; i < x0.length; i++) {
        s[i] =
            type.season() == EtsType.MULTIPLICATIVE ? 0.05 : 0.1 * Math.abs(x0[i]) + 0.01 * scale;
      }
      return s;
    }
  }
}

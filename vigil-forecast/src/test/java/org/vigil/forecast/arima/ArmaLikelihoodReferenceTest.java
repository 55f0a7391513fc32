package org.vigil.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ArmaLikelihood} (sparse AR terms, one pass before the steady state, the elimination reused
 * for the same AR part, log F only when F changes) against {@link ArmaLikelihoodReference}, the
 * dense version it replaced: on random stationary seasonal ARMA models and series (fixed seed),
 * called in the order an optimiser's gradient calls it (the AR part fixed while the MA part and the
 * mean move, then a new AR part), every objective, residual, final state and covariance entry must
 * be equal to the last bit (tolerance zero).
 */
class ArmaLikelihoodReferenceTest {
  private static final int MODELS = 400;

  @Test
  void objective_gradientLikeSequences_equalsReferenceBitForBit() {
    SplittableRandom random = new SplittableRandom(14_05L);
    ArmaLikelihood fast = new ArmaLikelihood();
    int compared = 0;
    for (int k = 0; k < MODELS; k++) {
      int m = new int[] {1, 4, 12}[k % 3];
      double[] w = series(random, 20 + random.nextInt(120));
      double[] phi = randomAr(random, m);
      double[][] thetas = {randomMa(random, m), randomMa(random, m), randomMa(random, m)};
      double mu = random.nextDouble(-0.5, 0.5);
      for (double[] theta : thetas) {
        for (double shift : new double[] {0.0, 1e-3, -1e-3}) {
          double expected = new ArmaLikelihoodReference().objective(w, mu + shift, phi, theta);
          double actual = fast.objective(w, mu + shift, phi, theta);
          assertThat(Double.doubleToLongBits(actual))
              .as("model %d: %s against %s", k, actual, expected)
              .isEqualTo(Double.doubleToLongBits(expected));
          compared++;
        }
      }
    }
    assertThat(compared).isEqualTo(MODELS * 9);
  }

  @Test
  void filter_withResidualsAndCovariance_equalsReferenceBitForBit() {
    SplittableRandom random = new SplittableRandom(2026L);
    ArmaLikelihood fast = new ArmaLikelihood();
    for (int k = 0; k < MODELS / 4; k++) {
      int m = new int[] {1, 4, 12}[k % 3];
      double[] w = series(random, 20 + random.nextInt(100));
      double[] phi = randomAr(random, m);
      double[] theta = randomMa(random, m);
      int r = Math.max(phi.length, theta.length + 1);
      ArmaLikelihoodReference reference = new ArmaLikelihoodReference();
      double[] expectedResiduals = new double[w.length];
      double[] actualResiduals = new double[w.length];
      double[] expectedCovariance = new double[r * r];
      double[] actualCovariance = new double[r * r];
      boolean expected =
          reference.filter(w, 0.1, phi, theta, expectedResiduals, expectedCovariance);
      boolean actual = fast.filter(w, 0.1, phi, theta, actualResiduals, actualCovariance);
      assertThat(actual).isEqualTo(expected);
      if (!expected) {
        continue;
      }
      assertThat(actualResiduals).containsExactly(expectedResiduals);
      assertThat(actualCovariance).containsExactly(expectedCovariance);
      assertThat(fast.finalState(r)).containsExactly(reference.finalState(r));
      assertThat(fast.sumSquares()).isEqualTo(reference.sumSquares());
      assertThat(fast.sumLogVariance()).isEqualTo(reference.sumLogVariance());
    }
  }

  private static double[] series(SplittableRandom random, int n) {
    double[] w = new double[n];
    double prev = 0.0;
    for (int t = 0; t < n; t++) {
      prev = 0.6 * prev + random.nextGaussian();
      w[t] = prev;
    }
    return w;
  }

  /** A stationary (seasonal) AR part, expanded, through partial autocorrelations in (-1, 1). */
  private static double[] randomAr(SplittableRandom random, int m) {
    int p = random.nextInt(3);
    int sp = m > 1 ? random.nextInt(3) : 0;
    double[] raw = new double[p + sp];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = random.nextDouble(-2.5, 2.5);
    }
    double[] ar = new double[p + sp];
    LagPolynomial.pacfToAr(raw, 0, p, ar, 0);
    LagPolynomial.pacfToAr(raw, p, sp, ar, p);
    double[] nonSeasonal = java.util.Arrays.copyOfRange(ar, 0, p);
    double[] seasonal = java.util.Arrays.copyOfRange(ar, p, p + sp);
    return LagPolynomial.expandAr(nonSeasonal, seasonal, m);
  }

  private static double[] randomMa(SplittableRandom random, int m) {
    int q = random.nextInt(3);
    int sq = m > 1 ? random.nextInt(3) : 0;
    double[] ma = new double[q];
    double[] sma = new double[sq];
    for (int i = 0; i < q; i++) {
      ma[i] = random.nextDouble(-0.9, 0.9);
    }
    for (int i = 0; i < sq; i++) {
      sma[i] = random.nextDouble(-0.9, 0.9);
    }
    return LagPolynomial.expandMa(ma, sma, m);
  }
}

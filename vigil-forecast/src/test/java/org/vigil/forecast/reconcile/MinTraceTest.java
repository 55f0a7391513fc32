package org.vigil.forecast.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MinTraceTest {

  /**
   * Two leaves, W = diag(w0, w1, w2): with d = a - b1 - b2 the incoherence, MinT moves each node by
   * its share of the total variance: top a - w0 d / sum(w), leaf i b_i + w_i d / sum(w). For W =
   * diag(1, 2, 3), base (10, 3, 4): d = 3, so (9.5, 4, 5.5).
   */
  @Test
  void twoLeaves_diagonalW_matchesClosedForm() {
    double[][] s = {{1, 1}, {1, 0}, {0, 1}};
    double[][] base = {{10}, {3}, {4}};
    double[][] w = {{1, 0, 0}, {0, 2, 0}, {0, 0, 3}};
    double[][] r = MinTrace.reconcileWith(s, base, w).forecasts();
    assertThat(r[0][0]).isCloseTo(9.5, within(1e-12));
    assertThat(r[1][0]).isCloseTo(4, within(1e-12));
    assertThat(r[2][0]).isCloseTo(5.5, within(1e-12));
  }

  /**
   * Residuals x1 = (1, -1, 2, -2), x2 = (1, -1, 1, -1): second moments 2.5, 1 and 1.5, correlation
   * r = 1.5 / sqrt(2.5), r^2 = 0.9. Products standardised w_t = (1, 1, 2, 2) / sqrt(2.5): sum 6 /
   * sqrt(2.5), sum of squares 4; Var(r) = (4 - 14.4 / 4) / (4 * 3) = 1/30. lambda = (2/30) / (2 *
   * 0.9) = 1/27; W12 = (26/27) 1.5 = 13/9.
   */
  @Test
  void shrinkage_smallCase_matchesHandComputation() {
    ShrinkageCovariance c =
        ShrinkageCovariance.estimate(new double[][] {{1, -1, 2, -2}, {1, -1, 1, -1}});
    assertThat(c.lambda()).isCloseTo(1.0 / 27, within(1e-12));
    assertThat(c.covariance()[0][0]).isCloseTo(2.5, within(1e-12));
    assertThat(c.covariance()[1][1]).isCloseTo(1, within(1e-12));
    assertThat(c.covariance()[0][1]).isCloseTo(13.0 / 9, within(1e-12));
    assertThat(c.covariance()[1][0]).isCloseTo(13.0 / 9, within(1e-12));
  }

  /**
   * Against the other form of the same projection, derived independently: minimise (y~ - y^)' W^-1
   * (y~ - y^) subject to C y~ = 0 with C = [I, -A] (aggregates minus their weighted members), whose
   * solution is y~ = y^ - W C' (C W C')^-1 C y^. A grouped structure (two overlapping groups and a
   * mean) of 6 states, random W, 1e-9.
   */
  @Test
  void mint_equalsConstrainedLeastSquaresForm_onGroupedStructure() {
    Map<String, Map<String, Double>> aggs = new LinkedHashMap<>();
    aggs.put("ALL", Map.of("A", 1.0, "B", 1.0, "C", 1.0, "D", 1.0, "E", 1.0, "F", 1.0));
    aggs.put("G1", Map.of("A", 1.0, "B", 1.0, "C", 1.0));
    aggs.put("G2", Map.of("C", 1.0, "D", 1.0));
    aggs.put("MEAN", Map.of("E", 0.5, "F", 0.5));
    Hierarchy hier = new Hierarchy(List.of("A", "B", "C", "D", "E", "F"), aggs);
    double[][] s = hier.summingMatrix();
    int n = s.length;
    SplittableRandom rnd = new SplittableRandom(42);
    double[][] base = new double[n][3];
    double[][] residuals = new double[n][40];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < 3; k++) {
        base[i][k] = 100 * rnd.nextDouble();
      }
      for (int t = 0; t < 40; t++) {
        residuals[i][t] = rnd.nextGaussian() * (1 + i) + (i > 0 ? 0.5 * residuals[i - 1][t] : 0);
      }
    }
    MinTrace.Result mint = MinTrace.reconcile(s, base, residuals);
    assertThat(mint.estimator()).isEqualTo("mint_shrink");
    assertThat(mint.lambda()).isBetween(0.0, 1.0);
    double[][] w = ShrinkageCovariance.estimate(residuals).covariance();
    double[][] other = constrainedForm(s, base, w);
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < 3; k++) {
        assertThat(mint.forecasts()[i][k]).isCloseTo(other[i][k], within(1e-9));
      }
    }
    // Coherence: every aggregate is its weighted members' sum.
    int nb = s[0].length;
    int na = n - nb;
    for (int a = 0; a < na; a++) {
      for (int k = 0; k < 3; k++) {
        double sum = 0;
        for (int j = 0; j < nb; j++) {
          sum += s[a][j] * mint.forecasts()[na + j][k];
        }
        assertThat(mint.forecasts()[a][k]).isCloseTo(sum, within(1e-9));
      }
    }
  }

  @Test
  void coherentBase_isLeftUnchanged() {
    double[][] s = {{1, 1}, {1, 0}, {0, 1}};
    double[][] base = {{7, 9}, {3, 4}, {4, 5}};
    double[][] res = {{1, -2, 0.5, 1, -1}, {0.3, -1, 0.2, 0.1, -0.4}, {0.7, -1, 0.3, 0.9, -0.6}};
    double[][] r = MinTrace.reconcile(s, base, res).forecasts();
    for (int i = 0; i < 3; i++) {
      assertThat(r[i]).containsExactly(base[i], within(1e-9));
    }
  }

  @Test
  void badShapes_areRejectedWithCounts() {
    double[][] s = {{1, 1}, {1, 0}, {0, 1}};
    assertThatThrownBy(() -> MinTrace.reconcile(s, new double[][] {{1}, {2}}, new double[3][4]))
        .hasMessageContaining("3 nodes, found 2");
    assertThatThrownBy(
            () -> new Hierarchy(List.of("A"), Map.of("T", Map.of("B", 1.0))).summingMatrix())
        .hasMessageContaining("'B'");
  }

  /** y^ - W C' (C W C')^-1 C y^ by Gaussian elimination (independent of MinTrace's Cholesky). */
  private static double[][] constrainedForm(double[][] s, double[][] base, double[][] w) {
    int n = s.length;
    int nb = s[0].length;
    int na = n - nb;
    double[][] c = new double[na][n];
    for (int a = 0; a < na; a++) {
      c[a][a] = 1;
      for (int j = 0; j < nb; j++) {
        c[a][na + j] = -s[a][j];
      }
    }
    double[][] wct = new double[n][na];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < na; a++) {
        for (int k = 0; k < n; k++) {
          wct[i][a] += w[i][k] * c[a][k];
        }
      }
    }
    double[][] cwct = new double[na][na];
    for (int a = 0; a < na; a++) {
      for (int b = 0; b < na; b++) {
        for (int k = 0; k < n; k++) {
          cwct[a][b] += c[a][k] * wct[k][b];
        }
      }
    }
    int h = base[0].length;
    double[][] out = new double[n][h];
    for (int step = 0; step < h; step++) {
      double[] cy = new double[na];
      for (int a = 0; a < na; a++) {
        for (int k = 0; k < n; k++) {
          cy[a] += c[a][k] * base[k][step];
        }
      }
      double[] z = gauss(cwct, cy);
      for (int i = 0; i < n; i++) {
        double v = base[i][step];
        for (int a = 0; a < na; a++) {
          v -= wct[i][a] * z[a];
        }
        out[i][step] = v;
      }
    }
    return out;
  }

  private static double[] gauss(double[][] a0, double[] b0) {
    int n = b0.length;
    double[][] a = new double[n][];
    double[] b = b0.clone();
    for (int i = 0; i < n; i++) {
      a[i] = a0[i].clone();
    }
    for (int col = 0; col < n; col++) {
      int piv = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
          piv = r;
        }
      }
      double[] tmp = a[col];
      a[col] = a[piv];
      a[piv] = tmp;
      double tb = b[col];
      b[col] = b[piv];
      b[piv] = tb;
      for (int r = col + 1; r < n; r++) {
        double f = a[r][col] / a[col][col];
        for (int k = col; k < n; k++) {
          a[r][k] -= f * a[col][k];
        }
        b[r] -= f * b[col];
      }
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double v = b[i];
      for (int k = i + 1; k < n; k++) {
        v -= a[i][k] * x[k];
      }
      x[i] = v / a[i][i];
    }
    return x;
  }
}

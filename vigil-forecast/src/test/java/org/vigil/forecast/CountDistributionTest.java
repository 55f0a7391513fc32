package org.vigil.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountDistributionTest {
  private static final double[] PROBS = {0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975};

  /** SciPy's (and R's qpois/qnbinom) quantiles, golden/counts/make_count_golden.py: tolerance 0. */
  @Test
  void quantiles_matchScipyAndR_exactly() throws IOException {
    List<String> lines = golden();
    assertThat(lines).hasSizeGreaterThan(10);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      double mu = Double.parseDouble(f[0]);
      double size = f[1].equals("Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(f[1]);
      double pi = Double.parseDouble(f[2]);
      CountDistribution d = new CountDistribution(mu, size, pi);
      double[] q = d.quantiles(PROBS);
      for (int i = 0; i < PROBS.length; i++) {
        assertThat(q[i]).as(line + " at p=" + PROBS[i]).isEqualTo(Double.parseDouble(f[3 + i]));
      }
    }
  }

  @Test
  void pmf_sumsToOne_andMomentsMatchFormulas() {
    for (CountDistribution d :
        List.of(
            CountDistribution.poisson(4.2),
            CountDistribution.negativeBinomial(9.0, 1.5),
            new CountDistribution(5, 2, 0.3))) {
      double total = 0;
      double mean = 0;
      double second = 0;
      for (int k = 0; k < 2000; k++) {
        double p = d.pmf(k);
        total += p;
        mean += k * p;
        second += (double) k * k * p;
      }
      assertThat(total).as(d.toString()).isCloseTo(1, within(1e-12));
      assertThat(mean).as(d.toString()).isCloseTo(d.mean(), within(1e-9));
      assertThat(second - mean * mean).as(d.toString()).isCloseTo(d.variance(), within(1e-8));
    }
  }

  @Test
  void withMoments_overdispersedGivesNegativeBinomial_otherwisePoisson() {
    CountDistribution nb = CountDistribution.withMoments(10, 30);
    // size = mu^2 / (var - mu) = 100 / 20
    assertThat(nb.size()).isCloseTo(5, within(1e-12));
    assertThat(CountDistribution.withMoments(10, 8).isPoisson()).isTrue();
    assertThat(CountDistribution.withMoments(0, 3).quantile(0.975)).isZero();
  }

  @Test
  void hugeMean_usesNormalApproximation_stillWholeAndOrdered() {
    double[] q = CountDistribution.negativeBinomial(2e7, 1e4).quantiles(PROBS);
    for (int i = 0; i < q.length; i++) {
      assertThat(q[i]).isEqualTo(Math.rint(q[i]));
      if (i > 0) {
        assertThat(q[i]).isGreaterThanOrEqualTo(q[i - 1]);
      }
    }
    // sd = sqrt(2e7 + 4e10) = 2e5 (rounded): the median is the mean
    assertThat(q[3]).isEqualTo(2e7);
  }

  @Test
  void constructor_rejectsBadParameters_namingThem() {
    assertThatThrownBy(() -> new CountDistribution(-1, 1, 0)).hasMessageContaining("-1");
    assertThatThrownBy(() -> new CountDistribution(1, 0, 0)).hasMessageContaining("size");
    assertThatThrownBy(() -> new CountDistribution(1, 1, 1)).hasMessageContaining("[0, 1)");
  }

  private static List<String> golden() throws IOException {
    try (InputStream in =
        CountDistributionTest.class.getResourceAsStream("/golden/counts/count_quantiles.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}

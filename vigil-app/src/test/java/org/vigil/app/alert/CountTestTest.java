package org.vigil.app.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.vigil.timeseries.Period;

class CountTestTest {
  @Test
  void upperTail_poisson_matchesTheExactSum() {
    // P(X >= 12) for Poisson(5): 1 - sum_{k<12} e^-5 5^k / k!
    double below = 0;
    double pk = Math.exp(-5);
    for (int k = 0; k < 12; k++) {
      below += pk;
      pk *= 5.0 / (k + 1);
    }
    assertThat(CountTest.upperTail(12, 5, 1)).isCloseTo(1 - below, within(1e-12));
    assertThat(CountTest.upperTail(0, 5, 1)).isEqualTo(1);
  }

  @Test
  void upperTail_overdispersed_isWiderThanPoisson() {
    assertThat(CountTest.upperTail(12, 5, 2)).isGreaterThan(CountTest.upperTail(12, 5, 1));
  }

  @Test
  void find_levelShiftInASmallCountSeries_isOneFindingFromItsStart() {
    SortedMap<Period, Double> s = poisson(6, 36, 3, 2.5, new Random(7));
    Period from = Period.parse("2018-01");

    CountTest.Finding f = CountTest.find(s, from);

    assertThat(f).isNotNull();
    assertThat(f.run()).hasSize(3);
    assertThat(f.run().get(0).period()).isEqualTo(from);
  }

  @Test
  void find_spikeInTheLastMonth_isASpikeNotAShift() {
    SortedMap<Period, Double> s = poisson(4, 38, 0, 1, new Random(11));
    s.put(Period.parse("2018-03"), 16.0);

    CountTest.Finding f = CountTest.find(s, Period.parse("2018-01"));

    assertThat(f).isNotNull();
    assertThat(f.run()).hasSize(1);
    assertThat(f.run().get(0).period()).isEqualTo(Period.parse("2018-03"));
  }

  @Test
  void find_noEvent_findsNothingInMostSeries() {
    Random r = new Random(3);
    int found = 0;
    for (int i = 0; i < 200; i++) {
      if (CountTest.find(poisson(2 + i % 20, 36, 3, 1, r), Period.parse("2018-01")) != null) {
        found++;
      }
    }
    assertThat(found).as("false findings in 200 series without an event").isLessThanOrEqualTo(3);
  }

  @Test
  void find_levels_areNotTested() {
    SortedMap<Period, Double> s = poisson(4, 36, 3, 3.0, new Random(5));
    s.put(Period.parse("2016-01"), 4.5);

    assertThat(CountTest.find(s, Period.parse("2018-01"))).isNull();
  }

  /** Monthly Poisson counts from 2015-01: {@code before} months at the mean, then {@code after}. */
  private static SortedMap<Period, Double> poisson(
      double mean, int before, int after, double factor, Random r) {
    SortedMap<Period, Double> s = new TreeMap<>();
    Period p = Period.parse("2015-01");
    for (int i = 0; i < before + after; i++) {
      double m = i < before ? mean : mean * factor;
      // Knuth's method, fine for small means
      double l = Math.exp(-m);
      int k = 0;
      double prod = r.nextDouble();
      while (prod > l) {
        k++;
        prod *= r.nextDouble();
      }
      s.put(p, (double) k);
      p = p.plus(1);
    }
    return s;
  }
}

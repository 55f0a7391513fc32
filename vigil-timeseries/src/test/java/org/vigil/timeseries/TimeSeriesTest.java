package org.vigil.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TimeSeriesTest {

  @Test
  void fromPoints_fillsGapsWithNaN() {
    TreeMap<Period, Double> pts = new TreeMap<>();
    pts.put(Period.month(2024, 1), 1.0);
    pts.put(Period.month(2024, 4), 4.0);
    TimeSeries s = TimeSeries.fromPoints(pts);
    assertThat(s.size()).isEqualTo(4);
    assertThat(s.get(1)).isNaN();
    assertThat(s.countPresent()).isEqualTo(2);
    assertThat(s.end()).isEqualTo(Period.month(2024, 4));
  }

  @Test
  void values_areCopied() {
    double[] v = {1, 2, 3};
    TimeSeries s = TimeSeries.of(Period.year(2000), v);
    v[0] = 99;
    s.values()[1] = 99;
    assertThat(s.values()).containsExactly(1, 2, 3);
  }

  @Test
  void trim_dropsLeadingAndTrailingMissing() {
    TimeSeries s = TimeSeries.of(Period.year(2000), Double.NaN, 1, Double.NaN, 2, Double.NaN);
    TimeSeries t = s.trim();
    assertThat(t.start()).isEqualTo(Period.year(2001));
    assertThat(t.size()).isEqualTo(3);
  }

  @Test
  void trim_allMissing_saysSo() {
    TimeSeries s = TimeSeries.of(Period.year(2000), Double.NaN);
    assertThatThrownBy(s::trim).hasMessageContaining("has no values");
  }

  @Test
  void toMonthly_weeksGoToTheMonthOfTheirThursday_partialMonthsMissing() {
    // 2026-W01 (Mon 2025-12-29, Thu 2026-01-01) .. 2026-W10 (Thu 2026-03-05): January has the
    // Thursdays 1, 8, 15, 22, 29 (W01-W05), February 5, 12, 19, 26 (W06-W09), March only W10 here.
    double[] v = new double[10];
    for (int i = 0; i < v.length; i++) {
      v[i] = i + 1;
    }
    TimeSeries m = TimeSeries.of(Period.week(2026, 1), v).toMonthly(true);
    assertThat(m.start()).isEqualTo(Period.month(2026, 1));
    assertThat(m.values()).containsExactly(15.0, 30.0, Double.NaN);
    TimeSeries mean = TimeSeries.of(Period.week(2026, 1), v).toMonthly(false);
    assertThat(mean.values()[1]).isEqualTo(7.5);
  }

  @Test
  void toMonthly_daysNeedTheWholeMonth() {
    double[] v = new double[60]; // 2024-01-01 .. 2024-02-29
    java.util.Arrays.fill(v, 2.0);
    v[40] = Double.NaN;
    TimeSeries m = TimeSeries.of(Period.parse("2024-01-01"), v).toMonthly(true);
    assertThat(m.values()).containsExactly(62.0, Double.NaN);
    TimeSeries monthly = TimeSeries.of(Period.month(2024, 1), 1, 2);
    assertThat(monthly.toMonthly(true)).isSameAs(monthly);
  }

  @Test
  void isCounts_wholeNonNegativeValuesWithGaps_butNotFractionsNegativesOrNothing() {
    Period jan = Period.month(2024, 1);
    assertThat(TimeSeries.of(jan, 0, 3, Double.NaN, 12).isCounts()).isTrue();
    assertThat(TimeSeries.of(jan, 0, 3.5, 12).isCounts()).isFalse();
    assertThat(TimeSeries.of(jan, 0, -1, 12).isCounts()).isFalse();
    assertThat(TimeSeries.of(jan, Double.NaN, Double.NaN).isCounts()).isFalse();
  }
}

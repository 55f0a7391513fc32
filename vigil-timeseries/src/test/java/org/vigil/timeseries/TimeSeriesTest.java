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
}

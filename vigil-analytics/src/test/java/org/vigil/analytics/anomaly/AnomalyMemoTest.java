package org.vigil.analytics.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

class AnomalyMemoTest {
  private static TimeSeries series(double last) {
    Random r = new Random(7);
    double[] v = new double[48];
    for (int i = 0; i < v.length; i++) {
      v[i] = 100 + 10 * Math.sin(i * Math.PI / 6) + r.nextGaussian() * 3;
    }
    v[v.length - 1] = last;
    return TimeSeries.of(Period.parse("2021-01"), v);
  }

  @Test
  void sameSeriesAndSpec_sharesOneResult_equalToDetect() {
    TimeSeries s = series(180);
    var first = AnomalyMemo.detect(s, AnomalySpec.DEFAULT);
    assertThat(first).isEqualTo(AnomalyDetector.detect(s, AnomalySpec.DEFAULT));
    assertThat(first).isNotEmpty();
    // An equal series built anew is the same key: the stored list is returned, not recomputed.
    assertThat(AnomalyMemo.detect(series(180), AnomalySpec.DEFAULT)).isSameAs(first);
  }

  @Test
  void aChangedValue_isAnotherVintage_andIsDetectedAfresh() {
    var spike = AnomalyMemo.detect(series(180), AnomalySpec.DEFAULT);
    var calm = AnomalyMemo.detect(series(105), AnomalySpec.DEFAULT);
    assertThat(calm).isNotSameAs(spike);
    assertThat(calm).isEqualTo(AnomalyDetector.detect(series(105), AnomalySpec.DEFAULT));
    assertThat(spike.stream().map(Anomaly::period)).contains(Period.parse("2024-12"));
    assertThat(calm.stream().map(Anomaly::period)).doesNotContain(Period.parse("2024-12"));
  }
}

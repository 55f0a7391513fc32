package org.vigil.analytics.anomaly;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.timeseries.TimeSeries;

/**
 * Remembers {@link AnomalyDetector#detect} results. Detection is a pure function of the series'
 * values and the spec (the forecast interval's simulations use the spec's fixed seed), so every
 * request about the same vintage of a series can share one result: the forecast-interval method
 * refits the forecast engine once per checked month, which is seconds per series. Bounded: the
 * least recently used entries are dropped past {@link #CAPACITY}.
 */
public final class AnomalyMemo {
  /** Series kept; about ten states times a few hundred indicators. */
  static final int CAPACITY = 4096;

  private record Key(TimeSeries series, AnomalySpec spec) {}

  private static final Map<Key, List<Anomaly>> MEMO =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, List<Anomaly>> eldest) {
          return size() > CAPACITY;
        }
      };

  private AnomalyMemo() {}

  /** The same as {@link AnomalyDetector#detect}, computed once per distinct series and spec. */
  public static List<Anomaly> detect(TimeSeries series, AnomalySpec spec) {
    Key key = new Key(series, spec);
    synchronized (MEMO) {
      List<Anomaly> known = MEMO.get(key);
      if (known != null) {
        return known;
      }
    }
    // Computed outside the lock: two first readers may both compute; both get equal lists.
    List<Anomaly> found = List.copyOf(AnomalyDetector.detect(series, spec));
    synchronized (MEMO) {
      MEMO.putIfAbsent(key, found);
      return MEMO.get(key);
    }
  }
}

package org.vigil.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.model.run.AnalyticResult;

/**
 * The published views of finished analytic runs most recently read, unfiltered: every reader's
 * answer is this list filtered by the read rule. A finished run's view is immutable, so an entry
 * never goes stale; a newer run is a new key. Least recently used views are dropped while the views
 * hold more than the capacity's results (a full risk view of the demo is about 17,000).
 * Thread-safe.
 */
final class PublishedViews {
  /** Results kept over all views. */
  static final int CAPACITY = 60_000;

  /**
   * One view.
   *
   * @param periods the periods read, sorted (empty for every period)
   */
  record Key(String kind, long runId, List<String> periods) {}

  private final Map<Key, List<AnalyticResult>> views = new LinkedHashMap<>(16, 0.75f, true);
  private final int capacity;
  private int held;

  PublishedViews(int capacity) {
    this.capacity = capacity;
  }

  /** The view, or null when it is not held. */
  synchronized List<AnalyticResult> get(Key key) {
    return views.get(key);
  }

  /** Keeps a view unless it alone is larger than the capacity. */
  synchronized void put(Key key, List<AnalyticResult> rows) {
    if (rows.size() > capacity || views.containsKey(key)) {
      return;
    }
    views.put(key, List.copyOf(rows));
    held += rows.size();
    var eldest = views.entrySet().iterator();
    while (held > capacity && eldest.hasNext()) {
      held -= eldest.next().getValue().size();
      eldest.remove();
    }
  }

  /** Results held over all views. */
  synchronized int held() {
    return held;
  }
}

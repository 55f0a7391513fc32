package org.vigil.spark;

import java.io.Serializable;

/**
 * What a benchmark run produced: series forecast, series failed, and the order-free fingerprint of
 * all results ({@link SyntheticSeries#fingerprint}), so two engines' runs can be compared exactly
 * without keeping a million rows.
 */
public record BatchTally(long ok, long failed, long fingerprint) implements Serializable {
  private static final long serialVersionUID = 1L;

  static final BatchTally EMPTY = new BatchTally(0, 0, 0);

  BatchTally add(SeriesResult r) {
    return new BatchTally(
        ok + (r.ok() ? 1 : 0),
        failed + (r.ok() ? 0 : 1),
        fingerprint + SyntheticSeries.fingerprint(r));
  }

  BatchTally plus(BatchTally o) {
    return new BatchTally(ok + o.ok, failed + o.failed, fingerprint + o.fingerprint);
  }

  public long total() {
    return ok + failed;
  }
}

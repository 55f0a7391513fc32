package org.vigil.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * The in-process reference for the scale benchmark: the same {@link SeriesForecaster} over the same
 * synthetic series on a caller-given executor (a fixed pool of as many threads as cores), in chunks
 * so threads stay busy to the end.
 */
public final class InProcessBatch {
  private static final int CHUNK = 256;

  private final ExecutorService executor;
  private final int threads;

  public InProcessBatch(ExecutorService executor, int threads) {
    this.executor = executor;
    this.threads = threads;
  }

  /**
   * Forecasts synthetic series {@code 0..count-1}; {@code progress} hears the number done so far
   * (from any thread).
   */
  public BatchTally run(SyntheticSeries data, BatchSpec spec, long count, LongConsumer progress)
      throws InterruptedException {
    SeriesForecaster forecaster = new SeriesForecaster(spec);
    AtomicLong next = new AtomicLong();
    AtomicLong done = new AtomicLong();
    List<Future<BatchTally>> parts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      parts.add(
          executor.submit(
              () -> {
                BatchTally tally = BatchTally.EMPTY;
                for (long from = next.getAndAdd(CHUNK);
                    from < count;
                    from = next.getAndAdd(CHUNK)) {
                  long to = Math.min(count, from + CHUNK);
                  for (long id = from; id < to; id++) {
                    tally =
                        tally.add(forecaster.forecast(SyntheticSeries.key(id), data.series(id)));
                  }
                  progress.accept(done.addAndGet(to - from));
                }
                return tally;
              }));
    }
    BatchTally all = BatchTally.EMPTY;
    for (Future<BatchTally> f : parts) {
      try {
        all = all.plus(f.get());
      } catch (ExecutionException e) {
        throw new IllegalStateException("in-process batch failed: " + e.getCause(), e.getCause());
      }
    }
    return all;
  }
}

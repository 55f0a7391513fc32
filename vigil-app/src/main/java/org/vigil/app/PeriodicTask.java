package org.vigil.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A task run on its own daemon thread, at once (or after a first delay) and then {@code every}
 * after each run ends, until stopped: what the kept-rule schedule, the delivery worker, the source
 * pull schedule and the server's analytic schedule each need. The task catches and logs its own
 * failures (an exception that escapes it ends the repetition, as with any {@link
 * ScheduledExecutorService}). Thread-safe.
 */
public final class PeriodicTask {
  private final ScheduledExecutorService executor;

  private PeriodicTask(String threadName) {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts {@code task} on a daemon thread named {@code threadName}: the first run at once, the
   * next {@code every} after the end of the one before.
   */
  public static PeriodicTask start(String threadName, Duration every, Runnable task) {
    return start(threadName, Duration.ZERO, every, task);
  }

  /** As {@link #start(String, Duration, Runnable)}, with the first run {@code first} from now. */
  public static PeriodicTask start(
      String threadName, Duration first, Duration every, Runnable task) {
    PeriodicTask p = new PeriodicTask(threadName);
    p.executor.scheduleWithFixedDelay(
        task, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    return p;
  }

  /**
   * Runs no more; a run in progress may finish for up to {@code grace}, then it is interrupted. An
   * interrupt of the caller while it waits interrupts the run and is kept on the caller's thread.
   */
  public void stop(Duration grace) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Runs no more and interrupts a run in progress at once. */
  public void halt() {
    executor.shutdownNow();
  }
}

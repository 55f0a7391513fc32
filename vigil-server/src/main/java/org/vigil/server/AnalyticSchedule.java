package org.vigil.server;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.app.PeriodicTask;
import org.vigil.app.Vigil;
import org.vigil.app.analytics.AnalyticRunner;
import org.vigil.model.run.AnalyticRun;

/**
 * The scheduled analytic run: once when the server starts, then every {@code every}, an incremental
 * run ({@link AnalyticRunner}, trigger {@code schedule}) on one background thread, only when some
 * input's vintage changed since the latest run (otherwise nothing is recorded); the first run of a
 * store without one is a full run. A failed run is logged and the schedule goes on. Runs share the
 * runner's one-at-a-time lock with the runs after an ingest, so they never overlap. The run's times
 * come from the Vigil's clock.
 */
final class AnalyticSchedule implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AnalyticSchedule.class);

  private final AnalyticRunner runner;
  private final AtomicLong finished = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong unchanged = new AtomicLong();
  private volatile PeriodicTask task;

  private AnalyticSchedule(Vigil vigil) {
    this.runner = new AnalyticRunner(vigil);
  }

  /** Starts the schedule: the first run at once, then one every {@code every}. */
  static AnalyticSchedule start(Vigil vigil, Duration every) {
    AnalyticSchedule s = new AnalyticSchedule(vigil);
    s.task = PeriodicTask.start("vigil-analytic-schedule", every, s::runOnce);
    return s;
  }

  private void runOnce() {
    try {
      Optional<AnalyticRun> run = runner.runIfNewData("schedule", AnalyticRunner.Progress.NONE);
      if (run.isEmpty()) {
        unchanged.incrementAndGet();
        LOG.debug("Scheduled analytic run: no new data since the latest run; nothing recorded");
        return;
      }
      finished.incrementAndGet();
      LOG.info(
          "Scheduled analytic run {}: {} series computed, {} results changed",
          run.get().id(),
          run.get().seriesComputed(),
          run.get().resultsChanged());
    } catch (RuntimeException e) {
      failed.incrementAndGet();
      LOG.warn("Scheduled analytic run failed; the next one runs on schedule", e);
    }
  }

  /** Scheduled runs finished since the start. */
  long finished() {
    return finished.get();
  }

  /** Scheduled times that found no new data and recorded nothing. */
  long unchanged() {
    return unchanged.get();
  }

  /** Scheduled runs that failed since the start. */
  long failed() {
    return failed.get();
  }

  /** Stops the schedule; a run in progress finishes (waits up to a minute). */
  @Override
  public void close() {
    task.stop(Duration.ofMinutes(1));
  }
}

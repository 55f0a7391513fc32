package org.vigil.app.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vigil.app.PeriodicTask;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;

/**
 * Evaluates the kept alert rules on a schedule ({@link #runIfDue}, {@link #start}; by hand: {@link
 * NotifyService#evaluateRules}). The schedule divides time into slots of {@code every} aligned to
 * the epoch (1h: on the hour, UTC) and read from the injected clock; the first tick in a slot
 * claims it in the store ({@code notify_rule_run}), so the rules run once per slot, also with
 * several servers or a restart within the slot. Evaluating again raises nothing new: an alert is
 * keyed by its rule, subject, period and owner (and the kept rule's code), so the same finding is
 * stored once. Every evaluation is audited ({@code notify.evaluate}) and fans new alerts out to the
 * subscribers.
 */
public final class RuleSchedule implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(RuleSchedule.class.getName());

  private final Vigil vigil;
  private final NotifyService service;
  private final Duration every;
  private final String name;
  private PeriodicTask timer;

  /** A schedule of the kept rules every {@code every} (at least one second). */
  public RuleSchedule(Vigil vigil, NotifyService service, Duration every, String name) {
    if (every.toSeconds() < 1) {
      throw new IllegalArgumentException(
          "The kept rules' interval (VIGIL_NOTIFY_RULES_EVERY) must be at least 1s, found "
              + every);
    }
    this.vigil = vigil;
    this.service = service;
    this.every = every;
    this.name = name;
  }

  /** The slot that contains {@code t}: its start. */
  public Instant slot(Instant t) {
    long ms = every.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), ms) * ms);
  }

  /** Evaluates the rules when the current slot has not been run yet (by anyone); else nothing. */
  public Optional<NotifyService.Evaluation> runIfDue() {
    Instant slot = slot(vigil.clock().instant());
    if (!service.store().claimRuleRun(AccessContext.system(), slot, name)) {
      return Optional.empty();
    }
    return Optional.of(service.evaluateRules(AccessContext.system(), Optional.of(slot)));
  }

  /**
   * Checks every {@code poll} (its own daemon thread) whether a slot is due, until {@link #close}.
   */
  public synchronized void start(Duration poll) {
    if (timer != null) {
      throw new IllegalStateException("Rule schedule " + name + " is already running");
    }
    timer =
        PeriodicTask.start(
            "vigil-rules-" + name,
            poll,
            () -> {
              try {
                runIfDue();
              } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Kept alert rules failed; the next slot runs them again", e);
              }
            });
  }

  /** How often {@link #start} should look at the clock for an interval {@code every}. */
  public static Duration poll(Duration every) {
    Duration p = every.dividedBy(10);
    return p.compareTo(Duration.ofSeconds(30)) > 0
        ? Duration.ofSeconds(30)
        : p.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : p;
  }

  /** Lets an evaluation in progress finish (up to a minute), then stops. */
  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.stop(Duration.ofSeconds(60));
      timer = null;
    }
  }
}

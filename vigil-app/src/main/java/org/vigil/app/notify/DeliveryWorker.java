package org.vigil.app.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vigil.app.PeriodicTask;
import org.vigil.model.AccessContext;
import org.vigil.model.notify.Channel;
import org.vigil.model.notify.OutboxMessage;
import org.vigil.store.JdbcNotifyStore;

/**
 * Sends the outbox: claims one due message at a time under a lease (committed before sending, see
 * {@link JdbcNotifyStore#claim}), sends it, records the outcome; a failure is retried after {@link
 * NotifyConfig#retryAfter} (exponential back-off on the injected clock) until {@link
 * NotifyConfig#maxAttempts}. {@link #stop} lets the message in hand finish, so a stop between
 * messages leaves nothing half-done; a hard stop while sending ({@link #halt}, a killed process)
 * leaves that one message SENDING, and when its lease ({@link NotifyConfig#lease}) runs out the
 * next worker sends it again under the same Message-ID or webhook id. Each tick also dispatches new
 * alerts and, once a day, yesterday's digests. Its own single thread.
 */
public final class DeliveryWorker implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());

  private final NotifyService service;
  private final Clock clock;
  private final String name;
  private final Map<Channel, Delivery> deliveries = new EnumMap<>(Channel.class);
  private final AtomicBoolean stopping = new AtomicBoolean();
  private PeriodicTask timer;

  /** A worker over the channels the service's configuration enables. */
  public DeliveryWorker(NotifyService service, Clock clock, String name) {
    this.service = service;
    this.clock = clock;
    this.name = name;
    NotifyConfig config = service.config();
    if (config.mail()) {
      SmtpDelivery smtp = new SmtpDelivery(config);
      deliveries.put(Channel.EMAIL, smtp);
      deliveries.put(Channel.DIGEST, smtp);
    }
    if (config.webhooks()) {
      deliveries.put(Channel.WEBHOOK, new WebhookDelivery(config, clock));
    }
  }

  /** For tests: replaces a channel's sender. */
  DeliveryWorker with(Channel channel, Delivery delivery) {
    deliveries.put(channel, delivery);
    return this;
  }

  /** What one pass did. */
  public record Pass(int sent, int retried, int failed) {}

  /**
   * Sends due messages (and those whose lease ran out) until none is due or it is stopped.
   *
   * @throws RuntimeException when the store fails (the message in hand stays claimed until its
   *     lease runs out)
   */
  public Pass deliver() {
    JdbcNotifyStore store = service.store();
    AccessContext system = AccessContext.system();
    NotifyConfig config = service.config();
    int sent = 0;
    int retried = 0;
    int failed = 0;
    while (!stopping.get() && !Thread.currentThread().isInterrupted()) {
      List<OutboxMessage> claimed =
          store.claim(system, name, 1, config.lease(), config.maxAttempts());
      if (claimed.isEmpty()) {
        break;
      }
      OutboxMessage m = claimed.get(0);
      Sent outcome = send(m);
      if (outcome.accepted()) {
        if (record(() -> store.sent(system, m, outcome.detail()), m)) {
          sent++;
        }
        continue;
      }
      Optional<Duration> wait = config.retryAfter(m.attempts());
      if (record(
          () -> store.failed(system, m, outcome.detail(), wait.map(w -> clock.instant().plus(w))),
          m)) {
        if (wait.isPresent()) {
          retried++;
        } else {
          failed++;
        }
      }
    }
    return new Pass(sent, retried, failed);
  }

  /** What the receiver did with one message: accepted (its answer) or not (the error). */
  private record Sent(boolean accepted, String detail) {}

  private Sent send(OutboxMessage m) {
    Delivery d = deliveries.get(m.channel());
    try {
      if (d == null) {
        throw new IllegalStateException(
            m.channel()
                + " is not configured on this server: set VIGIL_SMTP_HOST or VIGIL_WEBHOOK_SECRET");
      }
      return new Sent(true, d.send(m));
    } catch (Exception e) { // any failure of the receiver is one failed attempt
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return new Sent(false, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /**
   * Records an outcome; false when the message is no longer this worker's (its lease ran out and
   * another worker took it: that worker records it).
   */
  private static boolean record(Runnable write, OutboxMessage m) {
    try {
      write.run();
      return true;
    } catch (IllegalStateException e) {
      LOG.log(Level.WARNING, "Outcome of message " + m.id() + " not recorded: " + e.getMessage());
      return false;
    }
  }

  /** One tick: dispatch new alerts, enqueue yesterday's digests, deliver. */
  public Pass tick() {
    service.dispatch();
    service.digest(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1));
    return deliver();
  }

  /** Runs {@link #tick} every {@code every} on its own thread until {@link #close}. */
  public synchronized void start(Duration every) {
    if (timer != null) {
      throw new IllegalStateException("Delivery worker " + name + " is already running");
    }
    timer =
        PeriodicTask.start(
            "vigil-notify-" + name,
            every,
            () -> {
              try {
                tick();
              } catch (RuntimeException e) {
                LOG.log(
                    Level.WARNING, "Notification delivery failed; retrying at the next tick", e);
              }
            });
  }

  /** Stops after the message in hand. */
  public void stop() {
    stopping.set(true);
  }

  /**
   * Stops after the message in hand, waiting up to the attempt timeout for it, then interrupts it
   * (an interrupted send is left to its lease).
   */
  @Override
  public synchronized void close() {
    stop();
    if (timer != null) {
      timer.stop(service.config().timeout().plusSeconds(5));
      timer = null;
    }
  }

  /**
   * Stops at once, interrupting a send in progress, as a killed process would: the message in hand
   * stays claimed and is sent again by another worker when its lease runs out.
   */
  public synchronized void halt() {
    stop();
    if (timer != null) {
      timer.halt();
      timer = null;
    }
  }
}

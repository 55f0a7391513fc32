package org.vigil.app.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vigil.model.AccessContext;
import org.vigil.model.notify.Channel;
import org.vigil.model.notify.OutboxMessage;
import org.vigil.store.JdbcNotifyStore;

/**
 * Sends the outbox: claims one due message at a time (committed before sending, see {@link
 * JdbcNotifyStore#claim}), sends it, records the outcome; a failure is retried after {@link
 * NotifyConfig#retryAfter} (exponential back-off on the injected clock) until {@link
 * NotifyConfig#maxAttempts}. {@link #stop} lets the message in hand finish, so a stop between
 * messages leaves nothing half-done; a hard stop while sending leaves that one message SENDING, and
 * the next worker marks it INTERRUPTED rather than risk sending it twice. Each tick also dispatches
 * new alerts and, once a day, yesterday's digests. Its own single thread.
 */
public final class DeliveryWorker implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());

  private final NotifyService service;
  private final Clock clock;
  private final String name;
  private final Map<Channel, Delivery> deliveries = new EnumMap<>(Channel.class);
  private final AtomicBoolean stopping = new AtomicBoolean();
  private ScheduledExecutorService timer;

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
  public record Pass(int sent, int retried, int failed, int interrupted) {}

  /** Marks interrupted deliveries, then sends due messages until none is due or it is stopped. */
  public Pass deliver() {
    JdbcNotifyStore store = service.store();
    AccessContext system = AccessContext.system();
    int interrupted = store.interruptStale(system);
    int sent = 0;
    int retried = 0;
    int failed = 0;
    while (!stopping.get()) {
      List<OutboxMessage> claimed = store.claim(system, name, 1);
      if (claimed.isEmpty()) {
        break;
      }
      OutboxMessage m = claimed.get(0);
      Delivery d = deliveries.get(m.channel());
      try {
        if (d == null) {
          throw new IllegalStateException(
              m.channel() + " is not configured on this server (see NotifyConfig)");
        }
        store.sent(system, m, d.send(m));
        sent++;
      } catch (Exception e) { // any failure of the receiver is one failed attempt
        Optional<Duration> wait = service.config().retryAfter(m.attempts());
        store.failed(
            system,
            m,
            e.getClass().getSimpleName() + ": " + e.getMessage(),
            wait.map(w -> clock.instant().plus(w)));
        if (wait.isPresent()) {
          retried++;
        } else {
          failed++;
        }
      }
    }
    return new Pass(sent, retried, failed, interrupted);
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
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "vigil-notify-" + name);
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            tick();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Notification delivery failed; retrying at the next tick", e);
          }
        },
        0,
        every.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Stops after the message in hand. */
  public void stop() {
    stopping.set(true);
  }

  @Override
  public synchronized void close() {
    stop();
    if (timer != null) {
      timer.shutdown();
      try {
        timer.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      timer = null;
    }
  }
}

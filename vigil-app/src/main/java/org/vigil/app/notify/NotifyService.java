package org.vigil.app.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.NotFoundException;
import org.vigil.model.User;
import org.vigil.model.alert.Alert;
import org.vigil.model.alert.AlertQuery;
import org.vigil.model.alert.AlertRepository;
import org.vigil.model.notify.Channel;
import org.vigil.model.notify.InboxItem;
import org.vigil.model.notify.InboxState;
import org.vigil.model.notify.NotifyRule;
import org.vigil.model.notify.Subscription;
import org.vigil.store.JdbcAlertRepository;
import org.vigil.store.JdbcNotifyStore;

/**
 * Subscriptions, inboxes and fan-out of alerts to them. {@link #dispatch} matches every stored
 * alert against every active subscription and, for each alert the subscriber may read (read in the
 * subscriber's own context, with the same read rule as every other read), puts it in the
 * subscriber's inbox and, for an e-mail or webhook subscription on a configured channel, enqueues
 * one message under the delivery key {@code alert:<id>:sub:<id>}. Dispatch is idempotent.
 */
public final class NotifyService {
  private final Vigil vigil;
  private final NotifyConfig config;
  private final JdbcNotifyStore store;
  private final AlertRepository alerts;
  private final NotifyMessages messages;

  /** Over the application's notification settings ({@code VigilConfig#notifications}). */
  public NotifyService(Vigil vigil) {
    this(vigil, vigil.config().notifications());
  }

  public NotifyService(Vigil vigil, NotifyConfig config) {
    this.vigil = vigil;
    this.config = config;
    this.store = JdbcNotifyStore.open(vigil.dataSource(), vigil.clock());
    this.alerts = JdbcAlertRepository.open(vigil.dataSource(), vigil.clock());
    this.messages = new NotifyMessages(config.baseUrl());
  }

  public NotifyConfig config() {
    return config;
  }

  JdbcNotifyStore store() {
    return store;
  }

  /** What one dispatch did. */
  public record Dispatch(int inboxed, int enqueued) {}

  /** Subscribes the caller; alerts raised from now on are delivered. */
  public Subscription subscribe(
      AccessContext ctx,
      String domain,
      String area,
      String indicator,
      org.vigil.model.alert.AlertSeverity minSeverity,
      Channel channel,
      String target,
      String lang) {
    Subscription s =
        new Subscription(
            0,
            ctx.user(),
            domain,
            area,
            indicator,
            minSeverity,
            channel,
            target,
            lang,
            true,
            vigil.clock().instant());
    if (channel == Channel.WEBHOOK && !config.webhooks()) {
      throw new org.vigil.model.InvalidInputException(
          "Webhooks are not configured on this server: set VIGIL_WEBHOOK_SECRET first");
    }
    if ((channel == Channel.EMAIL || channel == Channel.DIGEST) && !config.mail()) {
      throw new org.vigil.model.InvalidInputException(
          "E-mail is not configured on this server: set VIGIL_SMTP_HOST first");
    }
    return store.subscribe(ctx, s);
  }

  public List<Subscription> subscriptions(AccessContext ctx) {
    return store.subscriptions(ctx);
  }

  public void unsubscribe(AccessContext ctx, long id) {
    store.unsubscribe(ctx, id);
  }

  public List<NotifyRule> rules(AccessContext ctx) {
    return store.rules(ctx);
  }

  public NotifyRule saveRule(AccessContext ctx, NotifyRule rule) {
    return store.saveRule(ctx, rule);
  }

  /**
   * The caller's inbox, newest first: items whose alert the caller may still read (an alert whose
   * sharing was withdrawn drops out).
   */
  public List<InboxItem> inbox(AccessContext ctx, Optional<InboxState> state) {
    List<JdbcNotifyStore.InboxRow> rows = store.inbox(ctx, state);
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, Alert> readable = new HashMap<>();
    for (Alert a : alerts.list(ctx, AlertQuery.all())) {
      readable.put(a.id(), a);
    }
    List<InboxItem> out = new ArrayList<>();
    for (JdbcNotifyStore.InboxRow r : rows) {
      Alert a = readable.get(r.alertId());
      if (a != null) {
        out.add(new InboxItem(r.id(), r.username(), a, r.state(), r.createdAt(), r.changedAt()));
      }
    }
    return out;
  }

  /** How many UNREAD items the caller's inbox holds (that the caller may read). */
  public int unread(AccessContext ctx) {
    return inbox(ctx, Optional.of(InboxState.UNREAD)).size();
  }

  /** Marks one of the caller's inbox items READ, ACKNOWLEDGED or CLOSED. */
  public InboxItem mark(AccessContext ctx, long id, InboxState state) {
    JdbcNotifyStore.InboxRow r = store.markInbox(ctx, id, state);
    return inbox(ctx, Optional.empty()).stream()
        .filter(i -> i.id() == r.id())
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No inbox item " + id + " of " + ctx.user()));
  }

  /** What one evaluation of the kept rules did. */
  public record Evaluation(
      Optional<Instant> slot,
      Map<String, Integer> findings,
      int rules,
      int raised,
      Dispatch dispatch) {}

  /**
   * Evaluates every enabled kept rule now, stores the new alerts (an alert already stored is not
   * raised again), fans them out and audits it ({@code notify.evaluate}). System or a system
   * administrator.
   */
  public Evaluation evaluateRules(AccessContext by) {
    return evaluateRules(by, Optional.empty());
  }

  Evaluation evaluateRules(AccessContext by, Optional<Instant> slot) {
    List<NotifyRule> rules =
        store.rules(AccessContext.system()).stream().filter(NotifyRule::enabled).toList();
    if (!by.isSystem() && by.role() != org.vigil.model.Role.SYSTEM_ADMIN) {
      throw new org.vigil.model.AccessDeniedException(
          by.user() + " may not run the alert rules: expected a system administrator");
    }
    try {
      RuleEngine.Evaluation e = new RuleEngine(vigil).evaluate(rules);
      Map<String, Integer> findings = new java.util.LinkedHashMap<>();
      e.findings().forEach((code, found) -> findings.put(code, found.size()));
      int total = findings.values().stream().mapToInt(Integer::intValue).sum();
      Dispatch d = dispatch();
      store.recordEvaluation(by, slot, rules.size(), total, e.raised().size(), true, "");
      return new Evaluation(slot, findings, rules.size(), e.raised().size(), d);
    } catch (RuntimeException ex) {
      store.recordEvaluation(
          by,
          slot,
          rules.size(),
          0,
          0,
          false,
          ex.getClass().getSimpleName() + ": " + ex.getMessage());
      throw ex;
    }
  }

  /** Fans every stored alert out to the subscriptions that match it and may read it. */
  public Dispatch dispatch() {
    AccessContext system = AccessContext.system();
    int inboxed = 0;
    int enqueued = 0;
    Map<String, List<Alert>> readableBy = new HashMap<>();
    for (Subscription s : store.subscriptions(system)) {
      Optional<AccessContext> reader = reader(s.username());
      if (reader.isEmpty()) {
        continue; // disabled or removed user: nothing goes out
      }
      List<Alert> visible =
          readableBy.computeIfAbsent(
              s.username(), u -> alerts.list(reader.get(), AlertQuery.all()));
      for (Alert a : visible) {
        if (!s.matches(a)) {
          continue;
        }
        if (store.deliverToInbox(system, s.username(), a.id())) {
          inboxed++;
        }
        if (enqueue(system, s, a)) {
          enqueued++;
        }
      }
    }
    return new Dispatch(inboxed, enqueued);
  }

  private boolean enqueue(AccessContext system, Subscription s, Alert a) {
    String key = "alert:" + a.id() + ":sub:" + s.id();
    return switch (s.channel()) {
      case EMAIL ->
          config.mail()
              && store.enqueue(
                  system,
                  key,
                  Channel.EMAIL,
                  s.target(),
                  s.username(),
                  messages.subject(a, s.lang()),
                  messages.text(a, s.lang()));
      case WEBHOOK ->
          config.webhooks()
              && store.enqueue(
                  system,
                  key,
                  Channel.WEBHOOK,
                  s.target(),
                  s.username(),
                  messages.subject(a, "en"),
                  messages.json(Delivery.messageId(key), a));
      case INBOX, DIGEST -> false;
    };
  }

  /**
   * Enqueues each DIGEST subscription's digest of the alerts raised on {@code day} (UTC) that match
   * it and that its user may read; none when there were none. Idempotent per subscription and day.
   *
   * @return how many digests were enqueued
   */
  public int digest(LocalDate day) {
    if (!config.mail()) {
      return 0;
    }
    AccessContext system = AccessContext.system();
    Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    int n = 0;
    for (Subscription s : store.subscriptions(system)) {
      Optional<AccessContext> reader = reader(s.username());
      if (s.channel() != Channel.DIGEST || reader.isEmpty()) {
        continue;
      }
      List<Alert> of =
          alerts.list(reader.get(), AlertQuery.all()).stream()
              .filter(s::matches)
              .filter(a -> !a.createdAt().isBefore(from) && a.createdAt().isBefore(to))
              .sorted(
                  java.util.Comparator.comparing((Alert a) -> a.severity())
                      .reversed()
                      .thenComparing(Alert::id))
              .toList();
      if (!of.isEmpty()
          && store.enqueue(
              system,
              "digest:" + day + ":sub:" + s.id(),
              Channel.DIGEST,
              s.target(),
              s.username(),
              messages.digestSubject(day, of.size(), s.lang()),
              messages.digestText(day, of, s.lang()))) {
        n++;
      }
    }
    return n;
  }

  private Optional<AccessContext> reader(String username) {
    Optional<User> u = vigil.users().findForLogin(username);
    if (u.isEmpty() || !u.get().active()) {
      return Optional.empty();
    }
    User user = u.get();
    return Optional.of(AccessContext.of(user.username(), user.organisation(), user.role()));
  }
}

package org.vigil.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.app.Vigil;
import org.vigil.app.notify.DeliveryWorker;
import org.vigil.app.notify.NotifyConfig;
import org.vigil.app.notify.NotifyService;
import org.vigil.app.notify.RuleSchedule;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Role;
import org.vigil.model.alert.AlertSeverity;
import org.vigil.model.notify.Channel;
import org.vigil.model.notify.InboxItem;
import org.vigil.model.notify.InboxState;
import org.vigil.model.notify.NotifyRule;
import org.vigil.model.notify.RuleKind;
import org.vigil.model.notify.Subscription;

/**
 * Notifications: the caller's inbox (read, acknowledge, close; unread count), subscriptions, and
 * the alert rules kept as data. While the server listens, a delivery worker runs every {@code
 * deliverEvery} (30 s by default): it puts new alerts into the inboxes of the subscribers who may
 * read them and sends what e-mail and webhooks are configured for; and when {@code rulesEvery} is
 * set (the environment's default: every hour) the kept rules are evaluated once per interval. The
 * settings are the application's ({@code VigilConfig#notifications}).
 */
public final class NotifyRoutes implements RouteGroup {
  private final Vigil vigil;
  private final NotifyService service;
  private DeliveryWorker worker;
  private RuleSchedule schedule;

  public NotifyRoutes(Vigil vigil) {
    this.vigil = vigil;
    this.service = new NotifyService(vigil);
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/notify/inbox", this::inbox);
    routes.get("/api/notify/inbox/count", this::count);
    routes.post("/api/notify/inbox/{id}/state", this::mark);
    routes.get("/api/notify/subscriptions", this::subscriptions);
    routes.post("/api/notify/subscriptions", this::subscribe);
    routes.delete("/api/notify/subscriptions/{id}", this::unsubscribe);
    routes.get("/api/notify/rules", this::rules);
    routes.post("/api/notify/rules", this::saveRule);
    routes.post("/api/notify/rules/evaluate", this::evaluate);
    // Fans new alerts out to inboxes and sends what e-mail and webhooks are configured for; GET
    // requests never write, so the inbox is filled here, not when it is read.
    NotifyConfig config = service.config();
    worker = new DeliveryWorker(service, vigil.clock(), "server-" + ProcessHandle.current().pid());
    worker.start(config.deliverEvery());
    config
        .rulesEvery()
        .ifPresent(
            every -> {
              schedule = new RuleSchedule(vigil, service, every, "server");
              schedule.start(RuleSchedule.poll(every));
            });
  }

  @Override
  public void close() {
    if (schedule != null) {
      schedule.close();
    }
    if (worker != null) {
      worker.close();
    }
  }

  private void inbox(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    Optional<InboxState> state =
        Params.optional(ctx, "state")
            .map(s -> ReferenceRoutes.enumParam(InboxState.class, "state", s));
    ctx.json(Page.of(ctx, service.inbox(caller, state), NotifyRoutes::item));
  }

  private void count(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    ctx.json(Map.of("unread", service.unread(caller)));
  }

  private void mark(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    long id = id(ctx);
    ObjectNode body = Bodies.object(ctx);
    InboxState state =
        ReferenceRoutes.enumParam(InboxState.class, "state", Bodies.text(body, "state"));
    ctx.json(item(service.mark(caller, id, state)));
  }

  private void subscriptions(Context ctx) {
    ctx.json(
        service.subscriptions(Caller.authenticated(ctx)).stream()
            .map(NotifyRoutes::subscription)
            .toList());
  }

  private void subscribe(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    ObjectNode b = Bodies.object(ctx);
    try {
      Subscription s =
          service.subscribe(
              caller,
              Bodies.optionalText(b, "domain").orElse(""),
              Bodies.optionalText(b, "area").orElse(""),
              Bodies.optionalText(b, "indicator").orElse(""),
              ReferenceRoutes.enumParam(
                  AlertSeverity.class,
                  "severity",
                  Bodies.optionalText(b, "severity").orElse("INFO")),
              ReferenceRoutes.enumParam(
                  Channel.class, "channel", Bodies.optionalText(b, "channel").orElse("INBOX")),
              Bodies.optionalText(b, "to").orElse(""),
              Bodies.optionalText(b, "lang").orElse("en"));
      ctx.status(201).json(subscription(s));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  private void unsubscribe(Context ctx) {
    service.unsubscribe(Caller.authenticated(ctx), id(ctx));
    ctx.status(204);
  }

  private void rules(Context ctx) {
    ctx.json(service.rules(Caller.authenticated(ctx)).stream().map(NotifyRoutes::rule).toList());
  }

  private void saveRule(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    ObjectNode b = Bodies.object(ctx);
    try {
      NotifyRule r =
          new NotifyRule(
              0,
              Bodies.text(b, "code"),
              ReferenceRoutes.enumParam(RuleKind.class, "kind", Bodies.text(b, "kind")),
              Bodies.optionalText(b, "indicator").orElse(""),
              Bodies.optionalText(b, "area").orElse("").toUpperCase(Locale.ROOT),
              Bodies.optionalText(b, "domain").orElse("").toUpperCase(Locale.ROOT),
              NotifyRule.parseParams(Bodies.optionalText(b, "params").orElse("")),
              ReferenceRoutes.enumParam(
                  AlertSeverity.class,
                  "severity",
                  Bodies.optionalText(b, "severity").orElse("WARNING")),
              !"false".equals(Bodies.optionalText(b, "enabled").orElse("true")),
              caller.user(),
              vigil.clock().instant());
      ctx.status(201).json(rule(service.saveRule(caller, r)));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  private void evaluate(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    if (caller.role() != Role.SYSTEM_ADMIN) {
      throw new AccessDeniedException(
          caller.user() + " may not run the alert rules: expected a system administrator");
    }
    NotifyService.Evaluation e = service.evaluateRules(caller);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("findings", e.findings());
    out.put("raised", e.raised());
    out.put("inboxed", e.dispatch().inboxed());
    out.put("enqueued", e.dispatch().enqueued());
    ctx.json(out);
  }

  private static long id(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new BadRequestException(
          "Path parameter 'id' must be a number, found '" + Params.clip(ctx.pathParam("id")) + "'");
    }
  }

  static Map<String, Object> item(InboxItem i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", i.id());
    m.put("state", i.state().name());
    m.put("createdAt", i.createdAt().toString());
    m.put("changedAt", i.changedAt().toString());
    m.put("alert", AlertRoutes.wire(i.alert()));
    m.put(
        "links",
        Map.of(
            "series",
            "#/indicator?code="
                + i.alert().subject().indicator()
                + "&areas="
                + i.alert().subject().area()));
    return m;
  }

  static Map<String, Object> subscription(Subscription s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("channel", s.channel().name());
    m.put("to", s.target());
    m.put("domain", s.domain());
    m.put("area", s.area());
    m.put("indicator", s.indicator());
    m.put("severity", s.minSeverity().name());
    m.put("lang", s.lang());
    m.put("active", s.active());
    m.put("createdAt", s.createdAt().toString());
    return m;
  }

  static Map<String, Object> rule(NotifyRule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", r.code());
    m.put("kind", r.kind().name());
    m.put("indicator", r.indicator());
    m.put("area", r.area());
    m.put("domain", r.domain());
    m.put("params", r.params());
    m.put("severity", r.severity().name());
    m.put("enabled", r.enabled());
    m.put("createdBy", r.createdBy());
    m.put("createdAt", r.createdAt().toString());
    return m;
  }
}

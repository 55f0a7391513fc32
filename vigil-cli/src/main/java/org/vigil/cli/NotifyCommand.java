package org.vigil.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.app.Vigil;
import org.vigil.app.notify.DeliveryWorker;
import org.vigil.app.notify.NotifyService;
import org.vigil.model.InvalidInputException;
import org.vigil.model.alert.AlertSeverity;
import org.vigil.model.notify.Channel;
import org.vigil.model.notify.InboxItem;
import org.vigil.model.notify.InboxState;
import org.vigil.model.notify.NotifyRule;
import org.vigil.model.notify.RuleKind;
import org.vigil.model.notify.Subscription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil notify}: subscriptions, the inbox, alert rules kept as data, delivery. */
@Command(
    name = "notify",
    mixinStandardHelpOptions = true,
    description =
        "Notifications: subscribe to alerts (inbox, e-mail, webhook, daily digest), read the"
            + " inbox, keep alert rules as data, deliver the outbox.",
    subcommands = {
      NotifyCommand.Subscribe.class,
      NotifyCommand.ListSubscriptions.class,
      NotifyCommand.Unsubscribe.class,
      NotifyCommand.Inbox.class,
      NotifyCommand.Mark.class,
      NotifyCommand.Rules.class,
      NotifyCommand.AddRule.class,
      NotifyCommand.Evaluate.class,
      NotifyCommand.Deliver.class
    })
final class NotifyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(VigilCommand.of(spec).out());
  }

  static NotifyService service(Vigil vigil) {
    return new NotifyService(vigil);
  }

  static Table subscriptions(List<Subscription> subs) {
    Table t =
        Table.of(
            "id", "channel", "to", "domain", "area", "indicator", "severity", "lang", "active");
    for (Subscription s : subs) {
      t.row(
          s.id(),
          s.channel().name(),
          s.target(),
          s.domain().isEmpty() ? "*" : s.domain(),
          s.area().isEmpty() ? "*" : s.area(),
          s.indicator().isEmpty() ? "*" : s.indicator(),
          ">= " + s.minSeverity(),
          s.lang(),
          s.active() ? "yes" : "no");
    }
    return t;
  }

  /**
   * {@code notify subscribe [--domain D] [--area A] [--indicator I] [--severity S] [--channel C
   * --to X]}.
   */
  @Command(
      name = "subscribe",
      mixinStandardHelpOptions = true,
      description = "Subscribe (as --user) to alerts you may read, from now on.")
  static final class Subscribe implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--domain", description = "Threat domain, e.g. drug-trafficking (default any).")
    String domain = "";

    @Option(names = "--area", description = "Area code or name (default any).")
    String area;

    @Option(names = "--indicator", description = "Indicator code (default any).")
    String indicator = "";

    @Option(
        names = "--severity",
        description = "Least severity: INFO (default), WARNING, CRITICAL.")
    String severity = "INFO";

    @Option(names = "--channel", description = "INBOX (default), EMAIL, WEBHOOK or DIGEST.")
    String channel = "INBOX";

    @Option(names = "--to", description = "E-mail address or webhook URL.")
    String to = "";

    @Option(names = "--lang", description = "Language of messages: en (default) or ru.")
    String lang = "en";

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      try (Vigil vigil = root.openVigil()) {
        Subscription s =
            service(vigil)
                .subscribe(
                    root.caller(vigil),
                    domain,
                    area == null ? "" : root.areaCode(vigil, area),
                    indicator,
                    AlertsCommand.parse(AlertSeverity.class, "--severity", severity).orElseThrow(),
                    AlertsCommand.parse(Channel.class, "--channel", channel).orElseThrow(),
                    to,
                    AlertsCommand.russian(lang) ? "ru" : "en");
        root.renderer().note("Subscribed (" + s.id() + ").");
        root.renderer().print(subscriptions(List.of(s)));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(e.getMessage());
      }
      return VigilCommand.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Your subscriptions.")
  static final class ListSubscriptions implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      try (Vigil vigil = root.openVigil()) {
        root.renderer().print(subscriptions(service(vigil).subscriptions(root.caller(vigil))));
      }
      return VigilCommand.OK;
    }
  }

  @Command(
      name = "unsubscribe",
      mixinStandardHelpOptions = true,
      description = "Cancel one of your subscriptions.")
  static final class Unsubscribe implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "Subscription id.")
    long id;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      try (Vigil vigil = root.openVigil()) {
        service(vigil).unsubscribe(root.caller(vigil), id);
        root.renderer().note("Subscription " + id + " cancelled.");
      }
      return VigilCommand.OK;
    }
  }

  @Command(
      name = "inbox",
      mixinStandardHelpOptions = true,
      description = "Your inbox: the alerts your subscriptions delivered, newest first.")
  static final class Inbox implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--state", description = "UNREAD, READ, ACKNOWLEDGED or CLOSED.")
    String state;

    @Option(names = "--lang", description = "Messages in en (default) or ru.")
    String lang;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      try (Vigil vigil = root.openVigil()) {
        NotifyService s = service(vigil);
        s.dispatch();
        List<InboxItem> items =
            s.inbox(root.caller(vigil), AlertsCommand.parse(InboxState.class, "--state", state));
        boolean ru = AlertsCommand.russian(lang);
        Table t =
            Table.of("id", "state", "severity", "rule", "indicator", "area", "period", "message");
        for (InboxItem i : items) {
          t.row(
              i.id(),
              i.state().name(),
              i.alert().severity().name(),
              i.alert().rule().name(),
              i.alert().subject().indicator(),
              i.alert().subject().area(),
              i.alert().subject().period(),
              ru ? i.alert().messageRu() : i.alert().messageEn());
        }
        root.renderer().note(items.size() + " item(s).");
        root.renderer().print(t.detail("message"));
      }
      return VigilCommand.OK;
    }
  }

  @Command(
      name = "mark",
      mixinStandardHelpOptions = true,
      description = "Mark an inbox item read, acknowledged or closed.")
  static final class Mark implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "Inbox item id.")
    long id;

    @Parameters(index = "1", description = "read, acknowledged or closed.")
    String state;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      InboxState s =
          AlertsCommand.parse(InboxState.class, "STATE", state)
              .orElseThrow(
                  () -> new InvalidInputException("Give the state: read, acknowledged or closed"));
      try (Vigil vigil = root.openVigil()) {
        InboxItem i = service(vigil).mark(root.caller(vigil), id, s);
        root.renderer().note("Inbox item " + i.id() + " is " + i.state() + ".");
      }
      return VigilCommand.OK;
    }
  }

  @Command(
      name = "rules",
      mixinStandardHelpOptions = true,
      description = "The alert rules kept as data.")
  static final class Rules implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      try (Vigil vigil = root.openVigil()) {
        Table t =
            Table.of("code", "kind", "indicator", "area", "domain", "params", "severity", "on");
        for (NotifyRule r : service(vigil).rules(root.caller(vigil))) {
          t.row(
              r.code(),
              r.kind().name(),
              r.indicator(),
              r.area(),
              r.domain(),
              r.paramsText(),
              r.severity().name(),
              r.enabled() ? "yes" : "no");
        }
        root.renderer().print(t);
      }
      return VigilCommand.OK;
    }
  }

  @Command(
      name = "rule",
      mixinStandardHelpOptions = true,
      description = "Store (or replace) an alert rule (local operator or a system administrator).")
  static final class AddRule implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "Rule code, e.g. KAZ_TERROR_ABOVE_20.")
    String code;

    @Option(
        names = "--kind",
        required = true,
        description =
            "THRESHOLD, TREND_START, ANOMALY, FORECAST_EXCEEDS, RISK_RANK_RISE, KPI_DRIFT, DATA_OVERDUE or REPORT_BURST.")
    String kind;

    @Option(names = "--indicator", description = "Indicator code (default any).")
    String indicator = "";

    @Option(names = "--area", description = "Area code or name (default any).")
    String area;

    @Option(names = "--domain", description = "Threat domain (default any).")
    String domain = "";

    @Option(names = "--params", description = "Parameters, e.g. above=20 or level=50;months=6.")
    String params = "";

    @Option(names = "--severity", description = "INFO, WARNING (default) or CRITICAL.")
    String severity = "WARNING";

    @Option(names = "--disabled", description = "Store it switched off.")
    boolean disabled;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      try (Vigil vigil = root.openVigil()) {
        NotifyRule r =
            new NotifyRule(
                0,
                code,
                AlertsCommand.parse(RuleKind.class, "--kind", kind).orElseThrow(),
                indicator,
                area == null ? "" : root.areaCode(vigil, area),
                domain.toUpperCase(java.util.Locale.ROOT).replace('-', '_'),
                NotifyRule.parseParams(params),
                AlertsCommand.parse(AlertSeverity.class, "--severity", severity).orElseThrow(),
                !disabled,
                "",
                vigil.clock().instant());
        NotifyRule stored = service(vigil).saveRule(root.operator(), r);
        root.renderer().note("Rule " + stored.code() + " stored.");
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(e.getMessage());
      }
      return VigilCommand.OK;
    }
  }

  @Command(
      name = "evaluate",
      mixinStandardHelpOptions = true,
      description = "Run the kept rules over all data (local operator), store new alerts, fan out.")
  static final class Evaluate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      try (Vigil vigil = root.openVigil()) {
        NotifyService.Evaluation e = service(vigil).evaluateRules(root.operator());
        Table t = Table.of("rule", "findings");
        e.findings().forEach(t::row);
        root.renderer().note(e.raised() + " new alert(s).");
        root.renderer().print(t);
        root.renderer()
            .note(
                e.dispatch().inboxed()
                    + " inbox item(s), "
                    + e.dispatch().enqueued()
                    + " message(s) queued.");
      }
      return VigilCommand.OK;
    }
  }

  @Command(
      name = "deliver",
      mixinStandardHelpOptions = true,
      description = "Send the due messages of the outbox once (local operator).")
  static final class Deliver implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      try (Vigil vigil = root.openVigil()) {
        NotifyService s = service(vigil);
        s.dispatch();
        DeliveryWorker.Pass p = new DeliveryWorker(s, vigil.clock(), "cli").deliver();
        root.renderer()
            .note(p.sent() + " sent, " + p.retried() + " to retry, " + p.failed() + " given up.");
      }
      return VigilCommand.OK;
    }
  }
}

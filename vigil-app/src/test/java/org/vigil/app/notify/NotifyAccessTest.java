package org.vigil.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.Classification;
import org.vigil.model.Observation;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.model.ThreatDomain;
import org.vigil.model.alert.AlertSeverity;
import org.vigil.model.notify.Channel;
import org.vigil.model.notify.InboxItem;
import org.vigil.model.notify.NotifyRule;
import org.vigil.model.notify.RuleKind;
import org.vigil.store.TestClock;
import org.vigil.store.TestSeries;
import org.vigil.timeseries.Period;

/**
 * Nobody hears about data they may not read, on any channel: a Russian analyst subscribed to
 * everything (inbox, e-mail, webhook, daily digest) receives nothing about Kazakhstan's NATIONAL
 * series, neither the alerts of the built-in detectors nor one a kept rule raises on such a series;
 * a Kazakh analyst with the same subscriptions receives them (so the check can fail).
 */
class NotifyAccessTest {
  private static final String SECRET = "correct horse battery staple";
  private static final AccessContext SYS = AccessContext.system();
  private static final AccessContext KAZ = AccessContext.of("kaz.analyst", "KAZ-SC", Role.ANALYST);
  private static final AccessContext RUS = AccessContext.of("rus.analyst", "RUS-SC", Role.ANALYST);

  @RegisterExtension static final GreenMailExtension MAIL = NotifyFixture.loopbackMail();

  @TempDir Path dir;
  private final TestClock clock = new TestClock(NotifyFixture.START);
  private final List<String[]> hooks = new CopyOnWriteArrayList<>(); // path, body
  private HttpServer receiver;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/",
        ex -> {
          hooks.add(
              new String[] {
                ex.getRequestURI().getPath(),
                new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
              });
          ex.sendResponseHeaders(204, -1);
          ex.close();
        });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  private String hook(String user) {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/" + user;
  }

  private void subscribeEverywhere(NotifyService s, AccessContext who, String lang) {
    String u = who.user().replace('.', '-');
    s.subscribe(who, "", "", "", AlertSeverity.INFO, Channel.INBOX, "", lang);
    s.subscribe(who, "", "", "", AlertSeverity.INFO, Channel.EMAIL, u + "@example.org", lang);
    s.subscribe(who, "", "", "", AlertSeverity.INFO, Channel.WEBHOOK, hook(u), lang);
    s.subscribe(who, "", "", "", AlertSeverity.INFO, Channel.DIGEST, u + "-d@example.org", lang);
  }

  /** A KAZ NATIONAL series whose last value a kept THRESHOLD rule finds. */
  private static void nationalSeriesAndRule(Vigil vigil, NotifyService service, Instant at) {
    vigil
        .reference()
        .saveIndicator(
            SYS,
            TestSeries.monthlyCount(
                "TEST_SECRET_SEIZURES",
                "Seizures",
                "Изъятия",
                ThreatDomain.ORGANISED_CRIME,
                "count"));
    List<Observation> rows = new ArrayList<>();
    for (int m = 1; m <= 11; m++) {
      rows.add(
          TestSeries.value(
              "TEST_SECRET_SEIZURES",
              "KAZ",
              Period.month(2026, m),
              m == 11 ? 90 : 10,
              Ownership.of("KAZ-SC", Classification.NATIONAL)));
    }
    TestSeries.append(vigil.observations(), "SYSTEM", at, "s.csv", "cd".repeat(32), rows);
    service.saveRule(
        SYS,
        new NotifyRule(
            0,
            "SEIZURES_ABOVE_50",
            RuleKind.THRESHOLD,
            "TEST_SECRET_SEIZURES",
            "",
            "",
            Map.of("above", "50"),
            AlertSeverity.CRITICAL,
            true,
            "test",
            at));
  }

  @Test
  void everyChannel_russianAnalyst_neverHearsOfKazakhNationalData_kazakhAnalystDoes()
      throws Exception {
    try (Vigil vigil = NotifyFixture.open(dir, clock)) {
      NotifyFixture.seed(vigil);
      NotifyService service =
          new NotifyService(
              vigil,
              NotifyConfig.NONE
                  .withSmtp("127.0.0.1", MAIL.getSmtp().getPort())
                  .withWebhookSecret(SECRET));
      subscribeEverywhere(service, RUS, "ru");
      subscribeEverywhere(service, KAZ, "en");
      clock.advance(Duration.ofMinutes(1));
      NotifyFixture.raise(vigil, 2, clock.instant()); // per i: KAZ SHARED, KAZ NATIONAL, RUS NAT.
      nationalSeriesAndRule(vigil, service, clock.instant());
      assertThat(service.evaluateRules(SYS).raised()).isEqualTo(1);
      LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
      clock.advance(Duration.ofDays(1));
      DeliveryWorker worker = new DeliveryWorker(service, clock, "w");
      worker.tick(); // dispatch, yesterday's digests, delivery
      assertThat(service.digest(today)).isZero(); // already enqueued by the tick

      // Inbox
      List<InboxItem> rusInbox = service.inbox(RUS, Optional.empty());
      assertThat(rusInbox).hasSize(4); // 2 KAZ shared + 2 RUS national
      assertThat(rusInbox)
          .noneMatch(i -> kazNational(i.alert().subject().indicator(), i.alert().subject().area()));
      assertThat(service.inbox(KAZ, Optional.empty()))
          .hasSize(5) // 2 KAZ shared + 2 KAZ national + the kept rule's
          .anyMatch(i -> i.alert().subject().indicator().equals("TEST_SECRET_SEIZURES"));

      // E-mail and digest
      List<String> toRus = new ArrayList<>();
      List<String> toKaz = new ArrayList<>();
      for (MimeMessage m : MAIL.getReceivedMessages()) {
        String to = m.getAllRecipients()[0].toString();
        String text = m.getSubject() + "\n" + m.getContent();
        (to.startsWith("rus-") ? toRus : toKaz).add(to + "\n" + text);
      }
      assertThat(toRus).hasSize(5); // 4 e-mails + 1 digest
      assertThat(toRus).filteredOn(t -> t.startsWith("rus-analyst-d@")).hasSize(1);
      assertThat(toRus)
          .noneMatch(t -> t.contains("TEST_SECRET_SEIZURES"))
          .noneMatch(
              t -> t.contains("TEST_NATIONAL_0 in KAZ") || t.contains("TEST_NATIONAL_0 (KAZ"))
          .noneMatch(t -> t.contains("indicator?code=TEST_NATIONAL_0&areas=KAZ"));
      assertThat(toKaz).hasSize(6); // 5 e-mails + 1 digest
      assertThat(toKaz).anyMatch(t -> t.contains("TEST_SECRET_SEIZURES"));
      assertThat(toKaz)
          .filteredOn(t -> t.startsWith("kaz-analyst-d@"))
          .singleElement()
          .satisfies(t -> assertThat(t).contains("TEST_SECRET_SEIZURES"));

      // Webhooks
      List<String> rusHooks =
          hooks.stream().filter(h -> h[0].equals("/rus-analyst")).map(h -> h[1]).toList();
      List<String> kazHooks =
          hooks.stream().filter(h -> h[0].equals("/kaz-analyst")).map(h -> h[1]).toList();
      assertThat(rusHooks).hasSize(4);
      assertThat(rusHooks)
          .noneMatch(b -> b.contains("TEST_SECRET_SEIZURES"))
          .noneMatch(b -> b.contains("TEST_NATIONAL") && b.contains("\"area\":\"KAZ\""));
      assertThat(kazHooks).hasSize(5).anyMatch(b -> b.contains("TEST_SECRET_SEIZURES"));
    }
  }

  private static boolean kazNational(String indicator, String area) {
    return "KAZ".equals(area) && indicator.startsWith("TEST_NATIONAL")
        || indicator.equals("TEST_SECRET_SEIZURES");
  }
}

package org.vigil.app.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.Role;
import org.vigil.model.alert.AlertSeverity;
import org.vigil.model.notify.Channel;
import org.vigil.model.notify.DeliveryAttempt;
import org.vigil.model.notify.OutboxMessage;
import org.vigil.store.TestClock;

/**
 * E-mail delivery through GreenMail on loopback: once per alert and subscriber, also across a
 * restart.
 */
class DeliveryWorkerTest {
  @RegisterExtension static final GreenMailExtension MAIL = NotifyFixture.loopbackMail();

  @TempDir Path dir;

  private final TestClock clock = new TestClock(NotifyFixture.START);

  private NotifyConfig config() {
    return NotifyConfig.NONE
        .withSmtp("127.0.0.1", MAIL.getSmtp().getPort())
        .withRetry(4, Duration.ofMinutes(1));
  }

  private static final AccessContext KAZ = AccessContext.of("kaz.analyst", "KAZ-SC", Role.ANALYST);
  private static final AccessContext KAZ_VIEWER =
      AccessContext.of("kaz.viewer", "KAZ-SC", Role.VIEWER);
  private static final AccessContext RUS = AccessContext.of("rus.analyst", "RUS-SC", Role.ANALYST);

  private void subscribeAll(NotifyService s) {
    s.subscribe(KAZ, "", "", "", AlertSeverity.INFO, Channel.EMAIL, "kaz@example.org", "en");
    s.subscribe(RUS, "", "", "", AlertSeverity.INFO, Channel.EMAIL, "rus@example.org", "ru");
    s.subscribe(
        KAZ_VIEWER, "", "KAZ", "", AlertSeverity.WARNING, Channel.EMAIL, "kv@example.org", "en");
  }

  /** 15 alerts x 3 subscribers = 30 messages in the outbox of a fresh file database. */
  private NotifyService thirtyMessages(Vigil vigil) {
    NotifyFixture.seed(vigil);
    NotifyService service = new NotifyService(vigil, config());
    subscribeAll(service);
    clock.advance(Duration.ofMinutes(1));
    NotifyFixture.raise(vigil, 5, clock.instant()); // 5 KAZ shared, 5 KAZ national, 5 RUS national
    NotifyService.Dispatch d = service.dispatch();
    // kaz.analyst: 10 (KAZ shared + national); rus.analyst: 10 (KAZ shared + RUS national);
    // kaz.viewer (KAZ only): 10.
    assertThat(d.enqueued()).isEqualTo(30);
    assertThat(service.dispatch().enqueued()).isZero();
    return service;
  }

  private static Map<String, Integer> perKey(MimeMessage[] received) throws MessagingException {
    Map<String, Integer> perKey = new HashMap<>();
    for (MimeMessage m : received) {
      perKey.merge(m.getHeader("X-Vigil-Delivery-Key")[0], 1, Integer::sum);
    }
    return perKey;
  }

  /**
   * The acceptance case: the server's worker runs on its own thread; after 7 messages the SMTP
   * connection hangs on the 8th, and the process goes away (the store is closed under the worker,
   * then its thread is interrupted: nothing more is recorded). A new worker on the same database
   * sends the 22 messages never claimed at once, leaves the one that was in flight alone while its
   * lease holds, sends it when the lease has run out, and repeats nothing.
   */
  @Test
  void deliver_serverStoppedInTheMiddleOfABatch_restartDeliversTheRest_exactlyOnceEach()
      throws Exception {
    Vigil first = NotifyFixture.open(dir, clock);
    NotifyService service = thirtyMessages(first);
    SmtpDelivery smtp = new SmtpDelivery(config());
    AtomicInteger sends = new AtomicInteger();
    CountDownLatch hung = new CountDownLatch(1);
    DeliveryWorker w1 = new DeliveryWorker(service, clock, "w1");
    w1.with(
        Channel.EMAIL,
        m -> {
          if (sends.incrementAndGet() == 8) {
            hung.countDown();
            new CountDownLatch(1).await(); // the SMTP server stops answering
          }
          return smtp.send(m);
        });
    w1.start(Duration.ofMillis(50));
    assertThat(hung.await(60, TimeUnit.SECONDS)).isTrue();
    first.close(); // the process dies: the store is gone ...
    w1.halt(); // ... and so is the worker's thread
    assertThat(MAIL.getReceivedMessages()).hasSize(7);

    try (Vigil second = NotifyFixture.open(dir, clock)) {
      NotifyService again = new NotifyService(second, config());
      assertThat(again.dispatch().enqueued()).isZero();
      List<OutboxMessage> sending =
          again.store().outbox(AccessContext.system()).stream()
              .filter(m -> m.status().equals("SENDING"))
              .toList();
      assertThat(sending).as("the message in flight when the process died").hasSize(1);
      OutboxMessage inFlight = sending.get(0);

      assertThat(new DeliveryWorker(again, clock, "w2").deliver().sent()).isEqualTo(22);
      assertThat(MAIL.getReceivedMessages()).hasSize(29);
      clock.advance(config().lease().plusSeconds(1)); // the dead worker's lease runs out
      assertThat(new DeliveryWorker(again, clock, "w3").deliver().sent()).isEqualTo(1);

      MimeMessage[] received = MAIL.getReceivedMessages();
      assertThat(received).hasSize(30);
      assertThat(perKey(received)).hasSize(30).allSatisfy((k, v) -> assertThat(v).isEqualTo(1));
      assertThat(again.store().outbox(AccessContext.system()))
          .extracting(OutboxMessage::status)
          .containsOnly("SENT");
      assertThat(again.store().attempts(AccessContext.system(), inFlight.id()))
          .extracting(DeliveryAttempt::outcome)
          .containsExactly("LEASE_EXPIRED", "SENT");
      assertThat(new DeliveryWorker(again, clock, "w4").deliver().sent()).isZero();
      assertThat(MAIL.getReceivedMessages()).hasSize(30);
    }
  }

  /**
   * The one window no outbox can close: the SMTP server accepted the 7th message and the process
   * died before it could record that. After the lease the message is sent again, with the same
   * Message-ID, so the receiver (or its mail system) can drop the copy: 31 messages, 30 ids.
   */
  @Test
  void deliver_crashAfterAcceptBeforeCommit_resentOnceWithTheSameMessageId() throws Exception {
    Vigil first = NotifyFixture.open(dir, clock);
    NotifyService service = thirtyMessages(first);
    AtomicInteger sends = new AtomicInteger();
    DeliveryWorker crashing = new DeliveryWorker(service, clock, "w1");
    SmtpDelivery smtp = new SmtpDelivery(config());
    crashing.with(
        Channel.EMAIL,
        m -> {
          String answer = smtp.send(m);
          if (sends.incrementAndGet() == 7) {
            first.close();
          }
          return answer;
        });
    assertThatThrownBy(crashing::deliver).isInstanceOf(RuntimeException.class);
    assertThat(MAIL.getReceivedMessages()).hasSize(7);

    clock.advance(config().lease().plusSeconds(1));
    try (Vigil second = NotifyFixture.open(dir, clock)) {
      NotifyService again = new NotifyService(second, config());
      // 6 were recorded as sent; the 7th was accepted but not recorded, so it goes again
      assertThat(new DeliveryWorker(again, clock, "w2").deliver().sent()).isEqualTo(24);

      MimeMessage[] received = MAIL.getReceivedMessages();
      assertThat(received).hasSize(31);
      Map<String, Integer> byMessageId = new HashMap<>();
      for (MimeMessage m : received) {
        byMessageId.merge(m.getMessageID(), 1, Integer::sum);
      }
      assertThat(byMessageId).hasSize(30);
      assertThat(byMessageId.values()).containsOnlyOnce(2);
      assertThat(perKey(received)).hasSize(30);
    }
  }

  @Test
  void deliver_stopBetweenMessages_newWorkerSendsTheRest_nothingInterrupted() throws Exception {
    try (Vigil vigil = NotifyFixture.open(dir, clock)) {
      NotifyFixture.seed(vigil);
      NotifyService service = new NotifyService(vigil, config());
      subscribeAll(service);
      clock.advance(Duration.ofMinutes(1));
      NotifyFixture.raise(vigil, 2, clock.instant());
      service.dispatch();
      DeliveryWorker w1 = new DeliveryWorker(service, clock, "w1");
      SmtpDelivery smtp = new SmtpDelivery(config());
      AtomicInteger sends = new AtomicInteger();
      w1.with(
          Channel.EMAIL,
          m -> {
            if (sends.incrementAndGet() == 3) {
              w1.stop();
            }
            return smtp.send(m);
          });

      assertThat(w1.deliver().sent()).isEqualTo(3);
      DeliveryWorker.Pass rest = new DeliveryWorker(service, clock, "w2").deliver();

      assertThat(rest.sent()).isEqualTo(9);
      assertThat(service.store().outbox(AccessContext.system()))
          .extracting(OutboxMessage::status)
          .containsOnly("SENT");
      assertThat(MAIL.getReceivedMessages()).hasSize(12);
    }
  }

  @Test
  void dispatch_twoStates_nobodyIsToldAboutDataTheyMayNotRead() throws Exception {
    try (Vigil vigil = NotifyFixture.open(dir, clock)) {
      NotifyFixture.seed(vigil);
      NotifyService service = new NotifyService(vigil, config());
      subscribeAll(service);
      clock.advance(Duration.ofMinutes(1));
      NotifyFixture.raise(vigil, 3, clock.instant());
      service.dispatch();
      new DeliveryWorker(service, clock, "w").deliver();

      Map<String, List<String>> subjectsTo = new HashMap<>();
      for (MimeMessage m : MAIL.getReceivedMessages()) {
        for (Address a : m.getAllRecipients()) {
          subjectsTo.computeIfAbsent(a.toString(), k -> new ArrayList<>()).add(m.getSubject());
        }
      }
      assertThat(subjectsTo.get("rus@example.org"))
          .hasSize(6)
          .noneMatch(s -> s.contains("TEST_NATIONAL") && s.contains("KAZ"));
      assertThat(subjectsTo.get("kaz@example.org")).hasSize(6).noneMatch(s -> s.contains("RUS"));
      assertThat(subjectsTo.get("kv@example.org")).hasSize(6).allMatch(s -> s.contains("KAZ"));
      // The inbox follows the same rule.
      assertThat(service.inbox(RUS, Optional.empty()))
          .hasSize(6)
          .allMatch(i -> RUS.canRead(i.alert().ownership()));
      // Russian subscribers get Russian text.
      assertThat(subjectsTo.get("rus@example.org")).allMatch(s -> s.contains("Предупреждение"));
    }
  }

  @Test
  void deliver_smtpDown_retriesWithDoublingBackOffThenGivesUp_everyAttemptRecorded() {
    try (Vigil vigil = NotifyFixture.open(dir, clock)) {
      NotifyFixture.seed(vigil);
      NotifyService service = new NotifyService(vigil, config());
      service.subscribe(
          KAZ,
          "",
          "KAZ",
          "TEST_SHARED_0",
          AlertSeverity.INFO,
          Channel.EMAIL,
          "k@example.org",
          "en");
      clock.advance(Duration.ofMinutes(1));
      NotifyFixture.raise(vigil, 1, clock.instant());
      assertThat(service.dispatch().enqueued()).isEqualTo(1);
      AtomicInteger calls = new AtomicInteger();
      DeliveryWorker w =
          new DeliveryWorker(service, clock, "w")
              .with(
                  Channel.EMAIL,
                  m -> {
                    calls.incrementAndGet();
                    throw new MessagingException("421 try later");
                  });

      List<Integer> callsAt = new ArrayList<>();
      for (int minute = 0; minute <= 8; minute++) {
        w.deliver();
        callsAt.add(calls.get());
        clock.advance(Duration.ofMinutes(1));
      }

      // Attempts at minutes 0, 1 (+1), 3 (+2), 7 (+4): then given up (4 attempts).
      assertThat(callsAt).containsExactly(1, 2, 2, 3, 3, 3, 3, 4, 4);
      OutboxMessage m = service.store().outbox(AccessContext.system()).get(0);
      assertThat(m.status()).isEqualTo("FAILED");
      assertThat(service.store().attempts(AccessContext.system(), m.id()))
          .extracting(DeliveryAttempt::outcome)
          .containsExactly("RETRY", "RETRY", "RETRY", "FAILED");
      assertThat(service.store().attempts(AccessContext.system(), m.id()))
          .allMatch(a -> a.detail().contains("421 try later"));
      assertThat(MAIL.getReceivedMessages()).isEmpty();
    }
  }

  @Test
  void digest_russianSubscriber_getsOneDigestOfTheDayInRussianWithLinks() throws Exception {
    try (Vigil vigil = NotifyFixture.open(dir, clock)) {
      NotifyFixture.seed(vigil);
      NotifyService service = new NotifyService(vigil, config());
      service.subscribe(RUS, "", "", "", AlertSeverity.INFO, Channel.DIGEST, "r@example.org", "ru");
      clock.advance(Duration.ofMinutes(1));
      NotifyFixture.raise(vigil, 2, clock.instant());

      assertThat(
              service.digest(NotifyFixture.START.atOffset(java.time.ZoneOffset.UTC).toLocalDate()))
          .isEqualTo(1);
      assertThat(
              service.digest(NotifyFixture.START.atOffset(java.time.ZoneOffset.UTC).toLocalDate()))
          .isZero();
      new DeliveryWorker(service, clock, "w").deliver();

      MimeMessage[] got = MAIL.getReceivedMessages();
      assertThat(got).hasSize(1);
      assertThat(got[0].getSubject()).contains("Ежедневная сводка").contains("4");
      String body = (String) got[0].getContent();
      assertThat(body)
          .contains("Необычно высокое значение")
          .contains("http://localhost:7070/#/inbox?alert=")
          .contains("#/indicator?code=TEST_NATIONAL_0&areas=RUS")
          .contains("TEST_SHARED_0 in KAZ")
          .doesNotContain("TEST_NATIONAL_0 in KAZ");
    }
  }
}

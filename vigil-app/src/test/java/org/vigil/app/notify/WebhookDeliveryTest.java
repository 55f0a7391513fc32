package org.vigil.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.Role;
import org.vigil.model.alert.AlertSeverity;
import org.vigil.model.notify.Channel;
import org.vigil.model.notify.OutboxMessage;
import org.vigil.store.TestClock;

/**
 * Signed webhooks to a real HTTP receiver on loopback that runs the documented verifier: every
 * delivered request verifies; the same request replayed, altered, or replayed late is refused.
 */
class WebhookDeliveryTest {
  private static final String SECRET = "correct horse battery staple";

  /** One received request. */
  record Received(String id, String signature, String body, WebhookVerifier.Verdict verdict) {}

  @TempDir Path dir;
  private final TestClock clock = new TestClock(NotifyFixture.START);
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private WebhookVerifier receiver;
  private volatile int answer = 200;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = new WebhookVerifier(SECRET, clock, Duration.ofMinutes(5));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String id = ex.getRequestHeaders().getFirst(WebhookSignature.ID_HEADER);
          String sig = ex.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER);
          WebhookVerifier.Verdict v = receiver.verify(id, sig, body);
          received.add(new Received(id, sig, body, v));
          int status = v == WebhookVerifier.Verdict.OK ? answer : 400;
          ex.sendResponseHeaders(status, -1);
          ex.close();
        });
    server.start();
  }

  @AfterEach
  void stopReceiver() {
    server.stop(0);
  }

  private String hook() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  @Test
  void webhook_signedDelivery_verifies_replayAlteredAndLateAreRefused() {
    try (Vigil vigil = NotifyFixture.open(dir, clock)) {
      NotifyFixture.seed(vigil);
      NotifyService service = new NotifyService(vigil, NotifyConfig.NONE.withWebhookSecret(SECRET));
      service.subscribe(
          AccessContext.of("rus.analyst", "RUS-SC", Role.ANALYST),
          "",
          "RUS",
          "",
          AlertSeverity.INFO,
          Channel.WEBHOOK,
          hook(),
          "en");
      clock.advance(Duration.ofMinutes(1));
      NotifyFixture.raise(vigil, 2, clock.instant());
      assertThat(service.dispatch().enqueued()).isEqualTo(2); // RUS national only

      DeliveryWorker.Pass pass = new DeliveryWorker(service, clock, "w").deliver();

      assertThat(pass.sent()).isEqualTo(2);
      assertThat(received).hasSize(2).allMatch(r -> r.verdict() == WebhookVerifier.Verdict.OK);
      Received first = received.get(0);
      assertThat(first.body()).contains("\"area\":\"RUS\"").contains("#/inbox?alert=");
      // What an attacker (or a confused proxy) could do with a captured request:
      assertThat(receiver.verify(first.id(), first.signature(), first.body()))
          .isEqualTo(WebhookVerifier.Verdict.REPLAYED);
      assertThat(receiver.verify(first.id(), first.signature(), first.body().replace("RUS", "KAZ")))
          .isEqualTo(WebhookVerifier.Verdict.BAD_SIGNATURE);
      assertThat(receiver.verify("other-id", first.signature(), first.body()))
          .isEqualTo(WebhookVerifier.Verdict.BAD_SIGNATURE);
      WebhookVerifier fresh = new WebhookVerifier(SECRET, clock, Duration.ofMinutes(5));
      clock.advance(Duration.ofMinutes(6));
      assertThat(fresh.verify(first.id(), first.signature(), first.body()))
          .isEqualTo(WebhookVerifier.Verdict.TOO_OLD);
      assertThat(
              new WebhookVerifier("another secret, long enough", clock, Duration.ofDays(1))
                  .verify(first.id(), first.signature(), first.body()))
          .isEqualTo(WebhookVerifier.Verdict.BAD_SIGNATURE);
    }
  }

  @Test
  void webhook_receiverFailsOnce_retryKeepsTheIdAndIsSignedAnew() {
    try (Vigil vigil = NotifyFixture.open(dir, clock)) {
      NotifyFixture.seed(vigil);
      NotifyService service =
          new NotifyService(
              vigil,
              NotifyConfig.NONE.withWebhookSecret(SECRET).withRetry(3, Duration.ofSeconds(30)));
      service.subscribe(
          AccessContext.of("kaz.analyst", "KAZ-SC", Role.ANALYST),
          "",
          "",
          "TEST_SHARED_0",
          AlertSeverity.INFO,
          Channel.WEBHOOK,
          hook(),
          "en");
      clock.advance(Duration.ofMinutes(1));
      NotifyFixture.raise(vigil, 1, clock.instant());
      service.dispatch();
      answer = 503;
      DeliveryWorker w = new DeliveryWorker(service, clock, "w");
      assertThat(w.deliver().retried()).isEqualTo(1);
      answer = 200;
      receiver = new WebhookVerifier(SECRET, clock, Duration.ofMinutes(5)); // it did not keep it
      clock.advance(Duration.ofSeconds(30));
      assertThat(w.deliver().sent()).isEqualTo(1);

      assertThat(received).hasSize(2);
      assertThat(received.get(1).id()).isEqualTo(received.get(0).id());
      assertThat(received.get(1).signature()).isNotEqualTo(received.get(0).signature());
      OutboxMessage m = service.store().outbox(AccessContext.system()).get(0);
      assertThat(m.status()).isEqualTo("SENT");
      assertThat(m.attempts()).isEqualTo(2);
    }
  }
}

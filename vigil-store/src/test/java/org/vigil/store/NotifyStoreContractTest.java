package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Classification;
import org.vigil.model.NotFoundException;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.model.alert.Alert;
import org.vigil.model.alert.AlertRule;
import org.vigil.model.alert.AlertSeverity;
import org.vigil.model.alert.AlertSubject;
import org.vigil.model.notify.Channel;
import org.vigil.model.notify.InboxState;
import org.vigil.model.notify.NotifyRule;
import org.vigil.model.notify.OutboxMessage;
import org.vigil.model.notify.RuleKind;
import org.vigil.model.notify.Subscription;

/** The notification store contract (rules, subscriptions, inbox, outbox), on H2 and PostgreSQL. */
abstract class NotifyStoreContractTest {
  private static final AccessContext SYS = AccessContext.system();
  private static final AccessContext KAZ = AccessContext.of("kaz.analyst", "KAZ-SC", Role.ANALYST);
  private static final AccessContext RUS = AccessContext.of("rus.analyst", "RUS-SC", Role.ANALYST);

  private final TestClock clock = TestClock.standard();
  private StoreFixtures.OpenStore open;
  private JdbcNotifyStore store;

  abstract StoreFixtures.TestDatabase database();

  @BeforeEach
  void setUp() {
    open = StoreFixtures.open(database(), clock);
    store = JdbcNotifyStore.open(open.dataSource(), clock);
  }

  @AfterEach
  void tearDown() {
    open.close();
  }

  private long alert() {
    Alert a =
        new Alert(
            0,
            AlertRule.ANOMALY,
            AlertSeverity.WARNING,
            new AlertSubject("X", "KAZ", "2024-12"),
            "",
            "high",
            "высоко",
            Map.of(),
            clock.instant(),
            Ownership.of("KAZ-SC", Classification.SHARED),
            List.of());
    return JdbcAlertRepository.open(open.dataSource(), clock).raise(SYS, List.of(a)).get(0).id();
  }

  @Test
  void enqueue_sameKeyTwice_storesOneMessage() {
    assertThat(store.enqueue(SYS, "alert:1:sub:1", Channel.EMAIL, "a@b.c", "u", "s", "b")).isTrue();
    assertThat(store.enqueue(SYS, "alert:1:sub:1", Channel.EMAIL, "a@b.c", "u", "s2", "b2"))
        .isFalse();
    assertThat(store.outbox(SYS)).singleElement().extracting(OutboxMessage::subject).isEqualTo("s");
    assertThatThrownBy(() -> store.enqueue(KAZ, "k", Channel.EMAIL, "a@b.c", "u", "s", "b"))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void claim_twoWorkers_eachMessageClaimedOnce_thenRetryAfterBackOff() {
    for (int i = 0; i < 5; i++) {
      store.enqueue(SYS, "k" + i, Channel.WEBHOOK, "http://h/x", "u", "s", "{}");
    }
    List<OutboxMessage> a = store.claim(SYS, "a", 3, JdbcNotifyStore.LEASE, 6);
    List<OutboxMessage> b = store.claim(SYS, "b", 10, JdbcNotifyStore.LEASE, 6);
    assertThat(a).hasSize(3).allMatch(m -> m.status().equals("SENDING") && m.attempts() == 1);
    assertThat(b).hasSize(2);
    assertThat(store.claim(SYS, "c", 10, JdbcNotifyStore.LEASE, 6)).isEmpty();

    store.sent(SYS, a.get(0), "ok");
    Instant retryAt = clock.instant().plus(Duration.ofMinutes(2));
    store.failed(SYS, a.get(1), "refused", Optional.of(retryAt));
    store.failed(SYS, a.get(2), "refused", Optional.empty());
    assertThat(store.claim(SYS, "c", 10, JdbcNotifyStore.LEASE, 6)).isEmpty();
    clock.advance(Duration.ofMinutes(2));
    List<OutboxMessage> again = store.claim(SYS, "c", 10, JdbcNotifyStore.LEASE, 6);
    assertThat(again).singleElement().satisfies(m -> assertThat(m.attempts()).isEqualTo(2));
    assertThat(store.attempts(SYS, a.get(1).id()))
        .extracting(x -> x.outcome())
        .containsExactly("RETRY", "SENDING");
    // A worker whose claim was taken over cannot record an outcome for it.
    assertThatThrownBy(() -> store.sent(SYS, a.get(1), "late"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void claim_sendingPastItsLease_isClaimedAgainOnce_oldWorkerCannotRecord() {
    store.enqueue(SYS, "k", Channel.EMAIL, "a@b.c", "u", "s", "b");
    List<OutboxMessage> dead = store.claim(SYS, "dead", 1, Duration.ofMinutes(5), 3);
    assertThat(dead).hasSize(1);
    assertThat(store.claim(SYS, "new", 10, Duration.ofMinutes(5), 3)).isEmpty(); // lease holds
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    List<OutboxMessage> again = store.claim(SYS, "new", 10, Duration.ofMinutes(5), 3);
    assertThat(again)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.attempts()).isEqualTo(2);
              assertThat(m.claimedBy()).isEqualTo("new");
            });
    assertThat(store.claim(SYS, "third", 10, Duration.ofMinutes(5), 3)).isEmpty();
    assertThatThrownBy(() -> store.sent(SYS, dead.get(0), "late"))
        .isInstanceOf(IllegalStateException.class);
    store.sent(SYS, again.get(0), "ok");
    assertThat(store.attempts(SYS, again.get(0).id()))
        .extracting(x -> x.outcome())
        .containsExactly("LEASE_EXPIRED", "SENT");
    assertThat(store.outbox(SYS)).extracting(OutboxMessage::status).containsExactly("SENT");
  }

  @Test
  void claim_leaseRunsOutAtTheLastAttempt_messageIsGivenUp() {
    store.enqueue(SYS, "k", Channel.EMAIL, "a@b.c", "u", "s", "b");
    assertThat(store.claim(SYS, "w1", 1, Duration.ofMinutes(1), 1)).hasSize(1);
    clock.advance(Duration.ofMinutes(2));
    assertThat(store.claim(SYS, "w2", 1, Duration.ofMinutes(1), 1)).isEmpty();
    assertThat(store.outbox(SYS)).extracting(OutboxMessage::status).containsExactly("FAILED");
  }

  @Test
  void inbox_deliveredOnce_markedByItsUserOnly_audited() {
    long id = alert();
    assertThat(store.deliverToInbox(SYS, "kaz.analyst", id)).isTrue();
    assertThat(store.deliverToInbox(SYS, "kaz.analyst", id)).isFalse();
    JdbcNotifyStore.InboxRow row = store.inbox(KAZ, Optional.empty()).get(0);
    assertThat(row.state()).isEqualTo(InboxState.UNREAD);
    assertThat(store.inbox(RUS, Optional.empty())).isEmpty();

    assertThatThrownBy(() -> store.markInbox(RUS, row.id(), InboxState.CLOSED))
        .isInstanceOf(NotFoundException.class);
    assertThat(store.markInbox(KAZ, row.id(), InboxState.ACKNOWLEDGED).state())
        .isEqualTo(InboxState.ACKNOWLEDGED);
    assertThat(store.inbox(KAZ, Optional.of(InboxState.UNREAD))).isEmpty();
    assertThat(open.store().audit().entries(SYS, 0, 1000))
        .anyMatch(e -> e.action().equals("notify.inbox") && e.user().equals("kaz.analyst"));
  }

  @Test
  void subscribe_onlyForOneself_listedPerUser_cancelled() {
    Subscription s =
        new Subscription(
            0,
            "kaz.analyst",
            "drug-trafficking",
            "kaz",
            "",
            AlertSeverity.WARNING,
            Channel.INBOX,
            "",
            "ru",
            true,
            clock.instant());
    assertThatThrownBy(() -> store.subscribe(RUS, s)).isInstanceOf(AccessDeniedException.class);
    Subscription stored = store.subscribe(KAZ, s);
    assertThat(store.subscriptions(KAZ)).containsExactly(stored);
    assertThat(stored.domain()).isEqualTo("DRUG_TRAFFICKING");
    assertThat(store.subscriptions(RUS)).isEmpty();
    assertThatThrownBy(() -> store.unsubscribe(RUS, stored.id()))
        .isInstanceOf(NotFoundException.class);
    store.unsubscribe(KAZ, stored.id());
    assertThat(store.subscriptions(SYS)).isEmpty();
  }

  @Test
  void saveRule_roundTripsParameters_adminsOnly() {
    NotifyRule r =
        new NotifyRule(
            0,
            "KAZ_TERROR_ABOVE",
            RuleKind.THRESHOLD,
            "DEMO_TERROR_INCIDENTS",
            "KAZ",
            "",
            Map.of("above", "12.5"),
            AlertSeverity.CRITICAL,
            true,
            "x",
            clock.instant());
    assertThatThrownBy(() -> store.saveRule(KAZ, r)).isInstanceOf(AccessDeniedException.class);
    store.saveRule(SYS, r);
    store.saveRule(SYS, r); // replaced, not doubled
    assertThat(store.rules(KAZ))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.number("above")).isEqualTo(12.5);
              assertThat(x.kind()).isEqualTo(RuleKind.THRESHOLD);
            });
  }
}

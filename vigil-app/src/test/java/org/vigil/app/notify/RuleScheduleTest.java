package org.vigil.app.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Classification;
import org.vigil.model.Observation;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.model.ThreatDomain;
import org.vigil.model.alert.Alert;
import org.vigil.model.alert.AlertQuery;
import org.vigil.model.alert.AlertRule;
import org.vigil.model.alert.AlertSeverity;
import org.vigil.model.notify.Channel;
import org.vigil.model.notify.NotifyRule;
import org.vigil.model.notify.RuleKind;
import org.vigil.store.JdbcAlertRepository;
import org.vigil.store.JdbcNotifyStore;
import org.vigil.store.TestClock;
import org.vigil.store.TestSeries;
import org.vigil.timeseries.Period;

/**
 * The kept rules on a schedule: once per slot of the injected clock, idempotent (the same finding
 * is one alert however often the rules run), audited, and fanned out to the subscribers.
 */
class RuleScheduleTest {
  private static final AccessContext SYS = AccessContext.system();
  private static final AccessContext KAZ = AccessContext.of("kaz.analyst", "KAZ-SC", Role.ANALYST);

  @TempDir Path dir;
  private final TestClock clock = new TestClock(NotifyFixture.START); // 2026-12-06T08:00Z
  private Vigil vigil;
  private NotifyService service;

  @BeforeEach
  void open() {
    vigil = NotifyFixture.open(dir, clock);
    NotifyFixture.seed(vigil);
    vigil
        .reference()
        .saveIndicator(
            SYS,
            TestSeries.monthlyCount(
                "TEST_INCIDENTS",
                "Test incidents",
                "Тестовые инциденты",
                ThreatDomain.ORGANISED_CRIME,
                "count"));
    List<Observation> rows = new ArrayList<>();
    for (int m = 1; m <= 11; m++) {
      rows.add(observation(Period.month(2026, m), m == 11 ? 30 : 10));
    }
    append(rows);
    service = new NotifyService(vigil, NotifyConfig.NONE);
    service.saveRule(
        SYS,
        new NotifyRule(
            0,
            "KAZ_INCIDENTS_ABOVE_20",
            RuleKind.THRESHOLD,
            "TEST_INCIDENTS",
            "KAZ",
            "",
            Map.of("above", "20"),
            AlertSeverity.WARNING,
            true,
            "test",
            clock.instant()));
    service.subscribe(KAZ, "", "KAZ", "", AlertSeverity.INFO, Channel.INBOX, "", "en");
  }

  @AfterEach
  void close() {
    vigil.close();
  }

  private static Observation observation(Period p, double v) {
    return TestSeries.value(
        "TEST_INCIDENTS", "KAZ", p, v, Ownership.of("KAZ-SC", Classification.SHARED));
  }

  private void append(List<Observation> rows) {
    TestSeries.append(
        vigil.observations(),
        "SYSTEM",
        Instant.EPOCH,
        "rules-" + clock.instant() + ".csv",
        Long.toHexString(clock.instant().toEpochMilli()).repeat(8).substring(0, 64),
        rows);
  }

  private List<Alert> thresholdAlerts() {
    return JdbcAlertRepository.open(vigil.dataSource(), clock).list(SYS, AlertQuery.all()).stream()
        .filter(a -> a.rule() == AlertRule.THRESHOLD)
        .toList();
  }

  private long audited() {
    return vigil.audit().entries(SYS, 0, 10_000).stream()
        .filter(e -> e.action().equals("notify.evaluate"))
        .count();
  }

  @Test
  void runIfDue_oncePerSlot_idempotent_audited_fannedOut() {
    RuleSchedule schedule = new RuleSchedule(vigil, service, Duration.ofHours(1), "s1");
    RuleSchedule otherServer = new RuleSchedule(vigil, service, Duration.ofHours(1), "s2");

    Optional<NotifyService.Evaluation> first = schedule.runIfDue();
    assertThat(first).isPresent();
    assertThat(first.get().raised()).isEqualTo(1);
    assertThat(first.get().slot()).contains(Instant.parse("2026-12-06T08:00:00Z"));
    assertThat(first.get().dispatch().inboxed()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(30));
    assertThat(schedule.runIfDue()).as("the same slot").isEmpty();
    assertThat(otherServer.runIfDue()).as("another server, the same slot").isEmpty();

    clock.advance(Duration.ofMinutes(30)); // 09:00: the next slot
    Optional<NotifyService.Evaluation> second = otherServer.runIfDue();
    assertThat(second).isPresent();
    assertThat(second.get().raised()).as("the same finding is not raised again").isZero();
    assertThat(thresholdAlerts()).hasSize(1);

    append(List.of(observation(Period.month(2026, 12), 31)));
    clock.advance(Duration.ofHours(1));
    assertThat(schedule.runIfDue().orElseThrow().raised()).as("a new period above").isEqualTo(1);
    assertThat(thresholdAlerts())
        .extracting(a -> a.subject().period())
        .containsExactlyInAnyOrder("2026-11", "2026-12");
    assertThat(service.inbox(KAZ, Optional.empty())).hasSize(2);

    JdbcNotifyStore store = service.store();
    assertThat(store.ruleRuns(SYS))
        .extracting(JdbcNotifyStore.RuleRun::worker, JdbcNotifyStore.RuleRun::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("s1", "DONE"),
            org.assertj.core.groups.Tuple.tuple("s2", "DONE"),
            org.assertj.core.groups.Tuple.tuple("s1", "DONE"));
    assertThat(audited()).isEqualTo(3);
  }

  @Test
  void start_timerThread_runsWhenTheInjectedClockEntersANewSlot() throws Exception {
    try (RuleSchedule schedule = new RuleSchedule(vigil, service, Duration.ofHours(1), "timer")) {
      schedule.start(Duration.ofMillis(50));
      awaitRuns(1);
      Thread.sleep(300);
      assertThat(service.store().ruleRuns(SYS)).as("no new slot yet").hasSize(1);
      clock.advance(Duration.ofHours(1));
      awaitRuns(2);
    }
    assertThat(thresholdAlerts()).hasSize(1);
    assertThat(audited()).isEqualTo(2);
  }

  private void awaitRuns(int n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline
        && service.store().ruleRuns(SYS).stream().filter(r -> r.finishedAt().isPresent()).count()
            < n) {
      Thread.sleep(50);
    }
    assertThat(service.store().ruleRuns(SYS))
        .filteredOn(r -> r.finishedAt().isPresent())
        .hasSize(n);
  }

  @Test
  void evaluateRules_byHand_adminsOnly_audited() {
    assertThatThrownBy(() -> service.evaluateRules(KAZ))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("system administrator");
    assertThat(service.evaluateRules(SYS).findings()).containsEntry("KAZ_INCIDENTS_ABOVE_20", 1);
    assertThat(service.evaluateRules(SYS).raised()).isZero();
    assertThat(audited()).isEqualTo(2);
    assertThat(service.store().ruleRuns(SYS)).isEmpty();
  }
}

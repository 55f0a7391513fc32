package org.vigil.app.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.demo.DemoData;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Classification;
import org.vigil.model.IngestBatch;
import org.vigil.model.NotFoundException;
import org.vigil.model.Observation;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.model.alert.Alert;
import org.vigil.model.alert.AlertChange;
import org.vigil.model.alert.AlertQuery;
import org.vigil.model.alert.AlertRule;
import org.vigil.model.alert.AlertSeverity;
import org.vigil.model.alert.AlertState;
import org.vigil.timeseries.Period;

/** Alert evaluation on the demo data in H2: dedup, inherited ownership, state history. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertServiceTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-20T10:00:00Z"), ZoneOffset.UTC);
  private static Vigil vigil;
  private static AlertService alerts;
  private static AlertService.Evaluation first;
  private static long firstMillis;

  @BeforeAll
  static void open() {
    vigil = Vigil.open(VigilConfig.h2InMemory("alerts-" + System.nanoTime()).withClock(CLOCK));
    DemoData.load(vigil);
    alerts = new AlertService(vigil);
    long t0 = System.nanoTime();
    first = alerts.evaluate(AccessContext.system());
    firstMillis = (System.nanoTime() - t0) / 1_000_000;
  }

  @AfterAll
  static void close() {
    vigil.close();
  }

  @Test
  void evaluate_demoData_raisesAlertsOfSeveralRulesOnce() {
    List<Alert> all = alerts.list(AccessContext.system(), AlertQuery.all());
    System.out.println(
        "alerts: "
            + first.candidates()
            + " findings, "
            + all.size()
            + " alerts in "
            + firstMillis
            + " ms; by rule "
            + all.stream()
                .collect(
                    java.util.stream.Collectors.groupingBy(
                        Alert::rule,
                        java.util.TreeMap::new,
                        java.util.stream.Collectors.counting())));
    assertThat(first.raised()).isNotEmpty();
    assertThat(all).hasSize(first.raised().size());
    // The demo has no quality problem in the alert window (gaps and revisions are history).
    assertThat(all).extracting(Alert::rule).contains(AlertRule.ANOMALY, AlertRule.KPI_DRIFT);
    assertThat(all)
        .allMatch(a -> a.state() == AlertState.NEW && a.createdAt().equals(CLOCK.instant()));

    AlertService.Evaluation again = alerts.evaluate(AccessContext.system());

    assertThat(again.raised()).isEmpty();
    assertThat(alerts.list(AccessContext.system(), AlertQuery.all())).hasSize(all.size());
  }

  @Test
  void list_nationalAlert_invisibleToAnotherOrganisation() {
    Alert national =
        alerts.list(AccessContext.system(), AlertQuery.all()).stream()
            .filter(a -> a.ownership().classification() == Classification.NATIONAL)
            .filter(a -> !a.ownership().owner().equals(AccessContext.SYSTEM_ORG))
            .findFirst()
            .orElseThrow();
    String owner = national.ownership().owner();
    String other = owner.equals("KAZ-SC") ? "RUS-SC" : "KAZ-SC";
    AccessContext outsider = AccessContext.of("outsider", other, Role.ORG_ADMIN);
    AccessContext insider = AccessContext.of("insider", owner, Role.VIEWER);

    assertThat(alerts.list(outsider, AlertQuery.all()))
        .noneMatch(a -> a.id() == national.id())
        .allMatch(a -> outsider.canRead(a.ownership()));
    assertThatThrownBy(() -> alerts.get(outsider, national.id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(alerts.list(insider, AlertQuery.all())).anyMatch(a -> a.id() == national.id());
  }

  @Test
  void mark_byOwner_appendsHistoryAndFiltersByState() {
    Alert a =
        alerts.list(AccessContext.system(), AlertQuery.all()).stream()
            .filter(x -> !x.ownership().owner().equals(AccessContext.SYSTEM_ORG))
            .filter(x -> x.state() == AlertState.NEW)
            .reduce((x, y) -> y)
            .orElseThrow();
    AccessContext owner = AccessContext.of("steward", a.ownership().owner(), Role.DATA_STEWARD);

    alerts.mark(owner, a.id(), AlertState.SEEN);
    Alert closed = alerts.mark(owner, a.id(), AlertState.CLOSED);

    assertThat(closed.history())
        .extracting(AlertChange::state)
        .containsExactly(AlertState.NEW, AlertState.SEEN, AlertState.CLOSED);
    assertThat(
            alerts.list(
                owner,
                new AlertQuery(Optional.of(AlertState.CLOSED), Optional.empty(), Optional.empty())))
        .extracting(Alert::id)
        .containsExactly(a.id());
  }

  @Test
  void evaluate_byAnalyst_isDenied() {
    assertThatThrownBy(() -> alerts.evaluate(AccessContext.of("aigul", "KAZ-SC", Role.ANALYST)))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("administrator");
  }

  @Test
  void stricter_nationalBeatsShared_restrictedSetsIntersect() {
    Ownership shared = Ownership.of("KAZ-SC", Classification.SHARED);
    Ownership national = Ownership.of("KAZ-SC", Classification.NATIONAL);
    assertThat(Ownership.stricter(shared, national)).isEqualTo(national);
    assertThat(Ownership.stricter(national, shared)).isEqualTo(national);
    assertThat(
            Ownership.stricter(
                Ownership.restricted("KAZ-SC", java.util.Set.of("RUS-SC", "BLR-SC")),
                Ownership.restricted("KAZ-SC", java.util.Set.of("RUS-SC"))))
        .isEqualTo(Ownership.restricted("KAZ-SC", java.util.Set.of("RUS-SC")));
  }

  /** Runs last: it adds data and alerts the other tests do not expect. */
  @Test
  @Order(Integer.MAX_VALUE)
  void evaluate_qualityErrorInTheWindow_raisesOneCriticalAlert_historyNone() {
    Ownership kaz = Ownership.of("KAZ-SC", Classification.SHARED);
    List<Observation> rows =
        List.of(
            new Observation(
                "DEMO_ECONOMIC_OFFENCES", "KAZ", Period.month(2025, 12), -5, "", "t", 0, null, kaz),
            new Observation(
                "DEMO_ECONOMIC_OFFENCES", "KAZ", Period.month(2019, 3), -7, "", "t", 0, null, kaz));
    vigil
        .observations()
        .append(
            AccessContext.system(),
            new IngestBatch(
                0,
                "system",
                "SYSTEM",
                Instant.EPOCH,
                "bad.csv",
                "ab".repeat(32),
                "long-csv",
                2,
                0,
                0),
            rows);

    alerts.evaluate(AccessContext.system());

    List<Alert> quality =
        alerts
            .list(
                AccessContext.system(),
                new AlertQuery(
                    Optional.empty(), Optional.of("KAZ"), Optional.of(AlertRule.DATA_QUALITY)))
            .stream()
            .filter(a -> a.subject().indicator().equals("DEMO_ECONOMIC_OFFENCES"))
            .toList();
    assertThat(quality)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.subject().period()).isEqualTo("2025-12");
              assertThat(a.severity()).isEqualTo(AlertSeverity.CRITICAL);
              assertThat(a.ownership()).isEqualTo(kaz);
              assertThat(a.evidence()).containsEntry("check", "OUT_OF_BOUNDS");
              // The Russian text names the check in Russian; only codes stay in Latin letters.
              assertThat(a.messageRu()).contains("значение вне допустимых пределов");
              assertThat(a.messageRu().replaceAll("\\b[A-Z][A-Z0-9_]*\\b", ""))
                  .doesNotContainPattern("[A-Za-z]");
            });
  }
}

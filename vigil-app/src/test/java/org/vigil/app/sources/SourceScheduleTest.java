package org.vigil.app.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.store.TestClock;

/** The pull schedule with an injected clock: off by default, due at its time, once per due time. */
class SourceScheduleTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-12-01T10:00:00Z"));
  private SourceFixture fixture;
  private Vigil vigil;
  private RecordedSourceServer server;

  @BeforeEach
  void open() {
    fixture = new SourceFixture("schedule-", clock);
    vigil = fixture.vigil();
    fixture.serve(uri -> "/sources/eurostat-homicide.csv");
    server = fixture.server();
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private SourceService service() {
    return new SourceService(
        vigil,
        SourceCatalog.builtIn().withBaseUrl("eurostat-homicide", server.baseUrl()),
        Map.of());
  }

  @Test
  void plan_parsesOffDailyAndIntervals_andNamesTheFormsOnError() {
    assertThat(SourceSchedule.Plan.parse(null)).isEmpty();
    assertThat(SourceSchedule.Plan.parse("off")).isEmpty();
    assertThat(SourceSchedule.Plan.parse("daily@03:30").orElseThrow().daily())
        .contains(LocalTime.of(3, 30));
    assertThat(SourceSchedule.Plan.parse("6h").orElseThrow().every())
        .isEqualTo(Duration.ofHours(6));
    assertThatThrownBy(() -> SourceSchedule.Plan.parse("hourly"))
        .hasMessageContaining("expected off, daily@HH:mm (UTC) or an interval");
    assertThat(SourceSchedule.fromEnvironment(service(), clock, Map.of())).isEmpty();
  }

  @Test
  void tick_pullsOnlyWhenDue_thenSetsTheNextDay() {
    SourceSchedule s =
        SourceSchedule.fromEnvironment(
                service(),
                clock,
                Map.of(
                    "VIGIL_SOURCES_SCHEDULE", "daily@03:00",
                    "VIGIL_SOURCES_SCHEDULE_NAMES", "eurostat-homicide",
                    "VIGIL_SOURCES_SCHEDULE_YEARS", "2"))
            .orElseThrow();
    assertThat(s.due()).isEqualTo(Instant.parse("2026-12-02T03:00:00Z"));

    assertThat(s.tick()).isEmpty();
    assertThat(server.requests()).isEmpty();

    clock.set(Instant.parse("2026-12-02T03:00:30Z"));
    assertThat(s.tick()).hasSize(1);
    assertThat(server.requests()).hasSize(1);
    assertThat(RecordedSourceServer.query(server.requests().get(0), "startPeriod"))
        .isEqualTo("2024");
    assertThat(vigil.observations().count(AccessContext.system())).isEqualTo(4);
    assertThat(s.due()).isEqualTo(Instant.parse("2026-12-03T03:00:00Z"));

    clock.set(Instant.parse("2026-12-02T20:00:00Z"));
    assertThat(s.tick()).isEmpty();
    assertThat(server.requests()).hasSize(1);
    assertThat(s.pulls()).isEqualTo(1);

    // The next day's pull gets the same answer: it adds no value, vintage or batch.
    int batches = vigil.observations().batches(AccessContext.system()).size();
    clock.set(Instant.parse("2026-12-03T03:00:10Z"));
    assertThat(s.tick()).singleElement().satisfies(p -> assertThat(p.rowsAdded()).isZero());
    assertThat(server.requests()).hasSize(2);
    assertThat(vigil.observations().count(AccessContext.system())).isEqualTo(4);
    assertThat(vigil.observations().batches(AccessContext.system())).hasSize(batches);
    assertThat(s.due()).isEqualTo(Instant.parse("2026-12-04T03:00:00Z"));
  }

  @Test
  void tick_countsAFailedPull_andKeepsTheSchedule() {
    server.route(uri -> null);
    SourceSchedule s =
        new SourceSchedule(
            service(),
            clock,
            SourceSchedule.Plan.parse("1h").orElseThrow(),
            java.util.List.of("eurostat-homicide"),
            3);
    clock.advance(Duration.ofHours(1));

    assertThat(s.tick()).isEmpty();

    assertThat(s.failures()).isEqualTo(1);
    assertThat(s.due()).isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
    assertThat(vigil.observations().count(AccessContext.system())).isZero();
    assertThat(Optional.of(s.pulls())).contains(0L);
  }
}

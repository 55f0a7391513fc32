package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.Classification;
import org.vigil.model.Observation;
import org.vigil.model.Ownership;
import org.vigil.model.ThreatDomain;
import org.vigil.model.run.AnalyticRun;
import org.vigil.store.TestClock;
import org.vigil.store.TestSeries;
import org.vigil.timeseries.Period;

/**
 * The server runs the analytic run on a schedule (issue 10): once at start and then at the
 * configured interval, stamped with the injected clock, recording a run only when an input's
 * vintage changed since the latest run; never when no interval is set (the default, so other tests
 * see no background runs); and no more after the server stops.
 */
class AnalyticScheduleTest {
  private static final Duration WAIT = Duration.ofSeconds(90);

  private static List<AnalyticRun> runs(Vigil vigil) {
    return vigil.store().analyticRuns().runs(AccessContext.system(), 100);
  }

  private static void awaitRuns(Vigil vigil, int n) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (runs(vigil).stream().filter(r -> r.finishedAt().isPresent()).count() < n) {
      assertThat(System.nanoTime()).as("%d scheduled runs within %s", n, WAIT).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static final String INPUT = "DEMO_TERROR_INCIDENTS";

  /** An input series of the default methodology: 14 months of Kazakhstan's, PUBLIC. */
  private static void loadInput(Vigil vigil) {
    vigil
        .reference()
        .saveIndicator(
            AccessContext.system(),
            TestSeries.monthlyCount(
                INPUT, "Terrorist incidents", "", ThreatDomain.TERRORISM, "incidents"));
    List<Observation> rows = new ArrayList<>();
    Period p = Period.parse("2024-01");
    for (int i = 0; i < 14; i++) {
      rows.add(input(p.plus(i).toString(), 3 + i % 4));
    }
    append(vigil, "terror-1.csv", rows);
  }

  private static Observation input(String period, double value) {
    return TestSeries.value(
        INPUT, "KAZ", Period.parse(period), value, Ownership.of("KAZ-SC", Classification.PUBLIC));
  }

  private static void append(Vigil vigil, String file, List<Observation> rows) {
    TestSeries.append(vigil.observations(), "KAZ-SC", Instant.EPOCH, file, file, rows);
  }

  private static void await(String what, java.util.function.BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what + " within %s", WAIT).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @Test
  void schedule_runsAtStart_recordsNothingWithoutNewData_andRunsAgainAfterANewVintage()
      throws Exception {
    TestClock clock = new TestClock(TestData.NOW);
    Vigil vigil = TestData.open("schedule-" + System.nanoTime(), clock);
    loadInput(vigil);
    try (TestServer server =
        TestServer.start(
            vigil, ServerConfig.builder().analyseEvery(Duration.ofMillis(200)).build())) {
      awaitRuns(vigil, 1);
      AnalyticRun first = runs(vigil).get(0);
      assertThat(first.startedAt()).isEqualTo(TestData.NOW);
      assertThat(first.inputs()).containsKey(INPUT + "|KAZ");
      // The clock moves on, the data does not: the scheduled times record nothing.
      Instant later = clock.advance(Duration.ofDays(1));
      await("3 scheduled times without new data", () -> server.server().scheduledUnchanged() >= 3);
      assertThat(runs(vigil)).hasSize(1);
      // One new value of one input series: the next scheduled time records a run, on the clock.
      append(vigil, "terror-2.csv", List.of(input("2025-03", 9)));
      awaitRuns(vigil, 2);
      List<AnalyticRun> runs = runs(vigil);
      assertThat(runs).extracting(AnalyticRun::trigger).containsOnly("schedule");
      assertThat(runs).extracting(AnalyticRun::status).doesNotContain("FAILED");
      assertThat(runs.get(0).startedAt()).isEqualTo(later);
      assertThat(runs.get(0).inputs().get(INPUT + "|KAZ"))
          .isGreaterThan(first.inputs().get(INPUT + "|KAZ"));
      long unchanged = server.server().scheduledUnchanged();
      await("another scheduled time", () -> server.server().scheduledUnchanged() > unchanged);
      assertThat(runs(vigil)).hasSize(2);
      server.server().stop();
      int stopped = runs(vigil).size();
      Thread.sleep(600);
      assertThat(runs(vigil)).hasSize(stopped);
    }
  }

  @Test
  void noInterval_noBackgroundRun() throws Exception {
    Vigil vigil = TestData.open("no-schedule-" + System.nanoTime(), new TestClock(TestData.NOW));
    try (TestServer server = TestServer.start(vigil, ServerConfig.DEFAULT)) {
      Thread.sleep(600);
      assertThat(runs(vigil)).isEmpty();
      assertThat(server.server().scheduledRuns()).isZero();
    }
  }

  @Test
  void interval_belowATenthOfASecond_isRefusedWithTheValue() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ServerConfig.builder().analyseEvery(Duration.ofMillis(10)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 100 ms")
        .hasMessageContaining("PT0.01S");
  }
}

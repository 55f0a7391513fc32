package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.run.AnalyticRun;
import org.vigil.store.TestClock;

/**
 * The server runs the analytic run on a schedule (issue 10): once at start and then at the
 * configured interval, stamped with the injected clock; never when no interval is set (the default,
 * so other tests see no background runs); and no more after the server stops.
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

  @Test
  void schedule_runsAtStartThenEveryInterval_withTheInjectedClock_andStopsWithTheServer()
      throws Exception {
    TestClock clock = new TestClock(TestData.NOW);
    Vigil vigil = TestData.open("schedule-" + System.nanoTime(), clock);
    try (TestServer server =
        TestServer.start(
            vigil, ServerConfig.builder().analyseEvery(Duration.ofMillis(200)).build())) {
      awaitRuns(vigil, 1);
      Instant later = clock.advance(Duration.ofDays(1));
      awaitRuns(vigil, 3);
      List<AnalyticRun> runs = runs(vigil);
      assertThat(runs).extracting(AnalyticRun::trigger).containsOnly("schedule");
      assertThat(runs).extracting(AnalyticRun::status).doesNotContain("FAILED");
      assertThat(runs)
          .extracting(AnalyticRun::startedAt)
          .allMatch(t -> t.equals(TestData.NOW) || t.equals(later))
          .contains(later);
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

package org.vigil.app.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.analytics.run.SeriesOutcome;
import org.vigil.analytics.run.SeriesStage;
import org.vigil.analytics.run.SeriesTask;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.demo.DemoData;
import org.vigil.forecast.ForecastMethod;
import org.vigil.model.AccessContext;
import org.vigil.model.Role;
import org.vigil.model.run.AnalyticResult;
import org.vigil.model.run.AnalyticRun;

/**
 * A run whose per-series stage ran on another engine, handed over through {@link StageFiles} (what
 * the Spark job reads and writes), publishes exactly what the in-process run publishes: two stores
 * with the same demo data and clock, one run each, compared result for result; and the services the
 * API calls read the engine-made run.
 */
class EngineRunsTest {
  private static final Instant T0 = Instant.parse("2026-01-20T10:00:00Z");
  private static final AccessContext KAZ = AccessContext.of("aigul", "KAZ-SC", Role.ANALYST);
  private static final List<String> KINDS =
      List.of(
          AnalyticRunner.FORECAST,
          AnalyticRunner.TREND,
          AnalyticRunner.ERROR,
          AnalyticRunner.RISK,
          AnalyticRunner.NOTES,
          PublishedAnomalies.KIND);

  @TempDir static Path work;
  private static Vigil local;
  private static Vigil remote;
  private static AnalyticRun inProcess;
  private static AnalyticRun engineMade;
  private static FileEngine engine;

  /**
   * The engine's side of the exchange: the tasks are written as for Spark, each computed by the
   * stage, and the outcomes come back as text lines in part files, read by {@link StageFiles}.
   */
  static final class FileEngine implements AnalyticRunner.Engine {
    int tasks;

    @Override
    public String name() {
      return "files";
    }

    @Override
    public List<SeriesOutcome> compute(
        SeriesStage stage, List<SeriesTask> list, AnalyticRunner.Progress progress) {
      tasks = list.size();
      StageFiles.write(list, work);
      List<String> lines = new ArrayList<>();
      for (SeriesTask t : list) {
        lines.add(stage.run(t).line());
      }
      try {
        Path out = Files.createDirectories(work.resolve("outcomes.lines"));
        int half = lines.size() / 2;
        Files.write(out.resolve("part-00000"), lines.subList(0, half), StandardCharsets.UTF_8);
        Files.write(
            out.resolve("part-00001"), lines.subList(half, lines.size()), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("_SUCCESS"), "");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return StageFiles.read(work.resolve("outcomes.lines"));
    }
  }

  @BeforeAll
  static void open() {
    local = demo("engine-local-");
    remote = demo("engine-remote-");
    inProcess = new AnalyticRunner(local).run("analyse", true, AnalyticRunner.Progress.NONE);
    engine = new FileEngine();
    engineMade =
        new AnalyticRunner(remote, ForecastMethod.ETS, engine)
            .run("analyse (spark local[2])", true, AnalyticRunner.Progress.NONE);
  }

  private static Vigil demo(String name) {
    Vigil v =
        Vigil.open(
            VigilConfig.h2InMemory(name + System.nanoTime())
                .withClock(java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC)));
    DemoData.load(v);
    return v;
  }

  @AfterAll
  static void close() {
    local.close();
    remote.close();
  }

  @Test
  void engineRun_storesTheInProcessRunsResults_resultForResult() {
    assertThat(engine.tasks).isGreaterThan(inProcess.inputs().size());
    for (String kind : KINDS) {
      List<AnalyticResult> a = stored(local, kind, inProcess.id());
      List<AnalyticResult> b = stored(remote, kind, engineMade.id());
      assertThat(a).as(kind).isNotEmpty();
      assertThat(b).as(kind).containsExactlyElementsOf(a);
    }
    assertThat(engineMade.inputs()).isEqualTo(inProcess.inputs());
    assertThat(engineMade.seriesComputed()).isEqualTo(inProcess.seriesComputed());
    assertThat(engineMade.failures()).isEqualTo(inProcess.failures());
    assertThat(engineMade.period()).isEqualTo(inProcess.period());
    // District series are published too, keyed by the district.
    assertThat(stored(remote, PublishedAnomalies.KIND, engineMade.id()))
        .extracting(AnalyticResult::area)
        .anyMatch(area -> area.contains("-"));
  }

  @Test
  void engineRun_namesItsEngine_andIsTheRunTheServicesRead() {
    assertThat(engineMade.trigger()).isEqualTo("analyse (spark local[2])");
    Optional<PublishedAnomalies.Read> read =
        PublishedAnomalies.read(remote, KAZ, Optional.empty(), Optional.empty());
    assertThat(read).isPresent();
    assertThat(read.get().runId()).isEqualTo(engineMade.id());
    assertThat(read.get().anomalies())
        .isEqualTo(
            PublishedAnomalies.read(local, KAZ, Optional.empty(), Optional.empty())
                .orElseThrow()
                .anomalies());
    RiskService.RiskRequest req = RiskService.RiskRequest.defaults();
    RiskService.RiskRun a = new RiskService(local).risk(KAZ, req);
    RiskService.RiskRun b = new RiskService(remote).risk(KAZ, req);
    assertThat(b.result().scores()).isNotEmpty().isEqualTo(a.result().scores());
    assertThat(b.period()).isEqualTo(a.period());
  }

  /** A run's results of one kind, without the run id (the stores number runs alike anyway). */
  private static List<AnalyticResult> stored(Vigil v, String kind, long run) {
    return v.store().analyticRuns().results(AccessContext.system(), kind, run).stream()
        .map(
            r ->
                new AnalyticResult(
                    0,
                    r.kind(),
                    r.subject(),
                    r.area(),
                    r.domain(),
                    r.period(),
                    r.horizon(),
                    r.payload(),
                    r.ownership()))
        .sorted(Comparator.comparing(AnalyticResult::subject).thenComparing(AnalyticResult::period))
        .toList();
  }
}

package org.vigil.app.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.analytics.risk.Methodology;
import org.vigil.analytics.risk.RiskScore;
import org.vigil.analytics.risk.RiskSpec;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.demo.DemoData;
import org.vigil.model.AccessContext;
import org.vigil.model.IngestBatch;
import org.vigil.model.Observation;
import org.vigil.model.Role;
import org.vigil.model.run.AnalyticResult;
import org.vigil.model.run.AnalyticRun;
import org.vigil.timeseries.Period;

/**
 * Analytic runs on the demo: one number for every reader and horizon, incremental runs that change
 * only what depends on a new value, "as of" for results, coverage stated.
 */
class AnalyticRunsTest {
  private static final Instant T0 = Instant.parse("2026-01-20T10:00:00Z");
  private static final MutableClock CLOCK = new MutableClock(T0);
  private static final AccessContext KAZ = AccessContext.of("aigul", "KAZ-SC", Role.ANALYST);
  private static final AccessContext BLR = AccessContext.of("olga", "BLR-SC", Role.ANALYST);
  private static Vigil vigil;
  private static AnalyticRun first;

  @BeforeAll
  static void open() {
    vigil = Vigil.open(VigilConfig.h2InMemory("runs-" + System.nanoTime()).withClock(CLOCK));
    DemoData.load(vigil);
    CLOCK.set(T0.plusSeconds(60));
    first = new AnalyticRunner(vigil).run("test", true, AnalyticRunner.Progress.NONE);
  }

  @AfterAll
  static void close() {
    vigil.close();
  }

  private static RiskService.RiskRun risk(AccessContext ctx, List<Integer> horizons) {
    return new RiskService(vigil)
        .risk(
            ctx,
            new RiskService.RiskRequest(
                Methodology.vigilDefault(), Optional.empty(), horizons, RiskSpec.DEFAULT));
  }

  @Test
  void fullRun_listsInputVintagesAndStoresGoalposts() {
    assertThat(first.status()).isEqualTo("DONE");
    assertThat(first.inputs()).containsKey("DEMO_DRUG_TRAFFICKING_OFFENCES|KAZ");
    assertThat(first.failures()).isZero();
    assertThat(vigil.store().analyticRuns().goalposts(KAZ, "vigil-default", "1.0.0")).isPresent();
  }

  @Test
  void anomalies_storedPerSeriesWithItsOwnership_readFilteredAndEqualToTheDetector() {
    AccessContext sys = AccessContext.system();
    var repo = vigil.store().analyticRuns();
    List<AnalyticResult> stored = repo.results(sys, PublishedAnomalies.KIND, first.id());
    // Every series of every indicator, not only the risk inputs.
    assertThat(stored.size()).isGreaterThan(first.inputs().size());
    assertThat(stored)
        .extracting(AnalyticResult::subject)
        .anyMatch(x -> x.startsWith("TEXT_DOCS_"));
    for (AccessContext reader : List.of(KAZ, BLR)) {
      Set<String> readable =
          repo.results(reader, PublishedAnomalies.KIND, first.id()).stream()
              .map(AnalyticResult::subject)
              .collect(Collectors.toSet());
      Set<String> allowed =
          stored.stream()
              .filter(r -> reader.canRead(r.ownership()))
              .map(AnalyticResult::subject)
              .collect(Collectors.toSet());
      assertThat(readable).as(reader.user()).isEqualTo(allowed);
    }
    // What the reader gets is what the detector finds in the whole series (not recomputed).
    String indicator = "DEMO_TERROR_INCIDENTS";
    var series = new SeriesSource(vigil).series(sys, indicator, "KAZ").orElseThrow();
    List<String> expected =
        org.vigil.analytics.anomaly.AnomalyDetector.detect(series, PublishedAnomalies.SPEC).stream()
            .map(a -> a.period() + "=" + a.score())
            .toList();
    PublishedAnomalies.Read read =
        new AnomalyService(vigil)
            .published(KAZ, Optional.of(indicator), Optional.of("KAZ"))
            .orElseThrow();
    assertThat(read.runId()).isGreaterThanOrEqualTo(first.id());
    assertThat(read.anomalies())
        .extracting(a -> a.anomaly().period() + "=" + a.anomaly().score())
        .isEqualTo(expected);
  }

  @Test
  void sameScore_forEveryReaderAndHorizon() {
    Period p = Period.parse(first.period().orElseThrow());
    Map<String, Double> seen = new HashMap<>();
    for (AccessContext ctx : List.of(KAZ, BLR, AccessContext.system())) {
      for (List<Integer> h : List.of(List.of(1), List.of(6), List.of(6, 12), List.<Integer>of())) {
        RiskService.RiskRun run = risk(ctx, h);
        for (RiskScore s : run.result().scores()) {
          String key = s.area() + "|" + s.domain() + "|" + s.period() + "|" + s.horizon();
          Double before = seen.putIfAbsent(key, s.score());
          if (before != null) {
            assertThat(s.score()).as(key + " for " + ctx.user() + " " + h).isEqualTo(before);
          }
        }
      }
    }
    assertThat(seen).containsKey("KAZ|DRUG_TRAFFICKING|" + p + "|0");
    assertThat(seen).containsKey("KAZ|DRUG_TRAFFICKING|" + p.plus(6) + "|6");
  }

  @Test
  void coverage_readerOfOneStateIsToldSo() {
    RiskService.RiskRun run = risk(KAZ, List.of(6));
    List<RiskScore> info =
        run.result().scores().stream()
            .filter(s -> s.domain().equals("INFORMATION") && s.horizon() == 0)
            .filter(s -> s.period().equals(run.period()))
            .toList();
    assertThat(info).extracting(RiskScore::area).containsOnly("KAZ");
    assertThat(run.coverage().statesTotal()).isGreaterThan(1);
    assertThat(run.coverage().text())
        .contains(" of " + run.coverage().statesTotal() + " states")
        .contains("methodology vigil-default 1.0.0")
        .contains("data as of ")
        .contains("analytic run ");
  }

  @Test
  void oneNewValue_onlyItsDependantsChange_andAsOfReturnsWhatWasPublished() {
    AccessContext sys = AccessContext.system();
    String subject = "DEMO_DRUG_TRAFFICKING_OFFENCES|KAZ";
    Period month = Period.parse(first.period().orElseThrow()).plus(-2);
    Observation old =
        vigil.observations().series(sys, "DEMO_DRUG_TRAFFICKING_OFFENCES", "KAZ").stream()
            .filter(o -> o.period().equals(month))
            .findFirst()
            .orElseThrow();
    CLOCK.set(T0.plusSeconds(3600));
    vigil
        .observations()
        .append(
            sys,
            new IngestBatch(
                0, "system", "SYSTEM", Instant.EPOCH, "rev.json", "ab", "json", 1, 0, 0),
            List.of(
                new Observation(
                    old.indicator(),
                    old.area(),
                    month,
                    old.value() * 3 + 10,
                    "",
                    "",
                    0,
                    null,
                    old.ownership())));
    CLOCK.set(T0.plusSeconds(3660));
    AnalyticRun inc = new AnalyticRunner(vigil).run("test", false, AnalyticRunner.Progress.NONE);
    assertThat(inc.seriesComputed()).isEqualTo(1);
    assertThat(inc.inputs().get(subject)).isGreaterThan(first.inputs().get(subject));
    var repo = vigil.store().analyticRuns();
    assertThat(repo.changedBy(sys, AnalyticRunner.FORECAST, inc.id()))
        .extracting(AnalyticResult::subject)
        .containsExactly(subject);
    // Anomalies: only the revised series' result is stored again (the others are reused).
    assertThat(repo.changedBy(sys, PublishedAnomalies.KIND, inc.id()))
        .extracting(AnalyticResult::subject)
        .containsExactly(subject);
    List<AnalyticResult> changedRisk = repo.changedBy(sys, AnalyticRunner.RISK, inc.id());
    assertThat(changedRisk).isNotEmpty();
    Map<String, Double> before =
        repo.results(sys, AnalyticRunner.RISK, first.id()).stream()
            .collect(
                Collectors.toMap(
                    AnalyticResult::subject, r -> AnalyticRunner.ScoreJson.read(r).score()));
    Set<String> movedAreas =
        changedRisk.stream()
            .filter(
                r ->
                    !before
                        .getOrDefault(r.subject(), Double.NaN)
                        .equals(AnalyticRunner.ScoreJson.read(r).score()))
            .map(AnalyticResult::area)
            .collect(Collectors.toSet());
    // Scores move only for Kazakhstan; other states' rows change at most in their rank.
    assertThat(movedAreas).containsExactly("KAZ");
    assertThat(changedRisk.size()).isLessThan(before.size() / 5);
    String kazNow = "KAZ|DRUG_TRAFFICKING|" + month + "|0";
    RiskService svc = new RiskService(vigil);
    RiskService.RiskRequest asOfFirst =
        new RiskService.RiskRequest(
            Methodology.vigilDefault(),
            Optional.of(month),
            List.of(),
            RiskSpec.DEFAULT,
            Optional.of(T0.plusSeconds(120)));
    RiskService.RiskRun then = svc.risk(KAZ, asOfFirst);
    assertThat(then.coverage().runId()).isEqualTo(first.id());
    RiskScore thenScore = then.result().find("KAZ", "DRUG_TRAFFICKING", month, 0).orElseThrow();
    assertThat(thenScore.score()).isEqualTo(before.get(kazNow));
    RiskScore nowScore =
        svc.risk(
                KAZ,
                new RiskService.RiskRequest(
                    Methodology.vigilDefault(), Optional.of(month), List.of(), RiskSpec.DEFAULT))
            .result()
            .find("KAZ", "DRUG_TRAFFICKING", month, 0)
            .orElseThrow();
    assertThat(nowScore.score()).isNotEqualTo(thenScore.score());
    // The incremental run re-scored only the months from the revised one (and the projections),
    // yet published exactly what a full run computes: a full run after it changes no score.
    CLOCK.set(T0.plusSeconds(3720));
    AnalyticRun again = new AnalyticRunner(vigil).run("test", true, AnalyticRunner.Progress.NONE);
    assertThat(repo.changedBy(sys, AnalyticRunner.RISK, again.id())).isEmpty();
    assertThat(repo.changedBy(sys, AnalyticRunner.FORECAST, again.id())).isEmpty();
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant t) {
      now = t;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

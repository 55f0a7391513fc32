package org.vigil.app.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.analytics.anomaly.Anomaly;
import org.vigil.analytics.anomaly.AnomalySpec;
import org.vigil.analytics.priority.PriorityList;
import org.vigil.analytics.priority.RegionalPriority;
import org.vigil.analytics.quality.QualityReport;
import org.vigil.analytics.risk.RiskScore;
import org.vigil.analytics.risk.RiskSpec;
import org.vigil.analytics.trend.TrendSpec;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.demo.DemoData;
import org.vigil.model.AccessContext;
import org.vigil.model.NotFoundException;
import org.vigil.model.Role;
import org.vigil.timeseries.Period;

/** The analytics services on the demo data in H2, as a Kazakh analyst and as nobody. */
class AnalyticsServicesTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-20T10:00:00Z"), ZoneOffset.UTC);
  private static final AccessContext KAZ = AccessContext.of("aigul", "KAZ-SC", Role.ANALYST);
  private static final RiskSpec FAST = RiskSpec.DEFAULT.withDraws(100);
  private static Vigil vigil;

  @BeforeAll
  static void open() {
    vigil = Vigil.open(VigilConfig.h2InMemory("analytics-" + System.nanoTime()).withClock(CLOCK));
    DemoData.load(vigil);
  }

  @AfterAll
  static void close() {
    vigil.close();
  }

  @Test
  void trend_demoSeries_givesTestSlopeAndStatement() {
    TrendService.TrendReport r =
        new TrendService(vigil)
            .trend(KAZ, "DEMO_DRUG_TRAFFICKING_OFFENCES", "KAZ", TrendSpec.DEFAULT);
    assertThat(r.result().test().n()).isGreaterThan(100);
    assertThat(r.result().statement()).contains("since 2015");
  }

  @Test
  void trend_nationalSeriesOfAnotherState_notFoundForTheCaller() {
    assertThatThrownBy(
            () ->
                new TrendService(vigil)
                    .trend(KAZ, "DEMO_CYBER_INCIDENTS", "RUS", TrendSpec.DEFAULT))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("that you can read");
  }

  @Test
  void anomalies_nationalIndicator_onlyTheCallersOwnStateIsScanned() {
    List<AnomalyService.AreaAnomaly> all =
        new AnomalyService(vigil)
            .anomalies(
                KAZ,
                "DEMO_CYBER_INCIDENTS",
                Optional.empty(),
                AnomalySpec.DEFAULT
                    .withMethods(EnumSet.of(Anomaly.Method.ROBUST_Z))
                    .withZThreshold(2));
    assertThat(all).isNotEmpty();
    assertThat(all).allMatch(a -> a.area().equals("KAZ"));
  }

  @Test
  void quality_oneState_reportPerDatasetWithCompleteness() {
    List<QualityReport> reports = new QualityService(vigil).quality(KAZ, Optional.of("KAZ"));
    assertThat(reports).isNotEmpty();
    assertThat(reports).allMatch(r -> r.area().equals("KAZ"));
    assertThat(reports).extracting(QualityReport::dataset).contains("DRUG_TRAFFICKING");
    assertThat(reports).allMatch(r -> r.completeness() > 0.5 && r.completeness() <= 1.0);
  }

  @Test
  void risk_nationalDomain_scoredOnlyForTheCallersState() {
    RiskService.RiskRun run =
        new RiskService(vigil)
            .risk(
                KAZ,
                new RiskService.RiskRequest(
                    org.vigil.analytics.risk.Methodology.vigilDefault(),
                    Optional.empty(),
                    List.of(6),
                    FAST));
    List<RiskScore> info =
        run.result().scores().stream()
            .filter(s -> s.domain().equals("INFORMATION") && s.horizon() == 0)
            .filter(s -> s.period().equals(run.period()) && !Double.isNaN(s.score()))
            .toList();
    assertThat(info).extracting(RiskScore::area).containsExactly("KAZ");
    RiskScore drugs =
        run.result().find("KAZ", "DRUG_TRAFFICKING", run.period().plus(6), 6).orElseThrow();
    assertThat(drugs.upper()).isGreaterThanOrEqualTo(drugs.lower());
    assertThat(drugs.reference()).isEqualTo(run.period().toString());
  }

  @Test
  void priorities_comparedWithTheMonthBeforeAndRegionSaysWhoIsIn() {
    PriorityService svc = new PriorityService(vigil);
    AccessContext other = AccessContext.of("olga", "BLR-SC", Role.ANALYST);
    PriorityList first = svc.priorities(other, Optional.of(Period.month(2025, 9)), FAST);
    PriorityService.Published second =
        svc.published(other, Optional.of(Period.month(2025, 9)), FAST);
    // Reads only: the same list twice, compared with the month before (nothing stored).
    assertThat(first.priorities()).isEqualTo(second.list().priorities());
    assertThat(second.list().previousPeriod()).isEqualTo("2025-08");
    assertThat(second.list().priorities()).allMatch(p -> p.previousRank() > 0);
    // Information security (like terrorism and extremism) is national in the demo: Belarus's
    // reader reads its own scores, but
    // they are in neither the shared ranking nor the regional view (which every member reader
    // gets the same); they are listed apart, as the reader's restricted scores.
    assertThat(second.list().regional())
        .extracting(RegionalPriority::domain)
        .isNotEmpty()
        .doesNotContain("INFORMATION");
    assertThat(second.list().priorities()).noneMatch(p -> p.domain().equals("INFORMATION"));
    assertThat(second.restricted())
        .extracting(p -> p.domain() + "/" + p.area())
        .containsExactlyInAnyOrder("INFORMATION/BLR", "TERRORISM/BLR", "EXTREMISM/BLR");
    AccessContext russian = AccessContext.of("oleg", "RUS-SC", Role.ANALYST);
    assertThat(svc.priorities(russian, Optional.of(Period.month(2025, 9)), FAST).regional())
        .isEqualTo(second.list().regional());
  }
}

package org.vigil.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.alert.AlertService;
import org.vigil.app.demo.DemoData;
import org.vigil.app.demo.PlantedSeries;
import org.vigil.app.demo.SyntheticGenerator;
import org.vigil.app.programme.ProgrammeDemo;
import org.vigil.model.AccessContext;
import org.vigil.model.Observation;
import org.vigil.model.alert.Alert;
import org.vigil.model.alert.AlertQuery;
import org.vigil.model.alert.AlertRule;
import org.vigil.model.alert.AlertSeverity;
import org.vigil.model.notify.NotifyRule;
import org.vigil.model.notify.RuleKind;
import org.vigil.timeseries.Period;

/**
 * Each kept rule type on the demo (clock 2026-01-20, demo to 2025-12): it fires on a case the demo
 * generator planted (its documented ground truth, {@code DemoData.groundTruth}) and stays silent on
 * a control series without that event, with the level chosen the same way for both.
 */
class KeptRulesDemoTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-20T10:00:00Z"), ZoneOffset.UTC);
  private static Vigil vigil;
  private static RuleEngine engine;
  private static List<PlantedSeries> truth;

  @BeforeAll
  static void open() {
    vigil = Vigil.open(VigilConfig.h2InMemory("rules-" + System.nanoTime()).withClock(CLOCK));
    truth = DemoData.groundTruth(DemoData.load(vigil).spec());
    new AlertService(vigil).evaluate(AccessContext.system());
    engine = new RuleEngine(vigil);
  }

  @AfterAll
  static void close() {
    vigil.close();
  }

  private static NotifyRule rule(
      RuleKind kind, String indicator, String area, String domain, Map<String, String> params) {
    return new NotifyRule(
        0,
        "TEST_" + kind,
        kind,
        indicator,
        area,
        domain,
        params,
        AlertSeverity.INFO,
        true,
        "test",
        CLOCK.instant());
  }

  private static double[] values(PlantedSeries p) {
    return vigil.observations().series(AccessContext.system(), p.indicator(), p.area()).stream()
        .mapToDouble(Observation::value)
        .toArray();
  }

  private static double maxOfTwelveBefore(double[] v, int end) {
    double m = Double.NEGATIVE_INFINITY;
    for (int i = Math.max(0, end - 12); i < end; i++) {
      m = Math.max(m, v[i]);
    }
    return m;
  }

  /** A series with a recent planted spike or shift whose last value beats its year before it. */
  private static PlantedSeries planted() {
    return truth.stream()
        .filter(p -> p.indicator().startsWith("DEMO_") && !p.recentShocks().isEmpty())
        .filter(p -> !p.indicator().equals("DEMO_RIVER_FLOW"))
        .filter(
            p -> {
              double[] v = values(p);
              int shock = v.length - 1 - (int) p.recentShocks().get(0).period().until(last());
              return v[v.length - 1] > maxOfTwelveBefore(v, shock);
            })
        .findFirst()
        .orElseThrow();
  }

  /** A series of the same indicator with no planted event at all and no gap at its end. */
  private static PlantedSeries control(String indicator) {
    return truth.stream()
        .filter(p -> p.indicator().equals(indicator))
        .filter(
            p ->
                p.recentShocks().isEmpty()
                    && p.shocks().isEmpty()
                    && !p.trendPlanted()
                    && p.trendOnset().isEmpty())
        .filter(p -> p.gaps().stream().noneMatch(g -> g.compareTo(last().plus(-3)) >= 0))
        .findFirst()
        .orElseThrow();
  }

  private static Period last() {
    return Period.month(2025, 12);
  }

  @Test
  void threshold_plantedSpikeFires_controlSilent() {
    PlantedSeries p = planted();
    PlantedSeries c = control(p.indicator());
    double[] pv = values(p);
    double[] cv = values(c);
    double pShock = pv.length - 1 - p.recentShocks().get(0).period().until(last());

    List<Alert> fired =
        engine.findings(
            rule(
                RuleKind.THRESHOLD,
                p.indicator(),
                p.area(),
                "",
                Map.of("above", String.valueOf(maxOfTwelveBefore(pv, (int) pShock)))));
    List<Alert> silent =
        engine.findings(
            rule(
                RuleKind.THRESHOLD,
                c.indicator(),
                c.area(),
                "",
                Map.of("above", String.valueOf(maxOfTwelveBefore(cv, cv.length - 1)))));

    System.out.println(
        "THRESHOLD planted " + p.indicator() + "/" + p.area() + " control " + c.area());
    assertThat(fired)
        .singleElement()
        .satisfies(a -> assertThat(a.rule()).isEqualTo(AlertRule.THRESHOLD));
    assertThat(silent).isEmpty();
  }

  @Test
  void anomaly_plantedSpikeFires_controlSilent() {
    PlantedSeries p = planted();
    PlantedSeries c = control(p.indicator());
    assertThat(engine.findings(rule(RuleKind.ANOMALY, p.indicator(), p.area(), "", Map.of())))
        .isNotEmpty()
        .allMatch(a -> a.rule() == AlertRule.ANOMALY && a.id() > 0);
    assertThat(engine.findings(rule(RuleKind.ANOMALY, c.indicator(), c.area(), "", Map.of())))
        .isEmpty();
  }

  @Test
  void kpiDrift_plantedDriftFires_otherKpiSilent() {
    String planted = ProgrammeDemo.CRIME + "/K1";
    assertThat(ProgrammeDemo.PLANTED_DRIFT).contains(planted);
    assertThat(engine.findings(rule(RuleKind.KPI_DRIFT, planted, "", "", Map.of()))).isNotEmpty();
    String other = ProgrammeDemo.CRIME + "/K2";
    assertThat(ProgrammeDemo.PLANTED_DRIFT).doesNotContain(other);
    assertThat(engine.findings(rule(RuleKind.KPI_DRIFT, other, "", "", Map.of()))).isEmpty();
  }

  @Test
  void reportBurst_plantedTajikDrugBurstFires_kazakhSilent_andIsStoredOnce() {
    NotifyRule tjk = rule(RuleKind.REPORT_BURST, "", "TJK", "DRUG_TRAFFICKING", Map.of());
    NotifyRule kaz = rule(RuleKind.REPORT_BURST, "", "KAZ", "DRUG_TRAFFICKING", Map.of());

    assertThat(engine.findings(tjk))
        .isNotEmpty()
        .allMatch(a -> a.subject().indicator().equals("TEXT_DOCS_DRUG_TRAFFICKING"));
    assertThat(engine.findings(kaz)).isEmpty();
    RuleEngine.Evaluation first = engine.evaluate(List.of(tjk));
    assertThat(first.raised()).isNotEmpty().allMatch(a -> a.rule() == AlertRule.REPORT_BURST);
    assertThat(engine.evaluate(List.of(tjk)).raised()).isEmpty();
    assertThat(new AlertService(vigil).list(AccessContext.system(), AlertQuery.all()))
        .filteredOn(a -> a.rule() == AlertRule.REPORT_BURST)
        .hasSize(first.raised().size());
  }

  @Test
  void dataOverdue_pennWorldTableEndingIn2017Fires_monthlyDemoSeriesSilent() {
    PlantedSeries c = control("DEMO_TERROR_INCIDENTS");
    assertThat(
            engine.findings(
                rule(RuleKind.DATA_OVERDUE, "GDP_PPP", "KAZ", "", Map.of("months", "12"))))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.evidence()).containsEntry("last", "2017");
              assertThat(a.subject().period()).as("keyed by the silence").isEqualTo("2017");
            });
    assertThat(
            engine.findings(
                rule(RuleKind.DATA_OVERDUE, c.indicator(), c.area(), "", Map.of("months", "2"))))
        .isEmpty();
  }

  /**
   * The series the generator planted a trend onset in ({@code SyntheticGenerator.ONSET_SERIES}).
   */
  private static PlantedSeries onset() {
    List<PlantedSeries> onsets = truth.stream().filter(p -> p.trendOnset().isPresent()).toList();
    assertThat(onsets).hasSize(1);
    assertThat(onsets.get(0).indicator() + "/" + onsets.get(0).area())
        .isEqualTo(SyntheticGenerator.ONSET_SERIES);
    return onsets.get(0);
  }

  /** Prints what a rule found on a planted series (for the record of the run) and its control. */
  private static void show(
      String rule, PlantedSeries p, String when, List<Alert> fired, PlantedSeries c) {
    System.out.println(
        rule
            + " planted "
            + p.indicator()
            + "/"
            + p.area()
            + when
            + ": "
            + fired.stream().map(Alert::messageEn).toList()
            + "; control "
            + c.area());
  }

  @Test
  void trendStart_plantedOnsetFires_trendlessControlSilent() {
    PlantedSeries p = onset();
    PlantedSeries c = control(p.indicator());

    // a trend that began within the last two years: 24 months rising, the 24 before not
    Map<String, String> twoYears = Map.of("months", "24");
    List<Alert> fired =
        engine.findings(rule(RuleKind.TREND_START, p.indicator(), p.area(), "", twoYears));
    List<Alert> silent =
        engine.findings(rule(RuleKind.TREND_START, c.indicator(), c.area(), "", twoYears));

    show("TREND_START", p, " from " + p.trendOnset().orElseThrow(), fired, c);
    assertThat(fired)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.rule()).isEqualTo(AlertRule.TREND_START);
              // dated within three months of the planted onset
              assertThat(
                      Math.abs(
                          p.trendOnset().orElseThrow().until(Period.parse(a.subject().period()))))
                  .isLessThanOrEqualTo(3);
            });
    assertThat(silent).isEmpty();
  }

  @Test
  void trendStart_evaluatedTwice_raisesTheOnsetOnce() {
    PlantedSeries p = onset();
    NotifyRule r =
        new NotifyRule(
            0,
            "ONSET_TWICE",
            RuleKind.TREND_START,
            p.indicator(),
            p.area(),
            "",
            Map.of("months", "24"),
            AlertSeverity.WARNING,
            true,
            "test",
            CLOCK.instant());
    assertThat(engine.evaluate(List.of(r)).raised()).hasSize(1);
    assertThat(engine.evaluate(List.of(r)).raised()).isEmpty();
  }

  @Test
  void forecastExceeds_plantedOnsetFires_trendlessControlSilent() {
    PlantedSeries p = onset();
    PlantedSeries c = control(p.indicator());
    double[] pv = values(p);
    double[] cv = values(c);
    // 2% above the highest value of the last year, within 12 months: a rise that goes on reaches
    // it; a series without one does not.
    NotifyRule rising =
        rule(
            RuleKind.FORECAST_EXCEEDS,
            p.indicator(),
            p.area(),
            "",
            Map.of(
                "level", String.valueOf(1.02 * maxOfTwelveBefore(pv, pv.length)), "months", "12"));
    NotifyRule flat =
        rule(
            RuleKind.FORECAST_EXCEEDS,
            c.indicator(),
            c.area(),
            "",
            Map.of(
                "level", String.valueOf(1.02 * maxOfTwelveBefore(cv, cv.length)), "months", "12"));

    List<Alert> fired = engine.findings(rising);
    show("FORECAST_EXCEEDS", p, "", fired, c);
    assertThat(fired)
        .singleElement()
        .satisfies(a -> assertThat(a.subject().period()).isEqualTo(last().toString()));
    assertThat(engine.findings(flat)).isEmpty();
  }

  /**
   * Not planted by the generator: the demo's risk ranks are what they are. The rule fires for the
   * states whose rank rose by the largest rise the demo shows over 3 months, and is silent when
   * asked for one place more.
   */
  @Test
  void riskRankRise_firesAtTheLargestRise_silentAboveIt() {
    NotifyRule probe = rule(RuleKind.RISK_RANK_RISE, "", "", "", Map.of("places", "1"));
    List<Alert> anyRise = engine.findings(probe);
    assertThat(anyRise).as("some state's rank rose over 3 months").isNotEmpty();
    int largest =
        anyRise.stream()
            .mapToInt(
                a ->
                    Integer.parseInt(a.evidence().get("rankBefore"))
                        - Integer.parseInt(a.evidence().get("rankNow")))
            .max()
            .orElseThrow();
    System.out.println(
        "RISK_RANK_RISE largest rise "
            + largest
            + ": "
            + anyRise.stream().map(a -> a.subject().area() + " " + a.evidence()).toList());

    assertThat(
            engine.findings(
                rule(
                    RuleKind.RISK_RANK_RISE,
                    "",
                    "",
                    "",
                    Map.of("places", String.valueOf(largest)))))
        .isNotEmpty()
        .allMatch(a -> a.ownership().classification() == org.vigil.model.Classification.NATIONAL);
    assertThat(
            engine.findings(
                rule(
                    RuleKind.RISK_RANK_RISE,
                    "",
                    "",
                    "",
                    Map.of("places", String.valueOf(largest + 1)))))
        .isEmpty();
    // A named control: a state whose rank did not rise (the first in code order) stays silent.
    String control =
        java.util.stream.Stream.of("ARM", "AZE", "BLR", "KAZ", "KGZ", "MDA", "RUS", "TJK", "UZB")
            .filter(area -> anyRise.stream().noneMatch(a -> a.subject().area().equals(area)))
            .findFirst()
            .orElseThrow();
    System.out.println("RISK_RANK_RISE control " + control);
    assertThat(
            engine.findings(rule(RuleKind.RISK_RANK_RISE, "", control, "", Map.of("places", "1"))))
        .isEmpty();
    assertThat(
            engine.findings(
                rule(
                    RuleKind.RISK_RANK_RISE,
                    "",
                    anyRise.get(0).subject().area(),
                    "",
                    Map.of("places", "1"))))
        .hasSize(1);
  }
}

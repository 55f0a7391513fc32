package org.vigil.app.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.demo.DemoData;
import org.vigil.app.demo.DemoSpec;
import org.vigil.app.demo.DemoTexts;
import org.vigil.app.demo.PlantedSeries;
import org.vigil.app.demo.PlantedShock;
import org.vigil.app.demo.ShockKind;
import org.vigil.app.programme.ProgrammeDemo;
import org.vigil.app.text.TextSignals;
import org.vigil.model.AccessContext;
import org.vigil.model.alert.Alert;
import org.vigil.model.alert.AlertQuery;
import org.vigil.model.alert.AlertRule;
import org.vigil.model.alert.AlertSeverity;
import org.vigil.timeseries.Period;

/**
 * Alerts that matter, measured against the demo generator's documented ground truth: {@code alerts
 * evaluate} on the demo (loaded on two days, with a clock that moves as a wall clock does) raises
 * few alerts, each with a severity, and at least 80% of them are planted findings. An alert is
 * planted when it names what the generator put there: an anomaly at a planted spike's month or in
 * one of a planted level shift's first three months (same indicator and area), a data-quality
 * finding at a planted gap or revision, a KPI drift of a KPI the demo's programmes were built to
 * miss ({@link ProgrammeDemo#PLANTED_DRIFT}), an anomaly of a series counted from texts at the
 * corpus's planted burst ({@link DemoTexts#burst}). Nothing else counts. The README reports the
 * count and share printed here.
 */
class AlertGroundTruthTest {
  /** Two loads of the demo: ending 2025-12 (as AlertServiceTest) and 2026-11 (as in December). */
  private static final List<Instant> CLOCKS =
      List.of(Instant.parse("2026-01-20T10:00:00Z"), Instant.parse("2026-12-06T10:00:00Z"));

  private static final List<Run> RUNS = new ArrayList<>();

  /** One demo load, evaluated: the alerts and the truth of the spec the load used. */
  record Run(Instant now, List<Alert> alerts, List<PlantedSeries> truth, DemoTexts.Burst burst) {
    String label() {
      return "clock " + now + ": ";
    }
  }

  @BeforeAll
  static void open() {
    for (Instant now : CLOCKS) {
      // A clock that moves a millisecond per reading, as the wall clock of a real `vigil demo`
      // does: the first releases and their revisions are then two vintages, and the quality rule
      // sees the revisions (a fixed clock stamped both batches with one instant).
      Clock clock = new SteppingClock(now);
      try (Vigil vigil =
          Vigil.open(VigilConfig.h2InMemory("alert-truth-" + System.nanoTime()).withClock(clock))) {
        DemoSpec spec = DemoData.load(vigil).spec();
        new AlertService(vigil).evaluate(AccessContext.system());
        RUNS.add(
            new Run(
                now,
                new AlertService(vigil).list(AccessContext.system(), AlertQuery.all()),
                DemoData.groundTruth(spec),
                DemoTexts.burst(spec.last())));
      }
    }
  }

  @Test
  void evaluate_demo_atLeast80PercentOfAlertsArePlantedFindings() {
    for (Run r : RUNS) {
      long planted = r.alerts().stream().filter(a -> planted(a, r)).count();
      double share = r.alerts().isEmpty() ? 0 : (double) planted / r.alerts().size();
      Map<String, Long> byKind =
          r.alerts().stream()
              .collect(
                  Collectors.groupingBy(
                      a -> a.rule() + "/" + a.severity() + (planted(a, r) ? "/planted" : ""),
                      TreeMap::new,
                      Collectors.counting()));
      System.out.printf(
          Locale.ROOT,
          "%salerts on the demo: %d, planted findings: %d (%.1f%%); %s%n",
          r.label(),
          r.alerts().size(),
          planted,
          100 * share,
          byKind);
      r.alerts().stream()
          .filter(a -> !planted(a, r))
          .forEach(a -> System.out.println("  not planted: " + a.severity() + " " + a.messageEn()));

      assertThat(r.alerts()).as(r.label()).isNotEmpty().allMatch(a -> a.severity() != null);
      assertThat(share)
          .as(r.label() + "share of alerts that are planted findings")
          .isGreaterThanOrEqualTo(0.8);
    }
  }

  @Test
  void evaluate_demo_findsMostPlantedRecentEvents() {
    for (Run r : RUNS) {
      List<String> missed = new ArrayList<>();
      int plantedRecent = 0;
      for (PlantedSeries s : r.truth()) {
        for (PlantedShock k : s.recentShocks()) {
          plantedRecent++;
          boolean found =
              r.alerts().stream()
                  .anyMatch(
                      a ->
                          a.rule() == AlertRule.ANOMALY
                              && sameSeries(a, s)
                              && matches(k, Period.parse(a.subject().period())));
          if (!found) {
            missed.add(s.indicator() + "/" + s.area() + " " + k);
          }
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%srecent planted events found: %d of %d; missed %s%n",
          r.label(),
          plantedRecent - missed.size(),
          plantedRecent,
          missed);
      assertThat(plantedRecent).as(r.label()).isGreaterThanOrEqualTo(8);
      assertThat(plantedRecent - missed.size())
          .as(r.label() + "planted recent events found")
          .isGreaterThanOrEqualTo(plantedRecent / 2);
    }
  }

  @Test
  void evaluate_demo_levelShiftIsOneAlertAndHistoryRaisesNone() {
    for (Run r : RUNS) {
      AlertWindow window = new AlertWindow(LocalDate.ofInstant(r.now(), ZoneOffset.UTC));
      List<Alert> anomalies =
          r.alerts().stream().filter(a -> a.rule() == AlertRule.ANOMALY).toList();
      assertThat(anomalies).as(r.label()).isNotEmpty();
      assertThat(anomalies)
          .as(r.label() + "one anomaly alert per series: a level shift is one alert")
          .extracting(a -> a.subject().indicator() + "/" + a.subject().area())
          .doesNotHaveDuplicates();
      assertThat(r.alerts())
          .as(r.label() + "no finding older than the window")
          .allMatch(a -> a.rule() == AlertRule.KPI_DRIFT || window.contains(a.subject().period()));
      assertThat(r.alerts())
          .as(r.label() + "series counted from texts are not data-quality checked")
          .noneMatch(
              a ->
                  a.rule() == AlertRule.DATA_QUALITY
                      && a.subject().indicator().startsWith(TextSignals.PREFIX));
      assertThat(r.alerts())
          .as(r.label() + "reference data is not scanned")
          .noneMatch(a -> AlertService.REFERENCE_INDICATORS.contains(a.subject().indicator()));
      assertThat(r.alerts())
          .extracting(Alert::severity)
          .as(r.label() + "severity distinguishes findings")
          .contains(AlertSeverity.CRITICAL)
          .contains(AlertSeverity.WARNING);
    }
  }

  /** Starts at a fixed instant and moves one millisecond forward at every reading. */
  static final class SteppingClock extends Clock {
    private final Instant start;
    private final java.util.concurrent.atomic.AtomicLong readings =
        new java.util.concurrent.atomic.AtomicLong();

    SteppingClock(Instant start) {
      this.start = start;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException("The test clock is UTC only, asked for " + zone);
    }

    @Override
    public Instant instant() {
      return start.plusMillis(readings.getAndIncrement());
    }
  }

  /**
   * True when the alert names a spike, level shift, trend onset, gap, revision or KPI drift that
   * was planted.
   */
  static boolean planted(Alert a, Run r) {
    if (a.rule() == AlertRule.KPI_DRIFT) {
      return ProgrammeDemo.PLANTED_DRIFT.contains(a.subject().indicator());
    }
    if (a.subject().indicator().startsWith(TextSignals.PREFIX)) {
      // the corpus's burst: its month's count of texts, or of events coded in them, in the state
      DemoTexts.Burst b = r.burst();
      return a.rule() == AlertRule.ANOMALY
          && a.subject().area().equals(b.state())
          && a.subject().indicator().contains("_" + b.domain())
          && a.subject().period().equals(b.month().toString());
    }
    for (PlantedSeries s : r.truth()) {
      if (!sameSeries(a, s)) {
        continue;
      }
      if (a.subject().period().isEmpty()) {
        return a.rule() == AlertRule.DATA_QUALITY && !s.gaps().isEmpty();
      }
      Period at = Period.parse(a.subject().period());
      if (a.rule() == AlertRule.ANOMALY) {
        // the planted trend onset (one series) is a rise from its first month on
        return s.allShocks().stream().anyMatch(k -> matches(k, at))
            || s.trendOnset().map(o -> at.compareTo(o) >= 0).orElse(false);
      }
      return s.gaps().contains(at) || s.revised().contains(at);
    }
    return false;
  }

  /**
   * A spike is found at its month; a level shift in one of its first three months (a shift of
   * factor 1.6 in a small count series may need more than one month to stand out).
   */
  static boolean matches(PlantedShock k, Period at) {
    long after = k.period().until(at);
    return k.kind() == ShockKind.SPIKE ? after == 0 : after >= 0 && after <= 2;
  }

  private static boolean sameSeries(Alert a, PlantedSeries s) {
    return s.indicator().equals(a.subject().indicator()) && s.area().equals(a.subject().area());
  }
}

package org.vigil.app.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.vigil.model.Classification;
import org.vigil.model.Ownership;
import org.vigil.model.alert.Alert;
import org.vigil.model.alert.AlertSeverity;
import org.vigil.timeseries.Period;

/** The anomaly rule on hand-made series: what is new raises one alert, history raises none. */
class AnomalyRuleTest {
  private static final Instant NOW = Instant.parse("2026-01-20T10:00:00Z");
  private static final AlertWindow WINDOW = new AlertWindow(LocalDate.parse("2026-01-20"));
  private static final Ownership OWNER = Ownership.of("KAZ-SC", Classification.SHARED);
  private static final AnomalyRule RULE = new AnomalyRule(WINDOW, NOW);

  /** Levels near 100 with 3% noise, 2015-01 .. 2025-12, times a factor from a month on. */
  private static TreeMap<Period, Double> series(Period from, double factor, Period until) {
    SplittableRandom r = new SplittableRandom(7);
    TreeMap<Period, Double> out = new TreeMap<>();
    for (Period p = Period.month(2015, 1);
        p.compareTo(Period.month(2025, 12)) <= 0;
        p = p.plus(1)) {
      double f = p.compareTo(from) >= 0 && p.compareTo(until) <= 0 ? factor : 1;
      out.put(p, Math.round(100 * f * (1 + 0.03 * r.nextGaussian()) * 100) / 100.0);
    }
    return out;
  }

  private static List<Alert> alerts(TreeMap<Period, Double> s) {
    return RULE.alerts("X", "KAZ", "ECONOMIC", s, OWNER);
  }

  @Test
  void alerts_levelShiftInTheWindow_isOneAlertFromItsFirstMonth() {
    List<Alert> a = alerts(series(Period.month(2025, 10), 1.8, Period.month(2025, 12)));

    assertThat(a).hasSize(1);
    assertThat(a.get(0).subject().period()).isEqualTo("2025-10");
    assertThat(a.get(0).evidence())
        .containsEntry("periods", "3")
        .containsEntry("kind", "LEVEL_SHIFT");
    assertThat(a.get(0).severity()).isEqualTo(AlertSeverity.CRITICAL);
    assertThat(a.get(0).ownership()).isEqualTo(OWNER);
    assertThat(a.get(0).messageEn())
        .startsWith("Level shift: X in KAZ unusually high since 2025-10");
    assertThat(a.get(0).messageRu()).startsWith("Сдвиг уровня: X (KAZ) необычно высок с 2025-10");
  }

  @Test
  void alerts_levelShiftYearsAgo_raisesNothingNow() {
    assertThat(alerts(series(Period.month(2020, 3), 1.8, Period.month(2025, 12)))).isEmpty();
    assertThat(alerts(series(Period.month(2024, 3), 1.8, Period.month(2025, 12)))).isEmpty();
  }

  @Test
  void alerts_spikeInTheWindow_severityFromSizeAndRecency() {
    Period nov = Period.month(2025, 11);
    Period dec = Period.month(2025, 12);
    List<Alert> latestLarge = alerts(series(dec, 2.0, dec));
    List<Alert> pastLarge = alerts(series(nov, 2.0, nov));
    List<Alert> pastSmall = alerts(series(nov, 1.2, nov));

    assertThat(latestLarge)
        .singleElement()
        .satisfies(a -> assertSpike(a, dec, AlertSeverity.CRITICAL));
    assertThat(pastLarge)
        .singleElement()
        .satisfies(a -> assertSpike(a, nov, AlertSeverity.WARNING));
    assertThat(pastSmall).singleElement().satisfies(a -> assertSpike(a, nov, AlertSeverity.INFO));
  }

  private static void assertSpike(Alert a, Period at, AlertSeverity severity) {
    assertThat(a.subject().period()).isEqualTo(at.toString());
    assertThat(a.severity()).isEqualTo(severity);
    assertThat(a.evidence()).containsEntry("kind", "VALUE");
  }

  @Test
  void alerts_spikeBeforeTheWindow_orStaleSeries_raiseNothing() {
    Period sep = Period.month(2025, 9);
    assertThat(alerts(series(sep, 2.5, sep))).isEmpty();
    TreeMap<Period, Double> stale = series(Period.month(2023, 5), 2.5, Period.month(2023, 5));
    stale.tailMap(Period.month(2023, 6)).clear();
    assertThat(alerts(stale)).isEmpty();
  }

  @Test
  void severity_table() {
    assertThat(AnomalyRule.severity(2.0, true)).isEqualTo(AlertSeverity.CRITICAL);
    assertThat(AnomalyRule.severity(3.0, false)).isEqualTo(AlertSeverity.WARNING);
    assertThat(AnomalyRule.severity(1.1, true)).isEqualTo(AlertSeverity.WARNING);
    assertThat(AnomalyRule.severity(1.1, false)).isEqualTo(AlertSeverity.INFO);
  }

  @Test
  void window_monthlyQuarterlyYearly() {
    assertThat(WINDOW.contains(Period.month(2025, 10))).isTrue();
    assertThat(WINDOW.contains(Period.month(2025, 9))).isFalse();
    assertThat(WINDOW.contains(Period.month(2026, 2))).isFalse();
    assertThat(WINDOW.contains(Period.quarter(2025, 4))).isTrue();
    assertThat(WINDOW.contains(Period.quarter(2025, 3))).isFalse();
    assertThat(WINDOW.contains(Period.year(2025))).isTrue();
    assertThat(WINDOW.contains(Period.year(2016))).isFalse();
    assertThat(WINDOW.contains("")).isTrue();
    assertThat(WINDOW.contains("not a period")).isFalse();
    assertThatThrownBy(() -> new AlertWindow(null)).hasMessageContaining("today");
  }
}

package org.vigil.analytics.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.model.Classification;
import org.vigil.model.Observation;
import org.vigil.model.Ownership;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;

class QualityCheckerTest {
  private static final Ownership OWN = ownership();
  private static final Instant AS_OF = Instant.parse("2025-01-20T00:00:00Z");

  private static Ownership ownership() {
    return new Ownership("KAZ", Classification.SHARED, java.util.Set.of());
  }

  private static Observation obs(String ind, Period p, double v, long batch, Instant at) {
    return new Observation(ind, "KAZ", p, v, "", "", batch, at, OWN);
  }

  private static Instant onTime(Period p) {
    return p.end().plusDays(10).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
  }

  private static List<Observation> monthly(String ind, double base, int skip) {
    List<Observation> out = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      Period p = Period.month(2023, 1).plus(i);
      if (i != skip) {
        out.add(obs(ind, p, base + (i % 5), 1, onTime(p)));
      }
    }
    return out;
  }

  @Test
  void withinCountNoise_smallCountRevisionsOnly() {
    assertThat(QualityChecker.withinCountNoise(2, 1)).isTrue(); // "50%", but one event
    assertThat(QualityChecker.withinCountNoise(25, 34)).isTrue(); // 2 sqrt(25) = 10
    assertThat(QualityChecker.withinCountNoise(25, 36)).isFalse();
    assertThat(QualityChecker.withinCountNoise(30, 80)).isFalse();
    assertThat(QualityChecker.withinCountNoise(3.5, 1.5)).isFalse(); // a rate, not a count
  }

  @Test
  void check_missingMonthLateValueRevisionAndInconsistency_allReported() {
    List<Observation> total = monthly("TOTAL", 100, 5);
    List<Observation> partA = monthly("PART_A", 60, -1);
    List<Observation> partB = monthly("PART_B", 30, -1);
    Period p = Period.month(2023, 3);
    partB.add(obs("PART_B", p, 80, 2, onTime(p).plusSeconds(86400 * 5)));
    Period late = Period.month(2024, 12);
    total.removeIf(o -> o.period().equals(late));
    total.add(obs("TOTAL", late, 101, 3, Instant.parse("2025-01-19T00:00:00Z")));
    QualitySpec spec =
        QualitySpec.builder(AS_OF)
            .deadlineDays(15)
            .bounds("PART_A", 0, 63)
            .totalAtLeastSumOf("TOTAL", List.of("PART_A", "PART_B"), 0.0)
            .build();
    QualityReport r =
        QualityChecker.check(
            "KAZ",
            "crime",
            List.of(
                new QualityChecker.IndicatorHistory("TOTAL", Frequency.MONTHLY, total),
                new QualityChecker.IndicatorHistory("PART_A", Frequency.MONTHLY, partA),
                new QualityChecker.IndicatorHistory("PART_B", Frequency.MONTHLY, partB)),
            spec);

    assertThat(r.issues())
        .anyMatch(i -> i.rule() == QualityIssue.Rule.REVISION && i.period().equals("2023-03"));
    assertThat(r.issues())
        .anyMatch(i -> i.rule() == QualityIssue.Rule.CONSISTENCY && i.period().equals("2023-03"));
    assertThat(r.issues())
        .anyMatch(
            i -> i.rule() == QualityIssue.Rule.OUT_OF_BOUNDS && i.indicator().equals("PART_A"));
    assertThat(r.issues())
        .anyMatch(i -> i.rule() == QualityIssue.Rule.TIMELINESS && i.indicator().equals("TOTAL"));
    QualityReport.IndicatorQuality tq =
        r.indicators().stream().filter(q -> q.indicator().equals("TOTAL")).findFirst().get();
    assertThat(tq.expected()).isEqualTo(24);
    assertThat(tq.present()).isEqualTo(23);
    assertThat(tq.onTime()).isEqualTo(22);
    assertThat(r.completeness()).isLessThan(1.0);
  }

  @Test
  void check_periodNotYetDue_notCountedAsMissing() {
    Period p = Period.month(2024, 12);
    List<Observation> one = List.of(obs("X", p, 1, 1, onTime(p)));
    QualityReport r =
        QualityChecker.check(
            "KAZ",
            "d",
            List.of(new QualityChecker.IndicatorHistory("X", Frequency.MONTHLY, one)),
            QualitySpec.builder(Instant.parse("2025-01-05T00:00:00Z")).build());
    assertThat(r.indicators().get(0).expected()).isZero();
    assertThat(r.completeness()).isEqualTo(1.0);
  }

  @Test
  void check_weeklySeries_countsWeeksAndHoldsThemToTwoWeeks() {
    // 2024-W01..2024-W52 (AS_OF 2025-01-20): the weeks due by then are W01 to 2025-W01.
    List<Observation> weeks = new ArrayList<>();
    Period first = Period.week(2024, 1);
    for (int i = 0; i < 52; i++) {
      Period p = first.plus(i);
      if (i == 10) {
        continue; // one missing week
      }
      // the last week's value arrives 20 days after the week: late for a weekly series
      Instant at =
          i == 51
              ? p.end().plusDays(20).atStartOfDay().toInstant(java.time.ZoneOffset.UTC)
              : onTimeWeek(p);
      weeks.add(obs("W", p, 10 + (i % 3), 1, at));
    }
    QualityReport r =
        QualityChecker.check(
            "KAZ",
            "w",
            List.of(new QualityChecker.IndicatorHistory("W", Frequency.WEEKLY, weeks)),
            QualitySpec.builder(AS_OF).build());
    QualityReport.IndicatorQuality q = r.indicators().get(0);
    // 2025-W01 ends 2025-01-05 and is due 14 days later, not before AS_OF: 2024's 52 ISO weeks
    // are expected.
    assertThat(q.expected()).isEqualTo(52);
    assertThat(q.present()).isEqualTo(51);
    assertThat(q.onTime()).isEqualTo(50); // W52's value came 20 days after its week: late
  }

  private static Instant onTimeWeek(Period p) {
    return p.end().plusDays(3).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
  }
}

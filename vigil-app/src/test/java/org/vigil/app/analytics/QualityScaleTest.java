package org.vigil.app.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.analytics.quality.QualityIssue;
import org.vigil.analytics.quality.QualityReport;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.demo.DemoIndicators;
import org.vigil.model.AccessContext;
import org.vigil.model.Aggregation;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Classification;
import org.vigil.model.GroupMembership;
import org.vigil.model.Indicator;
import org.vigil.model.IngestBatch;
import org.vigil.model.Observation;
import org.vigil.model.Organisation;
import org.vigil.model.Ownership;
import org.vigil.model.Polarity;
import org.vigil.model.Role;
import org.vigil.model.ThreatDomain;
import org.vigil.model.ValueScale;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;

/**
 * The data-quality range rule reads each indicator's {@link ValueScale}: a ratio in percent above
 * 100 (the demo's water stress of 176.2%) is no finding, a share above 100 still is; and every
 * percentage indicator the demo defines is classified on purpose.
 */
class QualityScaleTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);
  private static final AccessContext KAZ = AccessContext.of("aigul", "KAZ-SC", Role.ANALYST);
  private static final Indicator SHARE =
      new Indicator(
          "TEST_RESERVOIR_SHARE",
          "Reservoir storage, share of capacity",
          "Наполнение водохранилища, доля ёмкости",
          ThreatDomain.WATER,
          "% of capacity",
          Frequency.YEARLY,
          "",
          Polarity.RISE_IS_GOOD,
          Aggregation.MEAN,
          "test",
          true);
  private static Vigil vigil;

  @BeforeAll
  static void seed() {
    vigil =
        Vigil.open(VigilConfig.h2InMemory("quality-scale-" + System.nanoTime()).withClock(CLOCK));
    AccessContext sys = AccessContext.system();
    var ref = vigil.reference();
    ref.saveArea(sys, new Area("CIS", AreaKind.GROUP, "CIS region", "Регион СНГ", "", ""));
    ref.saveArea(sys, new Area("KAZ", AreaKind.COUNTRY, "Kazakhstan", "Казахстан", "KZ", "398"));
    ref.saveMembership(
        sys,
        new GroupMembership("CIS", "KAZ", LocalDate.of(1991, 12, 21), LocalDate.of(9999, 12, 31)));
    ref.saveOrganisation(sys, new Organisation("KAZ-SC", "KAZ council", "совет KAZ", "KAZ", false));
    Indicator stress =
        DemoIndicators.water().stream()
            .filter(i -> i.code().equals("WATER_STRESS"))
            .findFirst()
            .orElseThrow();
    ref.saveIndicator(sys, stress);
    ref.saveIndicator(sys, SHARE);
    // The demo's over-drawn basin: 176.2% in the last year; the share's last year is 130%.
    append("WATER_STRESS", new double[] {150.4, 158.9, 163.0, 170.7, 176.2});
    append(SHARE.code(), new double[] {61.0, 64.5, 58.2, 70.1, 130.0});
  }

  private static void append(String indicator, double[] values) {
    List<Observation> obs = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      obs.add(
          new Observation(
              indicator,
              "KAZ",
              Period.year(2021 + i),
              values[i],
              "",
              "test",
              0,
              Instant.EPOCH,
              Ownership.of("KAZ-SC", Classification.SHARED)));
    }
    vigil
        .observations()
        .append(
            AccessContext.system(),
            new IngestBatch(
                0,
                "system",
                "KAZ-SC",
                CLOCK.instant(),
                indicator + ".csv",
                "sha-" + indicator,
                "long-csv",
                values.length,
                0,
                0),
            obs);
  }

  @AfterAll
  static void close() {
    vigil.close();
  }

  private static List<QualityIssue> outOfBounds(String indicator) {
    List<QualityIssue> out = new ArrayList<>();
    for (QualityReport r : new QualityService(vigil).quality(KAZ, Optional.of("KAZ"))) {
      for (QualityIssue i : r.issues()) {
        if (i.rule() == QualityIssue.Rule.OUT_OF_BOUNDS && i.indicator().equals(indicator)) {
          out.add(i);
        }
      }
    }
    return out;
  }

  @Test
  void waterStress_ratioInPercentAbove100_noRangeFinding() {
    assertThat(vigil.reference().indicator(KAZ, "WATER_STRESS").orElseThrow().scale())
        .isEqualTo(ValueScale.PERCENT_RATIO);
    assertThat(outOfBounds("WATER_STRESS")).isEmpty();
  }

  @Test
  void shareAt130_stillARangeFinding() {
    assertThat(vigil.reference().indicator(KAZ, SHARE.code()).orElseThrow().scale())
        .isEqualTo(ValueScale.SHARE);
    List<QualityIssue> found = outOfBounds(SHARE.code());
    assertThat(found).hasSize(1);
    assertThat(found.get(0).period()).isEqualTo("2025");
    assertThat(found.get(0).message()).contains("130");
  }

  @Test
  void everyPercentIndicatorOfTheDemo_isClassified() {
    Map<String, ValueScale> found = new TreeMap<>();
    List<Indicator> all = new ArrayList<>();
    all.addAll(DemoIndicators.real());
    all.addAll(DemoIndicators.synthetic());
    all.addAll(DemoIndicators.water());
    for (Indicator i : all) {
      if (ValueScale.percent(i.unit())) {
        found.put(i.code(), i.scale());
      } else {
        assertThat(i.scale()).as(i.code()).isEqualTo(ValueScale.OTHER);
      }
    }
    // Military spending is a part of GDP, the supply deficit a part of demand, storage a part of
    // capacity: shares. Withdrawal over renewable water is a ratio of two volumes.
    assertThat(found)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "MILITARY_EXPENDITURE_GDP", ValueScale.SHARE,
                "DEMO_WATER_DEFICIT", ValueScale.SHARE,
                "WATER_STRESS", ValueScale.PERCENT_RATIO,
                "RESERVOIR_LEVEL", ValueScale.SHARE));
  }
}

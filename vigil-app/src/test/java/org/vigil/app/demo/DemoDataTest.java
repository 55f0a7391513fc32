package org.vigil.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.model.AccessContext;
import org.vigil.model.Indicator;
import org.vigil.model.Observation;
import org.vigil.model.ThreatDomain;
import org.vigil.timeseries.Period;

class DemoDataTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void load_freshDatabase_loadsEverythingOnceAndQuickly() {
    try (Vigil vigil =
        Vigil.open(VigilConfig.h2InMemory("demo-" + System.nanoTime()).withClock(CLOCK))) {
      long start = System.nanoTime();
      DemoData.LoadResult first = DemoData.load(vigil);
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(first.alreadyLoaded()).isFalse();
      // Generous: about 10 s on an idle 2-core machine, far more while other builds share it.
      assertThat(seconds).as("load time in seconds").isLessThan(90);
      assertThat(first.spec().last()).hasToString("2026-10");
      assertThat(first.users()).isEqualTo(DemoData.users().size());
      assertThat(first.events()).isGreaterThan(100);
      AccessContext sys = AccessContext.system();
      assertThat(vigil.reference().areas(sys)).hasSizeGreaterThan(240);
      assertThat(vigil.reference().area(sys, "RUS").orElseThrow().nameRu()).isEqualTo("Россия");
      assertThat(vigil.reference().members(sys, "CIS", java.time.LocalDate.of(2020, 1, 1)))
          .containsExactlyInAnyOrder(
              "ARM", "AZE", "BLR", "KAZ", "KGZ", "MDA", "RUS", "TJK", "TKM", "UZB");
      assertThat(vigil.reference().members(sys, "CIS", java.time.LocalDate.of(2005, 1, 1)))
          .contains("GEO", "UKR");
      List<Observation> pop =
          vigil.observations().series(AccessContext.anonymous(), "POPULATION", "RUS");
      assertThat(pop).hasSize(28);
      assertThat(pop.get(0).value()).isBetween(140.0, 155.0);
      List<Observation> s =
          vigil.observations().series(sys, "DEMO_DRUG_TRAFFICKING_OFFENCES", "KAZ");
      assertThat(s.size()).isGreaterThan(130);
      assertThat(
              vigil
                  .observations()
                  .vintages(sys, "DEMO_DRUG_TRAFFICKING_OFFENCES", "KAZ", Period.month(2026, 10)))
          .hasSize(2)
          .satisfies(v -> assertThat(v.get(0).flags()).isEqualTo("P"));
      for (ThreatDomain d : ThreatDomain.values()) {
        assertThat(vigil.reference().indicators(sys))
            .as("a synthetic indicator for " + d)
            .anyMatch(i -> i.domain() == d && i.synthetic());
      }
      // Each state's council submitted its own series: two batches each in its history, a third,
      // the water indicators, for a state on a shared basin (Kazakhstan: the Syr Darya), and a
      // fourth, the weekly and daily series, for the two states that report them (KAZ, TJK), and a
      // fifth, the region series, for the same two states.
      var kaz =
          vigil.observations().batches(sys).stream()
              .filter(b -> b.organisation().equals("KAZ-SC"))
              .map(b -> b.sourceFile())
              .toList();
      assertThat(kaz)
          .containsExactlyInAnyOrder(
              DemoData.FIRST_RELEASE_FILE,
              DemoData.REVISION_FILE,
              DemoWater.FILE,
              DemoData.HIGH_FREQUENCY_FILE,
              DemoRegional.FILE);
      assertThat(
              vigil.observations().batches(sys).stream()
                  .filter(b -> b.organisation().equals("ARM-SC"))
                  .map(b -> b.sourceFile()))
          .containsExactlyInAnyOrder(DemoData.FIRST_RELEASE_FILE, DemoData.REVISION_FILE);
      // The synthetic corpus went through the text pipeline; its planted burst is a series and
      // the alert rules find it.
      assertThat(first.texts()).isGreaterThan(300);
      List<Observation> burst =
          vigil
              .observations()
              .series(sys, "TEXT_DOCS_DRUG_TRAFFICKING", "TJK", "SECRETARIAT", Instant.MAX);
      Observation lastMonth = burst.get(burst.size() - 1);
      assertThat(lastMonth.period()).isEqualTo(Period.month(2026, 10));
      assertThat(lastMonth.value()).isGreaterThanOrEqualTo(50);
      assertThat(burst.subList(burst.size() - 24, burst.size() - 1))
          .allMatch(o -> o.value() >= 1 && o.value() <= 3);
      assertThat(vigil.reference().indicator(sys, "TEXT_DOCS_DRUG_TRAFFICKING").orElseThrow())
          .satisfies(i -> assertThat(i.synthetic()).isTrue());
      new org.vigil.app.alert.AlertService(vigil).evaluate(sys);
      assertThat(
              new org.vigil.app.alert.AlertService(vigil)
                  .list(sys, org.vigil.model.alert.AlertQuery.all()))
          .anyMatch(
              a ->
                  a.subject().indicator().equals("TEXT_DOCS_DRUG_TRAFFICKING")
                      && a.subject().area().equals("TJK")
                      && a.subject().period().equals("2026-10"));
      long rows = vigil.observations().count(sys);
      DemoData.LoadResult second = DemoData.load(vigil);
      assertThat(second.alreadyLoaded()).isTrue();
      // An interrupted load resumes without duplicating events or documents.
      assertThat(DemoData.addEvents(vigil, first.spec())).isZero();
      assertThat(DemoData.addDocuments(vigil)).isZero();
      assertThat(DemoData.addTexts(vigil, first.spec())).isZero();
      assertThat(second.referenceAdded()).isZero();
      assertThat(vigil.observations().count(sys)).isEqualTo(rows);
    }
  }

  @Test
  void groundTruth_isStableAndPlantsTrendsInAboutHalf() {
    List<PlantedSeries> truth = DemoData.groundTruth();
    assertThat(truth).isEqualTo(DemoData.groundTruth());
    assertThat(truth).hasSize(11 * 10 + 4);
    long trends = truth.stream().filter(PlantedSeries::trendPlanted).count();
    assertThat(trends).isBetween(40L, 75L);
    assertThat(truth.stream().filter(p -> !p.shocks().isEmpty()).count()).isGreaterThan(20);
    assertThat(truth.stream().filter(p -> !p.gaps().isEmpty()).count()).isGreaterThan(10);
    assertThat(truth)
        .allSatisfy(p -> assertThat(p.trendPlanted() == (p.trendPerYear() != 0)).isTrue());
  }

  @Test
  void groundTruth_doesNotDependOnTheEndMonth() {
    DemoSpec later =
        new DemoSpec(DemoSpec.DEFAULT_SEED, DemoSpec.FIRST, java.time.YearMonth.of(2026, 10));
    List<GeneratedSeries> a = DemoData.series(DemoSpec.DEFAULT);
    List<GeneratedSeries> b = DemoData.series(later);
    for (int i = 0; i < a.size(); i++) {
      PlantedSeries x = a.get(i).truth();
      PlantedSeries y = b.get(i).truth();
      assertThat(y.shocks()).isEqualTo(x.shocks());
      assertThat(y.gaps()).isEqualTo(x.gaps());
      assertThat(y.trendPerYear()).isEqualTo(x.trendPerYear());
      if (x.trendOnset().isPresent()) {
        // the planted onset is placed by the end month, like the recent events
        assertThat(x.trendOnset()).contains(Period.month(2024, 1));
        assertThat(y.trendOnset()).contains(Period.month(2024, 11));
        continue;
      }
      assertThat(b.get(i).values().get(Period.month(2024, 6)))
          .isEqualTo(a.get(i).values().get(Period.month(2024, 6)));
    }
  }

  @Test
  void series_plantedTrend_showsInTheData() {
    // A strong planted trend moves the mean of the last two years away from the first two years.
    for (GeneratedSeries s : DemoData.series(DemoSpec.DEFAULT)) {
      PlantedSeries t = s.truth();
      if (!t.trendPlanted()
          || Math.abs(t.trendPerYear()) < 0.06
          || !t.shocks().isEmpty()
          || t.base() < 50) {
        continue;
      }
      double early = mean(s, 2015, 2016);
      double late = mean(s, 2024, 2025);
      assertThat(Math.signum(late - early))
          .as(t.indicator() + "/" + t.area())
          .isEqualTo(Math.signum(t.trendPerYear()));
    }
  }

  @Test
  void syntheticIndicators_areMarkedSynthetic() {
    assertThat(DemoIndicators.synthetic()).allMatch(Indicator::synthetic);
    assertThat(DemoIndicators.real()).noneMatch(Indicator::synthetic);
  }

  private static double mean(GeneratedSeries s, int fromYear, int toYear) {
    return s.values().entrySet().stream()
        .filter(e -> e.getKey().year() >= fromYear && e.getKey().year() <= toYear)
        .mapToDouble(java.util.Map.Entry::getValue)
        .average()
        .orElseThrow();
  }
}

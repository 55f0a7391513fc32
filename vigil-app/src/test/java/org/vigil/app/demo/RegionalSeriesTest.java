package org.vigil.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.area.RegionTotal;
import org.vigil.app.area.RegionTotals;
import org.vigil.app.forecast.RegionalForecasts;
import org.vigil.app.ingest.IngestProgress;
import org.vigil.app.ingest.IngestRequest;
import org.vigil.app.ingest.IngestResult;
import org.vigil.app.ingest.IngestService;
import org.vigil.ingest.IngestFormat;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Classification;
import org.vigil.model.InvalidInputException;
import org.vigil.model.NotFoundException;
import org.vigil.model.Observation;
import org.vigil.model.Role;
import org.vigil.timeseries.Period;

/**
 * Region-level series: the demo's, the access rules on them (a region belongs to its state), ingest
 * of region codes, and a state's figure made of its regions with what it covers.
 */
class RegionalSeriesTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);
  private static final AccessContext KAZ_ANALYST =
      AccessContext.of("kaz.analyst", "KAZ-SC", Role.ANALYST);
  private static final AccessContext RUS_ANALYST =
      AccessContext.of("rus.analyst", "RUS-SC", Role.ANALYST);
  private static final AccessContext KAZ_STEWARD =
      AccessContext.of("kaz.steward", "KAZ-SC", Role.DATA_STEWARD);
  private static final AccessContext RUS_STEWARD =
      AccessContext.of("rus.steward", "RUS-SC", Role.DATA_STEWARD);
  private static final String IND = DemoRegional.INDICATOR;
  private static final String OTHER = "DEMO_DRUG_TRAFFICKING_OFFENCES";
  private static Vigil vigil;
  private static List<Observation> demo;

  @BeforeAll
  static void open() {
    vigil = Vigil.open(VigilConfig.h2InMemory("regional-" + System.nanoTime()).withClock(CLOCK));
    DemoReference.ensure(vigil);
    DemoReference.ensureIndicators(vigil, DemoRegional.indicators());
    DemoReference.ensureIndicators(vigil, DemoIndicators.synthetic());
    demo =
        DemoRegional.observations(
            DemoSpec.endingBefore(CLOCK.instant().atZone(ZoneOffset.UTC).toLocalDate()));
    DemoData.appendByOwner(vigil, DemoRegional.FILE, demo);
  }

  @AfterAll
  static void close() {
    vigil.close();
  }

  @Test
  void demo_kazakhstanReports13Regions_oneNational_tajikistanAll5() {
    Map<String, Classification> kaz = new TreeMap<>();
    demo.stream()
        .filter(o -> o.area().startsWith("KZ-"))
        .forEach(o -> kaz.put(o.area(), o.ownership().classification()));
    assertThat(kaz).hasSize(13);
    assertThat(kaz.values().stream().filter(c -> c == Classification.NATIONAL)).hasSize(1);
    assertThat(
            demo.stream().filter(o -> o.area().startsWith("TJ-")).map(Observation::area).distinct())
        .hasSize(5);
    assertThat(demo).allMatch(o -> o.value() >= 0 && o.value() == Math.rint(o.value()));
  }

  @Test
  void nationalRegionSeries_readByItsState_notByAnotherStatesAnalyst() {
    String national = nationalRegion();
    assertThat(vigil.observations().series(KAZ_ANALYST, IND, national))
        .hasSize(DemoRegional.MONTHS);
    assertThat(vigil.observations().series(RUS_ANALYST, IND, national)).isEmpty();
    assertThat(vigil.observations().series(AccessContext.anonymous(), IND, national)).isEmpty();
    assertThat(vigil.observations().latestByIndicator(RUS_ANALYST, IND, Instant.MAX))
        .noneMatch(o -> o.area().equals(national));
    // A SHARED region series is read by every member.
    assertThat(vigil.observations().series(RUS_ANALYST, IND, "KZ-AKM"))
        .hasSize(DemoRegional.MONTHS);
  }

  @Test
  void total_saysWhatItCovers_andHoldsNoValueTheReaderMayNotRead() {
    RegionTotals totals = RegionTotals.create(vigil);
    RegionTotal rus = totals.total(RUS_ANALYST, IND, "KAZ");
    RegionTotal kaz = totals.total(KAZ_ANALYST, IND, "KAZ");
    assertThat(rus.coverage("en")).isEqualTo("12 of 20 regions");
    assertThat(rus.coverage("ru")).isEqualTo("12 из 20 регионов");
    assertThat(kaz.coverage("en")).isEqualTo("13 of 20 regions");
    assertThat(rus.covered()).doesNotContain(nationalRegion());
    Period last = rus.points().get(rus.points().size() - 1).period();
    double shared = sum(last, Classification.SHARED);
    double all = shared + sum(last, Classification.NATIONAL);
    assertThat(rus.points().get(rus.points().size() - 1).value()).isEqualTo(shared);
    assertThat(kaz.points().get(kaz.points().size() - 1).value()).isEqualTo(all);
    // One number for everyone who may read the same regions.
    assertThat(totals.total(AccessContext.of("arm.viewer", "ARM-SC", Role.VIEWER), IND, "KAZ"))
        .isEqualTo(rus);
    assertThat(totals.total(RUS_ANALYST, IND, "TJK").coverage("en")).isEqualTo("5 of 5 regions");
  }

  @Test
  void unknownIndicator_isNotFound_inTotalsAndRegionalForecasts_alike() {
    assertThatThrownBy(() -> RegionTotals.create(vigil).total(RUS_ANALYST, "NO_SUCH", "KAZ"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Unknown indicator 'NO_SUCH': list them with ./vigil indicators");
    assertThatThrownBy(
            () -> RegionalForecasts.create(vigil).forecast(RUS_ANALYST, "NO_SUCH", "CIS", 3))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Unknown indicator 'NO_SUCH': list them with ./vigil indicators");
  }

  @Test
  void total_ofAnIndicatorThatDoesNotAddUp_isRefused() {
    assertThatThrownBy(
            () -> RegionTotals.create(vigil).total(RUS_ANALYST, "VIOLENT_DEATH_RATE", "KAZ"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("aggregates by");
  }

  @Test
  void ingest_regionCodesOfTheOwnState_areStored_anotherStatesRegionIsRefused() {
    String csv =
        "indicator,area,period,value\n"
            + OTHER
            + ",KZ-ZHA,2026-01,4\n"
            + OTHER
            + ",kz-zha,2026-02,5\n";
    IngestResult r = ingest(KAZ_STEWARD, "kz-regions.csv", csv);
    assertThat(r.batch().rowsAdded()).isEqualTo(2);
    assertThat(vigil.observations().series(KAZ_ANALYST, OTHER, "KZ-ZHA")).hasSize(2);
    assertThatThrownBy(() -> ingest(RUS_STEWARD, "ru-about-kz.csv", csv))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("may not report values for area KZ-ZHA")
        .hasMessageContaining("and their regions and districts");
  }

  @Test
  void ingest_unknownRegion_isRejectedNamingLineAndField() {
    String csv =
        "indicator,area,period,value\n"
            + OTHER
            + ",KZ-AKM,2026-03,4\n"
            + OTHER
            + ",KZ-XYZ,2026-03,5\n";
    assertThatThrownBy(() -> ingest(KAZ_STEWARD, "bad-region.csv", csv))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bad-region.csv line 3, field area")
        .hasMessageContaining("KZ-XYZ")
        .hasMessageContaining("region");
    assertThat(vigil.observations().series(KAZ_ANALYST, OTHER, "KZ-AKM")).isEmpty();
  }

  private static IngestResult ingest(AccessContext as, String name, String csv) {
    byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
    return new IngestService(vigil)
        .ingest(
            as,
            name,
            new ByteArrayInputStream(bytes),
            bytes.length,
            IngestRequest.builder(IngestFormat.LONG_CSV, as.organisation(), Classification.SHARED)
                .build(),
            IngestProgress.NONE);
  }

  private static String nationalRegion() {
    return demo.stream()
        .filter(o -> o.ownership().classification() == Classification.NATIONAL)
        .findFirst()
        .orElseThrow()
        .area();
  }

  private static double sum(Period p, Classification c) {
    return demo.stream()
        .filter(o -> o.area().startsWith("KZ-") && o.period().equals(p))
        .filter(o -> o.ownership().classification() == c)
        .mapToDouble(Observation::value)
        .sum();
  }
}

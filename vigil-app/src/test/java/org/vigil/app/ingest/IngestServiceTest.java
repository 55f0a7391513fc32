package org.vigil.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.ingest.IngestFormat;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Classification;
import org.vigil.model.InvalidInputException;
import org.vigil.model.Observation;
import org.vigil.model.Role;
import org.vigil.model.ThreatDomain;
import org.vigil.store.StoreFixtures;

class IngestServiceTest {
  private static final String RATE = "Death rate from all forms of violence (IHME (2016))";
  private static final String GOOD =
      "Entity,Year,Total deaths,"
          + RATE
          + "\n"
          + "Armenia,1990,172,4.82\n"
          + "Russia,1990,30000,21.5\n"
          + "Russia,1991,31000,22.0\n"
          + "World,1990,1,2\n";
  private static final String ONE_BAD_ROW =
      "Entity,Year,Total deaths,"
          + RATE
          + "\n"
          + "Kazakhstan,1990,172,4.82\n"
          + "Kazakhstan,1991,30000,n/a\n"
          + "Belarus,1991,31000,22.0\n";
  private static final AccessContext SYSTEM = AccessContext.system();

  private Vigil vigil;
  private IngestService service;

  @BeforeEach
  void open() {
    vigil = Vigil.open(VigilConfig.h2InMemory("ingest-" + System.nanoTime()));
    SmallReference.save(vigil);
    service = new IngestService(vigil);
  }

  @AfterEach
  void close() {
    vigil.close();
  }

  private IngestResult ingest(String name, String text, IngestRequest request) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return service.ingest(
        SYSTEM, name, new ByteArrayInputStream(bytes), bytes.length, request, IngestProgress.NONE);
  }

  private static IngestRequest owid(String indicator) {
    return IngestRequest.builder(IngestFormat.OWID, "SECRETARIAT", Classification.PUBLIC)
        .column(RATE)
        .indicator(indicator)
        .build();
  }

  @Test
  void ingest_owidFile_storesOneBatchWithChecksum() {
    IngestResult r = ingest("cis.csv", GOOD, owid("VIOLENT_DEATH_RATE"));
    assertThat(r.batch().rowsAdded()).isEqualTo(3);
    assertThat(r.batch().id()).isPositive();
    assertThat(r.sha256()).hasSize(64);
    assertThat(r.read().skipped()).hasSize(1);
    List<Observation> rus =
        vigil.observations().series(AccessContext.anonymous(), "VIOLENT_DEATH_RATE", "RUS");
    assertThat(rus).extracting(Observation::value).containsExactly(21.5, 22.0);
    assertThat(vigil.observations().batches(SYSTEM))
        .anySatisfy(b -> assertThat(b.sha256()).isEqualTo(r.sha256()));
  }

  @Test
  void ingest_sameFileTwice_addsNothingTheSecondTime() throws Exception {
    ingest("cis.csv", GOOD, owid("VIOLENT_DEATH_RATE"));
    String before = StoreFixtures.dump(vigil.dataSource());
    IngestResult again = ingest("cis-copy.csv", GOOD, owid("VIOLENT_DEATH_RATE"));
    assertThat(again.alreadyLoaded()).isTrue();
    assertThat(again.batch().rowsAdded()).isZero();
    assertThat(StoreFixtures.dump(vigil.dataSource())).isEqualTo(before);
  }

  @Test
  void ingest_oneBadRow_failsNamingLineAndFieldAndLeavesDatabaseUnchanged() throws Exception {
    ingest("cis.csv", GOOD, owid("VIOLENT_DEATH_RATE"));
    String before = StoreFixtures.dump(vigil.dataSource());
    assertThatThrownBy(() -> ingest("bad.csv", ONE_BAD_ROW, owid("VIOLENT_DEATH_RATE")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("bad.csv line 3, field " + RATE + ": expected a number");
    assertThat(StoreFixtures.dump(vigil.dataSource())).isEqualTo(before);
  }

  @Test
  void ingest_badRowWithNewIndicator_createsNoIndicator() throws Exception {
    String before = StoreFixtures.dump(vigil.dataSource());
    IngestRequest request =
        IngestRequest.builder(IngestFormat.OWID, "SECRETARIAT", Classification.PUBLIC)
            .column(RATE)
            .indicator("NEW_RATE")
            .newIndicator(ThreatDomain.ORGANISED_CRIME, "per 100,000")
            .build();
    assertThatThrownBy(() -> ingest("bad.csv", ONE_BAD_ROW, request))
        .isInstanceOf(InvalidInputException.class);
    assertThat(StoreFixtures.dump(vigil.dataSource())).isEqualTo(before);
    IngestResult ok = ingest("good.csv", GOOD, request);
    assertThat(ok.createdIndicator()).isPresent();
    assertThat(vigil.reference().indicator(SYSTEM, "NEW_RATE")).isPresent();
  }

  @Test
  void ingest_keepGoodRows_storesGoodRowsAndReportsEveryRejection() {
    IngestRequest request =
        IngestRequest.builder(IngestFormat.OWID, "SECRETARIAT", Classification.PUBLIC)
            .column(RATE)
            .indicator("VIOLENT_DEATH_RATE")
            .keepGoodRows(true)
            .build();
    IngestResult r = ingest("bad.csv", ONE_BAD_ROW, request);
    assertThat(r.batch().rowsAdded()).isEqualTo(2);
    assertThat(r.batch().rowsRejected()).isEqualTo(1);
    assertThat(r.read().rejections())
        .singleElement()
        .satisfies(x -> assertThat(x.line()).isEqualTo(3));
  }

  @Test
  void ingest_viewerOfAnotherOrganisation_isDeniedAndWritesNothing() throws Exception {
    String before = StoreFixtures.dump(vigil.dataSource());
    AccessContext viewer = AccessContext.of("kaz.viewer", "KAZ-SC", Role.VIEWER);
    byte[] bytes = GOOD.getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                service.ingest(
                    viewer,
                    "cis.csv",
                    new ByteArrayInputStream(bytes),
                    bytes.length,
                    owid("VIOLENT_DEATH_RATE"),
                    IngestProgress.NONE))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(StoreFixtures.dump(vigil.dataSource())).isEqualTo(before);
  }

  @Test
  void ingest_reportsReadingAndWritingProgress() {
    List<String> stages = new ArrayList<>();
    AtomicInteger last = new AtomicInteger();
    byte[] bytes = GOOD.getBytes(StandardCharsets.UTF_8);
    service.ingest(
        SYSTEM,
        "cis.csv",
        new ByteArrayInputStream(bytes),
        bytes.length,
        owid("VIOLENT_DEATH_RATE"),
        (stage, done, total) -> {
          stages.add(stage);
          if (stage.equals("reading")) {
            last.set((int) done);
          }
        });
    assertThat(stages).contains("reading", "writing");
    assertThat(last.get()).isEqualTo(bytes.length);
  }

  @Test
  void ingest_restrictedWithSharedWith_isReadableByTheNamedOrganisationOnly() {
    IngestRequest request =
        IngestRequest.builder(IngestFormat.OWID, "SECRETARIAT", Classification.RESTRICTED)
            .sharedWith(java.util.Set.of("KAZ-SC"))
            .column(RATE)
            .indicator("VIOLENT_DEATH_RATE")
            .build();
    ingest("cis.csv", GOOD, request);
    AccessContext kaz = AccessContext.of("kaz.viewer", "KAZ-SC", Role.VIEWER);
    AccessContext other = AccessContext.of("rus.viewer", "RUS-SC", Role.VIEWER);
    assertThat(vigil.observations().series(kaz, "VIOLENT_DEATH_RATE", "RUS")).hasSize(2);
    assertThat(vigil.observations().series(other, "VIOLENT_DEATH_RATE", "RUS")).isEmpty();
  }

  private static final String STRESS =
      "Entity,Code,Year,Scale,Water stress\n"
          + "Kazakhstan,KAZ,2019,PERCENT_RATIO,98.5\n"
          + "Kazakhstan,KAZ,2020,PERCENT_RATIO,130.5\n";

  private static IngestRequest newPercent(String code) {
    return IngestRequest.builder(IngestFormat.OWID, "SECRETARIAT", Classification.PUBLIC)
        .indicator(code)
        .newIndicator(ThreatDomain.WATER, "%")
        .build();
  }

  @Test
  void ingest_newPercentIndicator_takesTheScaleTheFileDeclares() {
    IngestResult r = ingest("stress.csv", STRESS, newPercent("NEW_STRESS"));
    assertThat(r.createdIndicator())
        .hasValueSatisfying(
            i -> assertThat(i.scale()).isEqualTo(org.vigil.model.ValueScale.PERCENT_RATIO));
    assertThat(vigil.reference().indicator(SYSTEM, "NEW_STRESS").orElseThrow().scale())
        .isEqualTo(org.vigil.model.ValueScale.PERCENT_RATIO);
  }

  @Test
  void ingest_newPercentIndicator_withoutScale_isAShareAsBefore() {
    IngestResult r =
        ingest(
            "stress.csv",
            "Entity,Code,Year,Water stress\nKazakhstan,KAZ,2020,30.5\n",
            newPercent("NEW_SHARE"));
    assertThat(r.createdIndicator().orElseThrow().scale())
        .isEqualTo(org.vigil.model.ValueScale.SHARE);
  }

  @Test
  void ingest_unknownScale_failsNamingFileLineAndField_andCreatesNothing() throws Exception {
    String before = StoreFixtures.dump(vigil.dataSource());
    assertThatThrownBy(
            () ->
                ingest(
                    "stress.csv",
                    STRESS.replace("2020,PERCENT_RATIO", "2020,ratio of two"),
                    newPercent("NEW_STRESS")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("stress.csv line 3, field Scale: expected a scale: SHARE")
        .hasMessageContaining("found 'ratio of two'");
    assertThat(StoreFixtures.dump(vigil.dataSource())).isEqualTo(before);
  }

  @Test
  void ingest_ratioScaleForANonPercentUnit_failsNamingWhere() {
    IngestRequest perPerson =
        IngestRequest.builder(IngestFormat.OWID, "SECRETARIAT", Classification.PUBLIC)
            .indicator("NEW_PER_PERSON")
            .newIndicator(ThreatDomain.WATER, "m3 per person")
            .build();
    assertThatThrownBy(() -> ingest("stress.csv", STRESS, perPerson))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("stress.csv line 2, field Scale: ")
        .hasMessageContaining("PERCENT_RATIO");
    assertThat(vigil.reference().indicator(SYSTEM, "NEW_PER_PERSON")).isEmpty();
  }

  @Test
  void ingest_scaleOtherThanADefinedIndicators_isRefused() {
    ingest("stress.csv", STRESS, newPercent("NEW_STRESS"));
    IngestRequest again =
        IngestRequest.builder(IngestFormat.OWID, "SECRETARIAT", Classification.PUBLIC)
            .indicator("NEW_STRESS")
            .build();
    assertThatThrownBy(() -> ingest("share.csv", STRESS.replace("PERCENT_RATIO", "SHARE"), again))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "share.csv line 2, field Scale: expected the scale of the defined indicator NEW_STRESS"
                + " (PERCENT_RATIO), found SHARE; a data file does not change a defined"
                + " indicator's scale: leave the Scale column out or empty, or write PERCENT_RATIO");
  }
}

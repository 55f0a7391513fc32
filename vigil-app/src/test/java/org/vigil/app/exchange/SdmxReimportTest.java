package org.vigil.app.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.demo.DemoIndicators;
import org.vigil.app.ingest.IngestProgress;
import org.vigil.app.ingest.IngestRequest;
import org.vigil.app.ingest.IngestResult;
import org.vigil.app.ingest.IngestService;
import org.vigil.app.ingest.SmallReference;
import org.vigil.ingest.IngestFormat;
import org.vigil.ingest.SdmxDataflow;
import org.vigil.ingest.SdmxWriter;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Classification;
import org.vigil.model.Observation;
import org.vigil.model.Role;
import org.vigil.store.TestClock;

/**
 * Importing an export back: identical values add nothing and are counted as unchanged, a changed
 * value adds a vintage and keeps the old one, the importer's organisation owns what it imports, and
 * nobody imports into another owner's series.
 */
class SdmxReimportTest {
  private static final AccessContext SYSTEM = AccessContext.system();
  private static final AccessContext KAZ_STEWARD =
      AccessContext.of("kaz.steward", "KAZ-SC", Role.DATA_STEWARD);
  private static final String DATA =
      "indicator,area,period,value,flags\n"
          + "VIOLENT_DEATHS,KAZ,2019,1083,\n"
          + "VIOLENT_DEATHS,KAZ,2020,1000,P\n"
          + "VIOLENT_DEATHS,KAZ,2021,990,E\n";

  private final TestClock clock = new TestClock(Instant.parse("2026-04-01T09:00:00Z"));
  private Vigil vigil;

  @BeforeEach
  void open() {
    vigil = Vigil.open(VigilConfig.h2InMemory("reimport-" + System.nanoTime()).withClock(clock));
    SmallReference.save(vigil);
    DemoIndicators.synthetic().forEach(i -> vigil.reference().saveIndicator(SYSTEM, i));
    ingest(SYSTEM, "first.csv", DATA, IngestFormat.LONG_CSV, "SECRETARIAT", false);
    clock.advance(Duration.ofDays(1));
  }

  @AfterEach
  void close() {
    vigil.close();
  }

  private IngestResult ingest(
      AccessContext ctx,
      String name,
      String text,
      IngestFormat format,
      String owner,
      boolean reclassify) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    IngestRequest r =
        IngestRequest.builder(format, owner, Classification.NATIONAL)
            .reclassify(reclassify)
            .build();
    return new IngestService(vigil)
        .ingest(ctx, name, new ByteArrayInputStream(bytes), bytes.length, r, IngestProgress.NONE);
  }

  private String export(SdmxWriter.Format format) {
    StringWriter out = new StringWriter();
    SeriesSelection s =
        new SeriesSelection(
            List.of("VIOLENT_DEATHS"),
            List.of("KAZ"),
            Optional.empty(),
            Optional.empty(),
            Instant.MAX,
            false);
    new ExchangeService(vigil).export(SYSTEM, s, SdmxDataflow.INDICATORS, format, out);
    return out.toString();
  }

  /**
   * Every stored vintage and batch (reads are audited, so a dump of every table would change with
   * the checks themselves).
   */
  private String stored() {
    return vintages().stream()
            .map(
                o ->
                    o.area() + o.period() + "=" + o.value() + o.flags() + o.ownership() + o.batch())
            .toList()
        + " "
        + vigil.observations().batches(SYSTEM).size()
        + " "
        + vigil.observations().count(SYSTEM);
  }

  private List<Observation> vintages() {
    return vigil.observations().history(SYSTEM, "VIOLENT_DEATHS", Instant.MAX);
  }

  @Test
  void reimport_identicalValues_addsNothingAndSaysUnchanged_evenUnderAnotherClassification() {
    String before = stored();
    for (SdmxWriter.Format f : SdmxWriter.Format.values()) {
      // The file names itself as the source and the request's NATIONAL is a default: neither
      // makes the stored values (from first.csv, NATIONAL) revisions.
      IngestResult r =
          ingest(SYSTEM, "back." + f.extension(), export(f), sniff(f), "SECRETARIAT", false);
      assertThat(r.batch().rowsAdded()).as(f.name()).isZero();
      assertThat(r.batch().id()).as(f.name()).isZero();
      assertThat(r.unchanged()).as(f.name()).isEqualTo(3);
    }
    assertThat(vintages()).hasSize(3);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void reimport_changedValue_addsARevisionAndKeepsTheOldVintage() {
    String file =
        export(SdmxWriter.Format.SDMX_ML).replace("OBS_VALUE=\"990\"", "OBS_VALUE=\"995\"");
    IngestResult r =
        ingest(SYSTEM, "revised.xml", file, IngestFormat.SDMX_ML, "SECRETARIAT", false);
    assertThat(r.batch().rowsAdded()).isEqualTo(1);
    assertThat(r.unchanged()).isEqualTo(2);
    assertThat(
            vigil
                .observations()
                .vintages(SYSTEM, "VIOLENT_DEATHS", "KAZ", org.vigil.timeseries.Period.year(2021)))
        .extracting(Observation::value, Observation::flags)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(990.0, "E"),
            org.assertj.core.groups.Tuple.tuple(995.0, "E"));
  }

  @Test
  void reimport_withAnExplicitClassification_storesTheReclassifiedValues() {
    IngestResult r =
        ingest(
            SYSTEM,
            "shared.xml",
            export(SdmxWriter.Format.SDMX_ML),
            IngestFormat.SDMX_ML,
            "SECRETARIAT",
            true);
    assertThat(r.batch().rowsAdded()).isZero(); // first.csv was NATIONAL too
    byte[] bytes = export(SdmxWriter.Format.SDMX_ML).getBytes(StandardCharsets.UTF_8);
    IngestRequest shared =
        IngestRequest.builder(IngestFormat.SDMX_ML, "SECRETARIAT", Classification.SHARED)
            .reclassify(true)
            .build();
    IngestResult again =
        new IngestService(vigil)
            .ingest(
                SYSTEM,
                "s.xml",
                new ByteArrayInputStream(bytes),
                bytes.length,
                shared,
                IngestProgress.NONE);
    assertThat(again.batch().rowsAdded()).isEqualTo(3);
  }

  @Test
  void import_isOwnedByTheImporter_andNeverWritesIntoAnotherOwnersSeries() {
    String file = export(SdmxWriter.Format.SDMX_JSON_2);
    String before = stored();

    assertThatThrownBy(
            () ->
                ingest(
                    KAZ_STEWARD,
                    "into-secretariat.json",
                    file,
                    IngestFormat.SDMX_JSON,
                    "SECRETARIAT",
                    false))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("may not load data owned by SECRETARIAT");
    assertThat(stored()).isEqualTo(before);

    IngestResult own =
        ingest(KAZ_STEWARD, "kaz.json", file, IngestFormat.SDMX_JSON, "KAZ-SC", false);

    assertThat(own.batch().rowsAdded()).isEqualTo(3);
    assertThat(
            vigil
                .observations()
                .series(SYSTEM, "VIOLENT_DEATHS", "KAZ", "SECRETARIAT", Instant.MAX))
        .extracting(Observation::value)
        .containsExactly(1083.0, 1000.0, 990.0);
    assertThat(vigil.observations().series(SYSTEM, "VIOLENT_DEATHS", "KAZ", "KAZ-SC", Instant.MAX))
        .allSatisfy(o -> assertThat(o.ownership().owner()).isEqualTo("KAZ-SC"))
        .hasSize(3);
    IngestResult again =
        ingest(
            KAZ_STEWARD,
            "kaz-again.json",
            export(SdmxWriter.Format.SDMX_JSON_2),
            IngestFormat.SDMX_JSON,
            "KAZ-SC",
            false);
    assertThat(again.batch().rowsAdded()).isZero();
    assertThat(again.unchanged()).isEqualTo(3);
  }

  private static IngestFormat sniff(SdmxWriter.Format f) {
    return switch (f) {
      case SDMX_ML -> IngestFormat.SDMX_ML;
      case SDMX_JSON_1, SDMX_JSON_2 -> IngestFormat.SDMX_JSON;
      case SDMX_CSV -> IngestFormat.SDMX_CSV;
    };
  }
}

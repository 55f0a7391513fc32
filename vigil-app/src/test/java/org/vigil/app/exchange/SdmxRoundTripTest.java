package org.vigil.app.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.app.exchange.SdmxFixture.REVISION;
import static org.vigil.app.exchange.SdmxFixture.SYSTEM;
import static org.vigil.app.exchange.SdmxFixture.history;
import static org.vigil.app.exchange.SdmxFixture.ingest;
import static org.vigil.app.exchange.SdmxFixture.selection;
import static org.vigil.app.exchange.SdmxFixture.vintageCounts;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.app.Vigil;
import org.vigil.app.ingest.IngestResult;
import org.vigil.ingest.IngestFormat;
import org.vigil.ingest.SdmxDataflow;
import org.vigil.ingest.SdmxWriter;
import org.vigil.model.InvalidInputException;
import org.vigil.model.Observation;
import org.vigil.store.StoreFixtures;

/** Export to each SDMX format and import into another store: the same series and vintages. */
class SdmxRoundTripTest {
  private static final String FIRST =
      "indicator,area,period,value,flags\n"
          + "VIOLENT_DEATHS,KAZ,2019,1083,\n"
          + "VIOLENT_DEATHS,KAZ,2020,1000,P\n"
          + "VIOLENT_DEATHS,RUS,2020,7730,\n"
          + "VIOLENT_DEATH_RATE,KAZ,2020,5.45,\n"
          + "DEMO_DRUG_TRAFFICKING_OFFENCES,KAZ,2024-01,412,\n"
          + "DEMO_DRUG_TRAFFICKING_OFFENCES,KAZ,2024-02,398,E\n";
  private static final String SECOND_REVISION =
      "indicator,area,period,value,flags\n" + "VIOLENT_DEATHS,KAZ,2020,1022.5,\n";

  private Vigil source;
  private Vigil target;

  @BeforeEach
  void open() {
    source = store("sdmx-src-");
    target = store("sdmx-dst-");
    ingest(source, "first.csv", FIRST, IngestFormat.LONG_CSV);
    ingest(source, "revision.csv", REVISION, IngestFormat.LONG_CSV);
    ingest(source, "revision2.csv", SECOND_REVISION, IngestFormat.LONG_CSV);
  }

  @AfterEach
  void close() {
    source.close();
    target.close();
  }

  private static Vigil store(String prefix) {
    return SdmxFixture.store(prefix, Clock.systemUTC());
  }

  @ParameterizedTest
  @EnumSource(SdmxWriter.Format.class)
  void exportThenIngest_eachFormat_keepsSeriesAndVintages(SdmxWriter.Format format) {
    StringWriter out = new StringWriter();
    int written =
        new ExchangeService(source)
            .export(SYSTEM, selection(true), SdmxDataflow.INDICATORS, format, out);
    assertThat(written).isEqualTo(10);
    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
    IngestFormat sniffed = IngestFormat.infer("export.dat", bytes).orElseThrow();
    IngestResult r = ingest(target, "export." + format.extension(), out.toString(), sniffed);
    assertThat(r.batch().rowsAdded()).isEqualTo(10);
    assertThat(history(target)).isEqualTo(history(source)).hasSize(10);
    assertThat(vintageCounts(target)).isEqualTo(vintageCounts(source)).contains(3L, 2L);
    assertThat(target.observations().batches(SYSTEM)).hasSize(3);
    IngestResult again = ingest(target, "copy", out.toString(), sniffed);
    assertThat(again.alreadyLoaded()).isTrue();
  }

  @Test
  void ingest_eurostatStyleCrimeFile_storesMappedCodes() throws Exception {
    String xml =
        Files.readString(Path.of("../vigil-ingest/src/test/resources/sdmx/crim_off_cat_kz.xml"));
    IngestResult r = ingest(target, "crim_off_cat_kz.xml", xml, IngestFormat.SDMX_ML);
    assertThat(r.batch().rowsAdded()).isEqualTo(8);
    assertThat(target.observations().series(SYSTEM, "VIOLENT_DEATHS", "KAZ"))
        .extracting(o -> o.period().toString())
        .containsExactly("2019", "2020", "2021");
    assertThat(target.observations().series(SYSTEM, "VIOLENT_DEATH_RATE", "KAZ"))
        .extracting(Observation::value)
        .containsExactly(5.85, 5.45);
    assertThat(target.observations().series(SYSTEM, "DEMO_DRUG_TRAFFICKING_OFFENCES", "KAZ"))
        .extracting(Observation::value)
        .containsExactly(412.0, 398.0);
  }

  @Test
  void ingest_malformedLaterVintage_storesNothingAndNamesTheElement() {
    StringWriter out = new StringWriter();
    new ExchangeService(source)
        .export(SYSTEM, selection(true), SdmxDataflow.INDICATORS, SdmxWriter.Format.SDMX_ML, out);
    String bad = out.toString().replace("OBS_VALUE=\"1022.5\"", "OBS_VALUE=\"1O22.5\"");
    assertThat(bad).isNotEqualTo(out.toString());
    ingest(
        target,
        "other.csv",
        "indicator,area,period,value\nVIOLENT_DEATHS,RUS,2018,1\n",
        IngestFormat.LONG_CSV);
    String before = StoreFixtures.dump(target.dataSource());
    assertThatThrownBy(() -> ingest(target, "bad.xml", bad, IngestFormat.SDMX_ML))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bad.xml line ")
        .hasMessageContaining(
            "field OBS_VALUE (element Obs #1 of Series #1 FREQ=A REF_AREA=KAZ"
                + " INDICATOR=VIOLENT_DEATHS")
        .hasMessageContaining("in DataSet #3)")
        .hasMessageContaining("found '1O22.5'");
    String unknownArea = out.toString().replace("REF_AREA=\"RUS\"", "REF_AREA=\"XXX\"");
    assertThatThrownBy(() -> ingest(target, "area.xml", unknownArea, IngestFormat.SDMX_ML))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("field REF_AREA (element Obs #1 of Series");
    assertThat(StoreFixtures.dump(target.dataSource())).isEqualTo(before);
  }
}

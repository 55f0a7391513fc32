package org.vigil.app.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.app.exchange.SdmxFixture.REVISION;
import static org.vigil.app.exchange.SdmxFixture.SYSTEM;
import static org.vigil.app.exchange.SdmxFixture.history;
import static org.vigil.app.exchange.SdmxFixture.latest;
import static org.vigil.app.exchange.SdmxFixture.vintageCounts;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.app.Vigil;
import org.vigil.app.ingest.IngestProgress;
import org.vigil.app.ingest.IngestRequest;
import org.vigil.app.ingest.IngestResult;
import org.vigil.app.ingest.IngestService;
import org.vigil.ingest.IngestFormat;
import org.vigil.ingest.SdmxDataflow;
import org.vigil.ingest.SdmxWriter;
import org.vigil.model.Classification;
import org.vigil.model.IngestBatch;
import org.vigil.store.TestClock;

/**
 * Every SDMX format x {Vigil's own flow, the ICCS crime flow} x {one vintage, revised values}:
 * export, then import into another store, gives the same series, flags and vintages; the licence
 * and citation travel where the format has a place for them; importing the file again, a later
 * export of the same data, or the export back into the store it came from adds nothing.
 */
class SdmxRoundTripMatrixTest {
  private static final String LICENCE = "CC BY 4.0";
  private static final String CITATION = "UNODC, Global Study on Homicide (test recording)";
  private static final String FIRST =
      "indicator,area,period,value,flags\n"
          + "VIOLENT_DEATHS,KAZ,2019,1083,\n"
          + "VIOLENT_DEATHS,KAZ,2020,1000,P\n"
          + "VIOLENT_DEATHS,RUS,2019,7000,B\n"
          + "VIOLENT_DEATHS,RUS,2020,7730,\"P,E\"\n"
          + "VIOLENT_DEATH_RATE,KAZ,2020,5.45,\n"
          + "DEMO_DRUG_TRAFFICKING_OFFENCES,KAZ,2024-01,412,\n"
          + "DEMO_DRUG_TRAFFICKING_OFFENCES,KAZ,2024-02,398,E\n";
  private static final String SECOND_REVISION =
      "indicator,area,period,value,flags\nVIOLENT_DEATHS,KAZ,2020,1022.5,U\n";

  enum Flow {
    PLAIN(SdmxDataflow.INDICATORS),
    ICCS(SdmxDataflow.CRIME);

    final SdmxDataflow flow;

    Flow(SdmxDataflow flow) {
      this.flow = flow;
    }
  }

  enum History {
    ONE_VINTAGE,
    REVISED
  }

  private final TestClock clock = new TestClock(Instant.parse("2026-03-01T08:00:00Z"));
  private final List<Vigil> open = new ArrayList<>();

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (SdmxWriter.Format f : SdmxWriter.Format.values()) {
      for (Flow flow : Flow.values()) {
        for (History h : History.values()) {
          out.add(Arguments.of(f, flow, h));
        }
      }
    }
    return out.stream();
  }

  @AfterEach
  void close() {
    open.forEach(Vigil::close);
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("cases")
  void exportThenImport_givesTheSameSeriesAndVintages_andAgainAddsNothing(
      SdmxWriter.Format format, Flow flow, History history) {
    Vigil source = store("src");
    Vigil target = store("dst");
    load(source, history);
    boolean vintages = history == History.REVISED;
    String file = export(source, flow, format, vintages);
    int values = vintages ? 11 : 7;

    IngestResult r = ingest(target, "export." + format.extension(), file);

    assertThat(r.batch().rowsAdded()).isEqualTo(values);
    List<String> expected = vintages ? history(source) : latest(source);
    assertThat(history(target)).isEqualTo(expected).hasSize(values);
    assertThat(history(target)).contains("VIOLENT_DEATHS/RUS/2020=7730.0[P,E]");
    if (vintages) {
      assertThat(vintageCounts(target)).isEqualTo(vintageCounts(source)).contains(3L, 2L);
      assertThat(target.observations().batches(SYSTEM)).hasSize(3);
    }
    for (IngestBatch b : target.observations().batches(SYSTEM)) {
      boolean hasPlace = format != SdmxWriter.Format.SDMX_CSV;
      assertThat(b.licence()).isEqualTo(hasPlace ? LICENCE : "");
      assertThat(b.citation()).isEqualTo(hasPlace ? CITATION : "");
    }

    IngestResult same = ingest(target, "copy." + format.extension(), file);
    assertThat(same.batch().rowsAdded()).isZero();
    assertThat(same.unchanged()).isEqualTo(values);

    clock.advance(Duration.ofDays(3));
    String later = export(source, flow, format, vintages);
    if (format != SdmxWriter.Format.SDMX_CSV) {
      assertThat(later).as("another preparation time in the header").isNotEqualTo(file);
    }
    IngestResult again = ingest(target, "later." + format.extension(), later);
    assertThat(again.batch().rowsAdded()).isZero();
    assertThat(again.unchanged()).isEqualTo(values);
    assertThat(history(target)).isEqualTo(expected);

    List<String> before = history(source);
    IngestResult back = ingest(source, "back." + format.extension(), later);
    assertThat(back.batch().rowsAdded()).isZero();
    assertThat(back.unchanged()).isEqualTo(values);
    assertThat(history(source)).isEqualTo(before);
  }

  private Vigil store(String name) {
    Vigil v = SdmxFixture.store("sdmx-matrix-" + name + "-", clock);
    open.add(v);
    return v;
  }

  private void load(Vigil v, History h) {
    byte[] first = FIRST.getBytes(StandardCharsets.UTF_8);
    IngestRequest pulled =
        IngestRequest.builder(IngestFormat.LONG_CSV, "SECRETARIAT", Classification.SHARED)
            .provenance(LICENCE, CITATION, "")
            .build();
    new IngestService(v)
        .ingest(
            SYSTEM,
            "first.csv",
            new ByteArrayInputStream(first),
            first.length,
            pulled,
            IngestProgress.NONE);
    if (h == History.REVISED) {
      clock.advance(Duration.ofDays(1));
      SdmxFixture.ingest(v, "revision.csv", REVISION, IngestFormat.LONG_CSV);
      clock.advance(Duration.ofDays(1));
      SdmxFixture.ingest(v, "revision2.csv", SECOND_REVISION, IngestFormat.LONG_CSV);
    }
    clock.advance(Duration.ofDays(1));
  }

  private static String export(Vigil v, Flow flow, SdmxWriter.Format format, boolean vintages) {
    return SdmxFixture.export(v, flow.flow, format, vintages);
  }

  private static IngestResult ingest(Vigil v, String name, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    IngestFormat sniffed = IngestFormat.infer(name, bytes).orElseThrow();
    return SdmxFixture.ingest(v, name, text, sniffed);
  }
}

package org.vigil.app.exchange;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.vigil.model.Classification;
import org.vigil.model.Observation;

/**
 * What the SDMX round-trip tests share: a small store with the three indicators they move, a loader
 * of long CSV or SDMX text as the secretariat's shared data, an export of those indicators, and the
 * stored rows written as comparable text.
 */
final class SdmxFixture {
  static final AccessContext SYSTEM = AccessContext.system();

  /**
   * A headline count, its rate (a mean) and a monthly count: three frequencies and aggregations.
   */
  static final List<String> INDICATORS =
      List.of("VIOLENT_DEATHS", "VIOLENT_DEATH_RATE", "DEMO_DRUG_TRAFFICKING_OFFENCES");

  /** A revision of the first load: a changed value, a missing one (M) and a monthly change. */
  static final String REVISION =
      "indicator,area,period,value,flags\n"
          + "VIOLENT_DEATHS,KAZ,2020,1021,\n"
          + "VIOLENT_DEATHS,KAZ,2021,,M\n"
          + "DEMO_DRUG_TRAFFICKING_OFFENCES,KAZ,2024-02,401,\n";

  private SdmxFixture() {}

  /** A new in-memory store on {@code clock} with the small reference and the demo indicators. */
  static Vigil store(String name, Clock clock) {
    Vigil v = Vigil.open(VigilConfig.h2InMemory(name + System.nanoTime()).withClock(clock));
    SmallReference.save(v);
    DemoIndicators.synthetic().forEach(i -> v.reference().saveIndicator(SYSTEM, i));
    return v;
  }

  /** Loads {@code text} as {@code format}, owned by the secretariat and shared. */
  static IngestResult ingest(Vigil v, String name, String text, IngestFormat format) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    IngestRequest r = IngestRequest.builder(format, "SECRETARIAT", Classification.SHARED).build();
    return new IngestService(v)
        .ingest(
            SYSTEM, name, new ByteArrayInputStream(bytes), bytes.length, r, IngestProgress.NONE);
  }

  /** {@link #INDICATORS}, every area, latest values or every vintage. */
  static SeriesSelection selection(boolean vintages) {
    return new SeriesSelection(
        INDICATORS, List.of(), Optional.empty(), Optional.empty(), Instant.MAX, vintages);
  }

  /** The export of {@link #selection} in {@code format} on {@code flow}. */
  static String export(Vigil v, SdmxDataflow flow, SdmxWriter.Format format, boolean vintages) {
    StringWriter out = new StringWriter();
    new ExchangeService(v).export(SYSTEM, selection(vintages), flow, format, out);
    return out.toString();
  }

  /** Every vintage as indicator/area/period=value[flags], in storage order. */
  static List<String> history(Vigil v) {
    List<String> out = new ArrayList<>();
    for (String ind : INDICATORS) {
      v.observations().history(SYSTEM, ind, Instant.MAX).forEach(o -> out.add(text(o)));
    }
    return out;
  }

  /** The latest value of every series as indicator/area/period=value[flags]. */
  static List<String> latest(Vigil v) {
    List<String> out = new ArrayList<>();
    for (String ind : INDICATORS) {
      v.observations().latestByIndicator(SYSTEM, ind, Instant.MAX).forEach(o -> out.add(text(o)));
    }
    return out;
  }

  /** How many vintages each value has, in storage order. */
  static List<Long> vintageCounts(Vigil v) {
    List<Long> out = new ArrayList<>();
    for (String ind : INDICATORS) {
      List<Observation> rows = v.observations().history(SYSTEM, ind, Instant.MAX);
      rows.stream()
          .map(o -> o.area() + o.period())
          .distinct()
          .forEach(
              k -> out.add(rows.stream().filter(o -> (o.area() + o.period()).equals(k)).count()));
    }
    return out;
  }

  private static String text(Observation o) {
    return o.indicator()
        + "/"
        + o.area()
        + "/"
        + o.period()
        + "="
        + o.value()
        + "["
        + o.flags()
        + "]";
  }
}

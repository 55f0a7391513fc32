package org.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.model.Indicator;
import org.vigil.model.Observation;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;

class SdmxExchangeTest {
  private static final List<Indicator> INDICATORS =
      List.of(
          Fixtures.indicator("VIOLENT_DEATHS", Frequency.YEARLY),
          Fixtures.indicator("VIOLENT_DEATH_RATE", Frequency.YEARLY),
          Fixtures.indicator("DEMO_DRUG_TRAFFICKING_OFFENCES", Frequency.MONTHLY));
  private static final ReferenceData REFERENCE =
      ReferenceData.of(
          List.of(
              Fixtures.country("RUS", "RU", "Russia", "Россия"),
              Fixtures.country("KAZ", "KZ", "Kazakhstan", "Казахстан")),
          INDICATORS);
  private static final Instant V1 = Instant.parse("2026-01-10T08:00:00Z");
  private static final Instant V2 = Instant.parse("2026-03-02T12:30:00.123Z");

  private static ReadSpec spec(String file) {
    return ReadSpec.builder(REFERENCE, Fixtures.OWNER).fileName(file).build();
  }

  private static String handWritten() throws IOException {
    try (InputStream in = SdmxExchangeTest.class.getResourceAsStream("/sdmx/crim_off_cat_kz.xml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @org.junit.jupiter.api.Test
  void read_eurostatStyleCrimeFile_mapsIccsUnitAndGeo() throws IOException {
    ReadResult r = Fixtures.read(IngestFormat.SDMX_ML, handWritten(), spec("crim.xml"));
    assertThat(r.rejections()).isEmpty();
    assertThat(r.rowsRead()).isEqualTo(8);
    assertThat(r.observations())
        .extracting(Observation::indicator, Observation::area, Observation::period)
        .containsExactly(
            tuple("VIOLENT_DEATHS", "KAZ", Period.year(2019)),
            tuple("VIOLENT_DEATHS", "KAZ", Period.year(2020)),
            tuple("VIOLENT_DEATHS", "KAZ", Period.year(2021)),
            tuple("VIOLENT_DEATH_RATE", "KAZ", Period.year(2019)),
            tuple("VIOLENT_DEATH_RATE", "KAZ", Period.year(2020)),
            tuple("VIOLENT_DEATHS", "RUS", Period.year(2020)),
            tuple("DEMO_DRUG_TRAFFICKING_OFFENCES", "KAZ", Period.month(2024, 1)),
            tuple("DEMO_DRUG_TRAFFICKING_OFFENCES", "KAZ", Period.month(2024, 2)));
    assertThat(r.observations())
        .extracting(Observation::value)
        .startsWith(1083.0, 1021.0)
        .contains(5.45, 7730.0, 398.0);
    assertThat(r.observations().get(1).flags()).isEqualTo("p");
    assertThat(r.observations().get(2).value()).isNaN();
    assertThat(IngestFormat.infer("crim.dat", handWritten().getBytes(StandardCharsets.UTF_8)))
        .contains(IngestFormat.SDMX_ML);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          bad element    | <Obs TIME_PERIOD="2019" | <Observation TIME_PERIOD="2019" | 24 | element <Observation>       | Series
          unknown GEO    | GEO="RU"                 | GEO="XX"                         | 33 | GEO (element Obs #1 of Series #3 FREQ=A ICCS=ICCS0101 UNIT=NR GEO=XX in DataSet #1) | one of AM, AZ, BY, KZ, KG, MD, RU, TJ, TM, UZ; add a row 'GEO,XX,,<area code>'
          unknown ICCS   | ICCS="ICCS06012"         | ICCS="ICCS9999"                  | 36 | ICCS (element Obs #1 of Series #4 | one of ICCS06012 with UNIT NR
          missing value  | OBS_VALUE="5.85"         | OBS_FOO="5.85"                   | 29 | OBS_VALUE (element Obs #1 of Series #2 FREQ=A ICCS=ICCS0101 UNIT=P_HTHAB GEO=KZ in DataSet #1) | an attribute OBS_VALUE
          bad value      | OBS_VALUE="1021"         | OBS_VALUE="1O21"                 | 25 | OBS_VALUE (element Obs #2   | a number
          bad period     | TIME_PERIOD="2024-02"    | TIME_PERIOD="2024-13"            | 37 | TIME_PERIOD (element Obs #2 | monthly period
          not XML        | </Series>                | </Serie>                         | 27 | xml                         | well-formed XML
          bad vintage    | action="Replace"         | validFromDate="yesterday"        | 22 | validFromDate (element DataSet #1) | date-time
          """)
  void read_malformedCrimeFile_namesTheElementAndCode(
      String what, String from, String to, int line, String field, String expected)
      throws IOException {
    String text = handWritten().replaceFirst(java.util.regex.Pattern.quote(from), to);
    assertThat(text).as(what).isNotEqualTo(handWritten());
    ReadResult r = Fixtures.read(IngestFormat.SDMX_ML, text, spec("crim.xml"));
    assertThat(r.rejections()).as(what).isNotEmpty();
    Rejection first = r.rejections().get(0);
    assertThat(first.field()).as(what).startsWith(field);
    assertThat(first.expected()).as(what).contains(expected);
    assertThat(first.line()).as(what).isEqualTo(line);
    assertThat(first.message()).startsWith("crim.xml line " + line + ", field ");
  }

  @ParameterizedTest
  @EnumSource(SdmxWriter.Format.class)
  void writeThenRead_eachFormat_givesTheSameObservationsAndVintages(SdmxWriter.Format format) {
    List<Observation> history =
        List.of(
            obs("VIOLENT_DEATHS", "KAZ", Period.year(2019), 1083, "", V1),
            obs("VIOLENT_DEATHS", "KAZ", Period.year(2020), 1000, "P", V1),
            obs("VIOLENT_DEATH_RATE", "RUS", Period.year(2020), 0.1 + 0.2, "", V1),
            obs("VIOLENT_DEATHS", "KAZ", Period.year(2020), 1021, "", V2),
            obs("VIOLENT_DEATHS", "KAZ", Period.year(2021), Double.NaN, "M", V2),
            obs("DEMO_DRUG_TRAFFICKING_OFFENCES", "KAZ", Period.month(2024, 1), 412, "E", V2));
    Map<String, Indicator> byCode =
        INDICATORS.stream().collect(Collectors.toMap(Indicator::code, Function.identity()));
    StringWriter out = new StringWriter();
    new SdmxWriter(SdmxDataflow.INDICATORS, byCode, SdmxMapping.bundled())
        .write(history, true, format, V2, out);
    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
    IngestFormat in = IngestFormat.infer("export.dat", bytes).orElseThrow();
    ReadResult r = Fixtures.read(in, bytes, spec("export." + format.extension()));
    assertThat(r.rejections()).isEmpty();
    assertThat(r.observations())
        .extracting(
            Observation::indicator,
            Observation::area,
            Observation::period,
            Observation::flags,
            Observation::recordedAt)
        .containsExactlyElementsOf(
            history.stream()
                .map(o -> tuple(o.indicator(), o.area(), o.period(), o.flags(), o.recordedAt()))
                .toList());
    for (int i = 0; i < history.size(); i++) {
      assertThat(Double.valueOf(r.observations().get(i).value()))
          .as("value %d", i)
          .isEqualTo(Double.valueOf(history.get(i).value()));
    }
  }

  @org.junit.jupiter.api.Test
  void write_crimeFlow_mapsBackToIccsAndGeoAndReadsBack() {
    Map<String, Indicator> byCode =
        INDICATORS.stream().collect(Collectors.toMap(Indicator::code, Function.identity()));
    List<Observation> rows =
        List.of(
            obs("VIOLENT_DEATH_RATE", "KAZ", Period.year(2020), 5.45, "", Instant.EPOCH),
            obs("DEMO_DRUG_TRAFFICKING_OFFENCES", "KAZ", Period.month(2024, 1), 412, "", V1));
    StringWriter out = new StringWriter();
    new SdmxWriter(SdmxDataflow.CRIME, byCode, SdmxMapping.bundled())
        .write(rows, false, SdmxWriter.Format.SDMX_ML, V2, out);
    assertThat(out.toString())
        .contains("ICCS=\"ICCS0101\" UNIT=\"P_HTHAB\" GEO=\"KZ\"")
        .contains("ICCS=\"ICCS06012\" UNIT=\"NR\" GEO=\"KZ\"");
    ReadResult r = Fixtures.read(IngestFormat.SDMX_ML, out.toString(), spec("crime.xml"));
    assertThat(r.rejections()).isEmpty();
    assertThat(r.observations())
        .extracting(Observation::indicator, Observation::value)
        .containsExactly(
            tuple("VIOLENT_DEATH_RATE", 5.45), tuple("DEMO_DRUG_TRAFFICKING_OFFENCES", 412.0));
  }

  @org.junit.jupiter.api.Test
  void read_sdmxJsonWithUnknownGeo_namesTheJsonPathAndTheExpectedCodes() {
    String json =
        """
        {"data":{"structure":{"dimensions":{"series":[
          {"id":"FREQ","values":[{"id":"A"}]},{"id":"ICCS","values":[{"id":"ICCS0101"}]},
          {"id":"UNIT","values":[{"id":"NR"}]},{"id":"GEO","values":[{"id":"XK"}]}],
          "observation":[{"id":"TIME_PERIOD","values":[{"id":"2020"}]}]},
          "attributes":{"series":[],"observation":[]}},
         "dataSets":[{"series":{"0:0:0:0":{"observations":{"0":[12]}}}}]}}
        """;
    ReadResult r = Fixtures.read(IngestFormat.SDMX_JSON, json, spec("crim.json"));
    assertThat(r.observations()).isEmpty();
    assertThat(r.rejections())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.field())
                  .isEqualTo("GEO (element dataSets[0].series[\"0:0:0:0\"].observations[\"0\"])");
              assertThat(x.expected()).startsWith("one of AM, AZ, BY, KZ");
              assertThat(x.found()).isEqualTo("'XK'");
            });
  }

  private static Observation obs(
      String ind, String area, Period p, double v, String flags, Instant at) {
    return new Observation(ind, area, p, v, flags, "", 0, at, Fixtures.OWNER);
  }
}

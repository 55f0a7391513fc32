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
    assertThat(r.observations().get(1).flags()).as("OBS_STATUS p mapped").isEqualTo("P");
    assertThat(r.observations().get(4).flags()).as("OBS_STATUS p, OBS_FLAG e").isEqualTo("P,E");
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

  @ParameterizedTest(name = "{0} {1}")
  @org.junit.jupiter.params.provider.MethodSource("formatsAndFlows")
  void writeThenRead_everyFlag_comesBackInEveryFormatAndFlow(
      SdmxWriter.Format format, SdmxDataflow flow) {
    List<String> flags = List.of("", "P", "P,E", "B", "E,P", "X1", "U,R", "Q");
    List<Observation> rows = new java.util.ArrayList<>();
    for (int i = 0; i < flags.size(); i++) {
      rows.add(obs("VIOLENT_DEATHS", "KAZ", Period.year(2010 + i), 100 + i, flags.get(i), V1));
    }
    rows.add(obs("VIOLENT_DEATHS", "KAZ", Period.year(2030), Double.NaN, "M", V1));
    rows.add(obs("VIOLENT_DEATHS", "KAZ", Period.year(2031), Double.NaN, "P,M", V1));
    Map<String, Indicator> byCode =
        INDICATORS.stream().collect(Collectors.toMap(Indicator::code, Function.identity()));
    StringWriter out = new StringWriter();
    new SdmxWriter(flow, byCode, SdmxMapping.bundled())
        .write(rows, true, format, V2, new Provenance("CC BY 4.0", "UNODC (2026)"), out);
    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
    ReadResult r =
        Fixtures.read(
            IngestFormat.infer("x.dat", bytes).orElseThrow(),
            bytes,
            spec("x." + format.extension()));
    assertThat(r.rejections()).isEmpty();
    assertThat(r.observations())
        .extracting(Observation::period, Observation::flags)
        .containsExactlyElementsOf(rows.stream().map(o -> tuple(o.period(), o.flags())).toList());
    assertThat(r.provenance())
        .isEqualTo(
            format == SdmxWriter.Format.SDMX_CSV
                ? Provenance.NONE
                : new Provenance("CC BY 4.0", "UNODC (2026)"));
    if (format == SdmxWriter.Format.SDMX_ML) {
      assertThat(out.toString())
          .contains("OBS_STATUS=\"P\" OBS_FLAG=\"P,E\"")
          .contains("OBS_STATUS=\"B\"/>")
          .contains("<message:Source xml:lang=\"en\">Licence: CC BY 4.0</message:Source>");
    }
  }

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> formatsAndFlows() {
    List<org.junit.jupiter.params.provider.Arguments> out = new java.util.ArrayList<>();
    for (SdmxWriter.Format f : SdmxWriter.Format.values()) {
      for (SdmxDataflow flow : SdmxDataflow.all()) {
        out.add(org.junit.jupiter.params.provider.Arguments.of(f, flow));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Eurostat flags run together | OBS_STATUS="A" OBS_FLAG="bp" | B,P
          status list and own flag    | OBS_STATUS="P,E" OBS_FLAG="X1" | P,E,X1
          missing kinds map to M      | OBS_STATUS="L"               | M
          normal                      | OBS_STATUS="A"               | ''
          """)
  void read_statusAndEurostatFlags_mapToVigilFlags(String what, String attrs, String flags) {
    ReadResult r = Fixtures.read(IngestFormat.SDMX_ML, oneObs(attrs), spec("f.xml"));
    assertThat(r.rejections()).as(what).isEmpty();
    assertThat(r.observations()).singleElement().extracting(Observation::flags).isEqualTo(flags);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown status | OBS_STATUS="Z"               | OBS_STATUS | 'Z' | one of A, B, D, E
          unknown flag   | OBS_STATUS="A" OBS_FLAG="k"  | OBS_FLAG   | 'k' | Eurostat flags b, c, d, e
          """)
  void read_unknownStatusOrFlag_isRejectedNamingTheCodeAndTheList(
      String what, String attrs, String field, String found, String expected) {
    ReadResult r = Fixtures.read(IngestFormat.SDMX_ML, oneObs(attrs), spec("f.xml"));
    assertThat(r.observations()).isEmpty();
    assertThat(r.rejections())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.field()).as(what).startsWith(field + " (element Obs #1 of Series #1");
              assertThat(x.found()).isEqualTo("'" + found + "'");
              assertThat(x.expected()).startsWith(expected);
              assertThat(x.line()).isEqualTo(4);
            });
  }

  private static String oneObs(String attrs) {
    return "<?xml version=\"1.0\"?>\n"
        + "<m:StructureSpecificData xmlns:m=\"urn:x\"><m:DataSet>\n"
        + "<Series FREQ=\"A\" REF_AREA=\"KAZ\" INDICATOR=\"VIOLENT_DEATHS\">\n"
        + "<Obs TIME_PERIOD=\"2020\" OBS_VALUE=\"1\" "
        + attrs
        + "/>\n</Series></m:DataSet></m:StructureSpecificData>\n";
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SDMX-JSON syntax   | json | '{"data": {"dataSets": [}'        | 1 | json              | well-formed JSON
          SDMX-JSON no data  | json | '{"meta": {}}'                    | 1 | data.dataSets     | an array of data sets
          SDMX-CSV header    | csv  | 'DATAFLOW,FREQ,GEO,TIME_PERIOD\\nX,A,KZ,2020' | 1 | header | OBS_VALUE
          SDMX-CSV bad GEO   | csv  | 'DATAFLOW,FREQ,ICCS,UNIT,GEO,TIME_PERIOD,OBS_VALUE\\nX,A,ICCS0101,NR,KZ,2020,1\\nX,A,ICCS0101,NR,XX,2020,1' | 3 | GEO | one of AM, AZ
          SDMX-CSV bad ICCS  | csv  | 'DATAFLOW,FREQ,ICCS,UNIT,GEO,TIME_PERIOD,OBS_VALUE\\nX,A,ICCS0101,XYZ,KZ,2020,1' | 2 | ICCS | one of ICCS06012 with UNIT NR
          SDMX-CSV status    | csv  | 'DATAFLOW,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS\\nX,A,KAZ,VIOLENT_DEATHS,2020,1,W' | 2 | OBS_STATUS | one of A, B
          """)
  void read_malformedJsonOrCsv_namesThePathOrLineAndTheExpected(
      String what, String kind, String text, int line, String field, String expected) {
    String body = text.replace("\\n", "\n");
    IngestFormat f = kind.equals("json") ? IngestFormat.SDMX_JSON : IngestFormat.SDMX_CSV;
    ReadResult r = Fixtures.read(f, body, spec("bad." + kind));
    assertThat(r.rejections()).as(what).isNotEmpty();
    Rejection first = r.rejections().get(0);
    assertThat(first.line()).as(what).isEqualTo(line);
    assertThat(first.field()).as(what).startsWith(field);
    assertThat(first.expected()).as(what).contains(expected);
    assertThat(first.message()).startsWith("bad." + kind + " line " + line + ", field ");
  }

  private static Observation obs(
      String ind, String area, Period p, double v, String flags, Instant at) {
    return new Observation(ind, area, p, v, flags, "", 0, at, Fixtures.OWNER);
  }
}

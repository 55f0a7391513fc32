package org.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.ingest.Fixtures.read;
import static org.vigil.ingest.Fixtures.spec;

import org.junit.jupiter.api.Test;
import org.vigil.model.Observation;
import org.vigil.timeseries.Period;

class OwidReaderTest {
  private static final IngestFormat F = IngestFormat.OWID;
  private static final String RATE = "Death rate from all forms of violence (IHME (2016))";
  private static final String HEADER =
      "Entity,Year,Total deaths from all forms of violence (IHME (2016))," + RATE + "\n";

  private static ReadSpec rateSpec() {
    return spec("cis.csv").column(RATE).indicator("VIOLENT_DEATH_RATE").build();
  }

  @Test
  void read_chosenColumn_mapsCountryNamesToIso3() {
    String csv = HEADER + "Armenia,1990,172,4.82\nRussia,1990,30000,21.5\nMoldova,1991,10,\n";
    ReadResult r = read(F, csv, rateSpec());
    assertThat(r.rejections()).isEmpty();
    assertThat(r.observations())
        .extracting(Observation::area, Observation::period, Observation::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ARM", Period.year(1990), 4.82),
            org.assertj.core.groups.Tuple.tuple("RUS", Period.year(1990), 21.5));
  }

  @Test
  void read_regionAggregates_areSkippedNotRejected() {
    String csv =
        HEADER
            + "World,1990,1,2\nEurope,1990,1,2\nHigh SDI,1990,1,2\nEurope (WB),1990,1,2\n"
            + "England,1990,1,2\nOWID_GFR,1990,1,2\nBosnia and Herzegovina: Republika Srpska,1990,1,2\n"
            + "Kashmir,1990,1,2\nCote d'Ivoire,1990,1,3\n";
    ReadResult r = read(F, csv, rateSpec());
    assertThat(r.rejections()).isEmpty();
    assertThat(r.skipped())
        .extracting(SkippedRow::what)
        .containsExactly(
            "World",
            "Europe",
            "High SDI",
            "Europe (WB)",
            "England",
            "OWID_GFR",
            "Bosnia and Herzegovina: Republika Srpska",
            "Kashmir");
    assertThat(r.observations()).extracting(Observation::area).containsExactly("CIV");
  }

  @Test
  void read_codeColumn_isUsedAndOwidCodesSkipped() {
    String csv =
        "Entity,Code,Year,Deaths\nRussland,RUS,2000,5\nWorld,OWID_WRL,2000,9\nNowhere,ZZZ,2000,1\n";
    ReadResult r = read(F, csv, spec("c.csv").indicator("VIOLENT_DEATH_RATE").build());
    assertThat(r.observations()).extracting(Observation::area).containsExactly("RUS");
    assertThat(r.skipped()).hasSize(1);
    assertThat(r.rejections())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.field()).isEqualTo("Code");
              assertThat(x.line()).isEqualTo(4);
            });
  }

  @Test
  void read_unknownEntityAndBadValue_areRejectedWithLineAndField() {
    String csv = HEADER + "Atlantis,1990,1,2\nRussia,1991,1,n/a\nRussia,19x2,1,2\n";
    ReadResult r = read(F, csv, rateSpec());
    assertThat(r.rejections())
        .extracting(Rejection::line, Rejection::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "Entity"),
            org.assertj.core.groups.Tuple.tuple(3, RATE),
            org.assertj.core.groups.Tuple.tuple(4, "Year"));
  }

  @Test
  void read_ambiguousOrMissingColumn_rejectsTheHeader() {
    ReadResult none = read(F, HEADER, spec("x").indicator("VIOLENT_DEATH_RATE").build());
    assertThat(none.rejections().get(0).expected()).contains("--column");
    ReadResult wrong =
        read(F, HEADER, spec("x").column("Nope").indicator("VIOLENT_DEATH_RATE").build());
    assertThat(wrong.rejections().get(0).line()).isEqualTo(1);
    ReadResult monthly =
        read(F, HEADER, spec("x").column(RATE).indicator("TERROR_INCIDENTS").build());
    assertThat(monthly.rejections().get(0).field()).isEqualTo("Year");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "PERCENT_RATIO, PERCENT_RATIO",
    "percent-ratio, PERCENT_RATIO",
    "Percent ratio, PERCENT_RATIO",
    "share, SHARE",
    "OTHER, OTHER"
  })
  void read_scaleColumn_declaresTheScale_andIsNoValueColumn(String text, String scale) {
    String csv =
        "Entity,Code,Year,Scale,Water stress\n"
            + "Kazakhstan,KAZ,2020,"
            + text
            + ",130.5\nArmenia,ARM,2020,,150\n";
    ReadResult r = read(F, csv, spec("stress.csv").indicator("VIOLENT_DEATH_RATE").build());
    assertThat(r.rejections()).isEmpty();
    assertThat(r.observations()).extracting(Observation::value).containsExactly(130.5, 150.0);
    assertThat(r.scale())
        .hasValue(
            new DeclaredScale(org.vigil.model.ValueScale.valueOf(scale), "stress.csv", 2, "Scale"));
  }

  @Test
  void read_withoutScaleColumn_declaresNone() {
    ReadResult r = read(F, HEADER + "Armenia,1990,172,4.82\n", rateSpec());
    assertThat(r.scale()).isEmpty();
  }

  @Test
  void read_unknownScale_isRejectedNamingFileLineAndField() {
    String csv = "Entity,Year,Water stress,scale\nKazakhstan,2020,130.5,RATIO\nArmenia,2020,150,\n";
    ReadResult r = read(F, csv, spec("stress.csv").indicator("VIOLENT_DEATH_RATE").build());
    assertThat(r.rejections())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.line()).isEqualTo(2);
              assertThat(x.field()).isEqualTo("scale");
              assertThat(x.message())
                  .startsWith("stress.csv line 2, field scale: expected a scale: SHARE")
                  .contains("PERCENT_RATIO")
                  .endsWith("found 'RATIO'");
            });
    assertThat(r.observations()).extracting(Observation::area).containsExactly("ARM");
  }

  @Test
  void read_twoScales_rejectsTheSecond() {
    String csv =
        "Entity,Year,Scale,Stress\nKazakhstan,2020,SHARE,30\nArmenia,2020,PERCENT_RATIO,150\n";
    ReadResult r = read(F, csv, spec("s.csv").indicator("VIOLENT_DEATH_RATE").build());
    assertThat(r.rejections())
        .singleElement()
        .satisfies(
            x ->
                assertThat(x.message())
                    .isEqualTo(
                        "s.csv line 3, field Scale: expected the scale line 2 declares (SHARE),"
                            + " found 'PERCENT_RATIO'"));
  }

  @Test
  void read_onlyAScaleColumn_isNoValueColumn() {
    ReadResult r =
        read(
            F,
            "Entity,Year,Scale\nKazakhstan,2020,SHARE\n",
            spec("s.csv").indicator("VIOLENT_DEATH_RATE").build());
    assertThat(r.rejections())
        .singleElement()
        .satisfies(x -> assertThat(x.field()).isEqualTo("header"));
  }
}

package org.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.ingest.Fixtures.read;
import static org.vigil.ingest.Fixtures.spec;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.model.InvalidInputException;
import org.vigil.model.Observation;
import org.vigil.timeseries.Period;

class LongCsvReaderTest {
  private static final IngestFormat F = IngestFormat.LONG_CSV;

  @Test
  void read_goodFile_returnsEveryObservationWithFlagsAndSource() {
    String csv =
        "indicator,area,period,value,flags,source\n"
            + "TERROR_INCIDENTS,RUS,2024-01,12,,MVD\n"
            + "TERROR_INCIDENTS,RUS,2024-02,3.5e1,P,\n"
            + "VIOLENT_DEATH_RATE,KAZ,2019,7.25,E,WHO\r\n";
    ReadResult r = read(F, csv, spec("a.csv").defaultSource("file a.csv").build());
    assertThat(r.rejections()).isEmpty();
    assertThat(r.rowsRead()).isEqualTo(3);
    assertThat(r.observations())
        .extracting(
            Observation::period, Observation::value, Observation::flags, Observation::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Period.month(2024, 1), 12.0, "", "MVD"),
            org.assertj.core.groups.Tuple.tuple(Period.month(2024, 2), 35.0, "P", "file a.csv"),
            org.assertj.core.groups.Tuple.tuple(Period.year(2019), 7.25, "E", "WHO"));
    assertThat(r.observations().get(0).ownership()).isEqualTo(Fixtures.OWNER);
  }

  @Test
  void read_weeklyAndDailyRows_keepTheirPeriods() {
    String csv =
        "indicator,area,period,value\n"
            + "REPORTS_WEEKLY,RUS,2026-W01,3\n"
            + "REPORTS_WEEKLY,RUS,2026W2,4\n"
            + "CALLS_DAILY,KAZ,2024-02-29,5\n";
    ReadResult r = read(F, csv, spec("w.csv").build());
    assertThat(r.rejections()).isEmpty();
    assertThat(r.observations())
        .extracting(Observation::period)
        .containsExactly(
            Period.week(2026, 1),
            Period.week(2026, 2),
            Period.day(java.time.LocalDate.of(2024, 2, 29)));
  }

  @Test
  void read_bomQuotesAndReorderedColumns_areAccepted() {
    String csv =
        "\uFEFFvalue,period,area,indicator,source\n"
            + "1,2024-Q1,RUS,DRUG_SEIZURES,\"Customs, \"\"annual\"\"\nreport\"\n"
            + "2,2024-Q2,KAZ,DRUG_SEIZURES,x\n";
    ReadResult r = read(F, csv.getBytes(StandardCharsets.UTF_8), spec("b.csv").build());
    assertThat(r.rejections()).isEmpty();
    assertThat(r.observations().get(0).source()).isEqualTo("Customs, \"annual\" report");
    assertThat(r.observations().get(1).area()).isEqualTo("KAZ");
  }

  @Test
  void read_notANumber_namesFileLineAndField() {
    String csv =
        "indicator,area,period,value\n"
            + "VIOLENT_DEATH_RATE,RUS,2001,1\n"
            + "VIOLENT_DEATH_RATE,RUS,2002,n/a\n";
    ReadResult r = read(F, csv, spec("cis.csv").build());
    assertThat(r.observations()).hasSize(1);
    assertThat(r.firstRejection().orElseThrow().message())
        .isEqualTo(
            "cis.csv line 3, field value: expected a number (empty only with flag M for missing),"
                + " found 'n/a'");
    assertThatThrownBy(r::requireClean)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cis.csv line 3, field value");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown indicator | NOPE,RUS,2001,1 | indicator",
        "unknown area | VIOLENT_DEATH_RATE,XXX,2001,1 | area",
        "monthly period for yearly | VIOLENT_DEATH_RATE,RUS,2001-03,1 | period",
        "yearly period for monthly | TERROR_INCIDENTS,RUS,2001,1 | period",
        "bad month | TERROR_INCIDENTS,RUS,2001-13,1 | period",
        "comma decimal | VIOLENT_DEATH_RATE,RUS,2001,\"1,5\" | value",
        "empty value | VIOLENT_DEATH_RATE,RUS,2001, | value",
        "infinite | VIOLENT_DEATH_RATE,RUS,2001,1e999 | value",
        "NaN text | VIOLENT_DEATH_RATE,RUS,2001,NaN | value",
        "too few fields | VIOLENT_DEATH_RATE,RUS,2001 | row",
        "unterminated quote | VIOLENT_DEATH_RATE,RUS,\"2001,1 | period",
      })
  void read_badRow_isRejectedWithItsField(String name, String row, String field) {
    ReadResult r = read(F, "indicator,area,period,value\n" + row + "\n", spec("t.csv").build());
    assertThat(r.observations()).isEmpty();
    assertThat(r.rejections()).hasSize(1);
    assertThat(r.rejections().get(0).line()).isEqualTo(2);
    assertThat(r.rejections().get(0).field()).isEqualTo(field);
  }

  @Test
  void read_emptyValueFlaggedMissing_isNaN() {
    ReadResult r =
        read(
            F,
            "indicator,area,period,value,flags\nVIOLENT_DEATH_RATE,RUS,2001,,M\n",
            spec("m").build());
    assertThat(r.rejections()).isEmpty();
    assertThat(r.observations().get(0).value()).isNaN();
  }

  @Test
  void read_duplicateKey_rejectsTheSecondNamingTheFirstLine() {
    String csv =
        "indicator,area,period,value\n"
            + "VIOLENT_DEATH_RATE,RUS,2001,1\n"
            + "VIOLENT_DEATH_RATE,KAZ,2001,1\n"
            + "VIOLENT_DEATH_RATE,RUS,2001,2\n";
    ReadResult r = read(F, csv, spec("d.csv").build());
    assertThat(r.observations()).hasSize(2);
    assertThat(r.rejections().get(0).line()).isEqualTo(4);
    assertThat(r.rejections().get(0).expected()).contains("line 2 already gave");
  }

  @Test
  void read_missingOrUnknownHeader_rejectsLineOne() {
    assertThat(read(F, "VIOLENT_DEATH_RATE,RUS,2001,1\n", spec("h").build()).rejections())
        .singleElement()
        .satisfies(x -> assertThat(x.field()).isEqualTo("header"));
    assertThat(read(F, "indicator,area,period,value,extra\n", spec("h").build()).rejections())
        .hasSize(1);
    assertThat(read(F, "", spec("h").build()).rejections().get(0).found())
        .isEqualTo("an empty file");
  }

  @Test
  void read_invalidUtf8_isAnEncodingRejection() {
    byte[] head =
        "indicator,area,period,value\nVIOLENT_DEATH_RATE,RUS,2001,1\nX"
            .getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
    bytes[head.length] = (byte) 0xC3;
    bytes[head.length + 1] = (byte) 0x28;
    ReadResult r = read(F, bytes, spec("u").build());
    assertThat(r.rejections())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.field()).isEqualTo("indicator");
              assertThat(x.expected()).isEqualTo("valid UTF-8 text");
              assertThat(x.line()).isEqualTo(3);
            });
  }

  @Test
  void read_multiLineQuotedField_reportsTheLineWhereTheRowStarts() {
    String csv =
        "indicator,area,period,value,source\n"
            + "VIOLENT_DEATH_RATE,RUS,2001,1,\"two\nlines\"\n"
            + "VIOLENT_DEATH_RATE,RUS,2002,bad,x\n";
    ReadResult r = read(F, csv, spec("q").build());
    assertThat(r.rejections().get(0).line()).isEqualTo(4);
  }
}

package org.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.ingest.Fixtures.read;
import static org.vigil.ingest.Fixtures.spec;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.model.Observation;

/** What Excel writes in a Russian locale: semicolons or tabs, decimal commas, Russian names. */
class SeparatorAndFormatTest {

  @Test
  void read_semicolonsDecimalCommasAndRussianNames_areAccepted() {
    String csv =
        "indicator;area;period;value;source\n"
            + "VIOLENT_DEATH_RATE;Россия;2019;7,25;МВД\n"
            + "VIOLENT_DEATH_RATE;Казахстан;2019;1 234,5;\"Комитет; отчёт\"\n"
            + "VIOLENT_DEATH_RATE;KZ;2020;-0,5;\n"
            + "VIOLENT_DEATH_RATE;Kazakhstan;2021;3;\n";
    ReadResult r = read(IngestFormat.LONG_CSV, csv, spec("ru.csv").build());
    assertThat(r.rejections()).isEmpty();
    assertThat(r.observations())
        .extracting(Observation::area, Observation::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("RUS", 7.25),
            org.assertj.core.groups.Tuple.tuple("KAZ", 1234.5),
            org.assertj.core.groups.Tuple.tuple("KAZ", -0.5),
            org.assertj.core.groups.Tuple.tuple("KAZ", 3.0));
    assertThat(r.observations().get(1).source()).isEqualTo("Комитет; отчёт");
  }

  @Test
  void read_tabs_areAccepted() {
    String csv = "indicator\tarea\tperiod\tvalue\nVIOLENT_DEATH_RATE\tRUS\t2019\t7,5\n";
    ReadResult r = read(IngestFormat.LONG_CSV, csv, spec("t.tsv").build());
    assertThat(r.rejections()).isEmpty();
    assertThat(r.observations()).extracting(Observation::value).containsExactly(7.5);
  }

  @Test
  void read_semicolonRowWithWrongWidth_saysSemicolonSeparated() {
    String csv = "indicator;area;period;value\nVIOLENT_DEATH_RATE;RUS;2019\n";
    ReadResult r = read(IngestFormat.LONG_CSV, csv, spec("w.csv").build());
    assertThat(r.firstRejection().orElseThrow().message()).contains("4 semicolon-separated fields");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a.csv | indicator,area,period,value | LONG_CSV",
        "a.csv | \uFEFFindicator;area;period;value;source | LONG_CSV",
        "a.txt | value\tperiod\tarea\tindicator | LONG_CSV",
        "a.csv | Entity,Code,Year,Homicide rate | OWID",
        "a.csv | Entity;Year;x | OWID",
        "a.csv | DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE | SDMX_CSV",
        "a.csv | STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA: Area,TIME_PERIOD,OBS_VALUE | SDMX_CSV",
        "a.json | whatever | JSON",
        "a.dat | [{\"indicator\": 1}] | JSON",
      })
  void infer_fromNameAndHeader(String name, String head, IngestFormat expected) {
    assertThat(IngestFormat.infer(name, (head + "\n1,2\n").getBytes(StandardCharsets.UTF_8)))
        .contains(expected);
  }

  @Test
  void infer_unknownHeader_isEmpty() {
    assertThat(IngestFormat.infer("a.csv", "x,y,z\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }
}

package org.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.ingest.Fixtures.read;
import static org.vigil.ingest.Fixtures.spec;

import org.junit.jupiter.api.Test;
import org.vigil.model.Observation;
import org.vigil.timeseries.Period;

class SdmxCsvReaderTest {
  private static final IngestFormat F = IngestFormat.SDMX_CSV;

  @Test
  void read_sdmx21_mapsDimensionsAndStatus() {
    String csv =
        "DATAFLOW,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS\n"
            + "VIGIL:SEC(1.0),M,RU,TERROR_INCIDENTS,2024-M03,4,A\n"
            + "VIGIL:SEC(1.0),M,KAZ,TERROR_INCIDENTS,2024-04,5,P\n"
            + "VIGIL:SEC(1.0),M,ARM,TERROR_INCIDENTS,2024-05,NaN,M\n";
    ReadResult r = read(F, csv, spec("s.csv").build());
    assertThat(r.rejections()).isEmpty();
    assertThat(r.observations())
        .extracting(Observation::area, Observation::period, Observation::flags, Observation::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("RUS", Period.month(2024, 3), "", "VIGIL:SEC(1.0)"),
            org.assertj.core.groups.Tuple.tuple(
                "KAZ", Period.month(2024, 4), "P", "VIGIL:SEC(1.0)"),
            org.assertj.core.groups.Tuple.tuple(
                "ARM", Period.month(2024, 5), "M", "VIGIL:SEC(1.0)"));
    assertThat(r.observations().get(2).value()).isNaN();
  }

  @Test
  void read_sdmx30WithLabelsAndDeletions_usesStructureIdAndSkipsDeletes() {
    String csv =
        "STRUCTURE,STRUCTURE_ID,ACTION,FREQ: Frequency,GEO: Geography,TIME_PERIOD,OBS_VALUE\n"
            + "dataflow,ESTAT:X(1.0),I,A,RU,2020,1.5\n"
            + "dataflow,ESTAT:X(1.0),D,A,RU,2021,1.5\n";
    ReadResult r = read(F, csv, spec("s3.csv").indicator("VIOLENT_DEATH_RATE").build());
    assertThat(r.rejections()).isEmpty();
    assertThat(r.observations())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.area()).isEqualTo("RUS");
              assertThat(o.source()).isEqualTo("ESTAT:X(1.0)");
            });
    assertThat(r.skipped()).hasSize(1);
  }

  @Test
  void read_frequencyMismatchAndBadPeriod_areRejected() {
    String csv =
        "DATAFLOW,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE\n"
            + "D,A,RUS,TERROR_INCIDENTS,2024,4\n"
            + "D,M,RUS,TERROR_INCIDENTS,2024-W03,4\n"
            + "D,M,XX,TERROR_INCIDENTS,2024-03,4\n";
    ReadResult r = read(F, csv, spec("f.csv").build());
    assertThat(r.rejections())
        .extracting(Rejection::line, Rejection::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "FREQ"),
            org.assertj.core.groups.Tuple.tuple(3, "TIME_PERIOD"),
            org.assertj.core.groups.Tuple.tuple(4, "REF_AREA"));
  }

  @Test
  void read_weeklyAndDailyTimePeriods_areReadAndOutOfCalendarOnesRejected() {
    String csv =
        "DATAFLOW,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE\n"
            + "D,W,RUS,REPORTS_WEEKLY,2026-W05,4\n"
            + "D,W,RUS,REPORTS_WEEKLY,2020-W53,5\n"
            + "D,D,KAZ,CALLS_DAILY,2026-01-31,6\n"
            + "D,W,RUS,REPORTS_WEEKLY,2025-W53,7\n"
            + "D,D,KAZ,CALLS_DAILY,2026-02-29,8\n"
            + "D,D,KAZ,CALLS_DAILY,2026-W05,9\n";
    ReadResult r = read(F, csv, spec("w.csv").build());
    assertThat(r.observations())
        .extracting(o -> o.period().toString())
        .containsExactly("2026-W05", "2020-W53", "2026-01-31");
    assertThat(r.observations().get(0).period()).isEqualTo(Period.week(2026, 5));
    assertThat(r.rejections())
        .extracting(Rejection::line, Rejection::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(5, "TIME_PERIOD"),
            org.assertj.core.groups.Tuple.tuple(6, "TIME_PERIOD"),
            org.assertj.core.groups.Tuple.tuple(7, "TIME_PERIOD"));
    assertThat(r.rejections().get(0).toString()).contains("YYYY-Www");
    assertThat(r.rejections().get(2).toString()).contains("YYYY-MM-DD");
  }

  @Test
  void read_configuredDimensions_areUsed() {
    String csv = "DATAFLOW,COUNTRY_X,IND_X,TIME_PERIOD,OBS_VALUE\nD,RUS,DRUG_SEIZURES,2024-Q2,7\n";
    ReadResult r =
        read(
            F,
            csv,
            spec("c.csv").sdmxAreaDimension("COUNTRY_X").sdmxIndicatorDimension("ind_x").build());
    assertThat(r.rejections()).isEmpty();
    assertThat(r.observations().get(0).period()).isEqualTo(Period.quarter(2024, 2));
  }

  @Test
  void read_headerWithoutObsValue_isRejected() {
    ReadResult r = read(F, "DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD\n", spec("h").build());
    assertThat(r.rejections())
        .singleElement()
        .satisfies(x -> assertThat(x.field()).isEqualTo("header"));
  }
}

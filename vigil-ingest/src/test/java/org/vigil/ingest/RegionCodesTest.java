package org.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Observation;
import org.vigil.timeseries.Frequency;

/**
 * Region codes (ISO 3166-2) in CSV and SDMX area fields; unknown ones rejected by line and field.
 */
class RegionCodesTest {
  private static final ReferenceData REFERENCE =
      ReferenceData.of(
          List.of(
              Fixtures.country("KAZ", "KZ", "Kazakhstan", "Казахстан"),
              Fixtures.country("RUS", "RU", "Russia", "Россия"),
              Area.subdivision(
                  "KZ-AKM",
                  AreaKind.REGION,
                  "KAZ",
                  "Akmolinskaja oblast'",
                  "Акмолинская область",
                  false,
                  false),
              Area.subdivision(
                  "KZ-AKM-D1", AreaKind.DISTRICT, "KZ-AKM", "District 1", "Район 1", true, false)),
          List.of(Fixtures.indicator("TERROR_INCIDENTS", Frequency.MONTHLY)));

  private static ReadSpec.Builder spec(String file) {
    return ReadSpec.builder(REFERENCE, Fixtures.OWNER).fileName(file);
  }

  @Test
  void longCsv_regionAndDistrictCodes_anyCaseOrRussianName_areRead() {
    String csv =
        "indicator,area,period,value\n"
            + "TERROR_INCIDENTS,KZ-AKM,2024-01,1\n"
            + "TERROR_INCIDENTS,kz-akm-d1,2024-01,2\n"
            + "TERROR_INCIDENTS,Акмолинская область,2024-02,3\n";
    ReadResult r = Fixtures.read(IngestFormat.LONG_CSV, csv, spec("r.csv").build());
    assertThat(r.rejections()).isEmpty();
    assertThat(r.observations())
        .extracting(Observation::area)
        .containsExactly("KZ-AKM", "KZ-AKM-D1", "KZ-AKM");
  }

  @Test
  void longCsv_unknownRegion_isRejectedNamingLineFieldAndWhereToLook() {
    String csv =
        "indicator,area,period,value\n"
            + "TERROR_INCIDENTS,KZ-AKM,2024-01,1\n"
            + "TERROR_INCIDENTS,KZ-XYZ,2024-01,2\n";
    ReadResult r = Fixtures.read(IngestFormat.LONG_CSV, csv, spec("r.csv").build());
    assertThat(r.rejections())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.line()).isEqualTo(3);
              assertThat(x.field()).isEqualTo("area");
              assertThat(x.found()).contains("KZ-XYZ");
              assertThat(x.expected())
                  .contains("region or district code of KAZ")
                  .contains("KZ-AKM")
                  .contains("./vigil areas --parent KAZ");
            });
  }

  @Test
  void sdmxCsv_refAreaAndGeo_regionCodesAreRead_unknownRejected() {
    String csv =
        "DATAFLOW,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE\n"
            + "VIGIL:DF_INDICATORS(1.0),M,KZ-AKM,TERROR_INCIDENTS,2024-03,4\n"
            + "VIGIL:DF_INDICATORS(1.0),M,KZ-QQQ,TERROR_INCIDENTS,2024-03,4\n";
    ReadResult r = Fixtures.read(IngestFormat.SDMX_CSV, csv, spec("s.csv").build());
    assertThat(r.observations()).extracting(Observation::area).containsExactly("KZ-AKM");
    assertThat(r.rejections())
        .extracting(Rejection::line, Rejection::field)
        .containsExactly(tuple(3, "REF_AREA"));
    String geo =
        "STRUCTURE,STRUCTURE_ID,ACTION,FREQ: Frequency,GEO: Geography,TIME_PERIOD,OBS_VALUE\n"
            + "dataflow,ESTAT:X(1.0),I,M,KZ-AKM,2024-03,1.5\n";
    ReadResult g =
        Fixtures.read(
            IngestFormat.SDMX_CSV, geo, spec("g.csv").indicator("TERROR_INCIDENTS").build());
    assertThat(g.rejections()).isEmpty();
    assertThat(g.observations()).extracting(Observation::area).containsExactly("KZ-AKM");
  }
}

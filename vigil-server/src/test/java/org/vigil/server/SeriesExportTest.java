package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.model.Classification;
import org.vigil.model.Observation;
import org.vigil.model.Ownership;
import org.vigil.timeseries.Period;

class SeriesExportTest {

  @Test
  void csv_textCellsThatLookLikeFormulas_areEscaped_numbersAreNot() {
    Ownership o = Ownership.of("KAZ-SC", Classification.PUBLIC);
    List<Observation> rows =
        List.of(
            new Observation(
                "X", "KAZ", Period.parse("2024-01"), -3.5, "", "=HYPERLINK(\"x\")", 0, null, o),
            new Observation("X", "KAZ", Period.parse("2024-02"), 2, "", "+cmd", 0, null, o),
            new Observation("X", "KAZ", Period.parse("2024-03"), 1, "", "@SUM(A1)", 0, null, o),
            new Observation("X", "KAZ", Period.parse("2024-04"), 1, "", "-2+3", 0, null, o),
            new Observation("X", "KAZ", Period.parse("2024-05"), 1, "", "\tx", 0, null, o),
            new Observation("X", "KAZ", Period.parse("2024-06"), 1, "", "plain", 0, null, o));
    StringWriter out = new StringWriter();
    SeriesExport.write(rows, Map.of(), SeriesExport.Format.CSV, out);
    assertThat(out.toString().split("\r\n"))
        .containsExactly(
            "indicator,area,period,value,flags,source",
            "X,KAZ,2024-01,-3.5,,\"'=HYPERLINK(\"\"x\"\")\"",
            "X,KAZ,2024-02,2,,'+cmd",
            "X,KAZ,2024-03,1,,'@SUM(A1)",
            "X,KAZ,2024-04,1,,'-2+3",
            "X,KAZ,2024-05,1,,'\tx",
            "X,KAZ,2024-06,1,,plain");
  }
}

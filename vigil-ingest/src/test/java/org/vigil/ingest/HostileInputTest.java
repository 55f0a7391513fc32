package org.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.ingest.Fixtures.read;
import static org.vigil.ingest.Fixtures.spec;

import org.junit.jupiter.api.Test;

/** Inputs found by an adversarial test: each is refused naming file, line and field. */
class HostileInputTest {
  private static final IngestFormat F = IngestFormat.LONG_CSV;

  @Test
  void underflowToZero_isRefused_butZeroItselfIsNot() {
    String csv =
        "indicator,area,period,value\n"
            + "VIOLENT_DEATH_RATE,RUS,2001,1e-400\n"
            + "VIOLENT_DEATH_RATE,RUS,2002,0.000e-400\n"
            + "VIOLENT_DEATH_RATE,RUS,2003,4.9e-324\n";
    ReadResult r = read(F, csv, spec("u.csv").build());
    assertThat(r.rejections()).hasSize(1);
    assertThat(r.firstRejection().orElseThrow().message())
        .contains("u.csv", "line 2", "value", "stored as 0");
    assertThat(r.observations()).hasSize(2);
  }

  @Test
  void nulByte_isRefused_namingTheField() {
    String csv = "indicator,area,period,value\n" + "VIOLENT_DEATH_RATE,RUS,2001,1\0\n";
    ReadResult r = read(F, csv, spec("n.csv").build());
    assertThat(r.observations()).isEmpty();
    assertThat(r.firstRejection().orElseThrow().message())
        .contains("n.csv", "line 2", "value", "NUL");
  }

  @Test
  void headerOnly_isRefused() {
    ReadResult r = read(F, "indicator,area,period,value\n", spec("h.csv").build());
    assertThat(r.rejections()).hasSize(1);
    assertThat(r.firstRejection().orElseThrow().message()).contains("h.csv", "header only");
  }
}

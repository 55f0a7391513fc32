package org.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.ingest.Fixtures.read;
import static org.vigil.ingest.Fixtures.spec;

import org.junit.jupiter.api.Test;
import org.vigil.model.Observation;
import org.vigil.timeseries.Period;

class JsonReaderTest {
  private static final IngestFormat F = IngestFormat.JSON;

  @Test
  void read_arrayOfObservations_returnsThem() {
    String json =
        "[\n"
            + " {\"indicator\":\"VIOLENT_DEATH_RATE\",\"area\":\"RUS\",\"period\":2001,\"value\":1.5},\n"
            + " {\"indicator\":\"TERROR_INCIDENTS\",\"area\":\"KAZ\",\"period\":\"2001-02\","
            + "\"value\":\"3\",\"flags\":\"P\",\"source\":\"MVD\"}\n"
            + "]";
    ReadResult r = read(F, json, spec("o.json").build());
    assertThat(r.rejections()).isEmpty();
    assertThat(r.observations())
        .extracting(
            Observation::indicator, Observation::period, Observation::value, Observation::flags)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("VIOLENT_DEATH_RATE", Period.year(2001), 1.5, ""),
            org.assertj.core.groups.Tuple.tuple(
                "TERROR_INCIDENTS", Period.month(2001, 2), 3.0, "P"));
  }

  @Test
  void read_seriesShape_inheritsIndicatorAndAreaAndReportsPointLines() {
    String json =
        "{\"indicator\":\"VIOLENT_DEATH_RATE\",\"area\":\"ARM\",\"unit\":\"per 100k\",\n"
            + " \"observations\":[\n"
            + "  {\"period\":\"2000\",\"value\":1,\"vintage\":3},\n"
            + "  {\"period\":\"2001\",\"value\":null},\n"
            + "  {\"period\":\"2002\",\"value\":\"x\"}\n"
            + "]}";
    ReadResult r = read(F, json, spec("s.json").build());
    assertThat(r.observations()).hasSize(2);
    assertThat(r.observations().get(1).value()).isNaN();
    assertThat(r.observations().get(1).flags()).isEqualTo("M");
    assertThat(r.rejections())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.line()).isEqualTo(5);
              assertThat(x.field()).isEqualTo("value");
            });
  }

  @Test
  void read_malformedJson_isOneRejectionWithLine() {
    ReadResult r = read(F, "[\n{\"indicator\": \n}", spec("m.json").build());
    assertThat(r.rejections())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.field()).isEqualTo("json");
              assertThat(x.line()).isEqualTo(3);
            });
  }

  @Test
  void read_wrongTypes_areRejected() {
    String json =
        "[{\"indicator\":5,\"area\":\"RUS\",\"period\":\"2001\",\"value\":1},"
            + "{\"indicator\":\"VIOLENT_DEATH_RATE\",\"area\":\"RUS\",\"period\":\"2001\",\"value\":true},"
            + "7]";
    ReadResult r = read(F, json, spec("w.json").build());
    assertThat(r.rejections())
        .extracting(Rejection::field)
        .containsExactly("indicator", "value", "json");
  }

  @Test
  void read_leavesTheStreamOpenForTheCaller() throws Exception {
    java.io.ByteArrayInputStream in =
        new java.io.ByteArrayInputStream(
            "[1] trailing".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    java.util.concurrent.atomic.AtomicBoolean closed =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.io.InputStream watched =
        new java.io.FilterInputStream(in) {
          @Override
          public void close() {
            closed.set(true);
          }
        };
    F.reader().read(watched, spec("c.json").build());
    assertThat(closed).isFalse();
  }
}

package org.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.vigil.model.Observation;

/**
 * Property-based fuzzing of every reader: random text shaped like each format and random mutations
 * (inserted, deleted and replaced bytes, invalid UTF-8, stray quotes, duplicated lines) of a valid
 * file. Whatever the input, a reader returns a result, never throws, every rejection names a line
 * inside the file and a field, and what it accepts is valid and unique. Tries per property come
 * from the pom's fuzz.tries (jqwik.tries.default): 8 properties x 1300 in the default suite, more
 * with -Pnightly. Seeds are fixed.
 */
class ReaderFuzzTest {
  private static final String LONG =
      "indicator,area,period,value,flags,source\n"
          + "TERROR_INCIDENTS,RUS,2024-01,12,,MVD\n"
          + "VIOLENT_DEATH_RATE,KAZ,2019,7.25,E,\"WHO, \"\"GHE\"\"\"\n"
          + "DRUG_SEIZURES,ARM,2020-Q3,-1.5e2,P,x\n";
  private static final String OWID =
      "Entity,Code,Year,Deaths,Death rate\n"
          + "Armenia,ARM,1990,172,4.82\n"
          + "World,OWID_WRL,1990,1,2\n"
          + "Russia,,1991,30000,21.5\n"
          + "Moldova,MDA,1992,,3\n";
  private static final String SDMX =
      "DATAFLOW,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS\n"
          + "VIGIL:SEC(1.0),M,RU,TERROR_INCIDENTS,2024-M03,4,A\n"
          + "VIGIL:SEC(1.0),A,KAZ,VIOLENT_DEATH_RATE,2019,5,P\n"
          + "VIGIL:SEC(1.0),Q,ARM,DRUG_SEIZURES,2024-Q1,NaN,M\n";
  private static final String JSON =
      "[{\"indicator\":\"VIOLENT_DEATH_RATE\",\"area\":\"RUS\",\"period\":2001,\"value\":1.5},\n"
          + "{\"indicator\":\"TERROR_INCIDENTS\",\"area\":\"KAZ\",\"observations\":[\n"
          + "{\"period\":\"2001-02\",\"value\":\"3\",\"flags\":\"P\"},{\"period\":\"2001-03\",\"value\":null}]}]";

  private static final String CSV_CHARS =
      "ABCDEIKMNOPQRSTUVZ_abc0123456789-.,;:\"\n\r\t ЖйQ+eE\uFEFF\u0000";
  private static final String JSON_CHARS =
      "{}[]\":,. \n0123456789-eEtrufalsn\\/abcdinoprvuyARSUKZ_";

  private static ReadSpec spec(IngestFormat f) {
    ReadSpec.Builder b = Fixtures.spec("fuzz." + f.id());
    if (f == IngestFormat.OWID) {
      b.column("Death rate").indicator("VIOLENT_DEATH_RATE");
    }
    return b.build();
  }

  @Property(seed = "20261129")
  void longCsv_randomRows_neverThrow(@ForAll("csvBodies") String body) {
    check(IngestFormat.LONG_CSV, "indicator,area,period,value,flags,source\n" + body);
  }

  @Property(seed = "20261130")
  void longCsv_mutatedFile_neverThrows(@ForAll("mutations") List<Mutation> m) {
    check(IngestFormat.LONG_CSV, mutate(LONG, m));
  }

  @Property(seed = "20261131")
  void owid_randomRows_neverThrow(@ForAll("csvBodies") String body) {
    check(IngestFormat.OWID, "Entity,Year,Deaths,Death rate\n" + body);
  }

  @Property(seed = "20261132")
  void owid_mutatedFile_neverThrows(@ForAll("mutations") List<Mutation> m) {
    check(IngestFormat.OWID, mutate(OWID, m));
  }

  @Property(seed = "20261133")
  void sdmx_randomRows_neverThrow(@ForAll("csvBodies") String body) {
    check(IngestFormat.SDMX_CSV, "DATAFLOW,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE\n" + body);
  }

  @Property(seed = "20261134")
  void sdmx_mutatedFile_neverThrows(@ForAll("mutations") List<Mutation> m) {
    check(IngestFormat.SDMX_CSV, mutate(SDMX, m));
  }

  @Property(seed = "20261135")
  void json_randomText_neverThrows(@ForAll("jsonTexts") String text) {
    check(IngestFormat.JSON, text.getBytes(StandardCharsets.UTF_8));
  }

  @Property(seed = "20261136")
  void json_mutatedFile_neverThrows(@ForAll("mutations") List<Mutation> m) {
    check(IngestFormat.JSON, mutate(JSON, m));
  }

  private static void check(IngestFormat f, String text) {
    check(f, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void check(IngestFormat f, byte[] bytes) {
    ReadResult r = f.reader().read(new ByteArrayInputStream(bytes), spec(f));
    int lines = 1;
    for (byte b : bytes) {
      if (b == '\n' || b == '\r') {
        lines++;
      }
    }
    for (Rejection x : r.rejections()) {
      assertThat(x.line()).as(x.message()).isBetween(1, lines);
      assertThat(x.field()).as(x.message()).isNotBlank();
      assertThat(x.message()).startsWith("fuzz." + f.id() + " line " + x.line() + ", field ");
    }
    Set<String> keys = new HashSet<>();
    for (Observation o : r.observations()) {
      assertThat(Fixtures.REFERENCE.indicator(o.indicator())).isPresent();
      assertThat(Fixtures.REFERENCE.area(o.area())).isPresent();
      assertThat(keys.add(o.indicator() + "/" + o.area() + "/" + o.period())).isTrue();
      assertThat(Double.isNaN(o.value()) ? RowCollector.hasFlag(o.flags(), "M") : true).isTrue();
    }
    assertThat(r.rowsRead()).isGreaterThanOrEqualTo(0);
  }

  @Provide
  Arbitrary<String> csvBodies() {
    Arbitrary<String> noise =
        Arbitraries.strings().withChars(CSV_CHARS.toCharArray()).ofMaxLength(200);
    Arbitrary<String> token =
        Arbitraries.of(
            "TERROR_INCIDENTS",
            "VIOLENT_DEATH_RATE",
            "DRUG_SEIZURES",
            "RUS",
            "RU",
            "KAZ",
            "Armenia",
            "World",
            "2024",
            "2024-03",
            "2024-M03",
            "2024-Q2",
            "M",
            "A",
            "Q",
            "1.5",
            "-3e2",
            "n/a",
            "",
            "\"",
            "\"\"",
            ",",
            "1e999",
            "NaN",
            "P",
            "\n",
            "\r\n",
            "VIGIL:X(1.0)");
    Arbitrary<String> row = token.list().ofMaxSize(8).map(l -> String.join(",", l));
    Arbitrary<String> rows = row.list().ofMaxSize(6).map(l -> String.join("\n", l));
    return Arbitraries.oneOf(noise, rows);
  }

  @Provide
  Arbitrary<String> jsonTexts() {
    Arbitrary<String> noise =
        Arbitraries.strings().withChars(JSON_CHARS.toCharArray()).ofMaxLength(200);
    Arbitrary<String> value =
        Arbitraries.of(
            "1",
            "-2.5e3",
            "1e999",
            "null",
            "true",
            "\"x\"",
            "\"2024\"",
            "2024",
            "[]",
            "{}",
            "\"RUS\"",
            "\"VIOLENT_DEATH_RATE\"",
            "\"TERROR_INCIDENTS\"",
            "\"2024-03\"",
            "\"M\"");
    Arbitrary<String> key =
        Arbitraries.of(
            "indicator",
            "area",
            "period",
            "value",
            "flags",
            "source",
            "observations",
            "points",
            "x");
    Arbitrary<String> member = Combinators.combine(key, value).as((k, v) -> "\"" + k + "\":" + v);
    Arbitrary<String> object = member.list().ofMaxSize(6).map(l -> "{" + String.join(",", l) + "}");
    Arbitrary<String> array =
        object.list().ofMaxSize(5).map(l -> "[" + String.join(",\n", l) + "]");
    return Arbitraries.oneOf(noise, object, array);
  }

  /** One edit of a file: kind, position (taken modulo the length), length and inserted text. */
  record Mutation(int kind, int position, int length, String text) {}

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Mutation> one =
        Combinators.combine(
                Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(1, 12),
                Arbitraries.strings()
                    .withChars(CSV_CHARS.toCharArray())
                    .withChars("{}[]")
                    .ofMaxLength(6))
            .as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(5);
  }

  static byte[] mutate(String text, List<Mutation> mutations) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    for (Mutation m : mutations) {
      b = apply(b, m);
    }
    return b;
  }

  private static byte[] apply(byte[] b, Mutation m) {
    int pos = b.length == 0 ? 0 : m.position() % (b.length + 1);
    int end = Math.min(b.length, pos + m.length());
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 16);
    out.write(b, 0, pos);
    switch (m.kind()) {
      case 0 -> out.writeBytes(m.text().getBytes(StandardCharsets.UTF_8));
      case 1 -> pos = end;
      case 2 -> {
        out.write(m.length() % 2 == 0 ? 0xC3 : 0xFF);
        pos = Math.min(b.length, pos + 1);
      }
      case 3 ->
          out.writeBytes(
              new String(b, pos, end - pos, StandardCharsets.ISO_8859_1)
                  .repeat(2)
                  .getBytes(StandardCharsets.ISO_8859_1));
      case 4 -> out.write('"');
      default -> {
        out.write('\n');
        pos = end;
      }
    }
    if (m.kind() == 3) {
      pos = end;
    }
    out.write(b, pos, b.length - pos);
    return out.toByteArray();
  }
}

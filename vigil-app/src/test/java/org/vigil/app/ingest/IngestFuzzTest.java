package org.vigil.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.demo.DemoReference;
import org.vigil.ingest.IngestFormat;
import org.vigil.model.AccessContext;
import org.vigil.model.Classification;
import org.vigil.model.InvalidInputException;
import org.vigil.store.StoreFixtures;

/**
 * Randomly mutated files of every format through the whole ingest (reader, service, store) on a
 * real database: every input either loads or is rejected with an {@link InvalidInputException}
 * (never another exception), and after every rejected input the database is unchanged. Seeded; the
 * reader-level property tests in vigil-ingest cover far more inputs without a database.
 */
class IngestFuzzTest {
  private static final int INPUTS = 100;
  private static final Map<IngestFormat, String> SAMPLES =
      Map.of(
          IngestFormat.LONG_CSV,
          "indicator,area,period,value,flags,source\n"
              + "VIOLENT_DEATH_RATE,RUS,2001,7.5,,WHO\n"
              + "VIOLENT_DEATH_RATE,KAZ,2001,6.25,E,\"WHO, GHE\"\n"
              + "POPULATION,ARM,2001,3.1,,\n",
          IngestFormat.OWID,
          "Entity,Code,Year,Deaths,Rate\nArmenia,ARM,1990,172,4.82\nWorld,OWID_WRL,1990,1,2\n"
              + "Russia,,1991,30000,21.5\n",
          IngestFormat.SDMX_CSV,
          "DATAFLOW,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS\n"
              + "VIGIL:X(1.0),A,RU,VIOLENT_DEATH_RATE,2003,4,A\n"
              + "VIGIL:X(1.0),A,KAZ,GDP_PPP,2003,5,P\n",
          IngestFormat.JSON,
          "[{\"indicator\":\"VIOLENT_DEATH_RATE\",\"area\":\"RUS\",\"period\":2004,\"value\":1.5},\n"
              + "{\"indicator\":\"POPULATION\",\"area\":\"KAZ\",\"observations\":["
              + "{\"period\":\"2004\",\"value\":\"16\"}]}]",
          IngestFormat.SDMX_ML,
          "<message:StructureSpecificData xmlns:message=\"urn:m\"><message:DataSet"
              + " validFromDate=\"2026-01-01T00:00:00Z\"><Series FREQ=\"A\" ICCS=\"ICCS0101\""
              + " UNIT=\"P_HTHAB\" GEO=\"KZ\"><Obs TIME_PERIOD=\"2005\" OBS_VALUE=\"5.5\"/>"
              + "</Series></message:DataSet><message:DataSet validFromDate=\"2026-02-01T00:00:00Z\">"
              + "<Series FREQ=\"A\" REF_AREA=\"RUS\" INDICATOR=\"VIOLENT_DEATH_RATE\"><Obs"
              + " TIME_PERIOD=\"2005\" OBS_VALUE=\"7.1\" OBS_STATUS=\"P\"/></Series>"
              + "</message:DataSet></message:StructureSpecificData>",
          IngestFormat.SDMX_JSON,
          "{\"data\":{\"structure\":{\"dimensions\":{\"series\":[{\"id\":\"FREQ\",\"values\":"
              + "[{\"id\":\"A\"}]},{\"id\":\"REF_AREA\",\"values\":[{\"id\":\"ARM\"}]},"
              + "{\"id\":\"INDICATOR\",\"values\":[{\"id\":\"POPULATION\"}]}],\"observation\":"
              + "[{\"id\":\"TIME_PERIOD\",\"values\":[{\"id\":\"2006\"}]}]},\"attributes\":"
              + "{\"observation\":[{\"id\":\"OBS_STATUS\",\"values\":[{\"id\":\"E\"}]}]}},"
              + "\"dataSets\":[{\"series\":{\"0:0:0\":{\"observations\":{\"0\":[3.2,0]}}}}]}}");
  private static final String JUNK = ",\"\n\r;xX0.-eQM{}[]:\u00ff";

  @Test
  void ingest_mutatedFiles_loadOrLeaveTheDatabaseUnchanged() throws Exception {
    SplittableRandom random = new SplittableRandom(20261129);
    int rejected = 0;
    try (Vigil vigil = Vigil.open(VigilConfig.h2InMemory("fuzz-" + System.nanoTime()))) {
      DemoReference.ensure(vigil);
      IngestService service = new IngestService(vigil);
      IngestFormat[] formats = IngestFormat.values();
      for (int i = 0; i < INPUTS; i++) {
        IngestFormat f = formats[i % formats.length];
        // Two inputs in ten are valid files (loaded once, then "already loaded").
        byte[] input =
            i % 10 >= 8
                ? SAMPLES.get(f).getBytes(StandardCharsets.UTF_8)
                : mutate(SAMPLES.get(f), random);
        IngestRequest request =
            IngestRequest.builder(f, "SECRETARIAT", Classification.SHARED)
                .column("Rate")
                .indicator(f == IngestFormat.OWID ? "VIOLENT_DEATH_RATE" : null)
                .build();
        String before = StoreFixtures.dump(vigil.dataSource());
        try {
          service.ingest(
              AccessContext.system(),
              "fuzz-" + i,
              new ByteArrayInputStream(input),
              input.length,
              request,
              IngestProgress.NONE);
        } catch (InvalidInputException e) {
          rejected++;
          assertThat(e.getMessage()).startsWith("fuzz-" + i + " line ");
          assertThat(StoreFixtures.dump(vigil.dataSource()))
              .as("database after rejected input %d: %s", i, e.getMessage())
              .isEqualTo(before);
        }
      }
    }
    assertThat(rejected).as("rejected inputs").isBetween(INPUTS / 4, INPUTS - INPUTS / 5);
  }

  private static byte[] mutate(String sample, SplittableRandom r) {
    byte[] b = sample.getBytes(StandardCharsets.UTF_8);
    int edits = 1 + r.nextInt(3);
    for (int k = 0; k < edits; k++) {
      int pos = r.nextInt(b.length + 1);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(b, 0, pos);
      int kind = r.nextInt(4);
      if (kind == 0) {
        out.write(JUNK.charAt(r.nextInt(JUNK.length())));
      } else if (kind == 1) {
        pos = Math.min(b.length, pos + 1 + r.nextInt(4));
      } else if (kind == 2) {
        out.write(0xC3);
      } else {
        out.writeBytes(String.valueOf(r.nextInt(30)).getBytes(StandardCharsets.UTF_8));
      }
      out.write(b, pos, b.length - pos);
      b = out.toByteArray();
    }
    return b;
  }
}

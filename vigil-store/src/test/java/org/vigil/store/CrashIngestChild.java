package org.vigil.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vigil.model.AccessContext;
import org.vigil.model.Aggregation;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Classification;
import org.vigil.model.Indicator;
import org.vigil.model.IngestBatch;
import org.vigil.model.Observation;
import org.vigil.model.Ownership;
import org.vigil.model.Polarity;
import org.vigil.model.ThreatDomain;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;

/**
 * A process that appends one large batch to an H2 file database, for {@link CrashSafetyTest} to
 * kill. Prints APPENDING just before the append and DONE after the commit.
 */
public final class CrashIngestChild {
  private static final int AREAS = 50;

  private CrashIngestChild() {}

  private static String area(int i) {
    return String.format(java.util.Locale.ROOT, "X%02d", i);
  }

  public static void main(String[] args) {
    String url = args[0];
    int rows = Integer.parseInt(args[1]);
    try (StoreFixtures.OpenStore open =
        StoreFixtures.open(new StoreFixtures.TestDatabase(url, "", ""), Clock.systemUTC())) {
      Store store = open.store();
      AccessContext system = AccessContext.system();
      for (int a = 0; a < AREAS; a++) {
        store
            .reference()
            .saveArea(system, new Area(area(a), AreaKind.COUNTRY, area(a), "", "", ""));
      }
      store
          .reference()
          .saveIndicator(
              system,
              new Indicator(
                  "CRASH",
                  "Crash",
                  "",
                  ThreatDomain.TERRORISM,
                  "",
                  Frequency.MONTHLY,
                  "",
                  Polarity.NEUTRAL,
                  Aggregation.SUM,
                  "",
                  true));
      Ownership o = Ownership.of("KAZ-SC", Classification.NATIONAL);
      List<Observation> obs = new ArrayList<>(rows);
      for (int i = 0; i < rows; i++) {
        obs.add(
            new Observation(
                "CRASH",
                area(i % AREAS),
                Period.month(1000 + i / AREAS / 12, i / AREAS % 12 + 1),
                i,
                "",
                "",
                0,
                null,
                o));
      }
      System.out.println("APPENDING");
      System.out.flush();
      store
          .observations()
          .append(
              system,
              new IngestBatch(0, "", "", Instant.EPOCH, "crash.csv", "00", "long-csv", rows, 0, 0),
              obs);
      System.out.println("DONE");
      System.out.flush();
    }
  }
}

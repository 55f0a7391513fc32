package org.vigil.store;

import java.time.Instant;
import java.util.List;
import org.vigil.model.AccessContext;
import org.vigil.model.Aggregation;
import org.vigil.model.Indicator;
import org.vigil.model.IngestBatch;
import org.vigil.model.Observation;
import org.vigil.model.ObservationRepository;
import org.vigil.model.Ownership;
import org.vigil.model.Polarity;
import org.vigil.model.ThreatDomain;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;

/**
 * The test series that the scheduler, alert, report and access tests of several modules set up the
 * same way: a monthly count whose rise is bad and which adds up, its values from source "test", and
 * the system's batch that stores them.
 */
public final class TestSeries {
  private TestSeries() {}

  /** A monthly, rise-is-bad, summed indicator from source "test", marked synthetic (made up). */
  public static Indicator monthlyCount(
      String code, String nameEn, String nameRu, ThreatDomain domain, String unit) {
    return new Indicator(
        code,
        nameEn,
        nameRu,
        domain,
        unit,
        Frequency.MONTHLY,
        "",
        Polarity.RISE_IS_BAD,
        Aggregation.SUM,
        "test",
        true);
  }

  /** One value of {@code indicator} in {@code area}, without flags, from source "test". */
  public static Observation value(
      String indicator, String area, Period period, double value, Ownership ownership) {
    return new Observation(indicator, area, period, value, "", "test", 0, null, ownership);
  }

  /**
   * Stores {@code rows} as one long-CSV batch the system loaded for {@code organisation} at {@code
   * at} from {@code file} with checksum {@code sha256}.
   */
  public static IngestBatch append(
      ObservationRepository observations,
      String organisation,
      Instant at,
      String file,
      String sha256,
      List<Observation> rows) {
    return observations.append(
        AccessContext.system(),
        new IngestBatch(0, "system", organisation, at, file, sha256, "long-csv", rows.size(), 0, 0),
        rows);
  }
}

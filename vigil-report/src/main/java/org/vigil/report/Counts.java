package org.vigil.report;

import java.util.Locale;
import java.util.Set;
import org.vigil.model.Aggregation;
import org.vigil.model.Indicator;

/**
 * Which indicators count things (incidents, deaths, offences): their values are whole numbers and
 * never negative, so the report prints them as integers and clips their forecast fans at zero.
 */
public final class Counts {
  /** Units that name things counted one by one (the demo's and the ingest examples'). */
  private static final Set<String> COUNT_UNITS =
      Set.of(
          "incidents",
          "deaths",
          "offences",
          "detections",
          "firearms",
          "accidents",
          "outbreaks",
          "cases",
          "events",
          "persons",
          "people",
          "arrests",
          "seizures",
          "attacks",
          "victims",
          "fatalities",
          "documents",
          "count");

  private Counts() {}

  /**
   * True when the indicator adds up over areas and its unit names counted things. Sums of measured
   * quantities (population in millions, GDP in dollars, tonnes) are not counts.
   */
  public static boolean isCount(Indicator ind) {
    return ind.aggregation() == Aggregation.SUM
        && COUNT_UNITS.contains(ind.unit().trim().toLowerCase(Locale.ROOT));
  }
}

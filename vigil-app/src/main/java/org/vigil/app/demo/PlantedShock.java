package org.vigil.app.demo;

import org.vigil.timeseries.Period;

/**
 * A shock planted in a synthetic series.
 *
 * @param period the month it happens (a spike) or starts (a level shift)
 * @param kind spike or level shift
 * @param factor the multiplier applied to the expected level (greater than 1: a rise)
 */
public record PlantedShock(Period period, ShockKind kind, double factor) {
  public PlantedShock {
    if (period == null || kind == null || !(factor > 0)) {
      throw new IllegalArgumentException(
          "PlantedShock needs a period, a kind and a positive factor, found " + factor);
    }
  }
}

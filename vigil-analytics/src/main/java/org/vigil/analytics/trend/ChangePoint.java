package org.vigil.analytics.trend;

import org.vigil.timeseries.Period;

/**
 * A change found by PELT: the first period of the new segment and the fitted level on either side.
 *
 * @param period first period of the new segment
 * @param levelBefore fitted level at the last period of the previous segment
 * @param levelAfter fitted level at the first period of the new segment
 */
public record ChangePoint(Period period, double levelBefore, double levelAfter) {
  public ChangePoint {
    if (period == null) {
      throw new IllegalArgumentException("Change point needs a period, found null");
    }
  }

  /** levelAfter - levelBefore. */
  public double shift() {
    return levelAfter - levelBefore;
  }
}

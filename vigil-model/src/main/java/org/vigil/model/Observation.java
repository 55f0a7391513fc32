package org.vigil.model;

import java.time.Instant;
import org.vigil.timeseries.Period;

/**
 * One value of an indicator for an area and period, as known from one ingest batch (its vintage).
 * Observations are append-only: a revision is a new observation with a later vintage.
 *
 * @param indicator indicator code
 * @param area area code
 * @param period the period the value describes
 * @param value the value; NaN marks a value reported as missing
 * @param flags comma-separated observation flags (e.g. "P" provisional, "E" estimated), or empty
 * @param source the source named in the input, or empty
 * @param batch the ingest batch that recorded it (0 before it is stored)
 * @param recordedAt when the batch was recorded (the vintage time)
 * @param ownership owner and classification
 */
public record Observation(
    String indicator,
    String area,
    Period period,
    double value,
    String flags,
    String source,
    long batch,
    Instant recordedAt,
    Ownership ownership) {
  public Observation {
    if (indicator == null || area == null || period == null || ownership == null) {
      throw new IllegalArgumentException(
          "Observation needs indicator, area, period and ownership; found "
              + indicator
              + ", "
              + area
              + ", "
              + period);
    }
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "Observation " + indicator + "/" + area + "/" + period + " has an infinite value");
    }
    flags = flags == null ? "" : flags;
    source = source == null ? "" : source;
    recordedAt = recordedAt == null ? Instant.EPOCH : recordedAt;
  }

  /** The same value as recorded by another batch at another time. */
  public Observation withVintage(long batchId, Instant at) {
    return new Observation(indicator, area, period, value, flags, source, batchId, at, ownership);
  }
}

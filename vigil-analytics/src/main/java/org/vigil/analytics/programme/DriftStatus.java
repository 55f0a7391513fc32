package org.vigil.analytics.programme;

/** Where a KPI stands against its target. */
public enum DriftStatus {
  /** Forecast to meet its target with at least the threshold probability. */
  ON_TRACK,
  /** Forecast to miss: the probability is below the threshold. A warning. */
  AT_RISK,
  /** The deadline has passed and the observed value met the target. */
  MET,
  /** The deadline has passed and the observed value missed the target. */
  MISSED,
  /** No usable data: no series, too few values, or no value at a passed deadline. */
  NO_DATA
}

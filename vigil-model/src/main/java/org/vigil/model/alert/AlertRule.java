package org.vigil.model.alert;

/** Which rule raised an alert. */
public enum AlertRule {
  /** A value outside the range the anomaly detectors accept. */
  ANOMALY,
  /** A programme KPI drifting away from its target path. */
  KPI_DRIFT,
  /** A data-quality finding (completeness, timeliness, bounds, revisions). */
  DATA_QUALITY,
  /** A change in the direction or slope of a trend. */
  TREND_CHANGE
}

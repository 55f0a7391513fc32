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
  TREND_CHANGE,
  /** A kept rule (org.vigil.model.notify.RuleKind.THRESHOLD): a value beyond a set level. */
  THRESHOLD,
  /** A kept rule: a significant trend that was not there before. */
  TREND_START,
  /** A kept rule: the forecast reaches a set level within a set number of months. */
  FORECAST_EXCEEDS,
  /** A kept rule: a state's composite risk rank rose by a set number of places. */
  RISK_RANK_RISE,
  /** A kept rule: a series' latest value is older than a set number of months. */
  DATA_OVERDUE,
  /** A kept rule: a burst of reports on a domain and state. */
  REPORT_BURST
}

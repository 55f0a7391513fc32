package org.vigil.model.notify;

/**
 * The kinds of alert rule that can be kept as data, with the parameters each reads. A rule with an
 * unknown parameter, or without a required one, is refused when it is stored.
 */
public enum RuleKind {
  /** The latest value in the alert window above {@code above} or below {@code below}. */
  THRESHOLD,
  /** A rising (or, with {@code direction=down}, falling) trend that starts in the window. */
  TREND_START,
  /** A robust-z anomaly found by the alert rules (ANOMALY alerts), at least {@code severity}. */
  ANOMALY,
  /** The forecast reaches {@code level} within {@code months} months. */
  FORECAST_EXCEEDS,
  /** A state's composite risk rank rises by at least {@code places} over {@code months} months. */
  RISK_RANK_RISE,
  /** A programme KPI drifting from its target (KPI_DRIFT alerts). */
  KPI_DRIFT,
  /** A series whose latest value is more than {@code months} months old. */
  DATA_OVERDUE,
  /** A burst of reports on a domain and state (anomaly of the texts counted per domain). */
  REPORT_BURST
}

package org.vigil.analytics.trend;

/** The verdict of a trend test at the spec's significance level. */
public enum Direction {
  RISING,
  FALLING,
  NO_TREND,
  /** Too few values to test. */
  INSUFFICIENT_DATA
}

package org.vigil.model.alert;

/** How urgent an alert is. */
public enum AlertSeverity {
  INFO,
  WARNING,
  CRITICAL
}

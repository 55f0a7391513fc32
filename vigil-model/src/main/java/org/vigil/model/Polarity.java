package org.vigil.model;

/** Whether a rise in an indicator is bad (most security indicators) or good. */
public enum Polarity {
  RISE_IS_BAD,
  RISE_IS_GOOD,
  NEUTRAL
}

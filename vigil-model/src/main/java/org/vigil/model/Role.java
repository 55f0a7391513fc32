package org.vigil.model;

import java.util.Locale;

/** What a user may do within its organisation. Ordered from least to most privileged. */
public enum Role {
  VIEWER,
  ANALYST,
  DATA_STEWARD,
  PROGRAMME_COORDINATOR,
  ORG_ADMIN,
  SYSTEM_ADMIN;

  /** True when this role may write indicator data for its own organisation. */
  public boolean canWriteData() {
    return this == DATA_STEWARD || this == ORG_ADMIN || this == SYSTEM_ADMIN;
  }

  public static Role parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    try {
      return valueOf(t);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Unknown role '" + text + "': expected one of " + java.util.Arrays.toString(values()), e);
    }
  }
}

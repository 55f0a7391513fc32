package org.vigil.model.programme;

import java.util.Locale;

/** Where a measure stands, as last reported or decided. */
public enum MeasureStatus {
  PLANNED,
  IN_PROGRESS,
  DONE,
  DELAYED,
  CANCELLED;

  /** Parses a status by name, case-insensitive, with '-' or ' ' for '_'. */
  public static MeasureStatus parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (MeasureStatus s : values()) {
      if (s.name().equals(t)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "Unknown measure status '"
            + text
            + "': expected one of "
            + java.util.Arrays.toString(values()));
  }
}

package org.vigil.model;

import java.util.Locale;

/** Who may see a record besides its owner. */
public enum Classification {
  /** The owning organisation only. */
  NATIONAL,
  /** The owner and the organisations named on the record. */
  RESTRICTED,
  /** Every member organisation. */
  SHARED,
  /** Anyone, including unauthenticated readers. */
  PUBLIC;

  /**
   * Whether every member organisation may read a record so classified (SHARED or PUBLIC): what a
   * figure meant to be the same for every member reader may be made of.
   */
  public boolean everyMemberReads() {
    return this == SHARED || this == PUBLIC;
  }

  public static Classification parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Unknown classification '" + text + "': expected NATIONAL, RESTRICTED, SHARED or PUBLIC",
          e);
    }
  }
}

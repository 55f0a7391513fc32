package org.vigil.text;

import java.util.Set;

/**
 * A PLOVER event category, with a mode where the trigger implies one.
 *
 * @param category upper-case PLOVER category
 * @param mode PLOVER mode or empty
 */
public record PloverTrigger(String category, String mode) {
  /** The PLOVER event categories. */
  public static final Set<String> CATEGORIES =
      Set.of(
          "AGREE",
          "CONSULT",
          "SUPPORT",
          "CONCEDE",
          "COOPERATE",
          "AID",
          "RETREAT",
          "REQUEST",
          "ACCUSE",
          "REJECT",
          "THREATEN",
          "PROTEST",
          "SANCTION",
          "MOBILIZE",
          "COERCE",
          "ASSAULT",
          "DEMAND",
          "DISAPPROVE",
          "INVESTIGATE",
          "FIGHT");

  public PloverTrigger {
    if (!CATEGORIES.contains(category)) {
      throw new IllegalArgumentException(
          "Unknown PLOVER category '" + category + "': expected one of " + CATEGORIES);
    }
  }

  static PloverTrigger parse(String col) {
    int i = col.indexOf(':');
    return i < 0
        ? new PloverTrigger(col, "")
        : new PloverTrigger(col.substring(0, i), col.substring(i + 1));
  }
}

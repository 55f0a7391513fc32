package org.vigil.water;

import java.util.Objects;

/**
 * A river reach or canal from one node to another. Of the monthly flow {@code x} that leaves {@code
 * from}, {@code (1 - lossFraction) * x} arrives at {@code to}; the rest is lost (seepage,
 * evaporation). {@code capacity} bounds {@code x} per month; it is infinite for a natural reach.
 * Value rules are checked by {@link Basin}.
 */
public record Link(String from, String to, double lossFraction, double capacity) {
  public Link {
    Objects.requireNonNull(from, "link from");
    Objects.requireNonNull(to, "link to");
  }

  /** A reach without a capacity limit. */
  public static Link of(String from, String to, double lossFraction) {
    return new Link(from, to, lossFraction, Double.POSITIVE_INFINITY);
  }

  /** A reach without losses or capacity limit. */
  public static Link of(String from, String to) {
    return of(from, to, 0);
  }

  /** The link's name in messages: {@code 'A' -> 'B'}. */
  public String label() {
    return "'" + from + "' -> '" + to + "'";
  }
}

package org.vigil.water;

/** How a shortage is shared among the states. */
public enum FairnessRule {
  /**
   * Minimise the weighted sum of shortfalls. A state's weight is the one given in the spec, or the
   * inverse of its agreed share, or (without shares) the inverse of its part of the total demand: a
   * cubic metre short weighs more for a state with a small entitlement. A linear objective: the
   * shortage goes where it costs least, it is not spread evenly.
   */
  PROPORTIONAL,
  /**
   * Lexicographic, in two solves: first minimise the largest relative shortfall of any state (its
   * shortfall over the horizon divided by its demand over the horizon), then, with that largest
   * relative shortfall held, minimise the total shortfall.
   */
  MAX_MIN
}

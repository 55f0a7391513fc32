package org.vigil.model.programme;

/** Which side of the target counts as meeting it. */
public enum KpiDirection {
  /** Met when the value is at most the target (plus tolerance): for indicators that should fall. */
  AT_MOST,
  /**
   * Met when the value is at least the target (minus tolerance): for indicators that should rise.
   */
  AT_LEAST;

  /** True when {@code value} meets {@code target} within {@code tolerance}. */
  public boolean meets(double value, double target, double tolerance) {
    return this == AT_MOST ? value <= target + tolerance : value >= target - tolerance;
  }

  /** The threshold the value is compared with: the target moved by the tolerance. */
  public double threshold(double target, double tolerance) {
    return this == AT_MOST ? target + tolerance : target - tolerance;
  }
}

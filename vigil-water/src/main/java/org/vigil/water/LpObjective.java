package org.vigil.water;

/** What one solve minimises. */
final class LpObjective {
  private final Mode mode;
  private final double[] withdrawalWeights;
  private final double maxRelative;

  private LpObjective(Mode mode, double[] withdrawalWeights, double maxRelative) {
    this.mode = mode;
    this.withdrawalWeights = withdrawalWeights == null ? null : withdrawalWeights.clone();
    this.maxRelative = maxRelative;
  }

  Mode mode() {
    return mode;
  }

  /** The weight per withdrawal (WEIGHTED only). */
  double[] withdrawalWeights() {
    return withdrawalWeights.clone();
  }

  /** The cap on every state's relative shortfall (TOTAL_WITH_MAX_RELATIVE only). */
  double maxRelative() {
    return maxRelative;
  }

  enum Mode {
    /** Sum of weight times shortfall. */
    WEIGHTED,
    /** The largest relative shortfall of any state. */
    MIN_MAX_RELATIVE,
    /** Total shortfall, with every state's relative shortfall held at most maxRelative. */
    TOTAL_WITH_MAX_RELATIVE,
    /** Only the slack of elastic constraints (zero when none). */
    FEASIBILITY
  }

  static LpObjective weighted(double[] weights) {
    return new LpObjective(Mode.WEIGHTED, weights, Double.NaN);
  }

  static LpObjective minMaxRelative() {
    return new LpObjective(Mode.MIN_MAX_RELATIVE, null, Double.NaN);
  }

  static LpObjective totalWithMaxRelative(double cap) {
    return new LpObjective(Mode.TOTAL_WITH_MAX_RELATIVE, null, cap);
  }

  static LpObjective feasibility() {
    return new LpObjective(Mode.FEASIBILITY, null, Double.NaN);
  }
}

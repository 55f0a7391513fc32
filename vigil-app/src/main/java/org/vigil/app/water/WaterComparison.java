package org.vigil.app.water;

import java.util.List;
import org.vigil.model.water.WaterRun;

/**
 * Two stored runs side by side, per state over each run's horizon (hm³). A state missing from one
 * run (another basin, or an infeasible run) has NaN there.
 *
 * @param a the first run
 * @param b the second run
 * @param states one row per state of either run, sorted by code
 */
public record WaterComparison(WaterRun a, WaterRun b, List<StateRow> states) {
  public WaterComparison {
    states = List.copyOf(states);
  }

  /**
   * One state in both runs: demand, delivered, shortfall and relative shortfall (shortfall over
   * demand, 0 to 1).
   */
  public record StateRow(
      String state,
      double demandA,
      double deliveredA,
      double shortfallA,
      double relativeShortfallA,
      double demandB,
      double deliveredB,
      double shortfallB,
      double relativeShortfallB) {

    /** Shortfall in b minus shortfall in a (negative: b is better for this state). */
    public double shortfallChange() {
      return shortfallB - shortfallA;
    }
  }
}

package org.vigil.app.forecast;

import java.util.List;
import java.util.Map;
import org.vigil.forecast.Forecast;
import org.vigil.timeseries.TimeSeries;

/**
 * A group's forecast of one indicator, coherent with its member states' forecasts: the group's
 * point forecast is, step by step, the sum (for indicators that add up) or the mean (for means and
 * rates) of its covered members' reconciled point forecasts. Computed once over every state's data
 * (the published figure, the same for every reader); {@link #covered()} says which states it
 * covers.
 *
 * @param indicator the indicator's code
 * @param group the group's code, e.g. CIS
 * @param members the group's member states today
 * @param covered the members whose data reaches the last period, and so are in the figure
 * @param aggregation {@code SUM} or {@code MEAN}
 * @param history the group's aggregate history over the covered states
 * @param total the group's reconciled forecast
 * @param states every covered member's reconciled forecast, by state code
 * @param basePoints every node's (groups' and states') point forecasts before reconciliation
 * @param lambda the shrinkage intensity of the error covariance
 * @param estimator {@code mint_shrink} or its fallback {@code wls_var}
 * @param notes what the reconciliation did (fallbacks, points floored at zero)
 */
public record RegionalForecast(
    String indicator,
    String group,
    List<String> members,
    List<String> covered,
    String aggregation,
    TimeSeries history,
    Forecast total,
    Map<String, Forecast> states,
    Map<String, double[]> basePoints,
    double lambda,
    String estimator,
    List<String> notes) {

  public RegionalForecast {
    members = List.copyOf(members);
    covered = List.copyOf(covered);
    states = Map.copyOf(states);
    basePoints = Map.copyOf(basePoints);
    notes = List.copyOf(notes);
  }

  /** "7 of 10 states": how many of the group's members the figure covers. */
  public String coverage() {
    return covered.size() + " of " + members.size() + " states";
  }
}

package org.vigil.analytics.risk;

import java.util.HashMap;
import java.util.Map;
import org.vigil.timeseries.Period;

/**
 * The inputs of one scoring: for each state, its input values by key (indicator code or pre-scored
 * component key), at a period and horizon.
 *
 * @param period the period scored (for projections: the target period)
 * @param horizon months ahead of the latest data: 0 for now or the past, 6 or 12 for projections
 * @param values per area code, per input key, the value
 */
public record Snapshot(Period period, int horizon, Map<String, Map<String, InputValue>> values) {
  public Snapshot {
    if (period == null || horizon < 0) {
      throw new IllegalArgumentException(
          "Snapshot needs a period and horizon >= 0, found " + period + ", " + horizon);
    }
    Map<String, Map<String, InputValue>> copy = new HashMap<>();
    values.forEach((a, m) -> copy.put(a, Map.copyOf(m)));
    values = Map.copyOf(copy);
  }
}

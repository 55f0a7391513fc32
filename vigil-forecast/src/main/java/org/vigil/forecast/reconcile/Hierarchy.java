package org.vigil.forecast.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.forecast.ForecastInputException;

/**
 * A hierarchy (or grouped structure) of series: bottom series and aggregates, each aggregate a
 * weighted sum of bottom series (weight 1 for totals, {@code 1/k} for means of {@code k} members).
 * Aggregates may overlap (a state can belong to several groups). Nodes are ordered aggregates
 * first, then bottom series, as the rows of the summing matrix {@link #summingMatrix()}.
 *
 * @param bottom the bottom series' names, distinct
 * @param aggregates each aggregate's name and its members' weights, by bottom name
 */
public record Hierarchy(List<String> bottom, Map<String, Map<String, Double>> aggregates) {
  public Hierarchy {
    bottom = List.copyOf(bottom);
    if (bottom.isEmpty() || bottom.stream().distinct().count() != bottom.size()) {
      throw new ForecastInputException("A hierarchy needs distinct bottom series, found " + bottom);
    }
    Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Double>> a : aggregates.entrySet()) {
      if (bottom.contains(a.getKey())) {
        throw new ForecastInputException(
            "Aggregate '" + a.getKey() + "' is also a bottom series: give it another name");
      }
      for (String member : a.getValue().keySet()) {
        if (!bottom.contains(member)) {
          throw new ForecastInputException(
              "Aggregate '"
                  + a.getKey()
                  + "' names member '"
                  + member
                  + "', which is not a bottom series of "
                  + bottom);
        }
      }
      if (a.getValue().isEmpty()) {
        throw new ForecastInputException("Aggregate '" + a.getKey() + "' has no members");
      }
      copy.put(a.getKey(), Map.copyOf(a.getValue()));
    }
    aggregates = java.util.Collections.unmodifiableMap(copy);
  }

  /** Every node's name, aggregates first, then bottom series. */
  public List<String> nodes() {
    List<String> out = new ArrayList<>(aggregates.keySet());
    out.addAll(bottom);
    return out;
  }

  /**
   * The summing matrix {@code S} (nodes x bottom): row of an aggregate holds its weights, the
   * bottom rows the identity, so that all nodes' values are {@code S} times the bottom values.
   */
  public double[][] summingMatrix() {
    int nb = bottom.size();
    double[][] s = new double[aggregates.size() + nb][nb];
    int row = 0;
    for (Map<String, Double> weights : aggregates.values()) {
      for (Map.Entry<String, Double> w : weights.entrySet()) {
        s[row][bottom.indexOf(w.getKey())] = w.getValue();
      }
      row++;
    }
    for (int j = 0; j < nb; j++) {
      s[row + j][j] = 1;
    }
    return s;
  }
}

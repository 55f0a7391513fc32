package org.vigil.analytics.risk;

import java.util.List;
import java.util.Map;
import org.vigil.timeseries.Period;

/**
 * The risk of one state in one domain at one snapshot.
 *
 * @param area area code
 * @param domain domain name (a threat domain or a methodology's own name)
 * @param period the period scored
 * @param horizon months ahead (0: now or past)
 * @param score 0-10 score from the central inputs and weights (NaN when not enough data)
 * @param lower lower end of the Monte Carlo band (NaN without draws)
 * @param upper upper end of the Monte Carlo band (NaN without draws)
 * @param rank 1 = highest risk among the states scored in this domain and snapshot (0 when
 *     unscored)
 * @param rankLower best (smallest) rank in the band
 * @param rankUpper worst (largest) rank in the band
 * @param reliability share of the tree's leaf weight with data behind the score, in [0, 1]
 * @param components every group node's 0-10 score by id (the decomposition by level)
 * @param drivers the leaves, largest contribution first
 * @param change score minus the reference snapshot's score (NaN when none)
 * @param reference the period of the reference snapshot, or empty
 */
public record RiskScore(
    String area,
    String domain,
    Period period,
    int horizon,
    double score,
    double lower,
    double upper,
    int rank,
    int rankLower,
    int rankUpper,
    double reliability,
    Map<String, Double> components,
    List<Driver> drivers,
    double change,
    String reference) {
  public RiskScore {
    components = Map.copyOf(components);
    drivers = List.copyOf(drivers);
  }

  /** The {@code n} largest drivers. */
  public List<Driver> topDrivers(int n) {
    return drivers.subList(0, Math.min(n, drivers.size()));
  }
}

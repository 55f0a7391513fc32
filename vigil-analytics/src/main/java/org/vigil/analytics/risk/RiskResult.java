package org.vigil.analytics.risk;

import java.util.List;
import java.util.Optional;
import org.vigil.timeseries.Period;

/**
 * Every score of one run, with the methodology and spec that made it.
 *
 * @param methodology methodology id
 * @param version methodology version
 * @param spec the Monte Carlo spec
 * @param scores per state, domain and snapshot
 * @param diagnostics remarks (degenerate bounds, missing inputs)
 */
public record RiskResult(
    String methodology,
    String version,
    RiskSpec spec,
    List<RiskScore> scores,
    List<String> diagnostics) {
  public RiskResult {
    scores = List.copyOf(scores);
    diagnostics = List.copyOf(diagnostics);
  }

  /** Scores of one snapshot, highest risk first. */
  public List<RiskScore> at(Period period, int horizon) {
    return scores.stream()
        .filter(s -> s.period().equals(period) && s.horizon() == horizon)
        .sorted(java.util.Comparator.comparingDouble(RiskScore::score).reversed())
        .toList();
  }

  public Optional<RiskScore> find(String area, String domain, Period period, int horizon) {
    return scores.stream()
        .filter(
            s ->
                s.area().equals(area)
                    && s.domain().equals(domain)
                    && s.period().equals(period)
                    && s.horizon() == horizon)
        .findFirst();
  }
}

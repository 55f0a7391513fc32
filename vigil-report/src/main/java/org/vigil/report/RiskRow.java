package org.vigil.report;

import java.util.Optional;
import org.vigil.model.Area;
import org.vigil.model.ThreatDomain;

/**
 * A state's composite risk for the report period.
 *
 * @param area the state
 * @param score risk score on the methodology's scale, 0 (low) to 10 (high)
 * @param previousScore the score one period earlier, NaN when unknown
 * @param topDriver the domain that contributes most, empty when unknown
 */
public record RiskRow(
    Area area, double score, double previousScore, Optional<ThreatDomain> topDriver) {

  public RiskRow {
    if (area == null) {
      throw new IllegalArgumentException("RiskRow needs an area, found null");
    }
    if (!(score >= 0 && score <= 10)) {
      throw new IllegalArgumentException(
          "Risk score for " + area.code() + " must be in 0..10, found " + score);
    }
    topDriver = topDriver == null ? Optional.empty() : topDriver;
  }

  /** Change since the previous period in score points, NaN when unknown. */
  public double change() {
    return score - previousScore;
  }
}

package org.vigil.report;

import java.util.List;
import java.util.Optional;
import org.vigil.model.Area;
import org.vigil.model.ThreatDomain;

/**
 * A state's composite risk for the report period.
 *
 * @param area the state
 * @param score risk score on the methodology's scale, 0 (low) to 10 (high): the composite of the
 *     domains every member organisation may read, the same in every member reader's report
 * @param previousScore the score one period earlier, NaN when unknown
 * @param topDriver the domain that contributes most, empty when unknown
 * @param withRestricted the composite that also averages the domains this reader may read and not
 *     every member may (NATIONAL or RESTRICTED inputs): a second, labelled figure for the readers
 *     of those domains only; empty for every other reader
 */
public record RiskRow(
    Area area,
    double score,
    double previousScore,
    Optional<ThreatDomain> topDriver,
    Optional<WithRestricted> withRestricted) {

  public RiskRow {
    if (area == null) {
      throw new IllegalArgumentException("RiskRow needs an area, found null");
    }
    if (!(score >= 0 && score <= 10)) {
      throw new IllegalArgumentException(
          "Risk score for " + area.code() + " must be in 0..10, found " + score);
    }
    topDriver = topDriver == null ? Optional.empty() : topDriver;
    withRestricted = withRestricted == null ? Optional.empty() : withRestricted;
  }

  /** A row with the common composite only. */
  public RiskRow(Area area, double score, double previousScore, Optional<ThreatDomain> topDriver) {
    this(area, score, previousScore, topDriver, Optional.empty());
  }

  /** This row with the reader's fuller composite. */
  public RiskRow withRestricted(WithRestricted fuller) {
    return new RiskRow(area, score, previousScore, topDriver, Optional.of(fuller));
  }

  /** Change since the previous period in score points, NaN when unknown. */
  public double change() {
    return score - previousScore;
  }

  /**
   * A composite that includes domains not shared with every member.
   *
   * @param score 0 to 10
   * @param domains the domains it averages
   * @param domainsTotal the methodology's domains
   * @param notShared the domains among them that not every member may read, at least one
   */
  public record WithRestricted(
      double score, int domains, int domainsTotal, List<ThreatDomain> notShared) {
    public WithRestricted {
      if (!(score >= 0 && score <= 10)) {
        throw new IllegalArgumentException(
            "A composite with restricted domains must be in 0..10, found " + score);
      }
      notShared = notShared == null ? List.of() : List.copyOf(notShared);
      if (notShared.isEmpty() || domains < notShared.size() || domains > domainsTotal) {
        throw new IllegalArgumentException(
            "A composite with restricted domains names at least one of them and averages at most"
                + " the methodology's domains, found "
                + notShared
                + ", "
                + domains
                + " of "
                + domainsTotal);
      }
    }
  }
}

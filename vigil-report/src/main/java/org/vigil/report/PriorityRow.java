package org.vigil.report;

import org.vigil.model.ThreatDomain;

/**
 * A ranked regional priority.
 *
 * @param rank 1 is the highest priority
 * @param domain the threat domain
 * @param score priority score on the risk scale, 0 to 10
 * @param previousRank the rank one period earlier, 0 when unknown
 */
public record PriorityRow(int rank, ThreatDomain domain, double score, int previousRank) {

  public PriorityRow {
    if (rank < 1) {
      throw new IllegalArgumentException("Priority rank must be >= 1, found " + rank);
    }
    if (domain == null) {
      throw new IllegalArgumentException("PriorityRow needs a domain, found null");
    }
    if (previousRank < 0) {
      throw new IllegalArgumentException("Previous rank must be >= 0, found " + previousRank);
    }
  }

  /** +1 when the priority moved up the ranking, -1 down, 0 unchanged or unknown. */
  public int movement() {
    return previousRank == 0 ? 0 : Integer.signum(previousRank - rank);
  }
}

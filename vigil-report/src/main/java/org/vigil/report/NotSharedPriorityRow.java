package org.vigil.report;

import org.vigil.model.ThreatDomain;

/**
 * A priority of the report's state that the reader may read but not every member may (its inputs
 * are NATIONAL or RESTRICTED). It is outside the shared ranking, so it has no rank: the ranked
 * table stays the same for every member reader, and these are listed apart.
 *
 * @param domain the threat domain
 * @param score priority score on the risk scale, 0 to 10
 */
public record NotSharedPriorityRow(ThreatDomain domain, double score) {

  public NotSharedPriorityRow {
    if (domain == null) {
      throw new IllegalArgumentException("NotSharedPriorityRow needs a domain, found null");
    }
    if (!(score >= 0 && score <= 10)) {
      throw new IllegalArgumentException("Priority score must be between 0 and 10, found " + score);
    }
  }
}

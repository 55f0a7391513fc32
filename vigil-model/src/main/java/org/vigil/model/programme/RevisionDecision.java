package org.vigil.model.programme;

import java.time.Instant;

/**
 * A coordinator's decision on a draft revision. Stored as its own row: the revision itself is never
 * changed.
 *
 * @param state APPROVED or REJECTED
 * @param by the coordinator's user name
 * @param organisation the coordinator's organisation
 * @param at when
 * @param comment why, or empty
 */
public record RevisionDecision(
    RevisionState state, String by, String organisation, Instant at, String comment) {
  public RevisionDecision {
    if (state == null || state == RevisionState.DRAFT) {
      throw new IllegalArgumentException("A decision must be APPROVED or REJECTED, found " + state);
    }
    by = Validation.text("Decision maker", by);
    organisation = Validation.orEmpty(organisation);
    if (at == null) {
      throw new IllegalArgumentException("A decision needs a time, found none");
    }
    comment = Validation.orEmpty(comment);
  }
}

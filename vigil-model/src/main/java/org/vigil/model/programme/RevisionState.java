package org.vigil.model.programme;

/** Where a revision stands: drafts await a coordinator's decision; decisions are final. */
public enum RevisionState {
  DRAFT,
  APPROVED,
  REJECTED
}

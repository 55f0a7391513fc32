package org.vigil.model.programme;

import java.time.Instant;

/**
 * A party's approval of a draft amendment that changes that party's KPIs. An amendment drafted by
 * one party that adds, removes or changes a KPI of another party takes effect only when each such
 * party (through a programme coordinator) or the secretariat has approved it; until then it stays a
 * draft. Stored as its own insert-only row.
 *
 * @param party the consenting party (an area code of a party of the programme)
 * @param by the coordinator's user name
 * @param organisation the coordinator's organisation
 * @param at when
 * @param comment why, or empty
 */
public record RevisionConsent(
    String party, String by, String organisation, Instant at, String comment) {
  public RevisionConsent {
    Validation.code("Consenting party", party);
    by = Validation.text("Consenting coordinator", by);
    organisation = Validation.orEmpty(organisation);
    if (at == null) {
      throw new IllegalArgumentException("A consent needs a time, found none");
    }
    comment = Validation.orEmpty(comment);
  }
}

package org.vigil.model.programme;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every version of one programme, oldest first. The active version is the one approved last; the
 * programme "as of" a time is the version approved last at or before that time.
 *
 * @param revisions all revisions, ordered by version
 */
public record ProgrammeHistory(List<ProgrammeRevision> revisions) {
  public ProgrammeHistory {
    revisions =
        revisions.stream().sorted(Comparator.comparingInt(ProgrammeRevision::version)).toList();
  }

  public Optional<ProgrammeRevision> version(int version) {
    return revisions.stream().filter(r -> r.version() == version).findFirst();
  }

  /** The version in force now: the one approved last. */
  public Optional<ProgrammeRevision> active() {
    return asOf(Instant.MAX);
  }

  /** The version in force at a time: the one approved last at or before it. */
  public Optional<ProgrammeRevision> asOf(Instant at) {
    return revisions.stream()
        .filter(r -> r.effectiveFrom().filter(t -> !t.isAfter(at)).isPresent())
        .max(
            Comparator.comparing((ProgrammeRevision r) -> r.effectiveFrom().orElseThrow())
                .thenComparingInt(ProgrammeRevision::version));
  }

  /** Drafts awaiting a decision. */
  public List<ProgrammeRevision> drafts() {
    return revisions.stream().filter(r -> r.state() == RevisionState.DRAFT).toList();
  }

  /** The number the next revision gets. */
  public int nextVersion() {
    return revisions.isEmpty() ? 1 : revisions.get(revisions.size() - 1).version() + 1;
  }
}

package org.vigil.model.programme;

import java.time.Instant;
import java.util.Optional;

/**
 * One version of a programme: the whole programme as it stood after a change, who made the change,
 * when and why, and the coordinator's decision on it (none while it is a draft).
 *
 * @param programme the programme code
 * @param version 1, 2, 3... in order of creation
 * @param baseVersion the version it was drafted from (0 for the first)
 * @param author who drafted it
 * @param organisation the author's organisation
 * @param createdAt when it was drafted
 * @param reason why
 * @param content the programme as this version has it
 * @param decision the decision, empty while a draft
 */
public record ProgrammeRevision(
    String programme,
    int version,
    int baseVersion,
    String author,
    String organisation,
    Instant createdAt,
    String reason,
    Programme content,
    Optional<RevisionDecision> decision) {
  public ProgrammeRevision {
    Validation.code("Revision programme", programme);
    if (version < 1 || baseVersion < 0 || baseVersion >= version) {
      throw new IllegalArgumentException(
          "Revision of "
              + programme
              + " needs version >= 1 and 0 <= base < version, found "
              + version
              + " from "
              + baseVersion);
    }
    author = Validation.text("Revision author", author);
    organisation = Validation.orEmpty(organisation);
    if (createdAt == null || content == null || decision == null) {
      throw new IllegalArgumentException(
          "Revision " + programme + " v" + version + " needs a time, content and decision");
    }
    reason = Validation.text("Revision " + programme + " v" + version + " reason", reason);
    if (!content.code().equals(programme)) {
      throw new IllegalArgumentException(
          "Revision of " + programme + " holds programme " + content.code());
    }
  }

  public RevisionState state() {
    return decision.map(RevisionDecision::state).orElse(RevisionState.DRAFT);
  }

  /** When it took effect: the approval time, if approved. */
  public Optional<Instant> effectiveFrom() {
    return decision.filter(d -> d.state() == RevisionState.APPROVED).map(RevisionDecision::at);
  }

  public ProgrammeRevision withDecision(RevisionDecision d) {
    return new ProgrammeRevision(
        programme,
        version,
        baseVersion,
        author,
        organisation,
        createdAt,
        reason,
        content,
        Optional.of(d));
  }
}

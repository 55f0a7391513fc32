package org.vigil.model.programme;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One version of a programme: the whole programme as it stood after a change, who made the change,
 * when and why, and the coordinator's decision on it (none while it is a draft). An amendment that
 * changes other parties' KPIs also names those parties ({@code consentRequired}) and carries the
 * approvals they gave so far; it stays a draft until each has approved or the secretariat has.
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
 * @param consentRequired the parties whose KPIs this amendment changes and who must approve it (or
 *     the secretariat for them), sorted; empty when any coordinator may decide
 * @param consents the approvals those parties gave so far, oldest first
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
    Optional<RevisionDecision> decision,
    List<String> consentRequired,
    List<RevisionConsent> consents) {
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
    if (consentRequired == null || consents == null) {
      throw new IllegalArgumentException(
          "Revision " + programme + " v" + version + " needs its consent lists (empty for none)");
    }
    consentRequired = List.copyOf(new TreeSet<>(consentRequired));
    consents = List.copyOf(consents);
    for (RevisionConsent c : consents) {
      if (!consentRequired.contains(c.party())) {
        throw new IllegalArgumentException(
            "Revision "
                + programme
                + " v"
                + version
                + " holds a consent of "
                + c.party()
                + ", expected only parties in "
                + consentRequired);
      }
    }
    if (!content.code().equals(programme)) {
      throw new IllegalArgumentException(
          "Revision of " + programme + " holds programme " + content.code());
    }
  }

  public RevisionState state() {
    return decision.map(RevisionDecision::state).orElse(RevisionState.DRAFT);
  }

  /** A revision with no consent rule (a new programme, or a change of the drafter's own KPIs). */
  public ProgrammeRevision(
      String programme,
      int version,
      int baseVersion,
      String author,
      String organisation,
      Instant createdAt,
      String reason,
      Programme content,
      Optional<RevisionDecision> decision) {
    this(
        programme,
        version,
        baseVersion,
        author,
        organisation,
        createdAt,
        reason,
        content,
        decision,
        List.of(),
        List.of());
  }

  /**
   * The parties whose approval this draft still awaits, sorted; empty when decided or when nobody
   * else's approval is needed.
   */
  public List<String> awaitingConsentOf() {
    if (decision.isPresent()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(consentRequired);
    consents.forEach(c -> out.remove(c.party()));
    return List.copyOf(out);
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
        Optional.of(d),
        consentRequired,
        consents);
  }

  public ProgrammeRevision withConsent(RevisionConsent c) {
    List<RevisionConsent> more = new ArrayList<>(consents);
    more.add(c);
    return new ProgrammeRevision(
        programme,
        version,
        baseVersion,
        author,
        organisation,
        createdAt,
        reason,
        content,
        decision,
        consentRequired,
        more);
  }
}

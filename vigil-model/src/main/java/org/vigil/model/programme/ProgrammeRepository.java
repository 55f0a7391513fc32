package org.vigil.model.programme;

import java.util.List;
import java.util.Optional;
import org.vigil.model.AccessContext;

/**
 * Programmes, their versions and their implementation reports. Nothing is overwritten: a change is
 * a new revision, a decision is a new row, a corrected report is a new report. Every call takes the
 * caller's access context and is checked with {@link ProgrammeAccess}.
 */
public interface ProgrammeRepository {

  /** Codes of all programmes, sorted. Programme structure is public. */
  List<String> programmes(AccessContext ctx);

  /** Every version of a programme, oldest first; empty history when there is none. */
  ProgrammeHistory history(AccessContext ctx, String programme);

  /**
   * Stores a new draft version drafted from {@code baseVersion}: the version in force, or 0 when no
   * version is in force yet. Author and time come from the context and the store's clock.
   *
   * @throws org.vigil.model.InvalidInputException when the base is not the version in force, or the
   *     draft changes nothing
   * @throws org.vigil.model.AccessDeniedException when the caller may not draft
   */
  ProgrammeRevision draft(AccessContext ctx, Programme content, int baseVersion, String reason);

  /**
   * Records a coordinator's decision on a draft. A draft is approved only while its base is still
   * the version in force, so approving one draft never silently drops another's changes.
   *
   * @throws org.vigil.model.InvalidInputException when the version is not a draft, or its base is
   *     no longer the version in force
   * @throws org.vigil.model.AccessDeniedException when the caller is not a programme coordinator
   */
  ProgrammeRevision decide(
      AccessContext ctx, String programme, int version, RevisionState state, String comment);

  /** Files a report; the store sets id, submitter and time. */
  ImplementationReport file(AccessContext ctx, ImplementationReport report);

  /** The reports on a programme the caller may read, oldest first. */
  List<ImplementationReport> reports(AccessContext ctx, String programme);

  /** The active version of a programme, if one was approved. */
  default Optional<ProgrammeRevision> active(AccessContext ctx, String programme) {
    return history(ctx, programme).active();
  }
}

package org.vigil.model.water;

import java.util.List;
import java.util.Optional;
import org.vigil.model.AccessContext;

/**
 * Stored water allocation runs. Every call takes the caller's context: reads return only runs whose
 * ownership the caller may read (threat domain WATER for sharing agreements), and every store is
 * audited in its transaction.
 */
public interface WaterRunRepository {

  /**
   * Stores a run owned by the caller's organisation.
   *
   * @return the run with its id and time
   * @throws org.vigil.model.AccessDeniedException when the caller is anonymous or a viewer, or the
   *     run's owner is not the caller's organisation
   */
  WaterRun save(AccessContext ctx, WaterRun run);

  /**
   * Checks, without touching the database, that ctx may store a run with this ownership, so that a
   * caller can refuse before it computes the run.
   *
   * @throws org.vigil.model.AccessDeniedException as {@link #save} would
   */
  void checkMayStore(AccessContext ctx, org.vigil.model.Ownership ownership);

  /** The runs ctx may read, newest first, of one basin or all. */
  List<WaterRun> list(AccessContext ctx, Optional<String> basin);

  /**
   * One run.
   *
   * @throws org.vigil.model.NotFoundException when absent or not readable by ctx
   */
  WaterRun get(AccessContext ctx, long id);
}

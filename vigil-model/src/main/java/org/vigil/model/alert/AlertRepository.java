package org.vigil.model.alert;

import java.util.List;
import org.vigil.model.AccessContext;

/**
 * Stored alerts. Every call takes the caller's context; reads return only alerts whose ownership
 * the caller may read, and a state change is a new history row (nothing is overwritten).
 */
public interface AlertRepository {

  /**
   * Stores the alerts whose {@link Alert#key()} is not stored yet, each with an initial NEW history
   * entry; alerts already stored are skipped.
   *
   * @return the alerts newly stored
   * @throws org.vigil.model.AccessDeniedException unless ctx is the system context
   */
  List<Alert> raise(AccessContext ctx, List<Alert> candidates);

  /** Alerts ctx may read, newest first. */
  List<Alert> list(AccessContext ctx, AlertQuery query);

  /**
   * One alert.
   *
   * @throws org.vigil.model.NotFoundException when absent or not readable by ctx
   */
  Alert get(AccessContext ctx, long id);

  /**
   * Appends a state change. Only users of the owning organisation (or the system) may change an
   * alert's state.
   *
   * @throws org.vigil.model.NotFoundException when absent or not readable by ctx
   * @throws org.vigil.model.AccessDeniedException when readable but not the caller's to change
   * @throws org.vigil.model.InvalidInputException when the state is NEW or already the state
   */
  Alert mark(AccessContext ctx, long id, AlertState state);
}

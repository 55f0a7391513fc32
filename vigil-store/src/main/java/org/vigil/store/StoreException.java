package org.vigil.store;

import org.vigil.model.VigilException;

/** The database failed (connection lost, disk full, constraint broken): an internal error. */
public final class StoreException extends VigilException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

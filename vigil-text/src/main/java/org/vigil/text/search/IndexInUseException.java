package org.vigil.text.search;

import org.vigil.model.VigilException;

/**
 * The search index's directory is locked by another process: one process at a time may hold it
 * (Lucene's write lock). The message names the directory and what to do.
 */
public final class IndexInUseException extends VigilException {
  private static final long serialVersionUID = 1L;

  IndexInUseException(String message, Throwable cause) {
    super(message, cause);
  }
}

package org.vigil.server;

import org.vigil.model.VigilException;

/** A request body over the configured limit (answered 413). */
final class PayloadTooLargeException extends VigilException {
  private static final long serialVersionUID = 1L;

  PayloadTooLargeException(String message) {
    super(message);
  }
}

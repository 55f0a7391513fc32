package org.vigil.server;

import org.vigil.model.InvalidInputException;

/** A request parameter breaks a rule (answered 400, unlike invalid content, which is 422). */
public final class BadRequestException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  public BadRequestException(String message) {
    super(message);
  }
}

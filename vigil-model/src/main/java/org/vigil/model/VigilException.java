package org.vigil.model;

/**
 * A domain failure with a message that says what went wrong, what was expected, what was found and
 * what to do. The HTTP layer maps subclasses to problem+json; the CLI prints the message.
 */
public class VigilException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public VigilException(String message) {
    super(message);
  }

  public VigilException(String message, Throwable cause) {
    super(message, cause);
  }
}

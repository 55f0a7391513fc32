package org.vigil.model;

/** Input that breaks a rule; the message names where (file, line, field), expected and found. */
public class InvalidInputException extends VigilException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }
}

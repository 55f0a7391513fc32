package org.vigil.spark;

/**
 * Bad input to a job (arguments, files, columns, a JDBC table): the message names the file, line
 * and field or the argument, what was expected and what was found. Jobs exit 2 with it.
 */
public final class JobInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JobInputException(String message) {
    super(message);
  }

  public JobInputException(String message, Throwable cause) {
    super(message, cause);
  }
}

package org.vigil.server;

/** The server cannot answer now (its database is down or busy); a 503 with Retry-After. */
final class ServiceUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  static final long RETRY_AFTER_SECONDS = 5;

  ServiceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}

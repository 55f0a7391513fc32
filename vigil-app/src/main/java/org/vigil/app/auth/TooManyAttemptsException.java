package org.vigil.app.auth;

import java.time.Duration;
import org.vigil.model.VigilException;

/** Too many attempts (failed logins, requests) from an account or address; HTTP answers 429. */
public final class TooManyAttemptsException extends VigilException {
  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public TooManyAttemptsException(String message, Duration retryAfter) {
    super(message);
    this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
  }

  /** Seconds until a new attempt may succeed. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}

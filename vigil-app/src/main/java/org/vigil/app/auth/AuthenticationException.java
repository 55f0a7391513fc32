package org.vigil.app.auth;

import org.vigil.model.VigilException;

/**
 * The caller is not (or no longer) authenticated: no credentials, a wrong password, an unknown,
 * expired or revoked token. The message never says which of these it was for a login, so that it
 * does not reveal whether an account exists. The HTTP layer answers 401.
 */
public final class AuthenticationException extends VigilException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String message) {
    super(message);
  }
}

package org.vigil.app.auth;

import java.time.Instant;
import org.vigil.model.Role;

/**
 * A logged-in browser session. The token goes into an HttpOnly cookie; the CSRF token is readable
 * by the page's scripts and must come back in a header on every state-changing request.
 *
 * @param token the session secret (shown once, stored only as a hash)
 * @param csrfToken derived from the token; proves a request was made by a page of this origin
 * @param username who logged in
 * @param organisation the user's organisation
 * @param role the user's role
 * @param expires when the session ends
 */
public record Session(
    String token,
    String csrfToken,
    String username,
    String organisation,
    Role role,
    Instant expires) {
  @Override
  public String toString() {
    return "Session[" + username + ", " + organisation + ", " + role + ", expires " + expires + "]";
  }
}

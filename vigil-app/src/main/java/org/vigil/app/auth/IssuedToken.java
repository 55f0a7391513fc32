package org.vigil.app.auth;

import java.time.Instant;

/**
 * A new API token. The secret is returned once, here; the store keeps only its hash.
 *
 * @param id the token's id (for listing and revoking)
 * @param secret the bearer token to send as {@code Authorization: Bearer <secret>}
 * @param label what the user called it
 * @param expires when it stops working
 */
public record IssuedToken(long id, String secret, String label, Instant expires) {
  @Override
  public String toString() {
    return "IssuedToken[" + id + ", " + label + ", expires " + expires + "]";
  }
}

package org.vigil.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A bearer API token as stored: only its hash is kept, never the token itself.
 *
 * @param id store id (0 before it is stored)
 * @param username whose token it is
 * @param tokenHash hex SHA-256 of the token
 * @param label what the user called it ("session", "ci export")
 * @param created when it was made
 * @param expires when it stops working
 * @param revokedAt when it was revoked, if it was
 */
public record ApiToken(
    long id,
    String username,
    String tokenHash,
    String label,
    Instant created,
    Instant expires,
    Optional<Instant> revokedAt) {
  public ApiToken {
    if (username == null || tokenHash == null || tokenHash.isBlank()) {
      throw new IllegalArgumentException("ApiToken needs a user and a token hash");
    }
    if (created == null || expires == null || !expires.isAfter(created)) {
      throw new IllegalArgumentException(
          "ApiToken must expire after it is created, found created "
              + created
              + ", expires "
              + expires);
    }
    label = label == null ? "" : label;
    revokedAt = revokedAt == null ? Optional.empty() : revokedAt;
  }

  /** True when the token may be used at {@code now}: not revoked and not expired. */
  public boolean usableAt(Instant now) {
    return revokedAt.isEmpty() && now.isBefore(expires);
  }
}

package org.vigil.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * API and session tokens, stored by hash. Users manage their own tokens; organisation admins those
 * of their organisation's users; system admins all. Every change is audited.
 */
public interface TokenRepository {

  /** Stores a new token for {@code username}; the caller hashes the token before. */
  ApiToken create(
      AccessContext ctx, String username, String tokenHash, String label, Instant expires);

  /** Looks a token up for authentication; no access context because nobody is logged in yet. */
  Optional<ApiToken> findByHash(String tokenHash);

  /** The tokens of one user, newest first. */
  List<ApiToken> list(AccessContext ctx, String username);

  /**
   * Revokes a token (idempotent).
   *
   * @throws NotFoundException if there is no such token the caller may manage
   */
  void revoke(AccessContext ctx, long tokenId);
}

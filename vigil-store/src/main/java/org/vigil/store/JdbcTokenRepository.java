package org.vigil.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.ApiToken;
import org.vigil.model.NotFoundException;
import org.vigil.model.TokenRepository;
import org.vigil.model.User;

/** API tokens by hash; every creation and revocation is audited. */
final class JdbcTokenRepository implements TokenRepository {
  private final Database db;
  private final AuditLog audit;
  private final JdbcUserRepository users;
  private final Clock clock;

  JdbcTokenRepository(Database db, AuditLog audit, JdbcUserRepository users, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.users = users;
    this.clock = clock;
  }

  private User manageable(AccessContext ctx, String username) {
    Optional<User> u = users.findForLogin(username);
    if (u.isPresent()
        && (ctx.user().equals(username)
            || JdbcUserRepository.manages(ctx, u.get().organisation(), u.get().role()))) {
      return u.get();
    }
    if (u.isEmpty() && (ctx.isSystem() || ctx.user().equals(username))) {
      throw new NotFoundException("No user '" + username + "': create the user first.");
    }
    throw new AccessDeniedException(
        ctx.user()
            + " may not manage the tokens of '"
            + username
            + "': expected that user or an admin.");
  }

  @Override
  public ApiToken create(
      AccessContext ctx, String username, String tokenHash, String label, Instant expires) {
    manageable(ctx, username);
    Instant now = Database.micros(clock.instant());
    ApiToken draft =
        new ApiToken(
            0, username, tokenHash, label, now, Database.micros(expires), Optional.empty());
    return db.inTransaction(
        "creating a token for " + username,
        c -> {
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO api_token (username, token_hash, label, created_at, expires_at)"
                      + " VALUES (?,?,?,?,?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            Database.bind(
                ps, List.of(username, tokenHash, draft.label(), draft.created(), draft.expires()));
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
              rs.next();
              id = rs.getLong(1);
            }
          }
          audit.append(
              c,
              ctx,
              "token.create",
              username,
              "token " + id + " '" + draft.label() + "' until " + draft.expires());
          return new ApiToken(
              id, username, tokenHash, draft.label(), now, draft.expires(), Optional.empty());
        });
  }

  @Override
  public Optional<ApiToken> findByHash(String tokenHash) {
    return query("SELECT * FROM api_token WHERE token_hash = ?", List.of(tokenHash)).stream()
        .findFirst();
  }

  @Override
  public List<ApiToken> list(AccessContext ctx, String username) {
    manageable(ctx, username);
    return query("SELECT * FROM api_token WHERE username = ? ORDER BY id DESC", List.of(username));
  }

  private List<ApiToken> query(String sql, List<?> params) {
    return db.read(
        "reading tokens",
        c -> {
          List<ApiToken> out = new ArrayList<>();
          try (PreparedStatement ps = Database.prepare(c, sql, params);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(token(rs));
            }
          }
          return out;
        });
  }

  private static ApiToken token(ResultSet rs) throws SQLException {
    return new ApiToken(
        rs.getLong("id"),
        rs.getString("username"),
        rs.getString("token_hash"),
        rs.getString("label"),
        Database.instant(rs, "created_at"),
        Database.instant(rs, "expires_at"),
        Optional.ofNullable(Database.instant(rs, "revoked_at")));
  }

  @Override
  public void revoke(AccessContext ctx, long tokenId) {
    List<ApiToken> found = query("SELECT * FROM api_token WHERE id = ?", List.of(tokenId));
    if (found.isEmpty()) {
      throw new NotFoundException("No token " + tokenId + ": list your tokens to find its id.");
    }
    try {
      manageable(ctx, found.get(0).username());
    } catch (AccessDeniedException e) {
      throw new NotFoundException("No token " + tokenId + ": list your tokens to find its id.");
    }
    if (found.get(0).revokedAt().isPresent()) {
      return;
    }
    db.inTransaction(
        "revoking token " + tokenId,
        c -> {
          try (PreparedStatement ps =
              Database.prepare(
                  c,
                  "UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                  List.of(clock.instant(), tokenId))) {
            ps.executeUpdate();
          }
          audit.append(c, ctx, "token.revoke", found.get(0).username(), "token " + tokenId);
          return null;
        });
  }
}

package org.vigil.app.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.model.AccessContext;
import org.vigil.model.ApiToken;
import org.vigil.model.AuditEntry;
import org.vigil.model.AuditRepository;
import org.vigil.model.AuditVerification;
import org.vigil.model.NotFoundException;
import org.vigil.model.TokenRepository;
import org.vigil.model.User;
import org.vigil.model.UserRepository;

/** Minimal in-memory ports for unit tests of the auth services (the store has its own tests). */
final class InMemoryAuthStore implements UserRepository, TokenRepository, AuditRepository {
  final Map<String, User> users = new LinkedHashMap<>();
  final List<ApiToken> tokens = new ArrayList<>();
  final List<AuditEntry> audit = new ArrayList<>();
  private final Clock clock;

  InMemoryAuthStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Optional<User> findForLogin(String username) {
    return Optional.ofNullable(users.get(username));
  }

  @Override
  public List<User> list(AccessContext ctx) {
    return users.values().stream()
        .filter(
            u ->
                ctx.isSystem()
                    || ctx.role().name().equals("SYSTEM_ADMIN")
                    || u.organisation().equals(ctx.organisation()))
        .toList();
  }

  @Override
  public void save(AccessContext ctx, User user) {
    users.put(user.username(), user);
  }

  @Override
  public synchronized ApiToken create(
      AccessContext ctx, String username, String tokenHash, String label, Instant expires) {
    ApiToken t =
        new ApiToken(
            tokens.size() + 1,
            username,
            tokenHash,
            label,
            clock.instant(),
            expires,
            Optional.empty());
    tokens.add(t);
    return t;
  }

  @Override
  public Optional<ApiToken> findByHash(String tokenHash) {
    return tokens.stream().filter(t -> t.tokenHash().equals(tokenHash)).findFirst();
  }

  @Override
  public List<ApiToken> list(AccessContext ctx, String username) {
    return tokens.stream()
        .filter(t -> t.username().equals(username))
        .sorted(Comparator.comparing(ApiToken::created).reversed())
        .toList();
  }

  @Override
  public void revoke(AccessContext ctx, long tokenId) {
    for (int i = 0; i < tokens.size(); i++) {
      ApiToken t = tokens.get(i);
      boolean manages =
          t.username().equals(ctx.user()) || ctx.isSystem() || ctx.role().name().endsWith("ADMIN");
      if (t.id() == tokenId && manages) {
        tokens.set(
            i,
            new ApiToken(
                t.id(),
                t.username(),
                t.tokenHash(),
                t.label(),
                t.created(),
                t.expires(),
                Optional.of(clock.instant())));
        return;
      }
    }
    throw new NotFoundException("No token " + tokenId);
  }

  @Override
  public AuditEntry record(AccessContext ctx, String action, String subject, String detail) {
    AuditEntry e =
        new AuditEntry(
            audit.size() + 1,
            clock.instant(),
            ctx.user(),
            ctx.organisation(),
            action,
            subject,
            ctx.origin(),
            detail,
            "",
            "");
    audit.add(e);
    return e;
  }

  @Override
  public List<AuditEntry> entries(AccessContext ctx, long afterSeq, int limit) {
    return List.copyOf(audit);
  }

  @Override
  public List<AuditEntry> entriesAboutOwnData(AccessContext ctx, long afterSeq, int limit) {
    return List.of(); // the in-memory records name no data owners
  }

  @Override
  public AuditVerification verify(AccessContext ctx) {
    return AuditVerification.ok(audit.size());
  }
}

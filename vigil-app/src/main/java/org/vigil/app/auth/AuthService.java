package org.vigil.app.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.ApiToken;
import org.vigil.model.AuditRepository;
import org.vigil.model.InvalidInputException;
import org.vigil.model.NotFoundException;
import org.vigil.model.Role;
import org.vigil.model.TokenRepository;
import org.vigil.model.User;
import org.vigil.model.UserRepository;

/**
 * Logins, sessions, API tokens and user administration. Passwords are Argon2id hashes ({@link
 * PasswordHasher}); tokens are 256-bit random secrets stored as SHA-256 hashes (a fast hash is
 * enough for a secret with that much entropy, and keeps per-request authentication cheap). Failed
 * logins are limited per account and per address ({@link LoginThrottle}); the error for a failed
 * login never says whether the account exists. Thread-safe.
 */
public final class AuthService {
  /** How long a browser session lasts. */
  public static final Duration SESSION_TTL = Duration.ofHours(8);

  /** The longest an API token may live. */
  public static final Duration MAX_TOKEN_TTL = Duration.ofDays(366);

  static final String SESSION_LABEL = "session";
  private static final String FAILED =
      "Login failed: unknown user or wrong password (or the account is disabled)";

  private final UserRepository users;
  private final TokenRepository tokens;
  private final AuditRepository audit;
  private final Clock clock;
  private final SecureRandom random;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy = new PasswordPolicy();
  private final LoginThrottle throttle;
  private volatile String dummyHash;

  /**
   * @param clock decides token expiry and throttling windows
   * @param random source of token secrets
   */
  public AuthService(
      UserRepository users,
      TokenRepository tokens,
      AuditRepository audit,
      Clock clock,
      SecureRandom random) {
    this(users, tokens, audit, clock, random, new PasswordHasher());
  }

  /** With a chosen password hashing cost (tests use a small one). */
  public AuthService(
      UserRepository users,
      TokenRepository tokens,
      AuditRepository audit,
      Clock clock,
      SecureRandom random,
      PasswordHasher hasher) {
    this.hasher = hasher;
    this.users = users;
    this.tokens = tokens;
    this.audit = audit;
    this.clock = clock;
    this.random = random;
    this.throttle = new LoginThrottle(clock, Duration.ofMinutes(15), 5, 20);
  }

  /**
   * Checks a password and opens a session.
   *
   * @param origin the client address (throttling and audit)
   * @throws AuthenticationException for an unknown user, a wrong password or a disabled account
   * @throws TooManyAttemptsException when the account or address is throttled
   */
  public Session login(String username, CharSequence password, String origin) {
    User u = verified(username, password, origin);
    AccessContext ctx = contextOf(u, origin);
    String secret = newSecret();
    Instant expires = clock.instant().plus(SESSION_TTL);
    tokens.create(ctx, u.username(), hashOf(secret), SESSION_LABEL, expires);
    audit.record(ctx, "auth.login", u.username(), "");
    return new Session(
        secret, csrfTokenFor(secret), u.username(), u.organisation(), u.role(), expires);
  }

  /**
   * Checks a password without opening a session (the command line acting as a user). Throttled and
   * audited like a login.
   */
  public AccessContext checkPassword(String username, CharSequence password, String origin) {
    User u = verified(username, password, origin);
    AccessContext ctx = contextOf(u, origin);
    audit.record(ctx, "auth.password", u.username(), "");
    return ctx;
  }

  private User verified(String username, CharSequence password, String origin) {
    String name = username == null ? "" : username.trim();
    throttle.check(name, origin);
    Optional<User> user = name.isEmpty() ? Optional.empty() : users.findForLogin(name);
    boolean ok;
    if (user.isPresent()) {
      ok = hasher.verify(password, user.get().passwordHash()) && user.get().active();
    } else {
      hasher.verify(password, dummyHash()); // same work as for a real user: no timing oracle
      ok = false;
    }
    if (!ok) {
      throttle.failed(name, origin);
      audit.record(
          AccessContext.anonymous().withOrigin(origin), "auth.login.failed", clip(name), "");
      throw new AuthenticationException(FAILED);
    }
    throttle.succeeded(name);
    return user.get();
  }

  /**
   * The caller behind a session or API token.
   *
   * @throws AuthenticationException when the token is unknown, expired, revoked, or its user is
   *     disabled
   */
  public AccessContext authenticate(String secret, String origin) {
    if (secret == null || secret.isBlank() || secret.length() > 200) {
      throw new AuthenticationException("Missing or malformed token; log in again");
    }
    ApiToken token =
        tokens
            .findByHash(hashOf(secret))
            .filter(t -> t.usableAt(clock.instant()))
            .orElseThrow(
                () ->
                    new AuthenticationException(
                        "The token is unknown, expired or revoked; log in again or create a new"
                            + " token"));
    User user =
        users
            .findForLogin(token.username())
            .filter(User::active)
            .orElseThrow(() -> new AuthenticationException("The token's user is disabled"));
    return contextOf(user, origin);
  }

  /** Ends the session or revokes the token {@code secret} of the caller. Idempotent. */
  public void logout(AccessContext ctx, String secret) {
    Optional<ApiToken> token = tokens.findByHash(hashOf(secret));
    if (token.isPresent() && token.get().username().equals(ctx.user())) {
      tokens.revoke(ctx, token.get().id());
      audit.record(ctx, "auth.logout", ctx.user(), "");
    }
  }

  private String dummyHash() {
    String h = dummyHash;
    if (h == null) {
      h = hasher.hash("not the password of anybody " + random.nextLong());
      dummyHash = h;
    }
    return h;
  }

  /** The CSRF token that belongs to a session token. */
  public String csrfTokenFor(String sessionSecret) {
    return base64(sha256("vigil-csrf:" + sessionSecret));
  }

  /**
   * Creates an API token for the caller.
   *
   * @throws InvalidInputException when the lifetime is outside 1 minute to 366 days
   */
  public IssuedToken createToken(AccessContext ctx, String label, Duration ttl) {
    requireUser(ctx);
    if (ttl.compareTo(Duration.ofMinutes(1)) < 0 || ttl.compareTo(MAX_TOKEN_TTL) > 0) {
      throw new InvalidInputException(
          "Token lifetime must be between 1 minute and 366 days, found " + ttl);
    }
    String cleanLabel = label == null ? "" : label.strip();
    if (cleanLabel.length() > 100 || SESSION_LABEL.equals(cleanLabel)) {
      throw new InvalidInputException(
          "Token label must have at most 100 characters and not be 'session', found '"
              + clip(cleanLabel)
              + "'");
    }
    String secret = newSecret();
    Instant expires = clock.instant().plus(ttl);
    ApiToken stored = tokens.create(ctx, ctx.user(), hashOf(secret), cleanLabel, expires);
    return new IssuedToken(stored.id(), secret, cleanLabel, expires);
  }

  /** The caller's tokens (sessions included), newest first. */
  public List<ApiToken> tokens(AccessContext ctx) {
    requireUser(ctx);
    return tokens.list(ctx, ctx.user());
  }

  /** Revokes one of the caller's tokens (admins: of their users). */
  public void revokeToken(AccessContext ctx, long id) {
    requireUser(ctx);
    tokens.revoke(ctx, id);
  }

  /** Users the caller may administer. */
  public List<User> users(AccessContext ctx) {
    requireAdmin(ctx, ctx.organisation(), Role.VIEWER);
    return users.list(ctx);
  }

  /**
   * Adds a user.
   *
   * @throws InvalidInputException when the password breaks the policy or the user exists
   * @throws AccessDeniedException when the caller may not create this user with this role
   */
  public User addUser(
      AccessContext ctx, String username, String organisation, Role role, CharSequence password) {
    requireAdmin(ctx, organisation, role);
    if (users.findForLogin(username).isPresent()) {
      throw new InvalidInputException(
          "User '" + username + "' exists already; use set-role to change it");
    }
    policy.check(username, password);
    User user = new User(username, organisation, role, hasher.hash(password), true);
    users.save(ctx, user);
    return user;
  }

  /** Changes a user's role. */
  public User setRole(AccessContext ctx, String username, Role role) {
    User user = findManaged(ctx, username);
    requireAdmin(ctx, user.organisation(), role);
    User changed =
        new User(user.username(), user.organisation(), role, user.passwordHash(), user.active());
    users.save(ctx, changed);
    return changed;
  }

  /** Enables or disables a user; a disabled user's sessions and tokens stop working at once. */
  public User setActive(AccessContext ctx, String username, boolean active) {
    User user = findManaged(ctx, username);
    requireAdmin(ctx, user.organisation(), user.role());
    User changed =
        new User(user.username(), user.organisation(), user.role(), user.passwordHash(), active);
    users.save(ctx, changed);
    return changed;
  }

  /** Sets a new password, checked against the policy. */
  public void setPassword(AccessContext ctx, String username, CharSequence password) {
    User user = findManaged(ctx, username);
    if (!ctx.user().equals(username)) {
      requireAdmin(ctx, user.organisation(), user.role());
    }
    policy.check(username, password);
    users.save(
        ctx,
        new User(
            user.username(),
            user.organisation(),
            user.role(),
            hasher.hash(password),
            user.active()));
  }

  private User findManaged(AccessContext ctx, String username) {
    return users.list(ctx).stream()
        .filter(u -> u.username().equals(username))
        .findFirst()
        .orElseThrow(
            () ->
                new NotFoundException(
                    "No user '" + clip(username) + "' that you may manage; list them with users"));
  }

  private static void requireUser(AccessContext ctx) {
    if ("anonymous".equals(ctx.user()) && !ctx.memberOrganisation()) {
      throw new AuthenticationException("Log in first: tokens belong to a user");
    }
  }

  /** Organisation admins manage their own organisation below system admin; system admins all. */
  private static void requireAdmin(AccessContext ctx, String organisation, Role granted) {
    requireUser(ctx);
    if (ctx.isSystem() || ctx.role() == Role.SYSTEM_ADMIN) {
      return;
    }
    if (ctx.role() != Role.ORG_ADMIN) {
      throw new AccessDeniedException(
          "Managing users needs the ORG_ADMIN or SYSTEM_ADMIN role; you are " + ctx.role());
    }
    if (!ctx.organisation().equals(organisation)) {
      throw new AccessDeniedException(
          "An organisation admin manages only users of " + ctx.organisation());
    }
    if (granted == Role.SYSTEM_ADMIN) {
      throw new AccessDeniedException("Only a system admin may grant SYSTEM_ADMIN");
    }
  }

  private static AccessContext contextOf(User u, String origin) {
    if (AccessContext.SYSTEM_ORG.equalsIgnoreCase(u.organisation().strip())) {
      // The internal context is never a stored user: a row placed in organisation SYSTEM (by
      // whatever means) must not become an identity above the rules.
      throw new AuthenticationException(FAILED);
    }
    return AccessContext.of(u.username(), u.organisation(), u.role()).withOrigin(origin);
  }

  private String newSecret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return "vgl_" + base64(bytes);
  }

  /** Hex SHA-256 of a token secret, as stored. */
  public static String hashOf(String secret) {
    return HexFormat.of().formatHex(sha256(secret));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String clip(String s) {
    String printable = s.replaceAll("[^\\p{Print}]", "?");
    return printable.length() > 64 ? printable.substring(0, 64) + "..." : printable;
  }
}

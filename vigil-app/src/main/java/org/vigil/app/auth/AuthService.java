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
 * logins back off exponentially per address, per account and per account at an address ({@link
 * LoginThrottle}); the error for a failed login never says whether the account exists.
 *
 * <p>A new password (changed by its user, who must give the current one, or reset by an admin) and
 * a disabled account end every session and API token of that user, except the session the user
 * changed their own password in. A user whose password is a published one ({@link
 * User#passwordChangeRequired()}, the demo logins) cannot log in until they change it, unless the
 * service runs in demo mode. Thread-safe.
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
  private final boolean demo;
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
    this(users, tokens, audit, clock, random, hasher, false);
  }

  /**
   * @param demo true for the demo server: the published demo password still logs in, so the tour
   *     works; false everywhere else
   */
  public AuthService(
      UserRepository users,
      TokenRepository tokens,
      AuditRepository audit,
      Clock clock,
      SecureRandom random,
      PasswordHasher hasher,
      boolean demo) {
    this.demo = demo;
    this.hasher = hasher;
    this.users = users;
    this.tokens = tokens;
    this.audit = audit;
    this.clock = clock;
    this.random = random;
    this.throttle = new LoginThrottle(clock);
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
    requireNoPasswordChange(u);
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
    throttle.succeeded(name, origin);
    return user.get();
  }

  private void requireNoPasswordChange(User u) {
    if (u.passwordChangeRequired() && !demo) {
      throw new AccessDeniedException(
          "The password of '"
              + u.username()
              + "' is a published one (the demo password) and must be changed before it can be"
              + " used here: POST /api/auth/password with username, currentPassword and"
              + " newPassword, then log in with the new password");
    }
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
    if (user.passwordChangeRequired() && !demo) {
      throw new AuthenticationException(
          "The password of '"
              + user.username()
              + "' must be changed before its sessions and tokens work; change it and log in again");
    }
    return contextOf(user, origin);
  }

  /**
   * True when {@code username}'s password is a published one (the demo logins) that must be
   * changed: outside {@code serve --demo} such a login is refused until it is; in demo mode it
   * works and the web UI asks for the change.
   */
  public boolean passwordChangeRequired(String username) {
    return users.findForLogin(username).map(User::passwordChangeRequired).orElse(false);
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
    return update(ctx, username, UserUpdate.role(role));
  }

  /** Enables or disables a user; a disabled user's sessions and tokens are revoked at once. */
  public User setActive(AccessContext ctx, String username, boolean active) {
    return update(ctx, username, UserUpdate.active(active));
  }

  /**
   * An admin sets a user's new password, checked against the policy; the user's sessions and tokens
   * are revoked. Changing one's own password needs the current one: see {@link #changeOwnPassword}.
   */
  public void setPassword(AccessContext ctx, String username, CharSequence password) {
    update(ctx, username, UserUpdate.password(password));
  }

  /**
   * Changes a user in one step: every part of the change is checked (the caller's rights for each,
   * the password policy, the current password when users change their own) before anything is
   * written, so a refused change changes nothing. A new password or a disabled account then ends
   * the user's sessions and tokens, except the caller's own current one ({@code keepSecret}).
   *
   * @throws AccessDeniedException when the caller may not make one of the changes
   * @throws InvalidInputException when the new password breaks the policy, or the current password
   *     is missing for a change of one's own
   * @throws AuthenticationException when the current password given is wrong
   */
  public User update(AccessContext ctx, String username, UserUpdate change) {
    return update(ctx, username, change, "");
  }

  /** As {@link #update(AccessContext, String, UserUpdate)}, keeping the caller's own session. */
  public User update(AccessContext ctx, String username, UserUpdate change, String keepSecret) {
    User user = findManaged(ctx, username);
    boolean self = ctx.user().equals(user.username()) && !ctx.isSystem();
    change.role().ifPresent(r -> requireAdmin(ctx, user.organisation(), r));
    if (change.active().isPresent()) {
      requireAdmin(ctx, user.organisation(), change.role().orElse(user.role()));
    }
    Optional<String> hash = Optional.empty();
    if (change.password().isPresent()) {
      if (self) {
        CharSequence current =
            change
                .currentPassword()
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            "Changing your own password needs your current one: send"
                                + " 'currentPassword' too"));
        verified(user.username(), current, ctx.origin());
      } else {
        requireAdmin(ctx, user.organisation(), change.role().orElse(user.role()));
      }
      checkNewPassword(user.username(), change.password().get(), change.currentPassword());
      hash = Optional.of(hasher.hash(change.password().get()));
    }
    User changed = user;
    if (change.role().isPresent()) {
      changed = changed.withRole(change.role().get());
    }
    if (change.active().isPresent()) {
      changed = changed.withActive(change.active().get());
    }
    if (hash.isPresent()) {
      changed = changed.withPasswordHash(hash.get());
    }
    users.save(ctx, changed);
    if (hash.isPresent() || !changed.active()) {
      int revoked = revokeAll(ctx, changed.username(), keepSecret);
      audit.record(
          ctx,
          hash.isPresent() ? "auth.password.change" : "auth.disable",
          changed.username(),
          revoked + " session(s) and token(s) revoked");
    }
    return changed;
  }

  /**
   * A user changes their own password, proving it with the current one; this also clears a required
   * change (the demo password). Throttled like a login. Every other session and token of the user
   * is revoked; {@code keepSecret} (the session the change was made in, or "") stays.
   *
   * @throws AuthenticationException for an unknown user or a wrong current password
   * @throws InvalidInputException when the new password breaks the policy
   */
  public void changeOwnPassword(
      String username,
      CharSequence currentPassword,
      CharSequence newPassword,
      String origin,
      String keepSecret) {
    User user = verified(username, currentPassword, origin);
    checkNewPassword(user.username(), newPassword, Optional.of(currentPassword));
    AccessContext ctx = contextOf(user, origin);
    users.save(ctx, user.withPasswordHash(hasher.hash(newPassword)));
    int revoked = revokeAll(ctx, user.username(), keepSecret);
    audit.record(
        ctx, "auth.password.change", user.username(), revoked + " session(s) and token(s) revoked");
  }

  private void checkNewPassword(
      String username, CharSequence password, Optional<CharSequence> current) {
    policy.check(username, password);
    if (current.isPresent() && current.get().toString().contentEquals(password)) {
      throw new InvalidInputException(
          "The new password is the same as the current one; choose a different one");
    }
  }

  /** Revokes every usable token of a user but the one whose secret is kept; how many were. */
  private int revokeAll(AccessContext ctx, String username, String keepSecret) {
    String keep = keepSecret == null || keepSecret.isBlank() ? "" : hashOf(keepSecret);
    Instant now = clock.instant();
    int n = 0;
    for (ApiToken t : tokens.list(ctx, username)) {
      if (t.usableAt(now) && !t.tokenHash().equals(keep)) {
        tokens.revoke(ctx, t.id());
        n++;
      }
    }
    return n;
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

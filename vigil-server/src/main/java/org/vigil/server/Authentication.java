package org.vigil.server;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.vigil.app.auth.AuthService;
import org.vigil.app.auth.AuthenticationException;
import org.vigil.app.auth.Session;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.VigilException;

/**
 * Resolves the caller of a request before its handler runs.
 *
 * <ul>
 *   <li>{@code Authorization: Bearer <token>}: an API token (or a session token used by a script).
 *       A bad token is a 401, never a silent downgrade to anonymous.
 *   <li>the {@code vigil_session} cookie (HttpOnly, SameSite=Strict, Secure behind TLS) set by
 *       login. State-changing requests with a cookie session must also send {@code X-CSRF-Token}
 *       equal to the {@code vigil_csrf} cookie, which is derived from the session secret on the
 *       server (a signed double-submit token): another site can neither read nor forge it. An
 *       expired or revoked session cookie counts as no cookie; the server does not clear it in the
 *       response (the browser may hold a newer session under the same name by then). A database
 *       failure while checking credentials is a 503, not a 401.
 *   <li>nothing: anonymous, sees PUBLIC records only.
 * </ul>
 */
final class Authentication {
  static final String SESSION_COOKIE = "vigil_session";
  static final String CSRF_COOKIE = "vigil_csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";
  static final String SECRET_ATTRIBUTE = "vigil.secret";
  static final String LOGIN_PATH = "/api/auth/login";

  private final AuthService auth;
  private final boolean tls;

  Authentication(AuthService auth, boolean tls) {
    this.auth = auth;
    this.tls = tls;
  }

  AuthService service() {
    return auth;
  }

  void authenticate(Context ctx) {
    String origin = ctx.ip();
    String header = ctx.header("Authorization");
    if (header != null && !header.isBlank()) {
      if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw new AuthenticationException(
            "Authorization header must be 'Bearer <token>'; other schemes are not accepted");
      }
      String secret = header.substring(7).trim();
      try {
        Caller.set(ctx, auth.authenticate(secret, origin));
      } catch (AuthenticationException e) {
        throw e;
      } catch (VigilException e) {
        throw unavailable(e);
      }
      ctx.attribute(SECRET_ATTRIBUTE, secret);
      return;
    }
    String session = ctx.cookie(SESSION_COOKIE);
    if (session != null && !session.isBlank() && !LOGIN_PATH.equals(ctx.path())) {
      AccessContext caller;
      try {
        caller = auth.authenticate(session, origin);
      } catch (AuthenticationException e) {
        // No Set-Cookie here: this request may have been sent before a logout and a new login in
        // the same browser, and clearing "the" session cookie would delete the new session.
        Caller.setAnonymous(ctx);
        return;
      } catch (VigilException e) {
        throw unavailable(e);
      }
      if (isUnsafe(ctx.method()) && !csrfMatches(ctx, session)) {
        throw new AccessDeniedException(
            "Missing or wrong "
                + CSRF_HEADER
                + " header: state-changing requests from a browser session must send the value"
                + " of the "
                + CSRF_COOKIE
                + " cookie in it");
      }
      Caller.set(ctx, caller);
      ctx.attribute(SECRET_ATTRIBUTE, session);
      return;
    }
    Caller.setAnonymous(ctx);
  }

  /**
   * The credentials could not be checked (the database failed or was too busy): a 503, never a 401,
   * so a client does not take a busy server for a logout.
   */
  private static ServiceUnavailableException unavailable(VigilException e) {
    return new ServiceUnavailableException(
        "Cannot check your session or token right now: the database did not answer. This is not"
            + " a logout; retry in a few seconds.",
        e);
  }

  /** Sets the session and CSRF cookies after a login. */
  void startSession(Context ctx, Session session) {
    int maxAge = (int) AuthService.SESSION_TTL.toSeconds();
    ctx.cookie(
        new Cookie(SESSION_COOKIE, session.token(), "/", maxAge, tls, true, null, SameSite.STRICT));
    ctx.cookie(
        new Cookie(
            CSRF_COOKIE, session.csrfToken(), "/", maxAge, tls, false, null, SameSite.STRICT));
  }

  void clearCookies(Context ctx) {
    ctx.cookie(new Cookie(SESSION_COOKIE, "", "/", 0, tls, true, null, SameSite.STRICT));
    ctx.cookie(new Cookie(CSRF_COOKIE, "", "/", 0, tls, false, null, SameSite.STRICT));
  }

  private boolean csrfMatches(Context ctx, String session) {
    String sent = ctx.header(CSRF_HEADER);
    if (sent == null) {
      return false;
    }
    byte[] expected = auth.csrfTokenFor(session).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, sent.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isUnsafe(HandlerType method) {
    return method == HandlerType.POST
        || method == HandlerType.PUT
        || method == HandlerType.PATCH
        || method == HandlerType.DELETE;
  }
}

package org.vigil.server;

import io.javalin.http.Context;
import org.vigil.app.auth.AuthenticationException;
import org.vigil.model.AccessContext;

/**
 * Who is calling: the server authenticates every request (bearer token or session cookie) before
 * any handler runs and stores the result here. Handlers pass it to the services unchanged.
 */
public final class Caller {
  static final String ATTRIBUTE = "vigil.caller";
  static final String AUTHENTICATED = "vigil.authenticated";

  private Caller() {}

  /** The caller's access context; {@link AccessContext#anonymous()} when not logged in. */
  public static AccessContext of(Context ctx) {
    AccessContext access = ctx.attribute(ATTRIBUTE);
    return access == null ? AccessContext.anonymous() : access;
  }

  /**
   * The caller's access context, or a 401 problem when the request carries no valid credentials.
   */
  public static AccessContext authenticated(Context ctx) {
    AccessContext access = ctx.attribute(ATTRIBUTE);
    if (access == null || !Boolean.TRUE.equals(ctx.attribute(AUTHENTICATED))) {
      throw new AuthenticationException(
          "This resource needs a logged-in user: send 'Authorization: Bearer <token>' or log in"
              + " with POST /api/auth/login");
    }
    return access;
  }

  static void set(Context ctx, AccessContext access) {
    ctx.attribute(ATTRIBUTE, access);
    ctx.attribute(AUTHENTICATED, Boolean.TRUE);
  }

  static void setAnonymous(Context ctx) {
    ctx.attribute(ATTRIBUTE, AccessContext.anonymous().withOrigin(ctx.ip()));
    ctx.attribute(AUTHENTICATED, Boolean.FALSE);
  }
}

package org.vigil.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.app.auth.AuthService;
import org.vigil.app.auth.IssuedToken;
import org.vigil.app.auth.Session;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.ApiToken;
import org.vigil.model.Organisation;
import org.vigil.model.Role;

/** Login, logout, who am I, and the caller's API tokens under {@code /api/auth}. */
final class AuthRoutes implements RouteGroup {
  private final Authentication authentication;
  private final AuthService auth;
  private final org.vigil.app.Vigil vigil;

  AuthRoutes(ServerContext server) {
    this.vigil = server.vigil();
    this.authentication = server.authentication();
    this.auth = authentication.service();
  }

  @Override
  public void register(Routes routes) {
    routes.post(Authentication.LOGIN_PATH, this::login);
    routes.post("/api/auth/logout", this::logout);
    routes.get("/api/auth/me", this::me);
    routes.post("/api/auth/password", this::changePassword);
    routes.get("/api/auth/tokens", this::listTokens);
    routes.post("/api/auth/tokens", this::createToken);
    routes.delete("/api/auth/tokens/{id}", this::revokeToken);
  }

  private void login(Context ctx) {
    ObjectNode body = Bodies.object(ctx);
    String username = Bodies.text(body, "username");
    String password = Bodies.text(body, "password");
    Session session = auth.login(username, password, ctx.ip());
    authentication.startSession(ctx, session);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("username", session.username());
    out.put("organisation", session.organisation());
    out.put("role", session.role().name());
    out.putAll(
        profile(
            new AccessContext(session.username(), session.organisation(), session.role(), true)));
    out.put("expires", session.expires());
    out.put("csrfToken", session.csrfToken());
    ctx.json(out);
  }

  private void logout(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    String secret = ctx.attribute(Authentication.SECRET_ATTRIBUTE);
    auth.logout(caller, secret);
    authentication.clearCookies(ctx);
    ctx.status(204);
  }

  /**
   * Any user changes their own password with the current one: logged in (the session stays, other
   * sessions and tokens end), or not logged in with {@code username} (how a demo login whose
   * published password must change gets in; every session of the user ends).
   */
  private void changePassword(Context ctx) {
    AccessContext caller = Caller.of(ctx);
    ObjectNode body = Bodies.object(ctx);
    Bodies.onlyFields(body, "username", "currentPassword", "newPassword");
    boolean loggedIn = Boolean.TRUE.equals(ctx.attribute(Caller.AUTHENTICATED));
    String username = Bodies.optionalText(body, "username").orElse(loggedIn ? caller.user() : "");
    if (username.isEmpty()) {
      throw new BadRequestException(
          "Field 'username' is required when not logged in: expected your user name, found none");
    }
    if (loggedIn && !username.equals(caller.user())) {
      throw new AccessDeniedException(
          "You are logged in as "
              + caller.user()
              + " and may change only your own password here; admins reset other users' with"
              + " PATCH /api/users/{username}");
    }
    String current = Bodies.text(body, "currentPassword");
    String next = Bodies.text(body, "newPassword");
    String secret = loggedIn ? ctx.attribute(Authentication.SECRET_ATTRIBUTE) : null;
    auth.changeOwnPassword(username, current, next, ctx.ip(), secret == null ? "" : secret);
    ctx.status(204);
  }

  private void me(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("username", caller.user());
    out.put("organisation", caller.organisation());
    out.put("role", caller.role().name());
    out.putAll(profile(caller));
    ctx.json(out);
  }

  /**
   * Where the web UI starts for this user: the state of the user's organisation (CIS for the
   * secretariat) and what the role may do, so menus and forms show only what works.
   */
  private Map<String, Object> profile(AccessContext caller) {
    Map<String, Object> out = new LinkedHashMap<>();
    var org = vigil.reference().organisation(AccessContext.system(), caller.organisation());
    out.put("area", org.map(Organisation::area).orElse(""));
    out.put("secretariat", org.map(Organisation::secretariat).orElse(false));
    out.put("passwordChangeRequired", auth.passwordChangeRequired(caller.user()));
    List<String> can = new ArrayList<>();
    Role r = caller.role();
    boolean admin = r == Role.ORG_ADMIN || r == Role.SYSTEM_ADMIN;
    if (r.canWriteData()) {
      can.add("data.upload");
    }
    if (admin) {
      can.add("users.manage");
      can.add("sharing.manage");
      can.add("alerts.evaluate");
    }
    if (r == Role.SYSTEM_ADMIN) {
      can.add("audit.verify");
    }
    if (r == Role.PROGRAMME_COORDINATOR || admin) {
      can.add("programmes.manage");
    }
    // As the water run store's rule: an analyst or above of a member organisation.
    if (caller.memberOrganisation() && r != Role.VIEWER) {
      can.add("water.run");
    }
    out.put("can", can);
    return out;
  }

  private void listTokens(Context ctx) {
    List<ApiToken> tokens = auth.tokens(Caller.authenticated(ctx));
    ctx.json(tokens.stream().map(AuthRoutes::wire).toList());
  }

  private void createToken(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    ObjectNode body = Bodies.object(ctx);
    String label = Bodies.optionalText(body, "label").orElse("");
    long days = Bodies.optionalLong(body, "days").orElse(90L);
    if (days < 1 || days > 366) {
      throw new BadRequestException("Field 'days' must be 1 to 366, found " + days);
    }
    IssuedToken token = auth.createToken(caller, label, Duration.ofDays(days));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", token.id());
    out.put("token", token.secret());
    out.put("label", token.label());
    out.put("expires", token.expires());
    ctx.status(201).json(out);
  }

  private void revokeToken(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new BadRequestException(
          "Token id must be a number, found '" + Params.clip(ctx.pathParam("id")) + "'");
    }
    auth.revokeToken(caller, id);
    ctx.status(204);
  }

  private static Map<String, Object> wire(ApiToken t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("label", t.label());
    m.put("created", t.created());
    m.put("expires", t.expires());
    m.put("revoked", t.revokedAt().orElse(null));
    return m;
  }
}

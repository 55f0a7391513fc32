package org.vigil.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vigil.app.auth.AuthService;
import org.vigil.app.auth.UserUpdate;
import org.vigil.model.AccessContext;
import org.vigil.model.Role;
import org.vigil.model.User;

/**
 * Users under {@code /api/users}: organisation admins manage their organisation's users, system
 * admins all. Password hashes never leave the server.
 */
final class UserRoutes implements RouteGroup {
  private final AuthService auth;

  UserRoutes(ServerContext server) {
    this.auth = server.authentication().service();
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/users", this::list);
    routes.post("/api/users", this::add);
    routes.patch("/api/users/{username}", this::change);
  }

  private void list(Context ctx) {
    ctx.json(auth.users(Caller.authenticated(ctx)).stream().map(UserRoutes::wire).toList());
  }

  private void add(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    ObjectNode body = Bodies.object(ctx);
    String username = Bodies.text(body, "username");
    String organisation = Bodies.optionalText(body, "organisation").orElse(caller.organisation());
    Role role = role(Bodies.text(body, "role"));
    String password = Bodies.text(body, "password");
    User user;
    try {
      user = auth.addUser(caller, username, organisation, role, password);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    ctx.status(201).json(wire(user));
  }

  /**
   * Role, enabled and password in one step: all of it is checked before any of it is written. A
   * user changing their own password sends the current one in {@code currentPassword}; the session
   * the change is made in stays, every other session and token of the user ends.
   */
  private void change(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    String username = ctx.pathParam("username");
    ObjectNode body = Bodies.object(ctx);
    Bodies.onlyFields(body, "role", "active", "password", "currentPassword");
    UserUpdate update =
        new UserUpdate(
            Bodies.optionalText(body, "role").map(UserRoutes::role),
            Bodies.optionalBoolean(body, "active"),
            Bodies.optionalText(body, "password").map(p -> p),
            Bodies.optionalText(body, "currentPassword").map(p -> p));
    if (update.isEmpty()) {
      throw new BadRequestException(
          "Nothing to change: send at least one of 'role', 'active' or 'password'");
    }
    String secret = ctx.attribute(Authentication.SECRET_ATTRIBUTE);
    ctx.json(wire(auth.update(caller, username, update, secret == null ? "" : secret)));
  }

  static Role role(String text) {
    try {
      return Role.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  static Map<String, Object> wire(User u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("username", u.username());
    m.put("organisation", u.organisation());
    m.put("role", u.role().name());
    m.put("active", u.active());
    return m;
  }
}

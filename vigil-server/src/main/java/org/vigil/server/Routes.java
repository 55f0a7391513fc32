package org.vigil.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The routes of the server, as route groups declare them. Every route declared with {@link #get},
 * {@link #post}, {@link #put}, {@link #patch} or {@link #delete} is part of the API and must be
 * described in openapi.json; {@link #page} declares a route that is not (HTML pages such as the API
 * docs). Paths use Javalin's syntax for parameters: {@code /api/users/{username}}.
 */
public final class Routes {

  /** One registered route. */
  public record Route(String method, String path, boolean documented) {
    public Route {
      method = method.toUpperCase(Locale.ROOT);
    }
  }

  private final RoutesConfig config;
  private final List<Route> declared = new ArrayList<>();

  Routes(RoutesConfig config) {
    this.config = config;
  }

  public Routes get(String path, Handler handler) {
    return add(HandlerType.GET, path, handler, true);
  }

  public Routes post(String path, Handler handler) {
    return add(HandlerType.POST, path, handler, true);
  }

  public Routes put(String path, Handler handler) {
    return add(HandlerType.PUT, path, handler, true);
  }

  public Routes patch(String path, Handler handler) {
    return add(HandlerType.PATCH, path, handler, true);
  }

  public Routes delete(String path, Handler handler) {
    return add(HandlerType.DELETE, path, handler, true);
  }

  /** A GET route that is not part of the documented API (an HTML page, a redirect). */
  public Routes page(String path, Handler handler) {
    return add(HandlerType.GET, path, handler, false);
  }

  List<Route> declared() {
    return List.copyOf(declared);
  }

  private Routes add(HandlerType method, String path, Handler handler, boolean documented) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("Route path must start with '/', found '" + path + "'");
    }
    for (Route r : declared) {
      if (r.path().equals(path) && r.method().equals(method.name())) {
        throw new IllegalStateException("Route declared twice: " + method.name() + " " + path);
      }
    }
    declared.add(new Route(method.name(), path, documented));
    config.addHttpHandler(method, path, handler);
    return this;
  }
}

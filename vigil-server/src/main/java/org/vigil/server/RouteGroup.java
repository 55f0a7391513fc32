package org.vigil.server;

/**
 * One area of the HTTP API. A group declares its routes on the {@link Routes} it is given; the
 * groups are listed in one place, {@link VigilServer#routeGroups}. To add a group: implement this
 * interface (a public class with a constructor taking {@code org.vigil.app.Vigil}), add one line to
 * that list, and document every path in {@code src/main/resources/openapi.json} (a test fails when
 * the document and the registered routes differ).
 *
 * <p>Handlers stay thin: parse the request ({@link Params}), get the caller with {@link
 * Caller#of(io.javalin.http.Context)} (or {@link Caller#authenticated}), call one service, render
 * with {@code ctx.json(...)}. Throw {@code org.vigil.model.VigilException} subclasses for domain
 * failures; the server turns them into problem+json.
 */
@FunctionalInterface
public interface RouteGroup {
  void register(Routes routes);

  /** Releases what the group opened (called once when the server stops); nothing by default. */
  default void close() {}
}

package org.vigil.server;

import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI document at {@code /api/openapi.json} and Swagger UI at {@code /api/docs}. The UI
 * comes from the swagger-ui webjar; its start script is served from here because the content
 * security policy forbids inline scripts.
 */
final class DocsRoutes implements RouteGroup {
  static final String SWAGGER = "/webjars/swagger-ui/5.34.1/";

  private static final String PAGE =
      """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8"><title>Vigil API</title>
      <link rel="icon" type="image/svg+xml" href="/favicon.svg">
      <link rel="stylesheet" href="%sswagger-ui.css"></head>
      <body><div id="swagger-ui"></div>
      <script src="%sswagger-ui-bundle.js"></script>
      <script src="/api/docs/init.js"></script></body></html>
      """
          .formatted(SWAGGER, SWAGGER);

  private static final String INIT =
      "window.ui = SwaggerUIBundle({url: '/api/openapi.json', dom_id: '#swagger-ui'});\n";

  private final byte[] spec = load("/openapi.json");

  @Override
  public void register(Routes routes) {
    routes.get(
        "/api/openapi.json",
        ctx ->
            ctx.contentType("application/json").header("Cache-Control", "no-cache").result(spec));
    routes.page("/api/docs", ctx -> ctx.html(PAGE));
    routes.page("/api/docs/init.js", ctx -> ctx.contentType("text/javascript").result(INIT));
    // Browsers ask for /favicon.ico on pages without an icon link (a PDF, an error page): send
    // them to the one icon, so that no page logs a 404.
    routes.page("/favicon.ico", ctx -> ctx.redirect("/favicon.svg", HttpStatus.MOVED_PERMANENTLY));
  }

  private static byte[] load(String resource) {
    try (InputStream in = DocsRoutes.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Resource " + resource + " is missing from vigil-server");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

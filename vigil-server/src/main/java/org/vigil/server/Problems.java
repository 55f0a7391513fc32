package org.vigil.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.app.auth.AuthenticationException;
import org.vigil.app.auth.TooManyAttemptsException;
import org.vigil.forecast.ForecastInputException;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.InvalidInputException;
import org.vigil.model.NotFoundException;
import org.vigil.model.VigilException;

/**
 * The one place where failures become HTTP responses: RFC 9457 problem+json with {@code type},
 * {@code title}, {@code status}, {@code detail} and {@code instance}. Domain exceptions keep their
 * message (it is written for the caller); anything else is a 500 whose detail is only a reference
 * to the server log, so internals never leak.
 */
final class Problems {
  static final String CONTENT_TYPE = "application/problem+json";
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  static void register(RoutesConfig routes) {
    routes.exception(BadRequestException.class, (e, ctx) -> write(ctx, 400, e.getMessage()));
    routes.exception(AuthenticationException.class, (e, ctx) -> write(ctx, 401, e.getMessage()));
    routes.exception(AccessDeniedException.class, (e, ctx) -> write(ctx, 403, e.getMessage()));
    routes.exception(NotFoundException.class, (e, ctx) -> write(ctx, 404, e.getMessage()));
    routes.exception(InvalidInputException.class, (e, ctx) -> write(ctx, 422, e.getMessage()));
    routes.exception(
        TooManyAttemptsException.class,
        (e, ctx) -> {
          ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
          write(ctx, 429, e.getMessage());
        });
    routes.exception(
        ServiceUnavailableException.class,
        (e, ctx) -> {
          LOG.warn("Service unavailable on {} {}", ctx.method().name(), ctx.path(), e);
          ctx.header("Retry-After", Long.toString(ServiceUnavailableException.RETRY_AFTER_SECONDS));
          write(ctx, 503, e.getMessage());
        });
    routes.exception(
        org.vigil.app.sources.SourceUnavailableException.class,
        (e, ctx) -> write(ctx, 502, e.getMessage()));
    routes.exception(PayloadTooLargeException.class, (e, ctx) -> write(ctx, 413, e.getMessage()));
    routes.exception(VigilException.class, (e, ctx) -> write(ctx, 422, e.getMessage()));
    routes.exception(ForecastInputException.class, (e, ctx) -> write(ctx, 422, e.getMessage()));
    routes.exception(HttpResponseException.class, Problems::framework);
    routes.exception(Exception.class, Problems::internal);
  }

  /** Javalin's own failures (unknown route, wrong method, body too large, bad JSON). */
  private static void framework(HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    String detail =
        switch (status) {
          case 404 -> "No resource at " + ctx.method().name() + " " + ctx.path() + ".";
          case 405 -> "Method " + ctx.method().name() + " is not allowed on " + ctx.path() + ".";
          case 413 -> "The request body is larger than the server accepts.";
          case 400 ->
              "The request could not be read: check the body is valid JSON of the documented"
                  + " shape (see /api/openapi.json).";
          default -> HttpStatus.forStatus(status).getMessage();
        };
    write(ctx, status, detail);
  }

  private static void internal(Exception e, Context ctx) {
    String reference = UUID.randomUUID().toString();
    LOG.error("Internal error {} on {} {}", reference, ctx.method().name(), ctx.path(), e);
    write(
        ctx,
        500,
        "The server failed to handle the request. Nothing about the cause is shown here; the"
            + " operator can find it in the server log under reference "
            + reference
            + ".");
  }

  static void write(Context ctx, int status, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", HttpStatus.forStatus(status).getMessage());
    body.put("status", status);
    body.put("detail", detail == null ? "" : detail);
    body.put("instance", ctx.path());
    ctx.status(status);
    ctx.json(body);
    ctx.contentType(CONTENT_TYPE);
  }
}

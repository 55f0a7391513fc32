package org.vigil.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.app.Vigil;
import org.vigil.app.auth.TooManyAttemptsException;
import org.vigil.model.VigilException;

/**
 * The HTTP server: the JSON API under {@code /api}, its OpenAPI document and docs, and the web UI's
 * static files. Every request passes, in order: security headers, the per-address rate limit, the
 * body size limit, authentication (bearer token or session cookie, with a CSRF check for cookie
 * sessions), then the route's handler. Failures become problem+json in {@link Problems}.
 *
 * <p>Thread-safe; one instance per started server.
 */
public final class VigilServer {
  private final Javalin app;
  private final List<Routes.Route> routes;
  private final Optional<AnalyticSchedule> schedule;
  private final List<RouteGroup> groups;

  private VigilServer(
      Javalin app,
      List<Routes.Route> routes,
      Optional<AnalyticSchedule> schedule,
      List<RouteGroup> groups) {
    this.app = app;
    this.routes = routes;
    this.schedule = schedule;
    this.groups = groups;
  }

  /**
   * The route groups of the API, in one place. Add a group with one line here (see {@link
   * RouteGroup}).
   */
  static List<RouteGroup> routeGroups(Vigil vigil, ServerContext server) {
    return List.of(
        new HealthRoutes(vigil),
        new DocsRoutes(),
        new AuthRoutes(server),
        new UserRoutes(server),
        new ReferenceRoutes(vigil),
        new SeriesRoutes(vigil),
        new SdmxRoutes(vigil),
        new EventRoutes(vigil),
        new IngestRoutes(vigil, server.config()),
        new AuditRoutes(vigil),
        new ForecastRoutes(vigil),
        new ReportRoutes(vigil),
        new ProgrammeRoutes(vigil),
        new AnalyticsRoutes(vigil),
        new AlertRoutes(vigil),
        new I18nRoutes(),
        new SharingRoutes(vigil),
        new AgreementRoutes(vigil),
        new StateRoutes(vigil),
        new TextRoutes(vigil),
        new WaterRoutes(vigil),
        new SourceRoutes(vigil, server.config().sourcesSettings()),
        new NotifyRoutes(vigil));
  }

  /** Starts a server over an open Vigil; returns once it listens. */
  public static VigilServer start(Vigil vigil, ServerConfig config) {
    ServerContext server = new ServerContext(vigil, config);
    List<Routes.Route> declared = new ArrayList<>();
    List<RouteGroup> groups = routeGroups(vigil, server);
    Javalin app =
        Javalin.create(
            cfg -> {
              configure(cfg, server);
              Routes routes = new Routes(cfg.routes);
              for (RouteGroup group : groups) {
                group.register(routes);
              }
              declared.addAll(routes.declared());
            });
    try {
      app.start(config.host(), config.port());
    } catch (JavalinBindException e) {
      app.stop();
      throw portInUse(config.host(), config.port(), e);
    }
    return new VigilServer(
        app,
        List.copyOf(declared),
        config.analyseEvery().map(every -> AnalyticSchedule.start(vigil, every)),
        groups);
  }

  /**
   * Fails at once, with the message a busy port gets at start, when {@code port} on {@code host}
   * cannot be bound now (port 0 always can): lets a caller check before slow work such as loading
   * the demo. The port may still be taken between this check and the start.
   */
  public static void checkPortFree(String host, int port) {
    if (port == 0) {
      return;
    }
    try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new java.net.InetSocketAddress(host, port));
    } catch (java.net.BindException e) {
      throw portInUse(host, port, e);
    } catch (java.io.IOException e) {
      // not a busy port (an unknown host, say): the start reports it in its own words
    }
  }

  private static VigilException portInUse(String host, int port, Exception cause) {
    String message =
        String.format(
            java.util.Locale.ROOT,
            "Port %d on %s is in use (another Vigil or another program listens there): %s",
            port,
            host,
            "stop it, or choose another port with --port N (0 picks a free one)");
    return new VigilException(message, cause);
  }

  private static void configure(JavalinConfig cfg, ServerContext server) {
    ServerConfig config = server.config();
    cfg.startup.showJavalinBanner = false;
    cfg.http.maxRequestSize = config.maxBodyBytes();
    // The Content-Length check in beforeEach cannot see a chunked upload; Jetty's multipart parser
    // counts while it streams and stops at the same limit.
    cfg.jetty.multipartConfig.maxTotalRequestSize(config.maxBodyBytes(), SizeUnit.BYTES);
    cfg.jetty.multipartConfig.maxFileSize(config.maxBodyBytes(), SizeUnit.BYTES);
    cfg.jetty.modifyServer(s -> s.setErrorHandler(new ProblemErrorHandler()));
    cfg.jetty.modifyServletContextHandler(h -> h.setErrorHandler(new ProblemErrorHandler()));
    cfg.http.generateEtags = true;
    cfg.router.ignoreTrailingSlashes = true;
    cfg.jsonMapper(new JavalinJackson(jsonMapper(), false));
    cfg.staticFiles.enableWebjars();
    if (VigilServer.class.getResource("/web") != null) {
      cfg.staticFiles.add(
          s -> {
            s.hostedPath = "/";
            s.directory = "/web";
            s.location = Location.CLASSPATH;
          });
    }
    RequestRateLimiter limiter =
        new RequestRateLimiter(config.requestsPerMinute(), server.vigil().clock());
    cfg.routes.before(ctx -> beforeEach(ctx, server, limiter));
    // ETags made in bulk (KeptJson.etag) before Javalin would make its own byte by byte.
    cfg.routes.after(KeptJson::etag);
    Problems.register(cfg.routes);
    TlsConnector.configure(cfg, config);
  }

  private static void beforeEach(Context ctx, ServerContext server, RequestRateLimiter limiter) {
    SecurityHeaders.apply(ctx, server.config().tls());
    if (!limiter.tryAcquire(ctx.ip())) {
      ctx.header("Retry-After", Long.toString(limiter.secondsLeftInWindow()));
      throw new TooManyAttemptsException(
          "Too many requests from this address: the limit is "
              + server.config().requestsPerMinute()
              + " a minute. Wait and retry.",
          Duration.ofSeconds(limiter.secondsLeftInWindow()));
    }
    long length = ctx.req().getContentLengthLong();
    if (length > server.config().maxBodyBytes()) {
      throw new PayloadTooLargeException(
          "The request body has "
              + length
              + " bytes; the server accepts at most "
              + server.config().maxBodyBytes()
              + ". Split the upload into smaller files.");
    }
    server.authentication().authenticate(ctx);
  }

  static ObjectMapper jsonMapper() {
    return JsonMapping.MAPPER;
  }

  /** The port the server listens on (the chosen one when configured with port 0). */
  public int port() {
    return app.port();
  }

  /**
   * Stops the analytic schedule (a run in progress finishes first), stops listening, releases the
   * port and what the route groups hold (the text search index and its lock); the Vigil instance
   * stays open.
   */
  public void stop() {
    try {
      schedule.ifPresent(AnalyticSchedule::close);
    } finally {
      app.stop();
      groups.forEach(RouteGroup::close);
    }
  }

  /** Scheduled analytic runs finished so far (0 without a schedule). */
  public long scheduledRuns() {
    return schedule.map(AnalyticSchedule::finished).orElse(0L);
  }

  /** Scheduled times that found no new data and recorded no run (0 without a schedule). */
  public long scheduledUnchanged() {
    return schedule.map(AnalyticSchedule::unchanged).orElse(0L);
  }

  /** Every route the groups declared, in declaration order. */
  public List<Routes.Route> routes() {
    return routes;
  }
}

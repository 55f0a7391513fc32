package org.vigil.app.sources;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A local HTTP server that answers with recorded responses from the test resources, so a connector
 * runs its whole code path, HTTP included, without the internet. Each request's URI and headers are
 * kept for the tests to check. A route maps a request to a resource name (or null for 404).
 */
final class RecordedSourceServer implements AutoCloseable {
  private final HttpServer server;
  private final List<URI> requests = new CopyOnWriteArrayList<>();
  private final Map<URI, Map<String, List<String>>> headers = new ConcurrentHashMap<>();
  private volatile Function<URI, String> route;

  RecordedSourceServer(Function<URI, String> route) {
    this.route = route;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          URI uri = exchange.getRequestURI();
          requests.add(uri);
          headers.put(uri, Map.copyOf(exchange.getRequestHeaders()));
          String resource = this.route.apply(uri);
          byte[] body;
          int status = 200;
          if (resource == null) {
            body = "{\"message\":\"not found\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            status = 404;
          } else {
            try (InputStream in = RecordedSourceServer.class.getResourceAsStream(resource)) {
              if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is missing");
              }
              body = in.readAllBytes();
            }
          }
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  /** Answers later requests through another route (a source that changed its answer). */
  void route(Function<URI, String> newRoute) {
    route = newRoute;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<URI> requests() {
    return List.copyOf(requests);
  }

  Map<String, List<String>> headersOf(URI uri) {
    return headers.get(uri);
  }

  /** The value of one query parameter of a request, or null. */
  static String query(URI uri, String name) {
    String q = uri.getRawQuery();
    if (q == null) {
      return null;
    }
    for (String part : q.split("&")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).equals(name)) {
        return java.net.URLDecoder.decode(
            part.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

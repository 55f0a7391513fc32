package org.vigil.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;

/** A real server on a random port over a fresh in-memory store, with a small HTTP client. */
final class TestServer implements AutoCloseable {
  private final Vigil vigil;
  private final VigilServer server;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestServer(Vigil vigil, VigilServer server) {
    this.vigil = vigil;
    this.server = server;
  }

  static TestServer start(String name) {
    return start(Vigil.open(VigilConfig.h2InMemory(name)), ServerConfig.DEFAULT);
  }

  static TestServer start(Vigil vigil, ServerConfig config) {
    return new TestServer(vigil, VigilServer.start(vigil, config));
  }

  Vigil vigil() {
    return vigil;
  }

  VigilServer server() {
    return server;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET(), Map.of());
  }

  HttpResponse<String> get(String path, Map<String, String> headers)
      throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
  }

  /** A GET whose body is binary (a PDF or DOCX report). */
  HttpResponse<byte[]> getBytes(String path, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    headers.forEach(b::header);
    return http.send(
        b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body);
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).method(method, publisher);
    if (body != null && !headers.containsKey("Content-Type")) {
      b.header("Content-Type", "application/json");
    }
    return send(b, headers);
  }

  private HttpResponse<String> send(HttpRequest.Builder b, Map<String, String> headers)
      throws IOException, InterruptedException {
    headers.forEach(b::header);
    return http.send(
        b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Logs in and returns headers that authenticate as that user (the session as a bearer). */
  Map<String, String> as(String username) throws IOException, InterruptedException {
    return as(username, TestData.PASSWORD);
  }

  /**
   * {@link #as(String)} with a given password (the demo's users have {@code DemoData.PASSWORD}).
   */
  Map<String, String> as(String username, String password)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        send(
            "POST",
            "/api/auth/login",
            "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}",
            Map.of());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("Login of " + username + " failed: " + r.body());
    }
    String cookie =
        r.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("vigil_session="))
            .findFirst()
            .orElseThrow();
    String token = cookie.substring("vigil_session=".length(), cookie.indexOf(';'));
    return Map.of("Authorization", "Bearer " + token);
  }

  @Override
  public void close() {
    server.stop();
    vigil.close();
  }
}

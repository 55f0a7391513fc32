package org.vigil.app.sources;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;

/**
 * GETs a source's response with the JDK's HTTP client. Every failure becomes a {@link
 * SourceUnavailableException} naming the host and what happened. Thread-safe.
 */
final class SourceHttp {
  private final HttpClient client;
  private final Duration timeout;

  SourceHttp(Duration connectTimeout, Duration timeout) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.timeout = timeout;
  }

  static SourceHttp standard() {
    return new SourceHttp(Duration.ofSeconds(10), Duration.ofSeconds(120));
  }

  /** The body of a 200 answer to GET {@code uri}. */
  byte[] get(URI uri, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", "Vigil/0.1 (sources)");
    headers.forEach(b::header);
    HttpResponse<byte[]> response;
    try {
      response = client.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new SourceUnavailableException(
          "cannot reach " + uri.getHost() + ": " + reason(e) + "; nothing was stored", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceUnavailableException(
          "interrupted while reading " + uri.getHost() + "; nothing was stored", e);
    }
    if (response.statusCode() != 200) {
      throw new SourceUnavailableException(
          uri.getHost()
              + " answered HTTP "
              + response.statusCode()
              + " to "
              + uri
              + (response.statusCode() == 404 ? " (no such data set, or no data matched)" : "")
              + "; nothing was stored");
    }
    return response.body();
  }

  private static String reason(IOException e) {
    Throwable t = e;
    while (t.getCause() != null && t.getMessage() == null) {
      t = t.getCause();
    }
    if (e instanceof HttpTimeoutException) {
      return "no answer in time (" + e.getMessage() + ")";
    }
    // The JDK's client wraps an unresolved name in one or two ConnectExceptions: look down the
    // chain.
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
        return "the name does not resolve (no network or DNS?)";
      }
    }
    if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
      return "connection refused or no route (no network?)";
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage());
  }
}

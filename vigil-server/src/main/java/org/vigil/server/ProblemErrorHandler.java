package org.vigil.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answers to requests it refuses before they reach a route (an encoded NUL or an ambiguous
 * segment in the path, a bad header) as problem+json, like every other error of the API, instead of
 * Jetty's HTML page. The detail is fixed text: nothing of the request is echoed back.
 */
final class ProblemErrorHandler extends ErrorHandler {
  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    int status = code >= 400 && code < 600 ? code : 500;
    String detail =
        status < 500
            ? "The request could not be read: its path, query or headers are malformed (for"
                + " example an encoded control character or an ambiguous path segment). Send a"
                + " well-formed request; see /api/openapi.json."
            : "The server failed to handle the request.";
    String json =
        "{\"type\":\"about:blank\",\"title\":\""
            + HttpStatus.getMessage(status)
            + "\",\"status\":"
            + status
            + ",\"detail\":\""
            + detail
            + "\",\"instance\":\"\"}";
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
    response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
  }
}

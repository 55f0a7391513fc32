package org.vigil.app.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.vigil.model.notify.OutboxMessage;

/**
 * A signed HTTP POST of the message's JSON body (see {@link WebhookSignature}). Each attempt is
 * signed at its own time; the id stays the one derived from the delivery key. A 2xx answer is
 * delivery; anything else is retried.
 */
final class WebhookDelivery implements Delivery {
  private final NotifyConfig config;
  private final Clock clock;
  private final HttpClient http;

  WebhookDelivery(NotifyConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public String send(OutboxMessage m) throws IOException, InterruptedException {
    String id = Delivery.messageId(m.deliveryKey());
    long t = clock.instant().getEpochSecond();
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(m.target()))
            .timeout(config.timeout())
            .header("Content-Type", "application/json; charset=utf-8")
            .header(WebhookSignature.ID_HEADER, id)
            .header(
                WebhookSignature.SIGNATURE_HEADER,
                WebhookSignature.header(config.webhookSecret(), id, t, m.body()))
            .POST(HttpRequest.BodyPublishers.ofString(m.body(), StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() / 100 != 2) {
      throw new IOException(
          "the receiver answered HTTP " + res.statusCode() + ": " + clip(res.body()));
    }
    return "HTTP " + res.statusCode() + " id " + id;
  }

  private static String clip(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}

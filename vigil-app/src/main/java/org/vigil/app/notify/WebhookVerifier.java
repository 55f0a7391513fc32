package org.vigil.app.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a receiver runs on each webhook request: the signature must match the body, id and
 * timestamp; the timestamp must be within the tolerance of the receiver's clock; and an id seen
 * before (within the tolerance window, which is as long as a replay could be accepted) is refused.
 * A request Vigil retries keeps its id, so a receiver that acknowledged it once refuses the copy.
 * Thread-safe.
 */
public final class WebhookVerifier {
  /** Why a request was refused, or OK. */
  public enum Verdict {
    OK,
    MISSING_HEADER,
    BAD_SIGNATURE,
    TOO_OLD,
    REPLAYED
  }

  private final String secret;
  private final Clock clock;
  private final Duration tolerance;
  private final Map<String, Long> seen = new LinkedHashMap<>();

  /**
   * @param secret the shared secret (VIGIL_WEBHOOK_SECRET on the sending side)
   * @param clock the receiver's clock
   * @param tolerance how old (or how far in the future) a timestamp may be, e.g. 5 minutes
   */
  public WebhookVerifier(String secret, Clock clock, Duration tolerance) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException("The webhook secret must have at least 16 characters");
    }
    this.secret = secret;
    this.clock = clock;
    this.tolerance = tolerance;
  }

  /** Checks one request; an OK request's id is remembered, so the same request again is refused. */
  public synchronized Verdict verify(String id, String signatureHeader, String body) {
    if (id == null || id.isBlank() || signatureHeader == null || body == null) {
      return Verdict.MISSING_HEADER;
    }
    long t = -1;
    String v1 = null;
    for (String part : signatureHeader.split(",")) {
      String p = part.trim();
      if (p.startsWith("t=")) {
        try {
          t = Long.parseLong(p.substring(2));
        } catch (NumberFormatException e) {
          return Verdict.MISSING_HEADER;
        }
      } else if (p.startsWith("v1=")) {
        v1 = p.substring(3);
      }
    }
    if (t < 0 || v1 == null) {
      return Verdict.MISSING_HEADER;
    }
    if (!WebhookSignature.same(WebhookSignature.hmac(secret, id, t, body), v1)) {
      return Verdict.BAD_SIGNATURE;
    }
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - t) > tolerance.toSeconds()) {
      return Verdict.TOO_OLD;
    }
    forgetOlderThan(now - 2 * tolerance.toSeconds());
    if (seen.putIfAbsent(id, t) != null) {
      return Verdict.REPLAYED;
    }
    return Verdict.OK;
  }

  private void forgetOlderThan(long cutoff) {
    for (Iterator<Long> it = seen.values().iterator(); it.hasNext(); ) {
      if (it.next() < cutoff) {
        it.remove();
      }
    }
  }
}

package org.vigil.app.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: HMAC-SHA256 with the shared secret over {@code id + "." + timestamp + "."
 * + body} (timestamp in Unix seconds), sent as {@code Vigil-Signature: t=<timestamp>,v1=<hex>} with
 * {@code Vigil-Webhook-Id: <id>}. Binding the id and the time into the signature means an attacker
 * can neither alter the body nor resend it under another id or time.
 */
public final class WebhookSignature {
  /** Header carrying the message id (derived from the delivery key, stable across retries). */
  public static final String ID_HEADER = "Vigil-Webhook-Id";

  /** Header carrying {@code t=<unix seconds>,v1=<hex HMAC>}. */
  public static final String SIGNATURE_HEADER = "Vigil-Signature";

  private WebhookSignature() {}

  /** The header value for a message. */
  public static String header(String secret, String id, long timestamp, String body) {
    return "t=" + timestamp + ",v1=" + hmac(secret, id, timestamp, body);
  }

  /** Hex HMAC-SHA256 of {@code id.timestamp.body}. */
  public static String hmac(String secret, String id, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] sig =
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sig);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /** Constant-time comparison of two hex signatures. */
  static boolean same(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}

package org.vigil.app.notify;

import org.vigil.model.notify.OutboxMessage;

/** Sends one outbox message over one channel. */
interface Delivery {
  /**
   * Sends the message.
   *
   * @return the receiver's answer, for the attempt record
   * @throws Exception when it was not accepted (it will be retried with back-off)
   */
  String send(OutboxMessage m) throws Exception;

  /** The id a receiver can deduplicate by: derived from the delivery key, the same on retries. */
  static String messageId(String deliveryKey) {
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(deliveryKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d, 0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}

package org.vigil.store;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * An order-independent digest of a batch's rows: the sum, modulo 2^256, of each row's SHA-256 over
 * its stored fields, and the row count. Computed from the rows being written (in the audit entry of
 * the batch) and again from the table by {@code audit verify}; rows added, removed or changed
 * (values, classifications) change it.
 */
final class BatchDigest {
  private static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);

  private final MessageDigest sha;
  private BigInteger sum = BigInteger.ZERO;
  private long count;

  BatchDigest() {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  void add(
      String indicator,
      String area,
      String period,
      Double value,
      String flags,
      String source,
      String owner,
      String classification,
      String sharedWith) {
    StringBuilder b = new StringBuilder(128);
    for (String f :
        new String[] {
          indicator,
          area,
          period,
          value == null ? "-" : Double.toString(value),
          flags,
          source,
          owner,
          classification,
          sharedWith
        }) {
      String t = f == null ? "" : f;
      b.append(t.length()).append(':').append(t).append('|');
    }
    sum = sum.add(new BigInteger(1, sha.digest(b.toString().getBytes(StandardCharsets.UTF_8))));
    if (sum.bitLength() > 256) {
      sum = sum.mod(MOD);
    }
    count++;
  }

  long count() {
    return count;
  }

  /** {@code <count>:<hex of the sum>}. */
  String hex() {
    return count + ":" + sum.mod(MOD).toString(16);
  }
}

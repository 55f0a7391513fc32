package org.vigil.app.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes in PHC string form ({@code $argon2id$v=19$m=...}). Parameters follow the
 * OWASP password storage recommendation for Argon2id (19 MiB memory, 2 iterations, 1 lane), which
 * costs about 30-60 ms a hash here. Verification reads the parameters from the stored hash, so they
 * can be raised later without invalidating old hashes.
 */
public final class PasswordHasher {
  static final int MEMORY_KIB = 19_456;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  static final int OUTPUT_BYTES = 32;
  private static final Argon2Function ARGON2ID =
      Argon2Function.getInstance(
          MEMORY_KIB,
          ITERATIONS,
          PARALLELISM,
          OUTPUT_BYTES,
          Argon2.ID,
          Argon2Function.ARGON2_VERSION_13);

  public PasswordHasher() {}

  /** A new salted hash of the password. */
  public String hash(CharSequence password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
  }

  /** True when the password matches the stored hash; false for a malformed hash. */
  public boolean verify(CharSequence password, String storedHash) {
    if (storedHash == null || !storedHash.startsWith("$argon2id$")) {
      return false;
    }
    try {
      return Argon2Function.getInstanceFromHash(storedHash).check(password, storedHash);
    } catch (RuntimeException e) {
      return false;
    }
  }
}

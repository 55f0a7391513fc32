package org.vigil.app.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes in PHC string form ({@code $argon2id$v=19$m=...}). The default
 * parameters follow the OWASP password storage recommendation for Argon2id (19 MiB memory, 2
 * iterations, 1 lane). Verification reads the parameters from the stored hash, so they can be
 * raised later without invalidating old hashes. Thread-safe.
 */
public final class PasswordHasher {
  static final int MEMORY_KIB = 19_456;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  static final int OUTPUT_BYTES = 32;

  private final Argon2Function argon2id;

  /** The recommended parameters (19 MiB, 2 iterations). */
  public PasswordHasher() {
    this(MEMORY_KIB, ITERATIONS);
  }

  /**
   * Other costs: tests use small ones to stay fast. Stored hashes carry their parameters, so a hash
   * made with one cost verifies with any hasher.
   *
   * @param memoryKib memory in KiB, at least 1024
   * @param iterations passes over memory, at least 1
   */
  public PasswordHasher(int memoryKib, int iterations) {
    if (memoryKib < 1024 || iterations < 1) {
      throw new IllegalArgumentException(
          "Argon2id needs memory >= 1024 KiB and iterations >= 1, found "
              + memoryKib
              + " KiB and "
              + iterations);
    }
    this.argon2id =
        Argon2Function.getInstance(
            memoryKib,
            iterations,
            PARALLELISM,
            OUTPUT_BYTES,
            Argon2.ID,
            Argon2Function.ARGON2_VERSION_13);
  }

  /** A new salted hash of the password. */
  public String hash(CharSequence password) {
    return Password.hash(password).addRandomSalt(16).with(argon2id).getResult();
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

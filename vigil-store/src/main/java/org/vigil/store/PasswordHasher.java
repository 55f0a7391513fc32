package org.vigil.store;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes in PHC string form ({@code $argon2id$v=19$m=19456,t=2,p=1$...}). The
 * parameters follow OWASP's minimum recommendation for Argon2id (19 MiB, 2 passes, 1 lane); stored
 * hashes carry their own parameters, so they can be raised later without breaking old hashes.
 * Thread-safe.
 */
public final class PasswordHasher {
  private static final Argon2Function ARGON2ID =
      Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);

  private PasswordHasher() {}

  /** Hashes a password with a fresh random salt. */
  public static String hash(CharSequence password) {
    if (password == null || password.length() == 0) {
      throw new IllegalArgumentException("Cannot hash an empty password");
    }
    return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
  }

  /** True when the password matches the stored hash; false for any malformed hash. */
  public static boolean verify(CharSequence password, String storedHash) {
    if (password == null || storedHash == null || !storedHash.startsWith("$argon2id$")) {
      return false;
    }
    try {
      return Password.check(password, storedHash)
          .with(Argon2Function.getInstanceFromHash(storedHash));
    } catch (RuntimeException e) {
      return false;
    }
  }
}

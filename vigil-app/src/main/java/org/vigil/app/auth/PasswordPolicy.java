package org.vigil.app.auth;

import java.util.Locale;
import java.util.Set;
import org.vigil.model.InvalidInputException;

/**
 * Rules for new passwords, after NIST SP 800-63B: length matters, composition rules do not. A
 * password has 12 to 256 characters, does not contain the user name, is not one repeated or
 * sequential pattern, and is not on a short list of the most common passwords.
 */
public final class PasswordPolicy {
  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 256;
  private static final Set<String> COMMON =
      Set.of(
          "password1234",
          "123456789012",
          "qwertyuiop12",
          "passwordpassword",
          "adminadmin123",
          "iloveyou1234",
          "welcome12345",
          "letmein12345",
          "administrator",
          "changeme1234",
          "qwerty123456",
          "password123!");

  public PasswordPolicy() {}

  /**
   * Checks a password for a user.
   *
   * @throws InvalidInputException naming the rule that failed (never echoing the password)
   */
  public void check(String username, CharSequence password) {
    String p = password.toString();
    int length = p.codePointCount(0, p.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      throw new InvalidInputException(
          "Password must have "
              + MIN_LENGTH
              + " to "
              + MAX_LENGTH
              + " characters, found "
              + length
              + "; a phrase of several words is easy to remember and long enough");
    }
    String lower = p.toLowerCase(Locale.ROOT);
    if (username != null
        && username.length() >= 3
        && lower.contains(username.toLowerCase(Locale.ROOT))) {
      throw new InvalidInputException("Password must not contain the user name; choose another");
    }
    if (p.chars().distinct().count() < 4) {
      throw new InvalidInputException(
          "Password must use at least 4 different characters; choose a less repetitive one");
    }
    if (isSequence(lower) || COMMON.contains(lower)) {
      throw new InvalidInputException(
          "Password is on the list of common or sequential passwords; choose another");
    }
  }

  private static boolean isSequence(String p) {
    int up = 0;
    int down = 0;
    for (int i = 1; i < p.length(); i++) {
      int d = p.charAt(i) - p.charAt(i - 1);
      up += d == 1 ? 1 : 0;
      down += d == -1 ? 1 : 0;
    }
    return up >= p.length() - 2 || down >= p.length() - 2;
  }
}

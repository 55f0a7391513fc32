package org.vigil.app.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.vigil.model.InvalidInputException;

/**
 * Rules for new passwords, after NIST SP 800-63B: length matters, composition rules do not. A
 * password has 12 to 256 characters, does not contain the user name, is not one repeated or
 * sequential pattern, and is not on the list of common and breached passwords shipped in {@code
 * common-passwords.txt} (which holds the published demo password) nor one of its words with only
 * digits, spaces or symbols added ("Password2024!"). Thread-safe.
 */
public final class PasswordPolicy {
  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 256;
  private static final String LIST = "common-passwords.txt";
  private static final Set<String> COMMON = load();

  public PasswordPolicy() {}

  private static Set<String> load() {
    InputStream in = PasswordPolicy.class.getResourceAsStream(LIST);
    if (in == null) {
      throw new IllegalStateException(
          "The common-password list " + LIST + " is missing from the class path; rebuild Vigil");
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .map(l -> l.toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the common-password list " + LIST, e);
    }
  }

  /** True when the password is on the list, or is a listed word with digits or symbols added. */
  static boolean isCommon(String password) {
    String lower = password.toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower)) {
      return true;
    }
    String core = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
    return !core.isEmpty() && COMMON.contains(core);
  }

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
    if (isSequence(lower) || isCommon(p)) {
      throw new InvalidInputException(
          "Password is on the list of common, breached or sequential passwords (the published"
              + " demo password is on it too); choose another, for example a phrase of several"
              + " unrelated words");
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

package org.vigil.model.programme;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The few checks the programme records share; messages name the rule and the bad value. */
final class Validation {
  private static final String CODE = "[A-Z0-9][A-Z0-9._-]{0,63}";

  private Validation() {}

  static String code(String what, String value) {
    if (value == null || !value.matches(CODE)) {
      throw new IllegalArgumentException(
          what
              + " code must be 1-64 upper-case letters, digits, '.', '_' or '-', found '"
              + value
              + "'");
    }
    return value;
  }

  static String text(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value.strip();
  }

  static String orEmpty(String value) {
    return value == null ? "" : value.strip();
  }

  static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : List.copyOf(values);
  }

  static void unique(String what, List<String> codes) {
    Set<String> seen = new HashSet<>();
    for (String c : codes) {
      if (!seen.add(c)) {
        throw new IllegalArgumentException(what + " codes must be unique, found '" + c + "' twice");
      }
    }
  }
}

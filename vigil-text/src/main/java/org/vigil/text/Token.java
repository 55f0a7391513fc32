package org.vigil.text;

/**
 * A word of a text with its place in it.
 *
 * @param surface the characters as written
 * @param norm lower-case form without abbreviation dots ("U.S." gives "us"), "ё" read as "е"
 * @param start offset of the first character
 * @param end offset after the last character
 */
public record Token(String surface, String norm, int start, int end) {
  /** True when the word starts with an upper-case letter. */
  public boolean capitalised() {
    return !surface.isEmpty() && Character.isUpperCase(surface.codePointAt(0));
  }

  /** True when the word is written in Cyrillic letters. */
  public boolean cyrillic() {
    return !surface.isEmpty()
        && Character.UnicodeScript.of(surface.codePointAt(0)) == Character.UnicodeScript.CYRILLIC;
  }
}

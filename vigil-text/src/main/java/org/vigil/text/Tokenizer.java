package org.vigil.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a text into words and numbers, keeping their offsets. Thread-safe. */
public final class Tokenizer {
  private static final Pattern WORD =
      Pattern.compile(
          "\\p{Lu}(?:\\.\\p{Lu})+\\.?" // abbreviations with dots: U.S., U.N.
              + "|\\d+(?:[.,]\\d+)*"
              + "|[\\p{L}\\p{M}]+(?:[-'’‘][\\p{L}\\p{M}\\d]+)*");

  private Tokenizer() {}

  /** The words of {@code text} in order. */
  public static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String s = m.group();
      out.add(new Token(s, normalise(s), m.start(), m.end()));
    }
    return out;
  }

  /** Lower case, abbreviation dots removed, "ё" as "е", typographic apostrophes as "'". */
  public static String normalise(String word) {
    String s =
        word.toLowerCase(Locale.ROOT).replace('ё', 'е').replace('’', '\'').replace('‘', '\'');
    if (s.indexOf('.') >= 0 && !Character.isDigit(s.charAt(0))) {
      s = s.replace(".", "");
    }
    return s;
  }
}

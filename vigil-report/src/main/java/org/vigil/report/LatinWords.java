package org.vigil.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds English words in a Russian text: Latin-alphabet words that are not codes. A code is a token
 * with a digit, a dot or an underscore inside (KAZ-SC, kaz.analyst, 1.0.0), an upper-case
 * abbreviation (KAZ, ETS, ARIMA, A, Ad), or one of the few names that stay Latin in Russian text.
 * The check the report tests apply to every Russian edition (PDF text, HTML text, DOCX text).
 */
public final class LatinWords {
  /** The product's name and the methodology's identifier, which Russian text keeps as they are. */
  private static final Set<String> NAMES = Set.of("Vigil", "vigil-default");

  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}._\\-]+");
  private static final Pattern LATIN = Pattern.compile(".*[A-Za-z].*");
  private static final Pattern CODE =
      Pattern.compile(".*[0-9._].*|[A-Z][A-Z0-9\\-]*|[A-Z][a-z]|[A-Z]+(-[A-Z]+)+");

  private LatinWords() {}

  /** The English words of text, in order of appearance (empty when there are none). */
  public static List<String> in(String text) {
    List<String> found = new ArrayList<>();
    Matcher t = TOKEN.matcher(text);
    while (t.find()) {
      String w = t.group().replaceAll("^[.\\-_]+|[.\\-_]+$", "");
      if (LATIN.matcher(w).matches() && !CODE.matcher(w).matches() && !NAMES.contains(w)) {
        found.add(w);
      }
    }
    return found;
  }
}

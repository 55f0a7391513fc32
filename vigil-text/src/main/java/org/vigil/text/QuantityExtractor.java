package org.vigil.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds numbers with units: "a 12% rise", "4.5 tonnes of heroin", "3,200 migrants", "1,5 тонны", "3
 * тыс. мигрантов", "2.3 million dollars". Units are given canonical names (percent, tonne, kg,
 * person, USD, km, case); any other following noun is kept as written. Pure and thread-safe.
 */
final class QuantityExtractor {
  private static final Pattern NUMBER =
      Pattern.compile(
          "(?iu)(?<![\\p{L}\\d.,])(\\d{1,3}(?:[ ,\\u00a0]\\d{3})+|\\d+(?:[.,]\\d+)?)"
              + "(?:\\s*(million|billion|thousand|млн\\.?|млрд\\.?|тыс\\.?|миллион\\p{L}*|тысяч\\p{L}*))?"
              + "\\s*(%|\\$|[\\p{L}]+)?");

  private QuantityExtractor() {}

  static List<Extraction.QuantityFinding> find(String text) {
    List<Extraction.QuantityFinding> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      String unitWord = m.group(3) == null ? "" : m.group(3);
      String unit = unit(unitWord);
      if (unit.isEmpty()) {
        continue;
      }
      double v = number(m.group(1)) * scale(m.group(2));
      if (Double.isNaN(v) || looksLikeYear(m.group(1), unit)) {
        continue;
      }
      boolean known = !unit.equals(Tokenizer.normalise(unitWord));
      out.add(
          new Extraction.QuantityFinding(
              v,
              unit,
              known ? 0.9 : 0.6,
              m.group().trim(),
              m.start(),
              m.start() + m.group().trim().length()));
    }
    return out;
  }

  private static boolean looksLikeYear(String digits, String unit) {
    return digits.matches("(19|20)\\d\\d") && !unit.equals("percent");
  }

  private static double number(String s) {
    String t = s.replace('\u00a0', ' ');
    if (t.matches("\\d{1,3}([ ,]\\d{3})+")) {
      t = t.replace(",", "").replace(" ", "");
    } else {
      t = t.replace(',', '.');
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static double scale(String s) {
    if (s == null) {
      return 1;
    }
    String w = s.toLowerCase(Locale.ROOT);
    if (w.startsWith("billion") || w.startsWith("млрд")) {
      return 1e9;
    }
    if (w.startsWith("million") || w.startsWith("млн") || w.startsWith("миллион")) {
      return 1e6;
    }
    return 1e3;
  }

  /** Canonical unit name, the word itself for other nouns, or "" when it is not a unit. */
  static String unit(String word) {
    String w = Tokenizer.normalise(word);
    if (w.isEmpty()) {
      return "";
    }
    if (w.equals("%") || w.startsWith("percent") || w.startsWith("процент") || w.equals("per")) {
      return "percent";
    }
    if (w.startsWith("tonne") || w.startsWith("ton") || w.startsWith("тонн") || w.equals("т")) {
      return "tonne";
    }
    if (w.equals("kg") || w.startsWith("kilogram") || w.equals("кг") || w.startsWith("килограмм")) {
      return "kg";
    }
    if (w.equals("$") || w.startsWith("dollar") || w.startsWith("доллар")) {
      return "USD";
    }
    if (w.equals("km") || w.startsWith("kilomet") || w.equals("км") || w.startsWith("километр")) {
      return "km";
    }
    if (w.startsWith("people") || w.startsWith("person") || w.startsWith("человек")) {
      return "person";
    }
    if (w.startsWith("case") || w.startsWith("случа")) {
      return "case";
    }
    if (Character.isLetter(w.charAt(0)) && w.length() > 3 && !STOP.contains(w)) {
      return w;
    }
    return "";
  }

  private static final java.util.Set<String> STOP =
      java.util.Set.of(
          "года", "году", "год", "years", "year", "times", "раза", "after", "before", "when",
          "that", "which", "with", "from", "were", "have", "между", "были", "было");
}

package org.vigil.text;

import java.util.Set;

/**
 * Detects the language of a text from its script, its letters and its most frequent words. Covers
 * the languages of the member states: Russian, English, Kazakh, Ukrainian, Belarusian, Kyrgyz,
 * Tajik, Uzbek, Azerbaijani, Armenian, Georgian and Romanian (Moldova). English and Russian are
 * analysed; the others are stored and searched as plain text. Pure and thread-safe.
 */
public final class LanguageDetector {
  private static final Set<String> EN =
      Set.of(
          "the", "of", "and", "to", "in", "is", "was", "that", "for", "on", "with", "by", "said",
          "a", "an", "at", "from", "as", "it", "are", "were", "has", "have", "had", "be", "been",
          "this", "after", "over", "near", "against", "into", "its", "their", "not", "will",
          "says");
  private static final Set<String> RU =
      Set.of("и", "в", "на", "что", "не", "по", "с", "из", "за", "для", "от", "это", "как", "года");
  private static final Set<String> RO =
      Set.of("și", "în", "de", "la", "cu", "pe", "că", "din", "este", "pentru", "una", "care");
  private static final Set<String> UZ =
      Set.of("va", "bilan", "uchun", "bu", "ham", "esa", "yil", "bo'yicha", "qilish", "emas");
  private static final Set<String> AZ =
      Set.of("və", "bu", "ilə", "üçün", "da", "də", "olan", "bir", "isə", "ki", "edib");

  private LanguageDetector() {}

  /** The language of {@code text}, "und" with confidence 0 when it cannot tell. */
  public static Extraction.Language detect(String text) {
    int cyr = 0;
    int latin = 0;
    int armenian = 0;
    int georgian = 0;
    int[] marks = new int[6]; // kk, uk, be, ky, tg, ro/az letters
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      Character.UnicodeScript s = Character.UnicodeScript.of(cp);
      switch (s) {
        case CYRILLIC -> cyr++;
        case LATIN -> latin++;
        case ARMENIAN -> armenian++;
        case GEORGIAN -> georgian++;
        default -> {}
      }
      int lc = Character.toLowerCase(cp);
      if ("әғқұһі".indexOf(lc) >= 0 && lc != 'і') {
        marks[0]++;
      }
      if ("їєґ".indexOf(lc) >= 0) {
        marks[1]++;
      }
      if (lc == 'ў') {
        marks[2]++;
      }
      if ("ңөү".indexOf(lc) >= 0) {
        marks[3]++;
      }
      if ("ӣҳҷӯ".indexOf(lc) >= 0) {
        marks[4]++;
      }
    }
    int letters = cyr + latin + armenian + georgian;
    if (letters < 3) {
      return new Extraction.Language("und", false, 0);
    }
    if (armenian > letters / 2) {
      return new Extraction.Language("hy", false, 0.99);
    }
    if (georgian > letters / 2) {
      return new Extraction.Language("ka", false, 0.99);
    }
    if (cyr >= latin) {
      return cyrillic(text, marks, (double) cyr / letters);
    }
    return latinScript(text, (double) latin / letters);
  }

  private static Extraction.Language cyrillic(String text, int[] marks, double share) {
    if (marks[4] > 0) {
      return new Extraction.Language("tg", false, share * 0.9);
    }
    if (marks[0] > 0) {
      return new Extraction.Language("kk", false, share * 0.9);
    }
    if (marks[2] > 0) {
      return new Extraction.Language("be", false, share * 0.9);
    }
    if (marks[1] > 0) {
      return new Extraction.Language("uk", false, share * 0.9);
    }
    if (marks[3] > 0) {
      return new Extraction.Language("ky", false, share * 0.8);
    }
    long ruWords = Tokenizer.tokens(text).stream().filter(t -> RU.contains(t.norm())).count();
    if (text.toLowerCase(java.util.Locale.ROOT).indexOf('і') >= 0 && ruWords == 0) {
      return new Extraction.Language("uk", false, share * 0.6);
    }
    return new Extraction.Language("ru", true, share * (ruWords > 0 ? 0.99 : 0.8));
  }

  private static Extraction.Language latinScript(String text, double share) {
    int en = 0;
    int ro = 0;
    int uz = 0;
    int az = 0;
    for (Token t : Tokenizer.tokens(text)) {
      String w = t.norm();
      en += EN.contains(w) ? 1 : 0;
      ro +=
          RO.contains(w) || w.indexOf('ă') >= 0 || w.indexOf('ș') >= 0 || w.indexOf('ț') >= 0
              ? 1
              : 0;
      uz += UZ.contains(w) || w.contains("o'") || w.contains("g'") ? 1 : 0;
      az += AZ.contains(w) || w.indexOf('ə') >= 0 ? 1 : 0;
    }
    int best = Math.max(Math.max(en, ro), Math.max(uz, az));
    if (best < 2 && en == 0) {
      // One stray word ("da", "bu", "la") or a name with a diacritic ("Chișinău") in a headline
      // is no evidence against English, the usual language of Latin-script reports here.
      return new Extraction.Language("en", true, share * 0.5);
    }
    if (best == en || best < 2) {
      return new Extraction.Language("en", true, share * 0.99);
    }
    String code = best == az ? "az" : best == uz ? "uz" : "ro";
    return new Extraction.Language(code, false, share * 0.9);
  }
}

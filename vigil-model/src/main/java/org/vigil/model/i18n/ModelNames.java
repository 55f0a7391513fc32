package org.vigil.model.i18n;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Forecasting models' names in a language. A name such as "Weighted(ETS(A,Ad,M), Theta) on log"
 * mixes notation (ETS(A,Ad,M), ARIMA(1,1,0): kept as written) with words; the words are the keys
 * {@value #PREFIX}<i>word</i> of the shared translations (a space written as '_'), so reports, the
 * CLI and the web UI (which applies the same rule to the same keys, {@code i18n.js modelName}) read
 * one vocabulary. Longer words are replaced first, so "seasonally adjusted" wins over "seasonal"; a
 * word is replaced only as a whole word.
 */
public final class ModelNames {
  /** The prefix of the vocabulary's keys. */
  public static final String PREFIX = "modelword.";

  private ModelNames() {}

  /** The words of model names, as written in English, longest first. */
  public static List<String> words() {
    List<String> out = new ArrayList<>();
    for (String key : Translations.of("en").keySet()) {
      if (key.startsWith(PREFIX)) {
        out.add(key.substring(PREFIX.length()).replace('_', ' '));
      }
    }
    out.sort(Comparator.comparingInt(String::length).reversed().thenComparing(w -> w));
    return out;
  }

  /** The model name with its words in lang ("en" leaves it as it is). */
  public static String translate(String lang, String name) {
    if (name == null || name.isEmpty()) {
      return name == null ? "" : name;
    }
    Map<String, String> dict = Translations.of(Translations.language(lang));
    String out = name;
    for (String w : words()) {
      String text = dict.get(PREFIX + w.replace(' ', '_'));
      if (text != null) {
        out =
            Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(w) + "(?![\\p{L}\\p{N}])")
                .matcher(out)
                .replaceAll(Matcher.quoteReplacement(text));
      }
    }
    return out;
  }
}

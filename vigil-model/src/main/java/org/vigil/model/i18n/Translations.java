package org.vigil.model.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every label shown to users, one properties file per language ({@code
 * org/vigil/i18n/messages_<lang>.properties}, UTF-8): domain names, units, PLOVER categories,
 * statuses, roles and the web UI's texts. The server serves them to the web UI as JSON; reports and
 * CLI messages may read the same keys here. Add a key to both files (a test compares them).
 */
public final class Translations {
  /** The languages with a file, English first (the fallback). */
  public static final List<String> LANGUAGES = List.of("en", "ru");

  private static final Map<String, Map<String, String>> CACHE = new ConcurrentHashMap<>();

  private Translations() {}

  /** The normalised language code: "ru" for Russian, "en" for anything else. */
  public static String language(String lang) {
    return lang != null && lang.trim().toLowerCase(Locale.ROOT).startsWith("ru") ? "ru" : "en";
  }

  /**
   * Every key and its text in one language ("en" or "ru"), sorted by key.
   *
   * @throws IllegalArgumentException if the language has no file
   */
  public static Map<String, String> of(String lang) {
    String l = lang == null ? "" : lang.trim().toLowerCase(Locale.ROOT);
    if (!LANGUAGES.contains(l)) {
      throw new IllegalArgumentException(
          "Unknown language '" + lang + "': expected one of " + LANGUAGES);
    }
    return CACHE.computeIfAbsent(l, Translations::load);
  }

  /** The text of key in lang, else in English, else the key itself; {name} filled from args. */
  public static String text(String lang, String key, Map<String, ?> args) {
    String s = of(language(lang)).get(key);
    if (s == null) {
      s = of("en").getOrDefault(key, key);
    }
    for (Map.Entry<String, ?> e : args.entrySet()) {
      s = s.replace("{" + e.getKey() + "}", String.valueOf(e.getValue()));
    }
    return s;
  }

  /** The text of key in lang, else in English, else the key itself. */
  public static String text(String lang, String key) {
    return text(lang, key, Map.of());
  }

  private static Map<String, String> load(String lang) {
    String path = "/org/vigil/i18n/messages_" + lang + ".properties";
    Properties p = new Properties();
    try (InputStream in = Translations.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Translation file " + path + " is missing from the jar");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Reading translation file " + path, e);
    }
    Map<String, String> out = new TreeMap<>();
    p.forEach((k, v) -> out.put((String) k, (String) v));
    return Collections.unmodifiableMap(out);
  }
}

package org.vigil.model;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds an area from what a person types: its code ({@code KAZ}, {@code CIS}), the ISO alpha-2 code
 * ({@code KZ}), or its English or Russian name, ignoring case, accents and punctuation ({@code
 * kazakhstan}, {@code Казахстан}). Russian names also match in another grammatical case ({@code
 * Казахстана}, {@code России}) by comparing stems without the inflectional ending. Immutable and
 * thread-safe.
 */
public final class AreaMatcher {
  private final Map<String, Area> byCode = new LinkedHashMap<>();
  private final Map<String, Area> byIso2 = new HashMap<>();
  private final Map<String, Area> byName = new HashMap<>();
  private final Map<String, Area> byStem = new HashMap<>();

  /**
   * Official and common names of the CIS states that differ from the short names the JDK's locale
   * data gives (the areas' names), as the states' own statistics offices write them.
   */
  private static final Map<String, List<String>> ALIASES =
      Map.of(
          "KGZ", List.of("Кыргызстан", "Кыргызская Республика", "Kyrgyz Republic", "Kirghizia"),
          "RUS", List.of("Российская Федерация", "Russian Federation", "РФ"),
          "MDA", List.of("Республика Молдова", "Republic of Moldova"),
          "BLR", List.of("Республика Беларусь", "Republic of Belarus", "Белоруссия"),
          "KAZ", List.of("Республика Казахстан", "Republic of Kazakhstan"),
          "UZB", List.of("Республика Узбекистан", "Republic of Uzbekistan"),
          "TJK", List.of("Республика Таджикистан", "Republic of Tajikistan"),
          "ARM", List.of("Республика Армения", "Republic of Armenia"),
          "AZE", List.of("Азербайджанская Республика", "Republic of Azerbaijan"),
          "TKM", List.of("Туркмения"));

  private AreaMatcher(Collection<Area> areas) {
    for (Area a : areas) {
      byCode.put(a.code(), a);
      if (!a.iso2().isEmpty()) {
        byIso2.put(a.iso2().toUpperCase(Locale.ROOT), a);
      }
    }
    // Countries first, so that a country's name wins over a group or basin of the same name.
    for (Area a : areas) {
      if (a.kind() == AreaKind.COUNTRY) {
        index(a);
      }
    }
    for (Area a : areas) {
      if (a.kind() != AreaKind.COUNTRY) {
        index(a);
      }
    }
  }

  private void index(Area a) {
    List<String> names = new ArrayList<>(List.of(a.nameEn(), a.nameRu()));
    if (a.kind() == AreaKind.COUNTRY) {
      names.addAll(ALIASES.getOrDefault(a.code(), List.of()));
    }
    for (String name : names) {
      byName.putIfAbsent(normalise(name), a);
      byStem.putIfAbsent(stem(normalise(name)), a);
    }
  }

  public static AreaMatcher of(Collection<Area> areas) {
    return new AreaMatcher(areas);
  }

  /** The area this text names, or empty. */
  public Optional<Area> find(String text) {
    String t = text == null ? "" : text.trim();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    String upper = t.toUpperCase(Locale.ROOT);
    Area a = byCode.get(upper);
    if (a == null && upper.length() == 2) {
      a = byIso2.get(upper);
    }
    if (a == null) {
      a = byName.get(normalise(t));
    }
    if (a == null) {
      a = byStem.get(stem(normalise(t)));
    }
    return Optional.ofNullable(a);
  }

  /**
   * The area this text names.
   *
   * @throws InvalidInputException naming the closest matches when no area matches
   */
  public Area resolve(String text) {
    return find(text)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "Unknown area '"
                        + text
                        + "': expected an ISO alpha-2 or alpha-3 code, a group code or an English"
                        + " or Russian name"
                        + closestText(text)
                        + " (see: vigil areas)"));
  }

  private String closestText(String text) {
    List<Area> close = closest(text, 3);
    if (close.isEmpty()) {
      return "";
    }
    List<String> shown = new ArrayList<>();
    for (Area a : close) {
      shown.add(a.code() + " (" + a.nameEn() + ")");
    }
    return "; closest: " + String.join(", ", shown);
  }

  /** Up to {@code n} areas whose code or names are nearest to the text (edit distance). */
  public List<Area> closest(String text, int n) {
    String t = normalise(text == null ? "" : text);
    Map<Area, Integer> best = new LinkedHashMap<>();
    for (Area a : byCode.values()) {
      int d =
          Math.min(
              distance(t, normalise(a.code())),
              Math.min(distance(t, normalise(a.nameEn())), distance(t, normalise(a.nameRu()))));
      best.put(a, d);
    }
    int limit = Math.max(2, t.length() / 2);
    return best.entrySet().stream()
        .filter(e -> e.getValue() <= limit)
        .sorted(Map.Entry.<Area, Integer>comparingByValue().thenComparing(e -> e.getKey().code()))
        .limit(n)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Lower case, accents removed (й as и, ё as е), "the" dropped, punctuation folded to spaces. */
  static String normalise(String name) {
    String s = name.toLowerCase(Locale.ROOT).replace('ё', 'е');
    s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    s = s.replace("&", " and ").replaceAll("\\bst\\.", "saint ");
    s = s.replaceAll("[^\\p{L}\\p{N}]+", " ");
    return (" " + s + " ").replace(" the ", " ").trim().replaceAll(" +", " ");
  }

  /**
   * Each word without a Russian inflectional ending (a cheap stemmer: enough for country names in
   * the genitive, dative, instrumental or prepositional case); Latin words are kept.
   */
  static String stem(String normalised) {
    StringBuilder b = new StringBuilder();
    for (String w : normalised.split(" ")) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(w.matches(".*\\p{IsCyrillic}.*") ? stemWord(w) : w);
    }
    return b.toString();
  }

  // Endings are written as normalise() leaves them: й has become и.
  private static String stemWord(String w) {
    String s =
        w.replaceFirst("(иеи|ои|еи|ом|ем|ою|ию|ия|ии|ью|ая|ыи|ое|ые|ых|ую|а|я|е|и|у|ю|ы|ь|о)$", "");
    return s.length() >= 3 ? s : w;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}

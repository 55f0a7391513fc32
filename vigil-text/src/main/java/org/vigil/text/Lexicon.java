package org.vigil.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Phrases that map to a value, matched over tokens. A phrase is words separated by spaces; each
 * word is a lower-case literal ({@code agreed}), a stem with any ending ({@code таджикистан*},
 * which also matches "в Таджикистане" and "Таджикистана"; at least three letters), or a
 * case-sensitive form ({@code =US}, which matches "US" and "U.S." but not "us"). The longest phrase
 * wins where phrases overlap. Immutable and thread-safe once built.
 *
 * @param <V> what a phrase stands for
 */
public final class Lexicon<V> {
  /** One phrase found in a text. */
  public record Match<V>(
      V value, String phrase, int firstToken, int endToken, int start, int end) {}

  private record Word(String text, boolean stem, boolean exactCase) {
    boolean matches(Token t) {
      if (exactCase) {
        String surface = t.surface().replace(".", "").replace('’', '\'');
        return surface.equals(text) || base(surface).equals(text);
      }
      return stem
          ? t.norm().startsWith(text)
          : t.norm().equals(text) || base(t.norm()).equals(text);
    }
  }

  /** The word without an English possessive ending: "turkey's" and "states'" match their names. */
  static String base(String norm) {
    if (norm.endsWith("'s") && norm.length() > 2) {
      return norm.substring(0, norm.length() - 2);
    }
    return norm.endsWith("'") && norm.length() > 1 ? norm.substring(0, norm.length() - 1) : norm;
  }

  private record Entry<V>(List<Word> words, V value, String phrase) {}

  private final Map<String, List<Entry<V>>> index = new HashMap<>();
  private int size;

  /** Adds a phrase; returns this lexicon. */
  public Lexicon<V> add(String phrase, V value) {
    List<Word> words = new ArrayList<>();
    for (String w : phrase.trim().split("\\s+")) {
      if (w.startsWith("=")) {
        words.add(new Word(w.substring(1).replace(".", ""), false, true));
      } else if (w.endsWith("*")) {
        String stem = Tokenizer.normalise(w.substring(0, w.length() - 1));
        if (stem.length() < 3) {
          throw new IllegalArgumentException(
              "Stem '" + w + "' in phrase '" + phrase + "' is shorter than 3 letters");
        }
        words.add(new Word(stem, true, false));
      } else {
        words.add(new Word(Tokenizer.normalise(w), false, false));
      }
    }
    Word first = words.get(0);
    String key = key(first);
    index.computeIfAbsent(key, k -> new ArrayList<>()).add(new Entry<>(words, value, phrase));
    size++;
    return this;
  }

  /** Number of phrases. */
  public int size() {
    return size;
  }

  private static String key(Word w) {
    if (w.exactCase) {
      return Tokenizer.normalise(w.text);
    }
    return w.stem ? w.text.substring(0, 3) + "*" : w.text;
  }

  /** Non-overlapping matches, left to right, the longest phrase at each position. */
  public List<Match<V>> find(List<Token> tokens) {
    List<Match<V>> out = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      Match<V> best = longestAt(tokens, i);
      if (best == null) {
        i++;
      } else {
        out.add(best);
        i = best.endToken();
      }
    }
    return out;
  }

  /** Every phrase that matches at every position, overlaps included. */
  public List<Match<V>> findAll(List<Token> tokens) {
    List<Match<V>> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      String norm = t.norm();
      for (String key : keys(norm)) {
        for (Entry<V> e : index.getOrDefault(key, List.of())) {
          int n = e.words.size();
          if (i + n <= tokens.size() && matchesAt(e, tokens, i)) {
            out.add(
                new Match<>(e.value, e.phrase, i, i + n, t.start(), tokens.get(i + n - 1).end()));
          }
        }
      }
    }
    return out;
  }

  private static List<String> keys(String norm) {
    String base = base(norm);
    List<String> out = new ArrayList<>(List.of(norm));
    if (!base.equals(norm)) {
      out.add(base);
    }
    if (norm.length() >= 3) {
      out.add(norm.substring(0, 3) + "*");
    }
    return out;
  }

  private static <V> boolean matchesAt(Entry<V> e, List<Token> tokens, int i) {
    for (int k = 0; k < e.words.size(); k++) {
      if (!e.words.get(k).matches(tokens.get(i + k))) {
        return false;
      }
    }
    return true;
  }

  private Match<V> longestAt(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    Match<V> best = null;
    String norm = t.norm();
    for (String key : keys(norm)) {
      for (Entry<V> e : index.getOrDefault(key, List.of())) {
        int n = e.words.size();
        if (i + n > tokens.size() || (best != null && n <= best.endToken() - i)) {
          continue;
        }
        if (matchesAt(e, tokens, i)) {
          best = new Match<>(e.value, e.phrase, i, i + n, t.start(), tokens.get(i + n - 1).end());
        }
      }
    }
    return best;
  }

  /**
   * Reads a tab-separated resource: the first column is parsed into the value, each further column
   * is a phrase. Lines starting with '#' are comments.
   */
  public static <V> Lexicon<V> load(String resource, Function<String, V> parse) {
    Lexicon<V> lex = new Lexicon<>();
    try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + resource + " in vigil-text");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        V value;
        try {
          value = parse.apply(cols[0].trim());
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(resource + " line " + no + ": " + e.getMessage(), e);
        }
        for (int c = 1; c < cols.length; c++) {
          for (String phrase : cols[c].split("\\|")) {
            if (!phrase.isBlank()) {
              lex.add(phrase, value);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
    return lex;
  }
}

package org.vigil.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Where and how each trigger phrase stands in its sentence, as tied features of the category model
 * (one weight shared by all categories): which trigger it is counting from the left, its word form
 * (past tense, "-ing", "-s"), the word before it ("to", an auxiliary, a determiner: a noun use),
 * whether it is the sentence's first verb-like word or comes before it, whether it lies in the
 * sentence's second half, and whether the category has a trigger word of its own or only words it
 * shares with another category ("killed" is both FIGHT and ASSAULT). None of these names a word or
 * a category: they say how much a trigger of any category is worth, which a few hundred coded
 * sentences can teach where per-category word weights cannot.
 */
final class TriggerCues {
  private static final Set<String> DETERMINERS =
      Set.of("the", "a", "an", "its", "their", "his", "her", "of", "this", "for");

  private TriggerCues() {}

  /** Passes each category with a trigger, and each cue of its triggers, to {@code put}. */
  static void add(
      List<Token> tokens, List<Lexicon.Match<PloverTrigger>> all, BiConsumer<String, String> put) {
    int firstVerb = firstVerb(tokens);
    Map<String, Set<Integer>> positions = new HashMap<>();
    Map<Integer, Set<String>> categoriesAt = new HashMap<>();
    int rank = 0;
    int previous = -1;
    for (Lexicon.Match<PloverTrigger> m : all) {
      String category = m.value().category();
      int i = m.firstToken();
      positions.computeIfAbsent(category, k -> new HashSet<>()).add(i);
      categoriesAt.computeIfAbsent(i, k -> new HashSet<>()).add(category);
      if (i != previous) {
        rank++;
        previous = i;
      }
      for (String cue : cues(tokens, m, rank, firstVerb)) {
        put.accept(category, "cue:" + cue);
      }
    }
    positions.forEach(
        (category, at) -> {
          boolean own = at.stream().anyMatch(i -> categoriesAt.get(i).size() == 1);
          put.accept(category, own ? "cue:own-word" : "cue:shared-words");
        });
  }

  /** The cues of one trigger; {@code rank} counts trigger positions from the left, from 1. */
  static List<String> cues(
      List<Token> tokens, Lexicon.Match<PloverTrigger> m, int rank, int firstVerb) {
    int i = m.firstToken();
    String word = tokens.get(i).norm();
    String before = i > 0 ? tokens.get(i - 1).norm() : "";
    List<String> out = new ArrayList<>();
    out.add(rank == 1 ? "rank1" : rank == 2 ? "rank2" : "rank3+");
    if (word.endsWith("ed")
        || word.endsWith("ил")
        || word.endsWith("ила")
        || word.endsWith("или")) {
      out.add("past");
    }
    if (word.endsWith("ing")) {
      out.add("ing");
    }
    if (word.endsWith("s") && !word.endsWith("ss")) {
      out.add("s");
    }
    if (before.equals("to")) {
      out.add("after-to");
    } else if (EventCoder.AUXILIARIES.contains(before)) {
      out.add("after-auxiliary");
    }
    if (DETERMINERS.contains(before)) {
      out.add("after-determiner");
    }
    if (m.endToken() - m.firstToken() > 1) {
      out.add("phrase");
    }
    if (i == firstVerb) {
      out.add("first-verb");
    } else if (i < firstVerb) {
      out.add("before-first-verb");
    }
    if (2 * i > tokens.size()) {
      out.add("second-half");
    }
    return out;
  }

  /** Index of the first verb-like word after the first, or -1. */
  private static int firstVerb(List<Token> tokens) {
    for (int i = 1; i < tokens.size(); i++) {
      if (EventCoder.verbLike(tokens, i)) {
        return i;
      }
    }
    return -1;
  }
}

package org.vigil.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Codes a sentence to a PLOVER event. The lexicon finds trigger phrases; without a model the
 * earliest trigger decides (the main verb usually follows the subject), with a model trained on
 * coded sentences ({@link #train}) a linear classifier over words, triggers, contexts and actor
 * types decides. Actors are coded as types (GOV, MIL, COP, REB, ...), never by name; places before
 * the trigger are the source side, after it the target side, and places in a closing attribution
 * ("..., Belgrade radio said") are left out. Immutable and thread-safe.
 */
public final class EventCoder {
  private static final Pattern ACCORDING =
      Pattern.compile(
          "(?iu),\\s*(according to|по данным|по сообщению|как сообщает)\\b.*", Pattern.DOTALL);

  private static final Pattern ATTRIBUTION =
      Pattern.compile(
          "(?iu).*\\b(said|says|reported|reports|quoted|announced|сообщил\\p{L}*|заявил\\p{L}*"
              + "|передает|передал\\p{L}*|сообщает)\\s*\\p{P}*\\s*$");

  /** Below this model probability the lexicon's trigger decides (measured on PLOVER's file). */
  private static final double LEXICON_FALLBACK = 0.4;

  private final Lexicon<PloverTrigger> triggers;
  private final Lexicon<String> contexts;
  private final Lexicon<String> actors;
  private final Optional<LinearModel> model;

  private EventCoder(
      Lexicon<PloverTrigger> triggers,
      Lexicon<String> contexts,
      Lexicon<String> actors,
      Optional<LinearModel> model) {
    this.triggers = triggers;
    this.contexts = contexts;
    this.actors = actors;
    this.model = model;
  }

  /** The shipped lexicons, no trained model. */
  public static EventCoder standard() {
    return new EventCoder(
        Lexicon.load("plover.tsv", PloverTrigger::parse),
        Lexicon.load("contexts.tsv", s -> s),
        Lexicon.load("actors.tsv", s -> s),
        Optional.empty());
  }

  /** A sentence with its gold category, for training. */
  public record Coded(String sentence, String category) {}

  /** These lexicons with a category model trained on the coded sentences. */
  public EventCoder train(List<Coded> examples, Gazetteer gazetteer) {
    List<LinearModel.Example> ex = new ArrayList<>();
    for (Coded c : examples) {
      List<Token> tokens = Tokenizer.tokens(c.sentence());
      ex.add(new LinearModel.Example(features(tokens), c.category()));
    }
    return withModel(LinearModel.train(ex, LinearModel.Spec.DEFAULT));
  }

  /** These lexicons with the given category model. */
  public EventCoder withModel(LinearModel m) {
    return new EventCoder(triggers, contexts, actors, Optional.of(m));
  }

  /** The trained category model, if any. */
  public Optional<LinearModel> model() {
    return model;
  }

  /** The lexicon's choice: the category of the earliest trigger, longer phrases first. */
  Optional<Lexicon.Match<PloverTrigger>> lexiconTrigger(List<Token> tokens) {
    List<Lexicon.Match<PloverTrigger>> found = triggers.find(tokens);
    for (Lexicon.Match<PloverTrigger> m : found) {
      if (verbLike(tokens, m.firstToken())) {
        return Optional.of(m);
      }
    }
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static final Set<String> AUXILIARIES =
      Set.of(
          "to", "will", "would", "has", "have", "had", "must", "may", "should", "could", "can",
          "not", "again", "also", "did", "was", "were", "been", "is", "are", "будет", "будут", "не",
          "было", "был", "была", "были");

  /** A past tense, or a word after an auxiliary: a verb rather than a noun ("aid", "talks"). */
  static boolean verbLike(List<Token> tokens, int i) {
    String n = tokens.get(i).norm();
    if (n.endsWith("ed")
        || n.endsWith("ил")
        || n.endsWith("ила")
        || n.endsWith("или")
        || n.endsWith("ал")
        || n.endsWith("ала")
        || n.endsWith("али")
        || n.endsWith("ся")) {
      return true;
    }
    return i > 0 && AUXILIARIES.contains(tokens.get(i - 1).norm());
  }

  Set<String> features(List<Token> tokens) {
    Set<String> f = DomainClassifier.features(tokens);
    lexiconTrigger(tokens)
        .ifPresent(
            m -> {
              f.add("f:" + m.value().category());
              f.add("p:" + m.phrase());
            });
    for (Lexicon.Match<PloverTrigger> m : triggers.findAll(tokens)) {
      f.add("t:" + m.value().category());
      f.add("q:" + m.phrase());
    }
    for (Lexicon.Match<String> m : contexts.find(tokens)) {
      f.add("c:" + m.value());
    }
    for (Lexicon.Match<String> m : actors.find(tokens)) {
      f.add("a:" + m.value());
    }
    return f;
  }

  /**
   * The event in a sentence, if it has a trigger (or the model is confident).
   *
   * @param text the whole text (for offsets)
   * @param tokens the sentence's tokens
   * @param places places found in the sentence
   */
  Optional<Extraction.EventFinding> code(
      String text, List<Token> tokens, List<Lexicon.Match<Place>> places) {
    Optional<Lexicon.Match<PloverTrigger>> trig = lexiconTrigger(tokens);
    if (trig.isEmpty() && model.isEmpty()) {
      return Optional.empty();
    }
    String category;
    double confidence;
    if (model.isPresent()) {
      Map.Entry<String, Double> best =
          model.get().predict(features(tokens)).entrySet().iterator().next();
      category = best.getKey();
      confidence = best.getValue();
      if (confidence < LEXICON_FALLBACK && trig.isPresent()) {
        category = trig.get().value().category();
      }
      if (trig.isEmpty() && confidence < 0.5) {
        return Optional.empty();
      }
    } else {
      category = trig.get().value().category();
      confidence = 0.6;
    }
    String mode = mode(tokens, category);
    int pivot = trig.map(Lexicon.Match::start).orElse(tokens.get(0).start());
    int attribution = attributionStart(text, tokens);
    List<String> src = new ArrayList<>();
    List<String> tgt = new ArrayList<>();
    int previousEnd = -1;
    for (Lexicon.Match<Place> p : places) {
      boolean qualifier = qualifiesAnother(tokens, p, previousEnd);
      previousEnd = p.end();
      if (p.start() >= attribution || qualifier) {
        continue;
      }
      List<String> side = p.start() < pivot ? src : tgt;
      if (!side.contains(p.value().iso3())) {
        side.add(p.value().iso3());
      }
    }
    Set<String> srcTypes = new LinkedHashSet<>();
    Set<String> tgtTypes = new LinkedHashSet<>();
    for (Lexicon.Match<String> a : actors.find(tokens)) {
      if (a.start() < attribution) {
        (a.start() < pivot ? srcTypes : tgtTypes).add(a.value());
      }
    }
    Set<String> ctx = new LinkedHashSet<>();
    contextRanking(tokens).forEach(ctx::add);
    int start = trig.map(Lexicon.Match::start).orElse(tokens.get(0).start());
    int end = trig.map(Lexicon.Match::end).orElse(tokens.get(tokens.size() - 1).end());
    return Optional.of(
        new Extraction.EventFinding(
            category,
            mode,
            List.copyOf(ctx),
            List.copyOf(srcTypes),
            List.copyOf(tgtTypes),
            src,
            tgt,
            Math.round(confidence * 1000) / 1000.0,
            text.substring(start, end),
            start,
            end));
  }

  /** Contexts named in the sentence, most often named first, at most two. */
  List<String> contextRanking(List<Token> tokens) {
    Map<String, Integer> n = new LinkedHashMap<>();
    for (Lexicon.Match<String> m : contexts.find(tokens)) {
      n.merge(m.value(), 1, Integer::sum);
    }
    return n.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(2)
        .map(Map.Entry::getKey)
        .toList();
  }

  private String mode(List<Token> tokens, String category) {
    for (Lexicon.Match<PloverTrigger> m : triggers.findAll(tokens)) {
      if (m.value().category().equals(category) && !m.value().mode().isEmpty()) {
        return m.value().mode();
      }
    }
    return "";
  }

  /**
   * True for a place name that names a people within another state rather than an actor state: one
   * after "ethnic" ("ethnic Albanians in Macedonia"), or the second of two adjacent names ("Bosnian
   * Serbs", "Croatian Serb refugees", "Turkish Kurd"), where the first says whose they are.
   */
  private static boolean qualifiesAnother(
      List<Token> tokens, Lexicon.Match<Place> p, int previousPlaceEnd) {
    for (int k = 1; k < tokens.size(); k++) {
      if (tokens.get(k).start() == p.start()) {
        Token before = tokens.get(k - 1);
        return before.norm().equals("ethnic")
            || before.norm().equals("этнические")
            || (before.end() == previousPlaceEnd && p.start() - before.end() == 1);
      }
    }
    return false;
  }

  /** Offset where a closing "..., X radio said" clause starts, or the sentence end. */
  private static int attributionStart(String text, List<Token> tokens) {
    int from = tokens.get(0).start();
    int to = tokens.get(tokens.size() - 1).end();
    String s = text.substring(from, Math.min(text.length(), to + 1));
    int comma = s.lastIndexOf(',');
    if (comma > 0
        && (ATTRIBUTION.matcher(s.substring(comma)).matches()
            || ACCORDING.matcher(s.substring(comma)).matches())) {
      return from + comma;
    }
    return to + 1;
  }
}

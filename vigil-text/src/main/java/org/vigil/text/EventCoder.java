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
    return train(examples, MODEL_SPEC);
  }

  /** The category model's settings. */
  public static final LinearModel.Spec MODEL_SPEC = new LinearModel.Spec(300, 0.5, 0.003);

  /** These lexicons with a category model trained on the coded sentences with the given spec. */
  public EventCoder train(List<Coded> examples, LinearModel.Spec spec) {
    List<LinearModel.Example> ex = new ArrayList<>();
    for (Coded c : examples) {
      List<Token> tokens = Tokenizer.tokens(c.sentence());
      ex.add(new LinearModel.Example(features(tokens), c.category(), tied(tokens)));
    }
    return withModel(LinearModel.train(ex, spec));
  }

  /** These lexicons with the given category model. */
  public EventCoder withModel(LinearModel m) {
    return new EventCoder(triggers, contexts, actors, Optional.of(m));
  }

  Lexicon<PloverTrigger> triggers() {
    return triggers;
  }

  /** The trained category model, if any. */
  public Optional<LinearModel> model() {
    return model;
  }

  /** The trained model's probability of the category, 0 without a model. */
  double probability(List<Token> tokens, String category) {
    return model
        .map(m -> m.predict(features(tokens), tied(tokens)).getOrDefault(category, 0.0))
        .orElse(0.0);
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

  static final Set<String> AUXILIARIES =
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

  /**
   * Words that change what an event word means: intent and obligation ("will allow" is a promise,
   * "must allow" a demand), refusal and negation. Seen before the event word and anywhere.
   */
  private static final Set<String> MODALS =
      Set.of(
          "will",
          "would",
          "must",
          "should",
          "may",
          "might",
          "can",
          "could",
          "shall",
          "to",
          "ready",
          "prepared",
          "offered",
          "agreed",
          "not",
          "refused",
          "has",
          "have",
          "had",
          "будет",
          "будут",
          "должен",
          "должна",
          "должно",
          "должны",
          "готов",
          "готова",
          "готовы",
          "предложил",
          "предложила",
          "не",
          "отказался",
          "отказалась");

  /**
   * Ordinary features of the category model: the lexicon's choice, modal words before its trigger
   * (alone and paired with the choice) and modal words anywhere.
   */
  Set<String> features(List<Token> tokens) {
    Set<String> f = new LinkedHashSet<>();
    Optional<Lexicon.Match<PloverTrigger>> trig = lexiconTrigger(tokens);
    trig.ifPresent(
        m -> {
          String cat = m.value().category();
          f.add("f:" + cat);
          for (int k = Math.max(0, m.firstToken() - 3); k < m.firstToken(); k++) {
            String n = tokens.get(k).norm();
            if (MODALS.contains(n)) {
              f.add("m:" + n);
              f.add("m:" + n + "|" + cat);
            }
          }
        });
    for (Token t : tokens) {
      if (MODALS.contains(t.norm())) {
        f.add("am:" + t.norm());
      }
    }
    return f;
  }

  /**
   * Tied features of the category model, per candidate category: the lexicon's choice ("first"),
   * any trigger of the category ("any"), the second and the last trigger in the sentence, and the
   * choice after a modal word ("first+will"), and where and how each trigger stands ({@link
   * TriggerCues}). Their weights are shared by all categories, so the model learns how far to trust
   * the lexicon in general, not per category from a handful of examples.
   */
  Map<String, Set<String>> tied(List<Token> tokens) {
    Map<String, Set<String>> t = new java.util.HashMap<>();
    java.util.function.BiConsumer<String, String> put =
        (cat, name) -> t.computeIfAbsent(cat, k -> new java.util.TreeSet<>()).add(name);
    Optional<Lexicon.Match<PloverTrigger>> trig = lexiconTrigger(tokens);
    trig.ifPresent(
        m -> {
          put.accept(m.value().category(), "first");
          for (int k = Math.max(0, m.firstToken() - 3); k < m.firstToken(); k++) {
            String n = tokens.get(k).norm();
            if (MODALS.contains(n)) {
              put.accept(m.value().category(), "first+" + n);
            }
          }
        });
    for (Lexicon.Match<PloverTrigger> m : triggers.findAll(tokens)) {
      put.accept(m.value().category(), "any");
    }
    List<Lexicon.Match<PloverTrigger>> found = triggers.find(tokens);
    if (found.size() > 1) {
      put.accept(found.get(1).value().category(), "second");
    }
    if (!found.isEmpty()) {
      put.accept(found.get(found.size() - 1).value().category(), "last");
    }
    TriggerCues.add(tokens, triggers.findAll(tokens), put);
    return t;
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
    return code(text, tokens, places, false);
  }

  /**
   * The event in a sentence. With {@code reportsEvent} the sentence is known to report one (a gold
   * sentence): a trained model then always names the category, however unsure.
   */
  Optional<Extraction.EventFinding> code(
      String text, List<Token> tokens, List<Lexicon.Match<Place>> places, boolean reportsEvent) {
    Optional<Lexicon.Match<PloverTrigger>> trig = lexiconTrigger(tokens);
    if (trig.isEmpty() && model.isEmpty()) {
      return Optional.empty();
    }
    String category;
    double confidence;
    if (model.isPresent()) {
      Map.Entry<String, Double> best =
          model.get().predict(features(tokens), tied(tokens)).entrySet().iterator().next();
      category = best.getKey();
      confidence = best.getValue();
      if (trig.isEmpty() && confidence < 0.5 && !reportsEvent) {
        return Optional.empty();
      }
    } else {
      category = trig.get().value().category();
      confidence = 0.6;
    }
    int pivot = trig.map(Lexicon.Match::start).orElseGet(() -> firstVerbStart(tokens));
    int start = trig.map(Lexicon.Match::start).orElse(tokens.get(0).start());
    int end = trig.map(Lexicon.Match::end).orElse(tokens.get(tokens.size() - 1).end());
    Actors who = actors(text, tokens, places, pivot);
    Set<String> ctx = new LinkedHashSet<>(contextRanking(tokens));
    return Optional.of(
        new Extraction.EventFinding(
            category,
            mode(tokens, category),
            List.copyOf(ctx),
            who.sourceTypes(),
            who.targetTypes(),
            who.source(),
            who.target(),
            Math.round(confidence * 1000) / 1000.0,
            text.substring(start, end),
            start,
            end));
  }

  /** The two sides of an event: actor types and states. */
  private record Actors(
      List<String> sourceTypes,
      List<String> targetTypes,
      List<String> source,
      List<String> target) {}

  /**
   * States before the event's word are the source side; after it, the first state named and those
   * coordinated with it ("Iran and Turkey", "Congo, Costa Rica") are the target side, while later
   * ones are settings or third parties ("..., disputed by Argentina and Chile"). Places in a
   * closing attribution ("..., Belgrade radio said") and peoples within another state are left out.
   */
  private Actors actors(
      String text, List<Token> tokens, List<Lexicon.Match<Place>> places, int pivot) {
    int attribution = attributionStart(text, tokens);
    List<String> src = new ArrayList<>();
    List<String> tgt = new ArrayList<>();
    int previousEnd = -1;
    int targetEnd = -1;
    for (Lexicon.Match<Place> p : places) {
      boolean qualifier = qualifiesAnother(tokens, p, previousEnd);
      previousEnd = p.end();
      if (p.start() >= attribution || qualifier) {
        continue;
      }
      String iso3 = p.value().iso3();
      if (p.start() < pivot) {
        addOnce(src, iso3);
      } else if (tgt.isEmpty() || coordinated(text, targetEnd, p.start())) {
        addOnce(tgt, iso3);
        targetEnd = p.end();
      }
    }
    Set<String> srcTypes = new LinkedHashSet<>();
    Set<String> tgtTypes = new LinkedHashSet<>();
    for (Lexicon.Match<String> a : actors.find(tokens)) {
      if (a.start() < attribution) {
        (a.start() < pivot ? srcTypes : tgtTypes).add(a.value());
      }
    }
    return new Actors(List.copyOf(srcTypes), List.copyOf(tgtTypes), src, tgt);
  }

  private static final Pattern COORDINATION =
      Pattern.compile("(?iu)\\s*(,|and|or|и|или)?\\s*(,?\\s*(and|или|и|or))?\\s*(the\\s+)?");

  /** True when only a comma or a conjunction stands between the two offsets. */
  private static boolean coordinated(String text, int previousEnd, int start) {
    return previousEnd >= 0
        && previousEnd <= start
        && COORDINATION.matcher(text.substring(previousEnd, start)).matches();
  }

  private static void addOnce(List<String> side, String iso3) {
    if (!side.contains(iso3)) {
      side.add(iso3);
    }
  }

  /** Offset of the first verb-like word, the pivot between the sides when no trigger is found. */
  private static int firstVerbStart(List<Token> tokens) {
    for (int i = 1; i < tokens.size(); i++) {
      if (verbLike(tokens, i)) {
        return tokens.get(i).start();
      }
    }
    return tokens.get(0).start();
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

package org.vigil.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text engine: person names out, then language, threat domains, places, dates, quantities,
 * programme mentions and PLOVER events. Pure computation (no I/O, no clock: the published date is
 * passed in). Immutable and thread-safe; build one and share it.
 */
public final class TextEngine {
  private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+(?:[.!?]+|\\n|$)");

  private final Gazetteer gazetteer;
  private final NameRedactor redactor;
  private final DomainClassifier domains;
  private final EventCoder events;
  private final Lexicon<String> programmes;

  private TextEngine(
      Gazetteer gazetteer,
      DomainClassifier domains,
      EventCoder events,
      Lexicon<String> programmes) {
    this.gazetteer = gazetteer;
    this.redactor = new NameRedactor(gazetteer);
    this.domains = domains;
    this.events = events;
    this.programmes = programmes;
  }

  /** The shipped lexicons and gazetteer, no trained models, no programmes. */
  public static TextEngine standard() {
    return new TextEngine(
        Gazetteer.standard(), DomainClassifier.standard(), EventCoder.standard(), new Lexicon<>());
  }

  /**
   * This engine linking mentions of the given programmes: each code ("CIS-DRUG-2025") and each
   * title in any language (matched with inflected endings).
   */
  public TextEngine withProgrammes(Map<String, List<String>> titlesByCode) {
    Lexicon<String> lex = new Lexicon<>();
    titlesByCode.forEach(
        (code, titles) -> {
          lex.add(
              String.join(
                  " ", Tokenizer.tokens(code).stream().map(t -> "=" + t.surface()).toList()),
              code);
          for (String t : titles) {
            if (Tokenizer.tokens(t).size() >= 2) {
              lex.add(Gazetteer.russianPhrase(Tokenizer.normalise(t)), code);
            }
          }
        });
    return new TextEngine(gazetteer, domains, events, lex);
  }

  /** This engine with another domain classifier (a retrained one). */
  public TextEngine withDomains(DomainClassifier classifier) {
    return new TextEngine(gazetteer, classifier, events, programmes);
  }

  /** This engine with another event coder (a trained one). */
  public TextEngine withEvents(EventCoder coder) {
    return new TextEngine(gazetteer, domains, coder, programmes);
  }

  public Gazetteer gazetteer() {
    return gazetteer;
  }

  public DomainClassifier domains() {
    return domains;
  }

  public EventCoder events() {
    return events;
  }

  /**
   * The trained event model's probability that an English sentence reports an event of the
   * category; 0 without a model or for a category it was not trained on.
   */
  double probability(String raw, String category) {
    List<Token> tokens = Tokenizer.tokens(redactor.redact(raw, "en"));
    return events.probability(tokens, category);
  }

  /** The text with person names removed, in its detected language. */
  public String redact(String raw) {
    return redactor.redact(raw, LanguageDetector.detect(raw).code());
  }

  /**
   * Analyses a text. English and Russian texts get every extraction; other languages get places,
   * dates and quantities only and are marked as not analysed.
   *
   * @param raw the text as received (names are removed first)
   * @param published publication date, the anchor of relative dates
   */
  public Extraction analyse(String raw, LocalDate published) {
    Extraction.Language lang = LanguageDetector.detect(raw);
    String text = redactor.redact(raw, lang.code());
    List<Token> tokens = Tokenizer.tokens(text);
    List<Lexicon.Match<Place>> placeMatches = gazetteer.find(tokens);
    List<Extraction.PlaceFinding> places = new ArrayList<>();
    for (Lexicon.Match<Place> m : placeMatches) {
      double conf = m.value().kind().equals("country") ? 0.9 : 0.8;
      places.add(
          new Extraction.PlaceFinding(
              m.value(), conf, text.substring(m.start(), m.end()), m.start(), m.end()));
    }
    List<Extraction.DateFinding> dates = DateExtractor.find(text, published);
    List<Extraction.QuantityFinding> quantities = QuantityExtractor.find(text);
    List<Extraction.ProgrammeFinding> progs = new ArrayList<>();
    for (Lexicon.Match<String> m : programmes.find(tokens)) {
      progs.add(
          new Extraction.ProgrammeFinding(
              m.value(), 0.9, text.substring(m.start(), m.end()), m.start(), m.end()));
    }
    if (!lang.analysed()) {
      return new Extraction(lang, text, List.of(), places, dates, quantities, progs, List.of());
    }
    List<Extraction.DomainFinding> doms = domains.classify(tokens);
    List<Extraction.EventFinding> evs = new ArrayList<>();
    Matcher s = SENTENCE.matcher(text);
    while (s.find()) {
      List<Token> st = sentenceTokens(tokens, s.start(), s.end());
      if (st.isEmpty()) {
        continue;
      }
      List<Lexicon.Match<Place>> sp =
          placeMatches.stream().filter(p -> p.start() >= s.start() && p.end() <= s.end()).toList();
      events.code(text, st, sp).ifPresent(evs::add);
    }
    return new Extraction(lang, text, doms, places, dates, quantities, progs, evs);
  }

  /** Codes one English sentence to a PLOVER event, if it reports one. */
  public java.util.Optional<Extraction.EventFinding> codeSentence(String raw) {
    return codeSentence(raw, false);
  }

  /**
   * Codes one English sentence to a PLOVER event. With {@code reportsEvent} the sentence is known
   * to report one (a gold sentence), so a trained model names a category even when no trigger
   * phrase is found.
   */
  public java.util.Optional<Extraction.EventFinding> codeSentence(
      String raw, boolean reportsEvent) {
    String text = redactor.redact(raw, "en");
    List<Token> tokens = Tokenizer.tokens(text);
    if (tokens.isEmpty()) {
      return java.util.Optional.empty();
    }
    return events.code(text, tokens, gazetteer.find(tokens), reportsEvent);
  }

  /**
   * This engine with an event-category model trained on coded English sentences (names removed
   * first, as when coding).
   */
  public TextEngine withEventsTrainedOn(List<EventCoder.Coded> examples, LinearModel.Spec spec) {
    List<EventCoder.Coded> redacted =
        examples.stream()
            .map(c -> new EventCoder.Coded(redactor.redact(c.sentence(), "en"), c.category()))
            .toList();
    return withEvents(events.train(redacted, spec));
  }

  private static List<Token> sentenceTokens(List<Token> tokens, int from, int to) {
    List<Token> out = new ArrayList<>();
    for (Token t : tokens) {
      if (t.start() >= from && t.end() <= to) {
        out.add(t);
      }
    }
    return out;
  }
}

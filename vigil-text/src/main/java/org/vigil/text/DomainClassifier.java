package org.vigil.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.model.ThreatDomain;

/**
 * Multi-label threat-domain classification: the shipped bilingual lexicon, optionally combined with
 * a one-vs-rest linear model trained from labelled examples ({@link #train}). The lexicon
 * confidence of a domain is {@code 1 - 0.4^hits}; a domain is kept when its confidence is at least
 * 0.5 and it has at least a third of the hits of the strongest domain. With a model, the confidence
 * is the mean of the lexicon's and the model's, or the model's alone for a domain the lexicon finds
 * no word of. Immutable and thread-safe.
 */
public final class DomainClassifier {
  private final Lexicon<ThreatDomain> lexicon;
  private final Map<ThreatDomain, LinearModel> models;

  private DomainClassifier(Lexicon<ThreatDomain> lexicon, Map<ThreatDomain, LinearModel> models) {
    this.lexicon = lexicon;
    this.models = models;
  }

  /** The shipped lexicon, no trained model. */
  public static DomainClassifier standard() {
    return new DomainClassifier(
        Lexicon.load("domains.tsv", ThreatDomain::parse), new EnumMap<>(ThreatDomain.class));
  }

  /** A labelled text for training. */
  public record Labelled(String text, Set<ThreatDomain> domains) {}

  /** This lexicon with a model per domain trained on the examples (one-vs-rest). */
  public DomainClassifier train(List<Labelled> examples) {
    if (examples.size() < 4) {
      throw new IllegalArgumentException(
          "Training the domain classifier needs at least 4 labelled texts, found "
              + examples.size());
    }
    Map<ThreatDomain, LinearModel> out = new EnumMap<>(ThreatDomain.class);
    List<Set<String>> feats = new ArrayList<>();
    for (Labelled l : examples) {
      feats.add(features(Tokenizer.tokens(l.text())));
    }
    for (ThreatDomain d : ThreatDomain.values()) {
      List<LinearModel.Example> ex = new ArrayList<>();
      for (int i = 0; i < examples.size(); i++) {
        ex.add(
            new LinearModel.Example(
                feats.get(i), examples.get(i).domains().contains(d) ? "yes" : "no"));
      }
      if (ex.stream().map(LinearModel.Example::label).distinct().count() == 2) {
        out.put(d, LinearModel.train(ex, LinearModel.Spec.DEFAULT));
      }
    }
    return new DomainClassifier(lexicon, out);
  }

  /** The trained models, one per domain (empty when only the lexicon is used). */
  public Map<ThreatDomain, LinearModel> models() {
    return Map.copyOf(models);
  }

  /** This lexicon with the given models (as read back from a file). */
  public DomainClassifier withModels(Map<ThreatDomain, LinearModel> trained) {
    return new DomainClassifier(lexicon, new EnumMap<>(trained));
  }

  /** Word features: each word cut to its first six letters, so inflected forms share one. */
  static Set<String> features(Collection<Token> tokens) {
    Set<String> f = new LinkedHashSet<>();
    for (Token t : tokens) {
      String n = t.norm();
      if (n.length() > 2 && !Character.isDigit(n.charAt(0))) {
        f.add("w:" + (n.length() > 6 ? n.substring(0, 6) : n));
      }
    }
    return f;
  }

  List<Extraction.DomainFinding> classify(List<Token> tokens) {
    Map<ThreatDomain, List<Extraction.Span>> hits = new EnumMap<>(ThreatDomain.class);
    for (Lexicon.Match<ThreatDomain> m : lexicon.find(tokens)) {
      hits.computeIfAbsent(m.value(), k -> new ArrayList<>())
          .add(new Extraction.Span(m.start(), m.end(), m.phrase()));
    }
    int top = hits.values().stream().mapToInt(List::size).max().orElse(0);
    Set<String> feats = models.isEmpty() ? Set.of() : features(tokens);
    List<Extraction.DomainFinding> out = new ArrayList<>();
    for (ThreatDomain d : ThreatDomain.values()) {
      List<Extraction.Span> ev = hits.getOrDefault(d, List.of());
      double lex = 1 - Math.pow(0.4, ev.size());
      boolean lexOk = lex >= 0.5 && ev.size() * 3 >= top;
      double conf = lexOk ? lex : 0;
      Optional<LinearModel> model = Optional.ofNullable(models.get(d));
      if (model.isPresent()) {
        double p = model.get().predict(feats).getOrDefault("yes", 0.0);
        // Where the lexicon has no word for a domain, the retrained model alone decides: that is
        // how retraining teaches vocabulary the lexicon lacks.
        conf = ev.isEmpty() ? p : (lex + p) / 2;
        lexOk = conf >= 0.5;
      }
      if (lexOk) {
        out.add(new Extraction.DomainFinding(d, Math.round(conf * 1000) / 1000.0, ev));
      }
    }
    out.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
    return out;
  }
}

package org.vigil.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores event coding on gold PLOVER sentences: event-category accuracy (of the trained model, of
 * the lexicon alone, and of always answering the majority class), macro F1 of modes and of
 * contexts, and micro F1 of the countries of the source and target actors (of the model's events
 * and of the lexicon's). A model trained on the scored file is scored by k-fold cross-validation
 * (folds drawn with the given seed), and its settings, the L2 penalties of its ordinary and of its
 * tied weights, are chosen inside each training part by a further cross-validation (the smallest
 * log loss over a grid), so no scored sentence ever shapes the model that codes it; with a separate
 * training file it is trained on that file and scored on the whole gold file.
 */
public final class PloverEvaluation {
  /** The scores. {@code method} says how the model was trained and scored. */
  public record Result(
      int sentences,
      String method,
      double accuracy,
      double lexiconAccuracy,
      double majorityAccuracy,
      String majorityClass,
      double modeMacroF1,
      double contextMacroF1,
      double countryPrecision,
      double countryRecall,
      double countryF1,
      double lexiconCountryF1) {}

  private PloverEvaluation() {}

  /**
   * The L2 penalties of ordinary weights the category model chooses from, by cross-validation on
   * its training data.
   */
  static final List<Double> PENALTIES = List.of(0.003, 0.01, 0.03, 0.1);

  /**
   * The penalties of tied weights it chooses from, as multiples of the ordinary penalty: the tied
   * cues are few but hold in almost every sentence, and a stronger penalty keeps them from
   * overfitting.
   */
  static final List<Double> TIED_RATIOS = List.of(1.0, 3.0, 10.0);

  /**
   * k-fold cross-validation on {@code gold}: each fold is coded by a model trained on the other
   * folds only, whose L2 penalties are themselves chosen by an inner cross-validation on those
   * folds.
   */
  public static Result crossValidate(
      TextEngine engine, List<PloverGold> gold, int folds, long seed) {
    if (gold.size() < folds || folds < 2) {
      throw new IllegalArgumentException(
          "Cross-validation with "
              + folds
              + " folds needs at least 2 folds and "
              + folds
              + " sentences, found "
              + gold.size());
    }
    List<List<Integer>> parts = folds(gold.size(), folds, seed);
    Optional<Extraction.EventFinding>[] predicted = findings(gold.size());
    String[] majority = new String[gold.size()];
    List<String> chosen = new ArrayList<>();
    for (List<Integer> test : parts) {
      List<PloverGold> train = rest(gold, test);
      LinearModel.Spec spec = choose(engine, train, folds - 1, seed);
      chosen.add(spec.l2() + "/" + spec.tiedL2());
      TextEngine trained = engine.withEventsTrainedOn(coded(train), spec);
      String maj = majority(train);
      for (int i : test) {
        predicted[i] = trained.codeSentence(gold.get(i).text(), true);
        majority[i] = maj;
      }
    }
    return score(
        engine,
        gold,
        predicted,
        majority,
        folds
            + "-fold cross-validation on this file (seed "
            + seed
            + "); each fold's L2 penalties (ordinary/tied weights) chosen by an inner "
            + (folds - 1)
            + "-fold cross-validation on its training folds: "
            + String.join(", ", chosen));
  }

  /** Trains on {@code train}, scores on {@code gold}. */
  public static Result trainAndTest(
      TextEngine engine, List<PloverGold> train, List<PloverGold> gold) {
    LinearModel.Spec spec = choose(engine, train, 5, 42);
    TextEngine trained = engine.withEventsTrainedOn(coded(train), spec);
    String maj = majority(train);
    Optional<Extraction.EventFinding>[] predicted = findings(gold.size());
    String[] majority = new String[gold.size()];
    for (int i = 0; i < gold.size(); i++) {
      predicted[i] = trained.codeSentence(gold.get(i).text(), true);
      majority[i] = maj;
    }
    return score(
        engine,
        gold,
        predicted,
        majority,
        "trained on a separate file of "
            + train.size()
            + " sentences (L2 penalties "
            + spec.l2()
            + "/"
            + spec.tiedL2()
            + " for ordinary/tied weights, chosen by cross-validation on it)");
  }

  /**
   * The spec whose L2 penalties score best in a k-fold cross-validation on {@code train}: the
   * smallest log loss of the gold categories (a proper score, steadier than accuracy on a few
   * hundred sentences; the earlier candidate wins a tie); with too few sentences for that, the
   * default.
   */
  static LinearModel.Spec choose(TextEngine engine, List<PloverGold> train, int folds, long seed) {
    LinearModel.Spec base = EventCoder.MODEL_SPEC;
    if (train.size() < 2 * folds || folds < 2) {
      return base;
    }
    List<List<Integer>> parts = folds(train.size(), folds, seed);
    for (List<Integer> test : parts) {
      if (rest(train, test).stream().map(PloverGold::category).distinct().count() < 2) {
        return base;
      }
    }
    LinearModel.Spec best = base;
    double bestLoss = Double.POSITIVE_INFINITY;
    for (double l2 : PENALTIES) {
      for (double ratio : TIED_RATIOS) {
        LinearModel.Spec spec =
            new LinearModel.Spec(base.epochs(), base.learningRate(), l2, l2 * ratio);
        double loss = logLoss(engine, train, parts, spec);
        if (loss < bestLoss) {
          bestLoss = loss;
          best = spec;
        }
      }
    }
    return best;
  }

  /** Summed log loss of the held-out gold categories over the folds. */
  private static double logLoss(
      TextEngine engine, List<PloverGold> train, List<List<Integer>> parts, LinearModel.Spec spec) {
    double loss = 0;
    for (List<Integer> test : parts) {
      TextEngine trained = engine.withEventsTrainedOn(coded(rest(train, test)), spec);
      for (int i : test) {
        PloverGold g = train.get(i);
        loss -= Math.log(Math.max(1e-9, trained.probability(g.text(), g.category())));
      }
    }
    return loss;
  }

  /** The sentences not in {@code test}. */
  private static List<PloverGold> rest(List<PloverGold> all, List<Integer> test) {
    List<PloverGold> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (!test.contains(i)) {
        out.add(all.get(i));
      }
    }
    return out;
  }

  /** Indices 0..n-1 shuffled with the seed and dealt into k folds. */
  private static List<List<Integer>> folds(int n, int k, long seed) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, new Random(seed));
    List<List<Integer>> out = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      out.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      out.get(i % k).add(order.get(i));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Optional<Extraction.EventFinding>[] findings(int n) {
    Optional<Extraction.EventFinding>[] out = new Optional[n];
    java.util.Arrays.fill(out, Optional.empty());
    return out;
  }

  private static List<EventCoder.Coded> coded(List<PloverGold> gold) {
    return gold.stream().map(g -> new EventCoder.Coded(g.text(), g.category())).toList();
  }

  private static String majority(List<PloverGold> train) {
    Map<String, Integer> n = new HashMap<>();
    train.forEach(g -> n.merge(g.category(), 1, Integer::sum));
    return n.entrySet().stream()
        .max(
            (a, b) ->
                a.getValue().equals(b.getValue())
                    ? b.getKey().compareTo(a.getKey())
                    : Integer.compare(a.getValue(), b.getValue()))
        .orElseThrow()
        .getKey();
  }

  private static Result score(
      TextEngine engine,
      List<PloverGold> gold,
      Optional<Extraction.EventFinding>[] predicted,
      String[] majority,
      String method) {
    int ok = 0;
    int lexOk = 0;
    int majOk = 0;
    List<String> goldModes = new ArrayList<>();
    List<String> predModes = new ArrayList<>();
    List<Set<String>> goldCtx = new ArrayList<>();
    List<Set<String>> predCtx = new ArrayList<>();
    int[] countries = new int[3];
    int[] lexCountries = new int[3];
    for (int i = 0; i < gold.size(); i++) {
      PloverGold g = gold.get(i);
      ok += predicted[i].map(e -> e.category().equals(g.category())).orElse(false) ? 1 : 0;
      majOk += g.category().equals(majority[i]) ? 1 : 0;
      var lex = engine.codeSentence(g.text());
      lexOk += lex.map(e -> e.category().equals(g.category())).orElse(false) ? 1 : 0;
      goldModes.add(g.mode());
      predModes.add(lex.map(Extraction.EventFinding::mode).orElse(""));
      goldCtx.add(g.contexts());
      predCtx.add(new TreeSet<>(lex.map(Extraction.EventFinding::contexts).orElse(List.of())));
      count(g.countries(), predicted[i], countries);
      count(g.countries(), lex, lexCountries);
    }
    double n = gold.size();
    double p = ratio(countries[0], countries[0] + countries[1]);
    double r = ratio(countries[0], countries[0] + countries[2]);
    double lp = ratio(lexCountries[0], lexCountries[0] + lexCountries[1]);
    double lr = ratio(lexCountries[0], lexCountries[0] + lexCountries[2]);
    return new Result(
        gold.size(),
        method,
        ok / n,
        lexOk / n,
        majOk / n,
        majority.length == 0 ? "" : majority[0],
        macroF1Single(goldModes, predModes),
        macroF1Multi(goldCtx, predCtx),
        p,
        r,
        f1(p, r),
        f1(lp, lr));
  }

  /** Adds true positives, false positives and false negatives of the event's countries. */
  private static void count(
      Set<String> gold, Optional<Extraction.EventFinding> event, int[] tpFpFn) {
    Set<String> found = event.map(Extraction.EventFinding::countries).orElse(Set.of());
    for (String c : found) {
      tpFpFn[gold.contains(c) ? 0 : 1]++;
    }
    for (String c : gold) {
      tpFpFn[2] += found.contains(c) ? 0 : 1;
    }
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 0 : a / (double) b;
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Macro F1 over the labels that occur in the gold data (empty label excluded). */
  static double macroF1Single(List<String> gold, List<String> pred) {
    List<Set<String>> g = new ArrayList<>();
    List<Set<String>> p = new ArrayList<>();
    for (int i = 0; i < gold.size(); i++) {
      g.add(gold.get(i).isEmpty() ? Set.of() : Set.of(gold.get(i)));
      p.add(pred.get(i).isEmpty() ? Set.of() : Set.of(pred.get(i)));
    }
    return macroF1Multi(g, p);
  }

  static double macroF1Multi(List<Set<String>> gold, List<Set<String>> pred) {
    Set<String> labels = new TreeSet<>();
    gold.forEach(labels::addAll);
    if (labels.isEmpty()) {
      return 0;
    }
    double sum = 0;
    for (String l : labels) {
      sum += f1(l, gold, pred);
    }
    return sum / labels.size();
  }

  private static double f1(
      String label,
      List<? extends Collection<String>> gold,
      List<? extends Collection<String>> pred) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < gold.size(); i++) {
      boolean g = gold.get(i).contains(label);
      boolean p = pred.get(i).contains(label);
      tp += g && p ? 1 : 0;
      fp += !g && p ? 1 : 0;
      fn += g && !p ? 1 : 0;
    }
    return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }
}

package org.vigil.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores event coding on gold PLOVER sentences: event-category accuracy (of the trained model, of
 * the lexicon alone, and of always answering the majority class), macro F1 of modes and of
 * contexts, and micro F1 of the countries. A model trained on the scored file is scored by k-fold
 * cross-validation (folds drawn with the given seed); with a separate training file it is trained
 * on that file and scored on the whole gold file.
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
      double countryF1) {}

  private PloverEvaluation() {}

  /** k-fold cross-validation on {@code gold}. */
  public static Result crossValidate(
      TextEngine engine, List<PloverGold> gold, int folds, long seed) {
    if (gold.size() < folds) {
      throw new IllegalArgumentException(
          "Cross-validation with "
              + folds
              + " folds needs at least "
              + folds
              + " sentences, found "
              + gold.size());
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < gold.size(); i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, new Random(seed));
    String[] predicted = new String[gold.size()];
    String[] majority = new String[gold.size()];
    for (int f = 0; f < folds; f++) {
      List<PloverGold> train = new ArrayList<>();
      List<Integer> test = new ArrayList<>();
      for (int k = 0; k < order.size(); k++) {
        if (k % folds == f) {
          test.add(order.get(k));
        } else {
          train.add(gold.get(order.get(k)));
        }
      }
      TextEngine trained =
          engine.withEvents(engine.events().train(coded(train), engine.gazetteer()));
      String maj = majority(train);
      for (int i : test) {
        predicted[i] =
            trained
                .codeSentence(gold.get(i).text())
                .map(Extraction.EventFinding::category)
                .orElse("");
        majority[i] = maj;
      }
    }
    return score(
        engine,
        gold,
        predicted,
        majority,
        folds + "-fold cross-validation on this file (seed " + seed + ")");
  }

  /** Trains on {@code train}, scores on {@code gold}. */
  public static Result trainAndTest(
      TextEngine engine, List<PloverGold> train, List<PloverGold> gold) {
    TextEngine trained = engine.withEvents(engine.events().train(coded(train), engine.gazetteer()));
    String maj = majority(train);
    String[] predicted = new String[gold.size()];
    String[] majority = new String[gold.size()];
    for (int i = 0; i < gold.size(); i++) {
      predicted[i] =
          trained
              .codeSentence(gold.get(i).text())
              .map(Extraction.EventFinding::category)
              .orElse("");
      majority[i] = maj;
    }
    return score(
        engine,
        gold,
        predicted,
        majority,
        "trained on a separate file of " + train.size() + " sentences");
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
      String[] predicted,
      String[] majority,
      String method) {
    int ok = 0;
    int lexOk = 0;
    int majOk = 0;
    List<String> goldModes = new ArrayList<>();
    List<String> predModes = new ArrayList<>();
    List<Set<String>> goldCtx = new ArrayList<>();
    List<Set<String>> predCtx = new ArrayList<>();
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < gold.size(); i++) {
      PloverGold g = gold.get(i);
      ok += g.category().equals(predicted[i]) ? 1 : 0;
      majOk += g.category().equals(majority[i]) ? 1 : 0;
      var lex = engine.codeSentence(g.text());
      lexOk += lex.map(e -> e.category().equals(g.category())).orElse(false) ? 1 : 0;
      goldModes.add(g.mode());
      predModes.add(lex.map(Extraction.EventFinding::mode).orElse(""));
      goldCtx.add(g.contexts());
      predCtx.add(new TreeSet<>(lex.map(Extraction.EventFinding::contexts).orElse(List.of())));
      Set<String> pc = lex.map(Extraction.EventFinding::countries).orElse(Set.of());
      for (String c : pc) {
        if (g.countries().contains(c)) {
          tp++;
        } else {
          fp++;
        }
      }
      for (String c : g.countries()) {
        fn += pc.contains(c) ? 0 : 1;
      }
    }
    double n = gold.size();
    double p = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
    double r = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
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
        p + r == 0 ? 0 : 2 * p * r / (p + r));
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

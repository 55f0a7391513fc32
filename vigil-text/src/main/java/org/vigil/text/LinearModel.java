package org.vigil.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Multinomial logistic regression over sparse binary features (softmax, L2 penalty), trained by
 * full-batch gradient descent with AdaGrad step sizes. Full-batch training has no random order, so
 * the same examples always give the same model. Immutable once trained; thread-safe.
 *
 * @param classes class labels in a fixed (sorted) order
 * @param features feature names; the column of a feature is its position
 * @param weights one row per class, one column per feature plus a final bias column
 */
public final class LinearModel {
  /** A labelled example. */
  public record Example(Collection<String> features, String label) {}

  /** Training settings. */
  public record Spec(int epochs, double learningRate, double l2) {
    public static final Spec DEFAULT = new Spec(300, 0.5, 1e-3);
  }

  private final List<String> classes;
  private final List<String> features;
  private final double[][] weights;
  private final Map<String, Integer> featureIndex;

  /** A model from its parts (as trained, or as read back from a file). */
  public LinearModel(List<String> classes, List<String> features, double[][] weights) {
    this.classes = List.copyOf(classes);
    this.features = List.copyOf(features);
    if (weights.length != classes.size()) {
      throw new IllegalArgumentException(
          "Model needs one weight row per class: "
              + classes.size()
              + " classes, found "
              + weights.length
              + " rows");
    }
    this.weights = weights;
    this.featureIndex = index(this.features);
  }

  public List<String> classes() {
    return classes;
  }

  public List<String> features() {
    return features;
  }

  public double[][] weights() {
    return weights;
  }

  /** Trains on the examples; needs at least two classes. */
  public static LinearModel train(List<Example> examples, Spec spec) {
    TreeSet<String> cls = new TreeSet<>();
    TreeSet<String> feats = new TreeSet<>();
    for (Example e : examples) {
      cls.add(e.label());
      feats.addAll(e.features());
    }
    if (cls.size() < 2) {
      throw new IllegalArgumentException(
          "Training needs examples of at least two classes, found " + cls);
    }
    List<String> classes = new ArrayList<>(cls);
    List<String> features = new ArrayList<>(feats);
    Map<String, Integer> fi = index(features);
    Map<String, Integer> ci = index(classes);
    int k = classes.size();
    int d = features.size() + 1;
    int[][] x = new int[examples.size()][];
    int[] y = new int[examples.size()];
    for (int n = 0; n < x.length; n++) {
      x[n] = columns(examples.get(n).features(), fi, d - 1);
      y[n] = ci.get(examples.get(n).label());
    }
    double[][] w = new double[k][d];
    double[][] g2 = new double[k][d];
    for (int epoch = 0; epoch < spec.epochs(); epoch++) {
      double[][] grad = new double[k][d];
      for (int n = 0; n < x.length; n++) {
        double[] p = softmax(w, x[n]);
        for (int c = 0; c < k; c++) {
          double err = p[c] - (c == y[n] ? 1 : 0);
          for (int j : x[n]) {
            grad[c][j] += err;
          }
        }
      }
      for (int c = 0; c < k; c++) {
        for (int j = 0; j < d; j++) {
          double g = grad[c][j] / x.length + (j < d - 1 ? spec.l2() * w[c][j] : 0);
          g2[c][j] += g * g;
          if (g2[c][j] > 0) {
            w[c][j] -= spec.learningRate() * g / Math.sqrt(g2[c][j]);
          }
        }
      }
    }
    return new LinearModel(classes, features, w);
  }

  private static Map<String, Integer> index(List<String> names) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      m.put(names.get(i), i);
    }
    return m;
  }

  private static int[] columns(Collection<String> feats, Map<String, Integer> fi, int bias) {
    TreeSet<Integer> cols = new TreeSet<>();
    for (String f : feats) {
      Integer j = fi.get(f);
      if (j != null) {
        cols.add(j);
      }
    }
    cols.add(bias);
    return cols.stream().mapToInt(Integer::intValue).toArray();
  }

  private static double[] softmax(double[][] w, int[] cols) {
    double[] z = new double[w.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < w.length; c++) {
      for (int j : cols) {
        z[c] += w[c][j];
      }
      max = Math.max(max, z[c]);
    }
    double sum = 0;
    for (int c = 0; c < z.length; c++) {
      z[c] = Math.exp(z[c] - max);
      sum += z[c];
    }
    for (int c = 0; c < z.length; c++) {
      z[c] /= sum;
    }
    return z;
  }

  /** Class probabilities for the features, highest first. */
  public Map<String, Double> predict(Collection<String> feats) {
    double[] p = softmax(weights, columns(feats, featureIndex, features.size()));
    List<Integer> order = new ArrayList<>();
    for (int c = 0; c < p.length; c++) {
      order.add(c);
    }
    order.sort((a, b) -> Double.compare(p[b], p[a]));
    Map<String, Double> out = new LinkedHashMap<>();
    for (int c : order) {
      out.put(classes.get(c), p[c]);
    }
    return out;
  }

  /** The most probable class. */
  public String best(Collection<String> feats) {
    return predict(feats).keySet().iterator().next();
  }
}

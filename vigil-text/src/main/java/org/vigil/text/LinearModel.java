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
 * <p>Besides the ordinary features, each with one weight per class, an example may carry <em>tied
 * features</em>: named indicators that hold for some candidate classes only ("a trigger phrase of
 * this class occurs"), each with one weight shared by all classes. A tied feature lets a few
 * examples teach how far to trust an outside judge (the lexicon) for every class at once, where an
 * ordinary feature would need examples of each class; this is the conditional log-linear model of
 * Berger, Della Pietra and Della Pietra (1996) with feature functions of input and class.
 */
public final class LinearModel {
  /**
   * A labelled example.
   *
   * @param features ordinary features
   * @param label the class
   * @param tied for each candidate class, the tied features that hold for it
   */
  public record Example(
      Collection<String> features, String label, Map<String, ? extends Collection<String>> tied) {
    public Example {
      tied = Map.copyOf(tied);
    }

    /** An example without tied features. */
    public Example(Collection<String> features, String label) {
      this(features, label, Map.of());
    }
  }

  /**
   * Training settings.
   *
   * @param epochs full-batch gradient steps
   * @param learningRate AdaGrad base step size
   * @param l2 L2 penalty of the ordinary feature weights (the bias is not penalised)
   * @param tiedL2 L2 penalty of the tied feature weights
   */
  public record Spec(int epochs, double learningRate, double l2, double tiedL2) {
    public static final Spec DEFAULT = new Spec(300, 0.5, 1e-3);

    public Spec {
      if (epochs < 1 || !(learningRate > 0) || !(l2 >= 0) || !(tiedL2 >= 0)) {
        throw new IllegalArgumentException(
            "Spec needs epochs >= 1, learning rate > 0 and penalties >= 0, found "
                + epochs
                + ", "
                + learningRate
                + ", "
                + l2
                + ", "
                + tiedL2);
      }
    }

    /** Settings with one L2 penalty for ordinary and tied weights alike. */
    public Spec(int epochs, double learningRate, double l2) {
      this(epochs, learningRate, l2, l2);
    }
  }

  private final List<String> classes;
  private final List<String> features;
  private final double[][] weights;
  private final List<String> tiedFeatures;
  private final double[] tiedWeights;
  private final Map<String, Integer> featureIndex;
  private final Map<String, Integer> tiedIndex;

  /** A model without tied features (as trained, or as read back from a file). */
  public LinearModel(List<String> classes, List<String> features, double[][] weights) {
    this(classes, features, weights, List.of(), new double[0]);
  }

  /** A model from its parts (as trained, or as read back from a file). */
  public LinearModel(
      List<String> classes,
      List<String> features,
      double[][] weights,
      List<String> tiedFeatures,
      double[] tiedWeights) {
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
    if (tiedWeights.length != tiedFeatures.size()) {
      throw new IllegalArgumentException(
          "Model needs one weight per tied feature: "
              + tiedFeatures.size()
              + " tied features, found "
              + tiedWeights.length
              + " weights");
    }
    this.weights = weights;
    this.tiedFeatures = List.copyOf(tiedFeatures);
    this.tiedWeights = tiedWeights.clone();
    this.featureIndex = index(this.features);
    this.tiedIndex = index(this.tiedFeatures);
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

  public List<String> tiedFeatures() {
    return tiedFeatures;
  }

  public double[] tiedWeights() {
    return tiedWeights.clone();
  }

  /** An example's columns: ordinary feature columns, and per class the tied feature columns. */
  private record Row(int[] cols, int[][] tied) {}

  /** Trains on the examples; needs at least two classes. */
  public static LinearModel train(List<Example> examples, Spec spec) {
    TreeSet<String> cls = new TreeSet<>();
    TreeSet<String> feats = new TreeSet<>();
    TreeSet<String> tiedNames = new TreeSet<>();
    for (Example e : examples) {
      cls.add(e.label());
      feats.addAll(e.features());
      e.tied().values().forEach(tiedNames::addAll);
    }
    if (cls.size() < 2) {
      throw new IllegalArgumentException(
          "Training needs examples of at least two classes, found " + cls);
    }
    List<String> classes = new ArrayList<>(cls);
    List<String> features = new ArrayList<>(feats);
    List<String> tiedFeatures = new ArrayList<>(tiedNames);
    Map<String, Integer> fi = index(features);
    Map<String, Integer> ti = index(tiedFeatures);
    Map<String, Integer> ci = index(classes);
    int k = classes.size();
    int d = features.size() + 1;
    Row[] x = new Row[examples.size()];
    int[] y = new int[examples.size()];
    for (int n = 0; n < x.length; n++) {
      Example e = examples.get(n);
      x[n] = new Row(columns(e.features(), fi, d - 1), tiedColumns(e.tied(), classes, ti));
      y[n] = ci.get(e.label());
    }
    double[][] w = new double[k][d];
    double[] v = new double[tiedFeatures.size()];
    double[][] g2 = new double[k][d];
    double[] v2 = new double[v.length];
    for (int epoch = 0; epoch < spec.epochs(); epoch++) {
      double[][] grad = new double[k][d];
      double[] vgrad = new double[v.length];
      for (int n = 0; n < x.length; n++) {
        double[] p = softmax(w, v, x[n]);
        for (int c = 0; c < k; c++) {
          double err = p[c] - (c == y[n] ? 1 : 0);
          for (int j : x[n].cols()) {
            grad[c][j] += err;
          }
          for (int j : x[n].tied()[c]) {
            vgrad[j] += err;
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
      for (int j = 0; j < v.length; j++) {
        double g = vgrad[j] / x.length + spec.tiedL2() * v[j];
        v2[j] += g * g;
        if (v2[j] > 0) {
          v[j] -= spec.learningRate() * g / Math.sqrt(v2[j]);
        }
      }
    }
    return new LinearModel(classes, features, w, tiedFeatures, v);
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
    if (bias >= 0) {
      cols.add(bias);
    }
    return cols.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int[][] tiedColumns(
      Map<String, ? extends Collection<String>> tied,
      List<String> classes,
      Map<String, Integer> ti) {
    int[][] out = new int[classes.size()][];
    for (int c = 0; c < classes.size(); c++) {
      Collection<String> names = tied.get(classes.get(c));
      out[c] = columns(names == null ? List.of() : names, ti, -1);
    }
    return out;
  }

  private static double[] softmax(double[][] w, double[] v, Row row) {
    double[] z = new double[w.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < w.length; c++) {
      for (int j : row.cols()) {
        z[c] += w[c][j];
      }
      for (int j : row.tied()[c]) {
        z[c] += v[j];
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
    return predict(feats, Map.of());
  }

  /** Class probabilities for the features and the tied features per class, highest first. */
  public Map<String, Double> predict(
      Collection<String> feats, Map<String, ? extends Collection<String>> tied) {
    Row row =
        new Row(
            columns(feats, featureIndex, features.size()), tiedColumns(tied, classes, tiedIndex));
    double[] p = softmax(weights, tiedWeights, row);
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

package org.vigil.analytics.risk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A domain's tree flattened into arrays for fast repeated evaluation: nodes in post-order (children
 * before parents, root last), leaves numbered separately. Immutable after construction.
 */
final class CompiledTree {
  final String domain;
  final RiskNode[] nodes;
  final int[][] children;
  final double[] weight;
  final Aggregator[] aggregation;

  /** For leaf nodes, the leaf number; -1 for groups. */
  final int[] leafOf;

  final List<RiskNode> leaves = new ArrayList<>();

  /** Per leaf, the node index. */
  final int[] leafNode;

  /** Per leaf, the effective weight share at the root (product of normalised weights). */
  final double[] leafShare;

  final int root;
  private final double minCoverage;

  CompiledTree(String domain, RiskNode.Group tree, double minCoverage) {
    this.domain = domain;
    this.minCoverage = minCoverage;
    List<RiskNode> order = new ArrayList<>();
    List<int[]> kids = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    walk(tree, order, kids, ids);
    int n = order.size();
    nodes = order.toArray(new RiskNode[0]);
    children = kids.toArray(new int[0][]);
    weight = new double[n];
    aggregation = new Aggregator[n];
    leafOf = new int[n];
    for (int i = 0; i < n; i++) {
      weight[i] = nodes[i].weight();
      leafOf[i] = -1;
      if (nodes[i] instanceof RiskNode.Group g) {
        aggregation[i] = g.aggregation();
      } else {
        leafOf[i] = leaves.size();
        leaves.add(nodes[i]);
      }
    }
    leafNode = new int[leaves.size()];
    for (int i = 0; i < n; i++) {
      if (leafOf[i] >= 0) {
        leafNode[leafOf[i]] = i;
      }
    }
    root = n - 1;
    leafShare = new double[leaves.size()];
    share(root, 1.0);
  }

  private int walk(RiskNode node, List<RiskNode> order, List<int[]> kids, Set<String> ids) {
    if (!ids.add(node.id())) {
      throw new IllegalArgumentException(
          "Domain " + domain + ": node id '" + node.id() + "' is used twice; ids must be unique");
    }
    int[] mine = new int[0];
    if (node instanceof RiskNode.Group g) {
      mine = new int[g.children().size()];
      for (int i = 0; i < mine.length; i++) {
        mine[i] = walk(g.children().get(i), order, kids, ids);
      }
    }
    order.add(node);
    kids.add(mine);
    return order.size() - 1;
  }

  private void share(int node, double s) {
    if (leafOf[node] >= 0) {
      leafShare[leafOf[node]] = s;
      return;
    }
    double sw = 0;
    for (int c : children[node]) {
      sw += weight[c];
    }
    for (int c : children[node]) {
      share(c, s * weight[c] / sw);
    }
  }

  /**
   * Evaluates the tree for one state.
   *
   * @param leafScores 0-10 per leaf, NaN when missing
   * @param weightFactor multiplier per node on its weight (all ones for the central run)
   * @param out per node the score (output, length nodes.length)
   * @param buf scratch of length at least the widest node's child count
   * @param wbuf second scratch of the same length
   * @return the root score
   */
  double evaluate(
      double[] leafScores, double[] weightFactor, double[] out, double[] buf, double[] wbuf) {
    return evaluate(leafScores, weightFactor, out, buf, wbuf, null, null, null);
  }

  /**
   * As above, with a cache of the logs geometric parents take of their children: {@code lastX} and
   * {@code lastLog} (per node, owned by the calling thread) remember the last value seen and its
   * log, so that draws which only change weights do not recompute them; {@code logs} is scratch as
   * wide as the widest group.
   */
  double evaluate(
      double[] leafScores,
      double[] weightFactor,
      double[] out,
      double[] buf,
      double[] wbuf,
      double[] lastX,
      double[] lastLog,
      double[] logs) {
    int n = nodes.length;
    for (int i = 0; i < n; i++) {
      if (leafOf[i] >= 0) {
        out[i] = leafScores[leafOf[i]];
        continue;
      }
      int[] ch = children[i];
      if (ch.length == 1) {
        out[i] = out[ch[0]];
        continue;
      }
      double[] x = buf;
      double[] w = wbuf;
      double present = 0;
      double all = 0;
      for (int k = 0; k < ch.length; k++) {
        x[k] = out[ch[k]];
        w[k] = weight[ch[k]] * weightFactor[ch[k]];
        all += w[k];
        if (!Double.isNaN(x[k])) {
          present += w[k];
        }
      }
      if (!(present > 0 && present >= minCoverage * all - 1e-12)) {
        out[i] = Double.NaN;
      } else if (logs == null || aggregation[i] == Aggregator.ARITHMETIC) {
        out[i] = aggregation[i].combine(x, w, ch.length);
      } else {
        double[] lg = logs;
        for (int k = 0; k < ch.length; k++) {
          int c = ch[k];
          if (lastX[c] != x[k] || Double.isNaN(x[k])) {
            lastX[c] = x[k];
            lastLog[c] = aggregation[i].logOf(x[k]);
          }
          lg[k] = lastLog[c];
        }
        out[i] = aggregation[i].combineLogs(x, lg, w, ch.length);
      }
    }
    return out[root];
  }

  /** The widest group. */
  int maxChildren() {
    int m = 1;
    for (int[] c : children) {
      m = Math.max(m, c.length);
    }
    return m;
  }

  /** Leaf contributions to the root score, following each group's split rule. */
  double[] contributions(double[] nodeScores) {
    double[] nodeContribution = new double[nodes.length];
    nodeContribution[root] = Double.isNaN(nodeScores[root]) ? 0 : nodeScores[root];
    for (int i = root; i >= 0; i--) {
      if (leafOf[i] >= 0) {
        continue;
      }
      int[] ch = children[i];
      double[] x = new double[ch.length];
      double[] w = new double[ch.length];
      double[] c = new double[ch.length];
      for (int k = 0; k < ch.length; k++) {
        x[k] = nodeScores[ch[k]];
        w[k] = weight[ch[k]];
      }
      aggregation[i].contributions(x, w, ch.length, nodeScores[i], c);
      double scale = nodeScores[i] > 0 ? nodeContribution[i] / nodeScores[i] : 0;
      for (int k = 0; k < ch.length; k++) {
        nodeContribution[ch[k]] = c[k] * scale;
      }
    }
    double[] out = new double[leaves.size()];
    for (int l = 0; l < out.length; l++) {
      out[l] = nodeContribution[leafNode[l]];
    }
    return out;
  }

  /** Share of leaf weight whose leaf has a score and whose path to the root is scored. */
  double reliability(double[] nodeScores) {
    double r = 0;
    for (int l = 0; l < leafShare.length; l++) {
      if (!Double.isNaN(nodeScores[leafNode[l]])) {
        r += leafShare[l];
      }
    }
    return Double.isNaN(nodeScores[root]) ? 0 : Math.min(1, r);
  }

  /** Group ids and scores. */
  Map<String, Double> components(double[] nodeScores) {
    Map<String, Double> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < nodes.length; i++) {
      if (leafOf[i] < 0 && !Double.isNaN(nodeScores[i])) {
        m.put(nodes[i].id(), nodeScores[i]);
      }
    }
    return m;
  }
}

package org.vigil.water;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Indices of a basin's nodes, links and states for one horizon, and the original bounds. */
final class LpLayout {
  final int months;
  final List<Node> nodes;
  final List<Link> links;
  final int[][] inLinks;
  final int[][] outLinks;
  final List<Node.Reservoir> reservoirs;
  final int[] reservoirIndex;
  final List<Node.Withdrawal> withdrawals;
  final int[] withdrawalIndex;
  final List<String> states;
  final int[] withdrawalState;
  final double[] stateDemand;
  final Map<String, Monthly> minRelease = new HashMap<>();
  final Map<String, Double> quota = new HashMap<>();
  private final Map<String, Node> byName = new HashMap<>();
  private final Map<String, Link> linkByLabel = new HashMap<>();

  LpLayout(Basin basin, int months) {
    this.months = months;
    this.nodes = basin.nodes();
    this.links = basin.links();
    this.reservoirs = basin.reservoirs();
    this.withdrawals = basin.withdrawals();
    this.states = basin.states();
    nodes.forEach(n -> byName.put(n.name(), n));
    links.forEach(l -> linkByLabel.put(l.label(), l));
    Map<String, Integer> index = new HashMap<>();
    for (int n = 0; n < nodes.size(); n++) {
      index.put(nodes.get(n).name(), n);
    }
    inLinks = adjacency(index, true);
    outLinks = adjacency(index, false);
    reservoirIndex = positions(index, reservoirs);
    withdrawalIndex = positions(index, withdrawals);
    withdrawalState = withdrawals.stream().mapToInt(w -> states.indexOf(w.state())).toArray();
    stateDemand = new double[states.size()];
    for (int w = 0; w < withdrawals.size(); w++) {
      stateDemand[withdrawalState[w]] += withdrawals.get(w).demand().sum(months);
    }
    readAgreements(basin);
  }

  private int[][] adjacency(Map<String, Integer> index, boolean incoming) {
    List<List<Integer>> lists = new ArrayList<>();
    nodes.forEach(n -> lists.add(new ArrayList<>()));
    for (int l = 0; l < links.size(); l++) {
      Link link = links.get(l);
      lists.get(index.get(incoming ? link.to() : link.from())).add(l);
    }
    return lists.stream()
        .map(x -> x.stream().mapToInt(Integer::intValue).toArray())
        .toArray(int[][]::new);
  }

  private int[] positions(Map<String, Integer> index, List<? extends Node> subset) {
    int[] pos = new int[nodes.size()];
    java.util.Arrays.fill(pos, -1);
    for (int i = 0; i < subset.size(); i++) {
      pos[index.get(subset.get(i).name())] = i;
    }
    return pos;
  }

  /** Several minimum releases for one reservoir: the largest applies; several quotas: the least. */
  private void readAgreements(Basin basin) {
    for (Agreement ag : basin.agreements()) {
      if (ag instanceof Agreement.MinimumRelease m) {
        minRelease.merge(m.reservoir(), m.minimum(), LpLayout::larger);
      } else if (ag instanceof Agreement.Quota q) {
        quota.merge(q.state(), q.volume(), Math::min);
      }
    }
  }

  private static Monthly larger(Monthly a, Monthly b) {
    double[] v = new double[Math.min(a.length(), b.length())];
    for (int t = 0; t < v.length; t++) {
      v[t] = Math.max(a.get(t), b.get(t));
    }
    return Monthly.of(v);
  }

  /** The bound of a constraint as the basin states it. */
  double bound(ConstraintRef ref) {
    Node node = byName.get(ref.subject());
    return switch (ref.kind()) {
      case RESERVOIR_MIN_STORAGE -> ((Node.Reservoir) node).minStorage();
      case RESERVOIR_CAPACITY -> ((Node.Reservoir) node).capacity();
      case ENV_FLOW -> ((Node.EnvFlow) node).minFlow().get(ref.month());
      case MIN_RELEASE -> minRelease.get(ref.subject()).get(ref.month());
      case LINK_CAPACITY -> linkByLabel.get(ref.subject()).capacity();
      case QUOTA -> quota.getOrDefault(ref.subject(), Double.POSITIVE_INFINITY);
    };
  }

  /** Every constraint that restricts the programme (positive minima, finite maxima). */
  List<ConstraintRef> allRefs() {
    List<ConstraintRef> refs = new ArrayList<>();
    for (Node.Reservoir r : reservoirs) {
      for (int t = 0; t < months; t++) {
        addIf(refs, new ConstraintRef(ConstraintRef.Kind.RESERVOIR_MIN_STORAGE, r.name(), t));
        addIf(refs, new ConstraintRef(ConstraintRef.Kind.RESERVOIR_CAPACITY, r.name(), t));
        if (minRelease.containsKey(r.name())) {
          addIf(refs, new ConstraintRef(ConstraintRef.Kind.MIN_RELEASE, r.name(), t));
        }
      }
    }
    for (Node n : nodes) {
      if (n instanceof Node.EnvFlow) {
        for (int t = 0; t < months; t++) {
          addIf(refs, new ConstraintRef(ConstraintRef.Kind.ENV_FLOW, n.name(), t));
        }
      }
    }
    for (Link l : links) {
      for (int t = 0; t < months; t++) {
        addIf(refs, new ConstraintRef(ConstraintRef.Kind.LINK_CAPACITY, l.label(), t));
      }
    }
    for (String s : states) {
      addIf(refs, new ConstraintRef(ConstraintRef.Kind.QUOTA, s, ConstraintRef.HORIZON));
    }
    return refs;
  }

  private void addIf(List<ConstraintRef> refs, ConstraintRef ref) {
    double b = bound(ref);
    boolean restricts = ref.kind().isLowerBound() ? b > 0 : Double.isFinite(b);
    if (restricts) {
      refs.add(ref);
    }
  }
}

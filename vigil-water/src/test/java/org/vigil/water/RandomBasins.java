package org.vigil.water;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random small basins for property tests: a random acyclic network where each non-outlet node
 * drains to one or two later nodes, with random inflows, demands, storages, losses and sometimes
 * environmental flows, link capacities, minimum releases and quotas. The same seed gives the same
 * basin.
 */
final class RandomBasins {
  private static final String[] STATES = {"KAZ", "KGZ", "TJK", "TKM", "UZB"};

  private RandomBasins() {}

  static Basin basin(long seed, int months) {
    Random rnd = new Random(seed);
    List<Node> inner = new ArrayList<>();
    int sources = 1 + rnd.nextInt(3);
    for (int i = 0; i < sources; i++) {
      inner.add(Node.source("S" + i, series(rnd, months, 20, 120)));
    }
    for (int i = 0, n = rnd.nextInt(3); i < n; i++) {
      double cap = 50 + rnd.nextDouble() * 300;
      double min = rnd.nextDouble() * cap * 0.3;
      inner.add(Node.reservoir("R" + i, cap, min, min + rnd.nextDouble() * (cap - min)));
    }
    for (int i = 0, n = 1 + rnd.nextInt(4); i < n; i++) {
      String state = STATES[rnd.nextInt(STATES.length)];
      inner.add(Node.withdrawal("W" + i, state, "irrigation", series(rnd, months, 0, 90)));
    }
    if (rnd.nextBoolean()) {
      inner.add(Node.envFlow("E0", series(rnd, months, 0, 15)));
    }
    Collections.shuffle(inner, rnd);
    // sources first keeps most water upstream, as in a river
    inner.sort((a, b) -> Boolean.compare(b instanceof Node.Source, a instanceof Node.Source));
    List<Node> nodes = new ArrayList<>(inner);
    int outlets = 1 + rnd.nextInt(2);
    for (int i = 0; i < outlets; i++) {
      nodes.add(Node.outlet("O" + i));
    }
    return new Basin(
        "random-" + seed, nodes, links(rnd, nodes, inner.size()), agreements(rnd, inner, months));
  }

  /** Sometimes a minimum release from a reservoir, sometimes a quota for a withdrawing state. */
  private static List<Agreement> agreements(Random rnd, List<Node> nodes, int months) {
    List<Agreement> agreements = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof Node.Reservoir r && rnd.nextInt(3) == 0) {
        agreements.add(new Agreement.MinimumRelease(r.name(), series(rnd, months, 0, 20)));
      }
    }
    nodes.stream()
        .filter(Node.Withdrawal.class::isInstance)
        .map(n -> ((Node.Withdrawal) n).state())
        .distinct()
        .filter(state -> rnd.nextInt(4) == 0)
        .forEach(
            state -> agreements.add(new Agreement.Quota(state, rnd.nextDouble() * 60 * months)));
    return agreements;
  }

  private static List<Link> links(Random rnd, List<Node> nodes, int innerCount) {
    List<Link> links = new ArrayList<>();
    for (int i = 0; i < innerCount; i++) {
      int first = i + 1 + rnd.nextInt(nodes.size() - i - 1);
      links.add(link(rnd, nodes.get(i), nodes.get(first)));
      int second = i + 1 + rnd.nextInt(nodes.size() - i - 1);
      if (second != first && rnd.nextInt(3) == 0) {
        links.add(link(rnd, nodes.get(i), nodes.get(second)));
      }
    }
    return links;
  }

  private static Link link(Random rnd, Node from, Node to) {
    double loss = rnd.nextInt(3) == 0 ? 0 : rnd.nextDouble() * 0.3;
    double capacity = rnd.nextInt(5) == 0 ? 40 + rnd.nextDouble() * 200 : Double.POSITIVE_INFINITY;
    return new Link(from.name(), to.name(), loss, capacity);
  }

  private static Monthly series(Random rnd, int months, double lo, double hi) {
    double[] v = new double[months];
    for (int t = 0; t < months; t++) {
      v[t] = lo + rnd.nextDouble() * (hi - lo);
    }
    return Monthly.of(v);
  }
}

package org.vigil.water;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The shape rules of a network: every non-outlet node drains somewhere, and no cycles. */
final class NetworkShape {
  private final List<Node> nodes;
  private final Map<String, List<String>> downstream = new HashMap<>();

  NetworkShape(List<Node> nodes, List<Link> links) {
    this.nodes = nodes;
    nodes.forEach(n -> downstream.put(n.name(), new ArrayList<>()));
    links.forEach(l -> downstream.get(l.from()).add(l.to()));
  }

  List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (Node n : nodes) {
      if (!(n instanceof Node.Outlet) && downstream.get(n.name()).isEmpty()) {
        problems.add(
            "node '"
                + n.name()
                + "': has no outgoing link; every node except an outlet must"
                + " drain to another node");
      }
    }
    findCycle().ifPresent(problems::add);
    return problems;
  }

  /** A depth-first search that reports the first cycle found as a path of node names. */
  private java.util.Optional<String> findCycle() {
    Map<String, Integer> state = new HashMap<>();
    for (Node n : nodes) {
      List<String> path = new ArrayList<>();
      if (visit(n.name(), state, path)) {
        return java.util.Optional.of(
            "links: the network has a cycle "
                + String.join(" -> ", path)
                + "; water must flow downstream only");
      }
    }
    return java.util.Optional.empty();
  }

  private boolean visit(String node, Map<String, Integer> state, List<String> path) {
    Integer s = state.get(node);
    if (s != null && s == 2) {
      return false;
    }
    path.add("'" + node + "'");
    if (s != null) {
      int start = path.indexOf("'" + node + "'");
      path.subList(0, start).clear();
      return true;
    }
    state.put(node, 1);
    for (String next : downstream.get(node)) {
      if (visit(next, state, path)) {
        return true;
      }
    }
    state.put(node, 2);
    path.remove(path.size() - 1);
    return false;
  }
}

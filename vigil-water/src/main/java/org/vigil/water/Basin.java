package org.vigil.water;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A river basin: nodes, links and agreements. The constructor checks the whole network and throws
 * one {@link WaterInputException} listing every problem (negative capacity, a link to a missing
 * node, shares that do not sum to 1, a node with no way to an outlet ...), so a basin that exists
 * is valid. Monthly series may be longer than the horizon of a run; {@link AllocationSpec#months()}
 * is checked against them when the allocation starts.
 *
 * @param name the basin's name ("Syr Darya")
 * @param nodes the nodes, names unique
 * @param links the links between them; the network must be acyclic and every node must reach an
 *     outlet
 * @param agreements shares, quotas and minimum releases
 */
public record Basin(String name, List<Node> nodes, List<Link> links, List<Agreement> agreements) {
  public Basin {
    Objects.requireNonNull(name, "basin name");
    nodes = List.copyOf(nodes);
    links = List.copyOf(links);
    agreements = List.copyOf(agreements);
    List<String> errors = BasinValidation.check(name, nodes, links, agreements);
    if (!errors.isEmpty()) {
      throw new WaterInputException("basin '" + name + "'", errors);
    }
  }

  /** The node of that name, if any. */
  public Optional<Node> node(String nodeName) {
    return nodes.stream().filter(n -> n.name().equals(nodeName)).findFirst();
  }

  /** The withdrawals, in node order. */
  public List<Node.Withdrawal> withdrawals() {
    return nodesOf(Node.Withdrawal.class);
  }

  /** The reservoirs, in node order. */
  public List<Node.Reservoir> reservoirs() {
    return nodesOf(Node.Reservoir.class);
  }

  /** The ISO3 codes of the states that withdraw, sorted. */
  public List<String> states() {
    TreeSet<String> states = new TreeSet<>();
    withdrawals().forEach(w -> states.add(w.state()));
    return List.copyOf(states);
  }

  /** The agreed shares, if the basin has a shares agreement. */
  public Optional<Agreement.Shares> shares() {
    return agreements.stream()
        .filter(Agreement.Shares.class::isInstance)
        .map(Agreement.Shares.class::cast)
        .findFirst();
  }

  /**
   * This basin with the inflows of the named sources replaced, e.g. by a dry, normal or wet
   * scenario from the inflow forecasts.
   *
   * @throws WaterInputException when a name is not a source of this basin
   */
  public Basin withInflows(Map<String, Monthly> inflowBySource) {
    Map<String, Monthly> left = new LinkedHashMap<>(inflowBySource);
    List<Node> replaced = new ArrayList<>(nodes.size());
    for (Node n : nodes) {
      Monthly inflow = n instanceof Node.Source ? left.remove(n.name()) : null;
      replaced.add(inflow == null ? n : new Node.Source(n.name(), inflow));
    }
    if (!left.isEmpty()) {
      throw new WaterInputException(
          "basin '" + name + "'",
          left.keySet().stream()
              .map(s -> "inflow given for '" + s + "', which is not a source")
              .toList());
    }
    return new Basin(name, replaced, links, agreements);
  }

  private <T extends Node> List<T> nodesOf(Class<T> type) {
    return nodes.stream().filter(type::isInstance).map(type::cast).toList();
  }
}

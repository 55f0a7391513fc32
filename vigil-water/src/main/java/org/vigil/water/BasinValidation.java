package org.vigil.water;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules a basin must follow; each broken rule is one sentence naming the field and value. */
final class BasinValidation {
  static final double SHARE_TOLERANCE = 1e-6;
  private static final Pattern ISO3 = Pattern.compile("[A-Z]{3}");

  private final List<String> errors = new ArrayList<>();
  private final Map<String, Node> byName = new HashMap<>();

  private BasinValidation() {}

  static List<String> check(
      String name, List<Node> nodes, List<Link> links, List<Agreement> agreements) {
    BasinValidation v = new BasinValidation();
    if (name.isBlank()) {
      v.errors.add("basin name must not be blank");
    }
    v.checkNodes(nodes);
    List<Link> usable = v.checkLinks(links);
    if (usable.size() == links.size()) {
      new NetworkShape(nodes, usable).problems().forEach(v.errors::add);
    }
    v.checkAgreements(nodes, agreements);
    return List.copyOf(v.errors);
  }

  private void checkNodes(List<Node> nodes) {
    if (nodes.isEmpty()) {
      errors.add("nodes: a basin needs at least one source and one outlet, found no nodes");
    }
    for (Node n : nodes) {
      if (n.name().isBlank()) {
        errors.add("node of kind " + n.kind() + ": name must not be blank");
      } else if (byName.putIfAbsent(n.name(), n) != null) {
        errors.add("node '" + n.name() + "': name is used by more than one node");
      }
      checkNode(n);
    }
    if (nodes.stream().noneMatch(n -> n instanceof Node.Outlet)) {
      errors.add("nodes: a basin needs an outlet or terminal lake, found none");
    }
  }

  private void checkNode(Node n) {
    String at = "node '" + n.name() + "': ";
    if (n instanceof Node.Source s) {
      series(at + "inflow", s.inflow());
    } else if (n instanceof Node.Reservoir r) {
      checkReservoir(at, r);
    } else if (n instanceof Node.Withdrawal w) {
      if (!ISO3.matcher(w.state()).matches()) {
        errors.add(
            at + "state must be an ISO 3166-1 alpha-3 code such as UZB, found '" + w.state() + "'");
      }
      if (w.sector().isBlank()) {
        errors.add(at + "sector must not be blank");
      }
      series(at + "demand", w.demand());
    } else if (n instanceof Node.EnvFlow e) {
      series(at + "minimum flow", e.minFlow());
    }
  }

  private void checkReservoir(String at, Node.Reservoir r) {
    boolean capacityOk = r.capacity() >= 0 && Double.isFinite(r.capacity());
    if (!capacityOk) {
      errors.add(at + "capacity must be >= 0 and finite, found " + num(r.capacity()));
    }
    if (!(r.minStorage() >= 0)) {
      errors.add(at + "minimum storage must be >= 0, found " + num(r.minStorage()));
    } else if (capacityOk && r.minStorage() > r.capacity()) {
      errors.add(
          at
              + "minimum storage must be <= capacity "
              + num(r.capacity())
              + ", found "
              + num(r.minStorage()));
    }
    if (!(r.initialStorage() >= r.minStorage() && r.initialStorage() <= r.capacity())) {
      errors.add(
          at
              + "initial storage must lie between minimum storage "
              + num(r.minStorage())
              + " and capacity "
              + num(r.capacity())
              + ", found "
              + num(r.initialStorage()));
    }
  }

  private void series(String field, Monthly m) {
    int t = m.firstInvalid();
    if (t >= 0) {
      errors.add(
          field
              + " must be >= 0 and finite in every month, found "
              + num(m.get(t))
              + " in month "
              + (t + 1));
    }
    if (m.length() == 0) {
      errors.add(field + " must have at least one month, found none");
    }
  }

  private List<Link> checkLinks(List<Link> links) {
    List<Link> usable = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Link l : links) {
      String at = "link " + l.label() + ": ";
      // both ends are checked, so a link with two bad ends gets two errors
      boolean fromOk = endpoint(at, "from", l.from());
      boolean ok = endpoint(at, "to", l.to()) && fromOk;
      if (ok && l.from().equals(l.to())) {
        errors.add(at + "from and to must differ, found '" + l.from() + "' twice");
        ok = false;
      }
      if (ok && byName.get(l.from()) instanceof Node.Outlet) {
        errors.add(at + "an outlet absorbs what arrives and cannot have an outgoing link");
        ok = false;
      }
      if (!seen.add(l.from() + "\u0000" + l.to())) {
        errors.add(at + "appears more than once; give one link per pair of nodes");
        ok = false;
      }
      if (!(l.lossFraction() >= 0 && l.lossFraction() < 1)) {
        errors.add(at + "loss fraction must lie in [0, 1), found " + num(l.lossFraction()));
        ok = false;
      }
      if (!(l.capacity() >= 0)) {
        errors.add(at + "capacity must be >= 0, found " + num(l.capacity()));
        ok = false;
      }
      if (ok) {
        usable.add(l);
      }
    }
    return usable;
  }

  private boolean endpoint(String at, String field, String node) {
    if (!byName.containsKey(node)) {
      errors.add(at + field + " names a missing node '" + node + "'");
      return false;
    }
    return true;
  }

  private void checkAgreements(List<Node> nodes, List<Agreement> agreements) {
    Set<String> states = new HashSet<>();
    nodes.stream()
        .filter(Node.Withdrawal.class::isInstance)
        .forEach(n -> states.add(((Node.Withdrawal) n).state()));
    long sharesCount = agreements.stream().filter(Agreement.Shares.class::isInstance).count();
    if (sharesCount > 1) {
      errors.add("agreements: at most one shares agreement, found " + sharesCount);
    }
    for (Agreement a : agreements) {
      if (a instanceof Agreement.Shares s) {
        checkShares(s, states);
      } else if (a instanceof Agreement.Quota q) {
        String at = "quota of '" + q.state() + "': ";
        if (!states.contains(q.state())) {
          errors.add(
              at + "state must withdraw in the basin, found no withdrawal of '" + q.state() + "'");
        }
        if (!(q.volume() >= 0) || Double.isInfinite(q.volume())) {
          errors.add(at + "volume must be >= 0 and finite, found " + num(q.volume()));
        }
      } else if (a instanceof Agreement.MinimumRelease m) {
        String at = "minimum release from '" + m.reservoir() + "': ";
        if (!(byName.get(m.reservoir()) instanceof Node.Reservoir)) {
          errors.add(at + "reservoir names no reservoir of the basin");
        }
        series(at + "minimum", m.minimum());
      }
    }
  }

  private void checkShares(Agreement.Shares s, Set<String> states) {
    double sum = 0;
    for (Map.Entry<String, Double> e : s.byState().entrySet()) {
      double v = e.getValue() == null ? Double.NaN : e.getValue();
      sum += v;
      if (!(v >= 0 && v <= 1)) {
        errors.add("shares: share of '" + e.getKey() + "' must lie in [0, 1], found " + num(v));
      }
      if (!states.contains(e.getKey())) {
        errors.add("shares: state '" + e.getKey() + "' has no withdrawal in the basin");
      }
    }
    for (String state : states) {
      Double v = s.byState().get(state);
      if (v == null || v <= 0) {
        errors.add("shares: state '" + state + "' withdraws water but has no positive share");
      }
    }
    if (!(Math.abs(sum - 1) <= SHARE_TOLERANCE)) {
      errors.add("shares: shares must sum to 1 within 1e-6, found " + sum + " " + s.byState());
    }
  }

  static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}

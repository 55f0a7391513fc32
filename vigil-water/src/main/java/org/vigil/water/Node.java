package org.vigil.water;

import java.util.Objects;

/**
 * A point of a basin network. Volumes are in million cubic metres (hm³) and series are monthly. The
 * records check only that their parts are present; value rules (non-negative volumes, minimum
 * storage below capacity, ISO3 codes) are checked by {@link Basin} when the network is assembled,
 * so that one bad scenario reports every problem at once instead of the first.
 */
public sealed interface Node
    permits Node.Source, Node.Reservoir, Node.Withdrawal, Node.EnvFlow, Node.Outlet {

  /** The kinds of node. */
  enum Kind {
    SOURCE,
    RESERVOIR,
    WITHDRAWAL,
    ENV_FLOW,
    OUTLET
  }

  /** The node's name, unique in its basin. */
  String name();

  /** The node's kind. */
  Kind kind();

  /**
   * A river head or tributary: its monthly inflow enters the network here and must leave by its
   * outgoing links (it may also receive upstream links).
   */
  record Source(String name, Monthly inflow) implements Node {
    public Source {
      Objects.requireNonNull(name, "source name");
      Objects.requireNonNull(inflow, "source inflow");
    }

    @Override
    public Kind kind() {
      return Kind.SOURCE;
    }
  }

  /**
   * A reservoir: end-of-month storage stays within {@code minStorage..capacity}; it starts the
   * horizon at {@code initialStorage}.
   */
  record Reservoir(String name, double capacity, double minStorage, double initialStorage)
      implements Node {
    public Reservoir {
      Objects.requireNonNull(name, "reservoir name");
    }

    @Override
    public Kind kind() {
      return Kind.RESERVOIR;
    }
  }

  /**
   * An off-take by one state and sector: up to {@code demand} per month is delivered (consumed),
   * the rest of the arriving water passes on by the outgoing links.
   *
   * @param state the ISO 3166-1 alpha-3 code of the state that withdraws ("UZB")
   * @param sector the use ("irrigation", "municipal", "industry", "hydropower" ...)
   */
  record Withdrawal(String name, String state, String sector, Monthly demand) implements Node {
    public Withdrawal {
      Objects.requireNonNull(name, "withdrawal name");
      Objects.requireNonNull(state, "withdrawal state");
      Objects.requireNonNull(sector, "withdrawal sector");
      Objects.requireNonNull(demand, "withdrawal demand");
    }

    @Override
    public Kind kind() {
      return Kind.WITHDRAWAL;
    }
  }

  /** An environmental flow point: the flow passing through is at least {@code minFlow}. */
  record EnvFlow(String name, Monthly minFlow) implements Node {
    public EnvFlow {
      Objects.requireNonNull(name, "environmental flow name");
      Objects.requireNonNull(minFlow, "environmental flow minimum");
    }

    @Override
    public Kind kind() {
      return Kind.ENV_FLOW;
    }
  }

  /** The basin's outlet or terminal lake: it absorbs whatever arrives. */
  record Outlet(String name) implements Node {
    public Outlet {
      Objects.requireNonNull(name, "outlet name");
    }

    @Override
    public Kind kind() {
      return Kind.OUTLET;
    }
  }

  /** A source with the given monthly inflow. */
  static Source source(String name, Monthly inflow) {
    return new Source(name, inflow);
  }

  /** A reservoir. */
  static Reservoir reservoir(String name, double capacity, double minStorage, double initial) {
    return new Reservoir(name, capacity, minStorage, initial);
  }

  /** A withdrawal of a state and sector. */
  static Withdrawal withdrawal(String name, String state, String sector, Monthly demand) {
    return new Withdrawal(name, state, sector, demand);
  }

  /** An environmental flow point. */
  static EnvFlow envFlow(String name, Monthly minFlow) {
    return new EnvFlow(name, minFlow);
  }

  /** An outlet or terminal lake. */
  static Outlet outlet(String name) {
    return new Outlet(name);
  }
}

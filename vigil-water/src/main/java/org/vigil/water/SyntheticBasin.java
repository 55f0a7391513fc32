package org.vigil.water;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic 40-node basin for the benchmark, held as plain arrays so that a reference programme
 * can be built from them without the model layer. Eight tributaries (five behind a reservoir, each
 * with one off-take) join a main stem of fourteen off-takes and four environmental flow points that
 * ends in a terminal lake. Inflows peak with the snowmelt in late spring, irrigation demand in
 * summer; the demand is set so that summer is short of water. Synthetic: not a real basin.
 */
final class SyntheticBasin {
  static final int SOURCE = 0;
  static final int RESERVOIR = 1;
  static final int WITHDRAWAL = 2;
  static final int ENV_FLOW = 3;
  static final int OUTLET = 4;
  private static final String[] STATES = {"KAZ", "KGZ", "TJK", "TKM", "UZB"};

  final int months;
  final List<String> names = new ArrayList<>();
  final List<Integer> kinds = new ArrayList<>();

  /** Per node: inflow (source), demand (withdrawal), minimum flow (environmental flow). */
  final List<double[]> series = new ArrayList<>();

  /** Per node: capacity, minimum, initial (reservoir); null otherwise. */
  final List<double[]> reservoir = new ArrayList<>();

  /** Per node: the state (withdrawal), null otherwise. */
  final List<String> state = new ArrayList<>();

  /** Per node: the minimum monthly release (reservoir with an agreement), null otherwise. */
  final List<double[]> minRelease = new ArrayList<>();

  final List<int[]> links = new ArrayList<>();
  final List<Double> loss = new ArrayList<>();
  final List<Double> linkCapacity = new ArrayList<>();

  private final Random rnd;

  SyntheticBasin(long seed, int months) {
    this.months = months;
    this.rnd = new Random(seed);
    int lake = build();
    if (names.size() != 40 || kinds.get(lake) != OUTLET) {
      throw new IllegalStateException("synthetic basin has " + names.size() + " nodes, not 40");
    }
  }

  private int build() {
    List<Integer> joins = new ArrayList<>();
    for (int k = 0; k < 8; k++) {
      int src =
          add("Source " + k, SOURCE, seasonal(60 + rnd.nextDouble() * 80, 4, 0.8), null, null);
      int last = src;
      if (k < 5) {
        double cap = 400 + rnd.nextDouble() * 1200;
        int r =
            add("Reservoir " + k, RESERVOIR, null, new double[] {cap, 0.2 * cap, 0.6 * cap}, null);
        if (k < 2) {
          minRelease.set(r, constant(25));
        }
        link(last, r, 0.0, Double.POSITIVE_INFINITY);
        last = r;
      }
      int w = add("Tributary off-take " + k, WITHDRAWAL, demand(), null, STATES[k % STATES.length]);
      link(last, w, 0.03, k == 3 ? 150 : Double.POSITIVE_INFINITY);
      joins.add(w);
    }
    int previous = -1;
    int env = 0;
    for (int m = 0; m < 18; m++) {
      boolean isEnv = m % 5 == 4;
      int n =
          isEnv
              ? add("Flow point " + env++, ENV_FLOW, constant(10 + 5 * env), null, null)
              : add("Main off-take " + m, WITHDRAWAL, demand(), null, STATES[m % STATES.length]);
      if (previous >= 0) {
        link(previous, n, 0.02 + 0.05 * rnd.nextDouble(), Double.POSITIVE_INFINITY);
      }
      if (m < 8 * 2 && m % 2 == 0) {
        link(joins.get(m / 2), n, 0.05, Double.POSITIVE_INFINITY);
      }
      previous = n;
    }
    int lake = add("Terminal lake", OUTLET, null, null, null);
    link(previous, lake, 0.0, Double.POSITIVE_INFINITY);
    return lake;
  }

  private int add(String name, int kind, double[] values, double[] res, String st) {
    names.add(name);
    kinds.add(kind);
    series.add(values);
    reservoir.add(res);
    state.add(st);
    minRelease.add(null);
    return names.size() - 1;
  }

  private void link(int from, int to, double lossFraction, double capacity) {
    links.add(new int[] {from, to});
    loss.add(lossFraction);
    linkCapacity.add(capacity);
  }

  private double[] seasonal(double mean, int peakMonth, double amplitude) {
    double[] v = new double[months];
    for (int t = 0; t < months; t++) {
      double phase = 2 * Math.PI * (t - peakMonth) / 12.0;
      v[t] = mean * (1 + amplitude * Math.cos(phase)) * (0.9 + 0.2 * rnd.nextDouble());
    }
    return v;
  }

  private double[] demand() {
    return seasonal(20 + rnd.nextDouble() * 25, 6, 0.9);
  }

  private double[] constant(double value) {
    double[] v = new double[months];
    java.util.Arrays.fill(v, value);
    return v;
  }

  /** The same basin through the model layer. */
  Basin toBasin() {
    List<Node> nodes = new ArrayList<>();
    List<Agreement> agreements = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      double[] r = reservoir.get(i);
      nodes.add(
          switch (kinds.get(i)) {
            case SOURCE -> Node.source(name, Monthly.of(series.get(i)));
            case RESERVOIR -> Node.reservoir(name, r[0], r[1], r[2]);
            case WITHDRAWAL ->
                Node.withdrawal(name, state.get(i), "irrigation", Monthly.of(series.get(i)));
            case ENV_FLOW -> Node.envFlow(name, Monthly.of(series.get(i)));
            default -> Node.outlet(name);
          });
      if (minRelease.get(i) != null) {
        agreements.add(new Agreement.MinimumRelease(name, Monthly.of(minRelease.get(i))));
      }
    }
    List<Link> ls = new ArrayList<>();
    for (int l = 0; l < links.size(); l++) {
      ls.add(
          new Link(
              names.get(links.get(l)[0]),
              names.get(links.get(l)[1]),
              loss.get(l),
              linkCapacity.get(l)));
    }
    return new Basin("Synthetic 40-node basin", nodes, ls, agreements);
  }
}

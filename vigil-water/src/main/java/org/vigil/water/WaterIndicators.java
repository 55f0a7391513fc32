package org.vigil.water;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The scarcity indicators of one basin over one allocation horizon, computed from the basin's
 * inputs and an allocation of them. Pure and deterministic. Volumes in hm³ (10⁶ m³).
 *
 * <ul>
 *   <li><b>Water stress</b> (SDG 6.4.2 in form): withdrawal over the renewable resource left after
 *       the environmental requirement, in percent: {@code 100 W / (R - E)}, with {@code R} the
 *       inflow of every source over the horizon, {@code E} the environmental flow minimum over the
 *       horizon and {@code W} the demand of every withdrawal. A state's stress is its own demand
 *       over its agreed share of {@code R - E} (without a shares agreement, its share of the
 *       demand), so a state drawing more than it is entitled to shows more than 100%. Levels:
 *       {@link StressLevel}.
 *   <li><b>Entitled renewable water</b> per state: its share of {@code R}, the volume that {@link
 *       #perCapita} divides by population (Falkenmark, {@link Falkenmark}).
 *   <li><b>Seasonal deficit</b> per state: the months in which its demand exceeds what the
 *       allocation delivers by more than {@link #DEFICIT_TOLERANCE} of the demand, and the
 *       shortfall.
 *   <li><b>Reservoir level</b>: end-of-month storage over capacity, per reservoir and month.
 * </ul>
 *
 * @param basin the basin's name
 * @param start the first month of the horizon
 * @param months the horizon
 * @param renewable {@code R}, hm³ over the horizon
 * @param environmental {@code E}, hm³ over the horizon
 * @param withdrawal {@code W}, hm³ over the horizon
 * @param stressPercent {@code 100 W / (R - E)}; infinite when {@code R <= E}
 * @param states per state, by ISO3 code
 * @param reservoirs end-of-month level of each reservoir; empty when the allocation is infeasible
 */
public record WaterIndicators(
    String basin,
    YearMonth start,
    int months,
    double renewable,
    double environmental,
    double withdrawal,
    double stressPercent,
    Map<String, StateIndicators> states,
    List<ReservoirLevel> reservoirs) {

  /** A month counts as a deficit month when the shortfall exceeds this part of the demand. */
  public static final double DEFICIT_TOLERANCE = 1e-6;

  public WaterIndicators {
    Objects.requireNonNull(basin, "basin");
    Objects.requireNonNull(start, "start");
    states = Collections.unmodifiableMap(new TreeMap<>(states));
    reservoirs = List.copyOf(reservoirs);
  }

  /**
   * One state's indicators in the basin.
   *
   * @param state ISO3 code
   * @param share its agreed share (or, without a shares agreement, its part of the demand)
   * @param withdrawal its demand over the horizon, hm³
   * @param entitled its share of the renewable resource {@code R}, hm³
   * @param stressPercent {@code 100 withdrawal / (share (R - E))}
   * @param shortfall its shortfall over the horizon in the allocation, hm³
   * @param deficitMonths the months in which demand exceeds delivery, in order
   * @param worstMonth the month of its largest shortfall, empty without a deficit
   */
  public record StateIndicators(
      String state,
      double share,
      double withdrawal,
      double entitled,
      double stressPercent,
      double shortfall,
      List<YearMonth> deficitMonths,
      java.util.Optional<YearMonth> worstMonth) {
    public StateIndicators {
      deficitMonths = List.copyOf(deficitMonths);
    }
  }

  /**
   * A reservoir's storage at the end of a month.
   *
   * @param reservoir the reservoir's name
   * @param period the month
   * @param storage hm³
   * @param capacity hm³
   */
  public record ReservoirLevel(
      String reservoir, YearMonth period, double storage, double capacity) {
    /** Storage over capacity in percent (0 for a reservoir of no capacity). */
    public double percent() {
      return capacity > 0 ? 100 * storage / capacity : 0;
    }

    /**
     * The combined level of several reservoirs in each month: total storage over total capacity.
     */
    public static List<ReservoirLevel> combined(String name, List<ReservoirLevel> levels) {
      Map<YearMonth, double[]> byMonth = new TreeMap<>();
      for (ReservoirLevel l : levels) {
        double[] sc = byMonth.computeIfAbsent(l.period(), k -> new double[2]);
        sc[0] += l.storage();
        sc[1] += l.capacity();
      }
      List<ReservoirLevel> out = new ArrayList<>();
      byMonth.forEach((m, sc) -> out.add(new ReservoirLevel(name, m, sc[0], sc[1])));
      return out;
    }
  }

  /** Water stress levels of SDG indicator 6.4.2 (FAO): the upper bound of each, in percent. */
  public enum StressLevel {
    NO_STRESS(25),
    LOW(50),
    MEDIUM(75),
    HIGH(100),
    CRITICAL(Double.POSITIVE_INFINITY);

    private final double below;

    StressLevel(double below) {
      this.below = below;
    }

    /** The level's upper bound in percent (exclusive); infinite for CRITICAL. */
    public double below() {
      return below;
    }

    /** The level of a stress in percent. */
    public static StressLevel of(double percent) {
      for (StressLevel l : values()) {
        if (percent < l.below) {
          return l;
        }
      }
      return CRITICAL;
    }
  }

  /**
   * Falkenmark's water scarcity classes by renewable water per person and year: 1,700, 1,000 and
   * 500 m³ are the thresholds (Falkenmark, Lundqvist and Widstrand 1989).
   */
  public enum Falkenmark {
    NO_STRESS(Double.POSITIVE_INFINITY),
    STRESS(1_700),
    SCARCITY(1_000),
    ABSOLUTE_SCARCITY(500);

    private final double below;

    Falkenmark(double below) {
      this.below = below;
    }

    /** The class's upper bound in m³ per person and year (exclusive); infinite for NO_STRESS. */
    public double below() {
      return below;
    }

    /** The class of an availability in m³ per person and year. */
    public static Falkenmark of(double m3PerPerson) {
      Falkenmark out = NO_STRESS;
      for (Falkenmark f : values()) {
        if (m3PerPerson < f.below) {
          out = f;
        }
      }
      return out;
    }
  }

  /**
   * Water per person and year in m³: a volume in hm³ over a horizon of {@code months}, divided by a
   * population in millions, scaled to 12 months (10⁶ m³ / 10⁶ persons = m³ per person).
   */
  public static double perCapita(double volumeHm3, int months, double populationMillions) {
    if (!(populationMillions > 0) || months < 1) {
      throw new IllegalArgumentException(
          "per capita water needs a population > 0 and months >= 1, found "
              + populationMillions
              + " million and "
              + months
              + " months");
    }
    return volumeHm3 / populationMillions * 12.0 / months;
  }

  /** The indicators of a basin over the horizon of an allocation of it. */
  public static WaterIndicators of(Basin basin, AllocationResult allocation) {
    int n = allocation.months();
    double r = 0;
    double e = 0;
    Map<String, Double> demand = new TreeMap<>();
    for (Node node : basin.nodes()) {
      if (node instanceof Node.Source s) {
        r += s.inflow().sum(n);
      } else if (node instanceof Node.EnvFlow f) {
        e += f.minFlow().sum(n);
      } else if (node instanceof Node.Withdrawal w) {
        demand.merge(w.state(), w.demand().sum(n), Double::sum);
      }
    }
    double w = demand.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<String, Double> shares = shares(basin, demand, w);
    Map<String, StateIndicators> states = new LinkedHashMap<>();
    for (Map.Entry<String, Double> d : demand.entrySet()) {
      String s = d.getKey();
      double share = shares.getOrDefault(s, 0.0);
      states.put(
          s,
          deficits(
              allocation,
              s,
              share,
              d.getValue(),
              share * r,
              stress(d.getValue(), share * (r - e))));
    }
    return new WaterIndicators(
        basin.name(),
        allocation.start(),
        n,
        r,
        e,
        w,
        stress(w, r - e),
        states,
        levels(basin, allocation));
  }

  private static Map<String, Double> shares(Basin basin, Map<String, Double> demand, double w) {
    Map<String, Double> out = new TreeMap<>();
    basin
        .shares()
        .ifPresentOrElse(
            sh -> out.putAll(sh.byState()),
            () -> demand.forEach((s, d) -> out.put(s, w > 0 ? d / w : 0)));
    return out;
  }

  private static double stress(double withdrawal, double available) {
    if (available <= 0) {
      return withdrawal > 0 ? Double.POSITIVE_INFINITY : 0;
    }
    return 100 * withdrawal / available;
  }

  private static StateIndicators deficits(
      AllocationResult a,
      String state,
      double share,
      double demand,
      double entitled,
      double stress) {
    List<YearMonth> months = new ArrayList<>();
    double shortfall = 0;
    double worst = 0;
    YearMonth worstMonth = null;
    for (AllocationResult.StateMonth m : a.states()) {
      if (!m.state().equals(state)) {
        continue;
      }
      shortfall += m.shortfall();
      if (m.shortfall() > DEFICIT_TOLERANCE * Math.max(1, m.demand())) {
        months.add(m.period());
        if (m.shortfall() > worst) {
          worst = m.shortfall();
          worstMonth = m.period();
        }
      }
    }
    months.sort(null);
    return new StateIndicators(
        state,
        share,
        demand,
        entitled,
        stress,
        shortfall,
        months,
        java.util.Optional.ofNullable(worstMonth));
  }

  private static List<ReservoirLevel> levels(Basin basin, AllocationResult a) {
    Map<String, Double> capacity = new LinkedHashMap<>();
    basin.reservoirs().forEach(r -> capacity.put(r.name(), r.capacity()));
    List<ReservoirLevel> out = new ArrayList<>();
    for (AllocationResult.StorageLevel s : a.storage()) {
      out.add(
          new ReservoirLevel(
              s.reservoir(), s.period(), s.storage(), capacity.getOrDefault(s.reservoir(), 0.0)));
    }
    return out;
  }
}

package org.vigil.app.water;

import java.util.List;
import java.util.Map;

/**
 * The structure of one demo basin with the annual volumes of its synthetic generator: sources,
 * reservoirs, withdrawals, the environmental flow point, outlets, links and agreements. {@link
 * DemoBasins} turns it into an engine {@link org.vigil.water.Basin} for a horizon. Volumes in hm³.
 *
 * @param code the basin's area code ("SYR_DARYA")
 * @param nameEn the English name
 * @param nameRu the Russian name
 * @param sources river heads and tributaries with their mean annual inflow and melt peak
 * @param reservoirs reservoirs with capacity, minimum (dead) storage and storage at the start
 * @param withdrawals off-takes by state and sector with annual demand
 * @param envFlow the environmental flow point before the outlet and its annual minimum
 * @param outlets terminal lakes and depressions
 * @param links reaches and canals (from, to, loss fraction, monthly capacity or infinity)
 * @param shares agreed shares per state (synthetic)
 * @param winterRelease minimum monthly release per reservoir in October to March (hydropower)
 * @param summerRelease minimum monthly release per reservoir in April to September
 * @param notes what is real and what is synthetic, one sentence each
 */
public record DemoBasin(
    String code,
    String nameEn,
    String nameRu,
    List<SourceSpec> sources,
    List<ReservoirSpec> reservoirs,
    List<WithdrawalSpec> withdrawals,
    EnvFlowSpec envFlow,
    List<String> outlets,
    List<LinkSpec> links,
    Map<String, Double> shares,
    Map<String, Double> winterRelease,
    Map<String, Double> summerRelease,
    List<String> notes) {
  public DemoBasin {
    sources = List.copyOf(sources);
    reservoirs = List.copyOf(reservoirs);
    withdrawals = List.copyOf(withdrawals);
    outlets = List.copyOf(outlets);
    links = List.copyOf(links);
    shares = Map.copyOf(shares);
    winterRelease = Map.copyOf(winterRelease);
    summerRelease = Map.copyOf(summerRelease);
    notes = List.copyOf(notes);
  }

  /**
   * A river head or tributary: mean annual inflow, month of the melt peak (1-12), where it rises.
   */
  public record SourceSpec(String name, double annual, int peakMonth, String state) {}

  /** A reservoir and the state it lies in. */
  public record ReservoirSpec(
      String name, String state, double capacity, double minStorage, double initialStorage) {}

  /** An off-take: state, sector ("irrigation" or "municipal") and annual demand. */
  public record WithdrawalSpec(String name, String state, String sector, double annual) {}

  /** The environmental flow point before the outlet and its minimum flow per year. */
  public record EnvFlowSpec(String name, double annual) {}

  /** A reach or canal. */
  public record LinkSpec(String from, String to, double loss, double capacity) {
    static LinkSpec of(String from, String to, double loss) {
      return new LinkSpec(from, to, loss, Double.POSITIVE_INFINITY);
    }
  }
}

package org.vigil.water;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reliefs of a result in the order a reader needs them: the largest shortfall removed first,
 * and per state the reliefs that cut that state's shortfall. Pure.
 */
public final class Reliefs {
  private Reliefs() {}

  /**
   * A relief with the shortfall it removes.
   *
   * @param relief the engine's relief
   * @param removed the shortfall it removes over all states, hm³ (the sum of the states' cuts less
   *     any rises; may be 0 when only the weighted objective improves)
   */
  public record Ranked(AllocationResult.Relief relief, double removed) {}

  /** Every relief, the largest shortfall removed first; ties by the larger objective gain. */
  public static List<Ranked> ranked(AllocationResult result) {
    List<Ranked> out = new ArrayList<>();
    for (AllocationResult.Relief r : result.reliefs()) {
      double removed =
          0.0 - r.shortfallChangeByState().values().stream().mapToDouble(Double::doubleValue).sum();
      out.add(new Ranked(r, removed));
    }
    out.sort(
        Comparator.comparingDouble(Ranked::removed)
            .reversed()
            .thenComparingDouble(x -> x.relief().objectiveChange()));
    return out;
  }

  /**
   * Per state (ISO3, sorted), the reliefs that cut its shortfall, the largest cut of that state's
   * first; {@code removed} is then the cut of that state. A relief that helps two states is under
   * both. Reliefs that cut no state's shortfall are left out (see {@link #ranked}).
   */
  public static Map<String, List<Ranked>> byState(AllocationResult result) {
    Map<String, List<Ranked>> out = new TreeMap<>();
    for (AllocationResult.Relief r : result.reliefs()) {
      r.shortfallChangeByState()
          .forEach(
              (state, change) -> {
                if (change < 0) {
                  out.computeIfAbsent(state, k -> new ArrayList<>()).add(new Ranked(r, -change));
                }
              });
    }
    out.values()
        .forEach(
            l ->
                l.sort(
                    Comparator.comparingDouble(Ranked::removed)
                        .reversed()
                        .thenComparingDouble(x -> x.relief().objectiveChange())));
    return out;
  }
}

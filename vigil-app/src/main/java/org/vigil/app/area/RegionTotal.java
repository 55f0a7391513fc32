package org.vigil.app.area;

import java.util.List;
import org.vigil.timeseries.Period;

/**
 * A state's figure made of its regions' values: per period the sum of the regions the reader may
 * read that reported, and how many of the state's regions that is.
 *
 * @param indicator the indicator (one that aggregates by sum)
 * @param state the state (ISO alpha-3)
 * @param regions every region of the state in the reference data, in code order
 * @param covered the regions with at least one value the reader may read, in code order
 * @param points the total per period, oldest first
 */
public record RegionTotal(
    String indicator,
    String state,
    List<String> regions,
    List<String> covered,
    List<RegionTotal.Point> points) {
  public RegionTotal {
    regions = List.copyOf(regions);
    covered = List.copyOf(covered);
    points = List.copyOf(points);
  }

  /**
   * One period's total.
   *
   * @param period the period
   * @param value the sum of the covered regions' values
   * @param regions how many regions' values it sums
   */
  public record Point(Period period, double value, int regions) {}

  /** What the figure is made of, in English and Russian, for readers of the coverage. */
  public static final java.util.Map<String, String> NOTE =
      java.util.Map.of(
          "en",
          "the sum of the regions whose values you may read; a region that did not report a"
              + " period is not in its sum",
          "ru",
          "сумма по регионам, данные которых вам доступны; регион, не представивший данные за"
              + " период, в сумму за этот период не входит");

  /** "12 of 20 regions" ("12 из 20 регионов"): the regions the figure is made of. */
  public String coverage(String lang) {
    return coverage(covered.size(), regions.size(), lang);
  }

  /** "n of m regions" in English or Russian. */
  public static String coverage(int n, int of, String lang) {
    if ("ru".equals(lang)) {
      boolean one = of % 10 == 1 && of % 100 != 11;
      return n + " из " + of + (one ? " региона" : " регионов");
    }
    return n + " of " + of + (of == 1 ? " region" : " regions");
  }
}

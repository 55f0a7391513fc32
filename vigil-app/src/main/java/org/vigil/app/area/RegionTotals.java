package org.vigil.app.area;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.Aggregation;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Indicator;
import org.vigil.model.InvalidInputException;
import org.vigil.model.NotFoundException;
import org.vigil.model.Observation;
import org.vigil.timeseries.Period;

/**
 * A state's figure for an indicator that aggregates by sum, made of its regions' values.
 *
 * <p>"One number for everyone", as for regional forecasts: the figure is made of the region values
 * the reader may read (their reads are audited like any other) and says which ("12 of 20 regions"),
 * so no reader's total contains a value (a region series a state keeps NATIONAL) the reader may not
 * read, and every reader who may read the same regions gets the same figure. A region that did not
 * report a period is not in that period's sum, and the point says how many regions it sums.
 * Thread-safe.
 */
public final class RegionTotals {
  private final Vigil vigil;

  private RegionTotals(Vigil vigil) {
    this.vigil = vigil;
  }

  public static RegionTotals create(Vigil vigil) {
    return new RegionTotals(vigil);
  }

  /** The regions (first level) of {@code state}, in code order; empty for a state without any. */
  public List<Area> regionsOf(String state) {
    return vigil.reference().areas(AccessContext.system()).stream()
        .filter(a -> a.kind() == AreaKind.REGION && a.parent().equals(state))
        .toList();
  }

  /**
   * The state's total of {@code indicator} from its regions.
   *
   * @throws NotFoundException for an unknown indicator or state, or a state without regions
   * @throws InvalidInputException when the indicator does not aggregate by sum
   */
  public RegionTotal total(AccessContext reader, String indicator, String state) {
    Indicator ind = vigil.reference().knownIndicator(AccessContext.system(), indicator);
    if (ind.aggregation() != Aggregation.SUM) {
      throw new InvalidInputException(
          indicator
              + " aggregates by "
              + ind.aggregation()
              + ": a state's figure is the sum of its regions only for indicators that aggregate"
              + " by SUM; read the regions' own series instead (./vigil areas --parent "
              + state
              + ")");
    }
    List<Area> regions = regionsOf(state);
    if (regions.isEmpty()) {
      throw new NotFoundException(
          "'"
              + state
              + "' has no regions in the reference data: expected a member state such as KAZ"
              + " (./vigil areas --level 1)");
    }
    Set<String> codes = new TreeSet<>();
    regions.forEach(r -> codes.add(r.code()));
    Map<Period, double[]> sums = new TreeMap<>();
    Set<String> covered = new TreeSet<>();
    for (Observation o : vigil.observations().latestByIndicator(reader, indicator, Instant.MAX)) {
      if (codes.contains(o.area()) && !Double.isNaN(o.value())) {
        double[] s = sums.computeIfAbsent(o.period(), p -> new double[2]);
        s[0] += o.value();
        s[1]++;
        covered.add(o.area());
      }
    }
    List<RegionTotal.Point> points = new ArrayList<>();
    sums.forEach((p, s) -> points.add(new RegionTotal.Point(p, s[0], (int) s[1])));
    return new RegionTotal(
        indicator, state, new ArrayList<>(codes), new ArrayList<>(covered), points);
  }
}

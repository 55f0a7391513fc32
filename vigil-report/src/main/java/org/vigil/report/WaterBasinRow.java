package org.vigil.report;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.vigil.model.Area;
import org.vigil.model.Indicator;
import org.vigil.timeseries.Period;

/**
 * The water section's part for one shared basin: its riparian states, the latest water indicators
 * the reader may read, and a dry-scenario allocation of the coming months (per state: demand,
 * shortfall, worst month; the reliefs that remove the most shortfall, already worded in the
 * report's language; the monthly shortfall for the chart). Volumes in hm³.
 *
 * @param basin the basin as an area (its names in both languages)
 * @param states the riparian member states (their codes and names in both languages)
 * @param indicators latest values of the water indicators, basin first
 * @param scenario the dry scenario in words, in the report's language (what its inflows are)
 * @param start the first month of the scenario
 * @param months its horizon
 * @param dry per state over the horizon
 * @param reliefs the top reliefs, largest shortfall removed first, worded
 * @param reliefCount how many reliefs the run found in all
 * @param monthly each state's shortfall per month
 * @param unavailable why the scenario could not be computed, empty when it was
 */
public record WaterBasinRow(
    Area basin,
    List<Area> states,
    List<Value> indicators,
    String scenario,
    YearMonth start,
    int months,
    List<StateShortfall> dry,
    List<String> reliefs,
    int reliefCount,
    List<MonthShortfall> monthly,
    String unavailable) {

  public WaterBasinRow {
    states = List.copyOf(states);
    indicators = List.copyOf(indicators);
    dry = List.copyOf(dry);
    reliefs = List.copyOf(reliefs);
    monthly = List.copyOf(monthly);
    unavailable = unavailable == null ? "" : unavailable;
  }

  /** A riparian state's name in {@code lang} ("en" or "ru"); its code if it is not one of them. */
  public String stateName(String code, String lang) {
    return states.stream()
        .filter(a -> a.code().equals(code))
        .findFirst()
        .map(a -> a.name(lang))
        .orElse(code);
  }

  /**
   * A water indicator's latest value in one area.
   *
   * @param level the class of the value against the indicator's thresholds, a message key such as
   *     {@code water.stress.HIGH} or {@code water.falkenmark.SCARCITY}; empty when it has none
   */
  public record Value(Indicator indicator, Area area, Period period, double value, String level) {}

  /** A state's demand and shortfall over the scenario's horizon, and its worst month. */
  public record StateShortfall(
      String state,
      double demand,
      double shortfall,
      Optional<YearMonth> worstMonth,
      double worstShortfall) {
    /** Shortfall over demand, 0 without demand. */
    public double relative() {
      return demand > 0 ? shortfall / demand : 0;
    }
  }

  /** A state's shortfall in one month of the scenario. */
  public record MonthShortfall(String state, YearMonth month, double shortfall) {}
}

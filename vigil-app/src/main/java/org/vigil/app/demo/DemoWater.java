package org.vigil.app.demo;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.vigil.app.water.DemoBasin;
import org.vigil.app.water.DemoBasins;
import org.vigil.model.Classification;
import org.vigil.model.Observation;
import org.vigil.model.Ownership;
import org.vigil.timeseries.Period;
import org.vigil.water.AllocationResult;
import org.vigil.water.AllocationSpec;
import org.vigil.water.Basin;
import org.vigil.water.Monthly;
import org.vigil.water.WaterAllocator;
import org.vigil.water.WaterIndicators;
import org.vigil.water.WaterIndicators.ReservoirLevel;

/**
 * The water indicators of the demo (issue 12) as Vigil series, computed by the water engine from
 * the demo basins (structure real, volumes synthetic, so the series are marked synthetic): each
 * basin's realised synthetic inflows of every year from {@value #FIRST_YEAR} are allocated month by
 * month (PROPORTIONAL, no relief analysis), each year starting from the demo's storages, and {@link
 * WaterIndicators} turns each year into
 *
 * <ul>
 *   <li>{@code WATER_STRESS} (yearly, %): per basin; per riparian state its demand over its agreed
 *       share of the renewable water less the environmental flow, summed over the basins it shares;
 *   <li>{@code WATER_PER_CAPITA} (yearly, m³ per person): a state's agreed share of the basins'
 *       renewable water over its population (Penn World Table 9.1, real; held at 2017, its last
 *       year); a basin's renewable water over the population of its member riparian states;
 *   <li>{@code WATER_DEFICIT_MONTHS} (yearly, months): months in which the state (or any state of
 *       the basin) got less than its demand;
 *   <li>{@code RESERVOIR_LEVEL} (monthly, % of capacity): end-of-month storage of the basin's, or
 *       the state's, reservoirs over their capacity (a reservoir on a border counts for both).
 * </ul>
 *
 * Years are complete years up to the spec's last month; reservoir levels run to that month. A
 * state's series belong to its council and a basin's to the secretariat, all SHARED. Deterministic
 * (the basins' generator is seeded); kept per last month once computed. Pure: no I/O beyond the
 * bundled population table.
 */
final class DemoWater {
  static final String FILE = "demo:water-indicators";
  static final int FIRST_YEAR = 2010;
  static final String SOURCE =
      "Vigil water engine over the demo basins (synthetic volumes; population: Penn World Table"
          + " 9.1)";
  private static final Map<YearMonth, List<Observation>> KEPT = new ConcurrentHashMap<>();

  private DemoWater() {}

  /** One basin's allocation of one year. */
  record BasinYear(DemoBasin basin, int year, Basin network, WaterIndicators indicators) {
    boolean complete() {
      return indicators.months() == 12;
    }
  }

  /** Every water observation up to the spec's last month, basins and states. */
  static List<Observation> observations(DemoSpec spec) {
    return KEPT.computeIfAbsent(spec.last(), DemoWater::compute);
  }

  private static List<Observation> compute(YearMonth last) {
    List<BasinYear> years = new ArrayList<>();
    for (DemoBasin b : DemoBasins.all()) {
      years.addAll(allocateYears(b, last));
    }
    Map<String, Map<Integer, Double>> population = population();
    List<Observation> out = new ArrayList<>();
    for (DemoBasin b : DemoBasins.all()) {
      List<BasinYear> mine = years.stream().filter(y -> y.basin() == b).toList();
      basinSeries(b, mine, population, out);
    }
    stateSeries(years, population, out);
    return List.copyOf(out);
  }

  /**
   * The basin's years from FIRST_YEAR to last, each starting from the demo's storages (carrying a
   * year's end storage into the next made later years infeasible: the programme has no value for
   * water left at the end, so it ends years at minimum storage, below the next winter's releases).
   * An infeasible year is left out.
   */
  static List<BasinYear> allocateYears(DemoBasin b, YearMonth last) {
    WaterAllocator allocator = new WaterAllocator();
    Map<String, Double> storage = Map.of();
    List<BasinYear> out = new ArrayList<>();
    for (int year = FIRST_YEAR; year <= last.getYear(); year++) {
      YearMonth start = YearMonth.of(year, 1);
      int months = year < last.getYear() ? 12 : last.getMonthValue();
      Map<String, Monthly> inflows = new LinkedHashMap<>();
      for (DemoBasin.SourceSpec s : b.sources()) {
        double[] h = DemoBasins.inflowHistory(b, s, start.plusMonths(months));
        inflows.put(s.name(), Monthly.of(Arrays.copyOfRange(h, h.length - months, h.length)));
      }
      Basin network = DemoBasins.network(b, start, months, inflows, storage);
      AllocationResult r =
          allocator.allocate(
              network, AllocationSpec.builder(start).months(months).reliefStep(0).build());
      if (!r.isFeasible()) {
        continue;
      }
      out.add(new BasinYear(b, year, network, WaterIndicators.of(network, r)));
    }
    return out;
  }

  private static void basinSeries(
      DemoBasin b,
      List<BasinYear> years,
      Map<String, Map<Integer, Double>> population,
      List<Observation> out) {
    Ownership owner = Ownership.of(DemoOrganisations.SECRETARIAT, Classification.SHARED);
    List<ReservoirLevel> levels = new ArrayList<>();
    for (BasinYear y : years) {
      levels.addAll(y.indicators().reservoirs());
      if (!y.complete()) {
        continue;
      }
      WaterIndicators w = y.indicators();
      Period p = Period.year(y.year());
      out.add(obs("WATER_STRESS", b.code(), p, round1(w.stressPercent()), owner));
      double people =
          b.shares().keySet().stream().mapToDouble(s -> people(population, s, y.year())).sum();
      out.add(
          obs(
              "WATER_PER_CAPITA",
              b.code(),
              p,
              Math.round(WaterIndicators.perCapita(w.renewable(), 12, people)),
              owner));
      Set<YearMonth> months = new TreeSet<>();
      w.states().values().forEach(s -> months.addAll(s.deficitMonths()));
      out.add(obs("WATER_DEFICIT_MONTHS", b.code(), p, months.size(), owner));
    }
    levelSeries(b.code(), ReservoirLevel.combined(b.code(), levels), owner, out);
  }

  private static void stateSeries(
      List<BasinYear> years, Map<String, Map<Integer, Double>> population, List<Observation> out) {
    Map<String, Map<Integer, double[]>> byState = new TreeMap<>();
    Map<String, Map<Integer, Set<YearMonth>>> deficits = new TreeMap<>();
    Map<String, List<ReservoirLevel>> levels = new TreeMap<>();
    for (BasinYear y : years) {
      Map<String, String[]> reservoirStates = new LinkedHashMap<>();
      y.basin().reservoirs().forEach(r -> reservoirStates.put(r.name(), r.state().split("/")));
      for (ReservoirLevel l : y.indicators().reservoirs()) {
        for (String s : reservoirStates.get(l.reservoir())) {
          levels.computeIfAbsent(s, k -> new ArrayList<>()).add(l);
        }
      }
      if (!y.complete()) {
        continue;
      }
      WaterIndicators w = y.indicators();
      for (WaterIndicators.StateIndicators s : w.states().values()) {
        double[] t =
            byState
                .computeIfAbsent(s.state(), k -> new TreeMap<>())
                .computeIfAbsent(y.year(), k -> new double[3]);
        t[0] += s.withdrawal();
        t[1] += s.share() * (w.renewable() - w.environmental());
        t[2] += s.entitled();
        deficits
            .computeIfAbsent(s.state(), k -> new TreeMap<>())
            .computeIfAbsent(y.year(), k -> new TreeSet<>())
            .addAll(s.deficitMonths());
      }
    }
    byState.forEach(
        (state, perYear) -> {
          Ownership owner = Ownership.of(DemoOrganisations.councilOf(state), Classification.SHARED);
          perYear.forEach(
              (year, t) -> {
                Period p = Period.year(year);
                out.add(obs("WATER_STRESS", state, p, round1(100 * t[0] / t[1]), owner));
                double pc = WaterIndicators.perCapita(t[2], 12, people(population, state, year));
                out.add(obs("WATER_PER_CAPITA", state, p, Math.round(pc), owner));
                out.add(
                    obs(
                        "WATER_DEFICIT_MONTHS",
                        state,
                        p,
                        deficits.get(state).get(year).size(),
                        owner));
              });
        });
    levels.forEach(
        (state, l) ->
            levelSeries(
                state,
                ReservoirLevel.combined(state, l),
                Ownership.of(DemoOrganisations.councilOf(state), Classification.SHARED),
                out));
  }

  private static void levelSeries(
      String area, List<ReservoirLevel> levels, Ownership owner, List<Observation> out) {
    for (ReservoirLevel l : levels) {
      Period p = Period.month(l.period().getYear(), l.period().getMonthValue());
      out.add(obs("RESERVOIR_LEVEL", area, p, round1(l.percent()), owner));
    }
  }

  /** Population in millions per state and year, from the bundled Penn World Table extract. */
  static Map<String, Map<Integer, Double>> population() {
    Map<String, Map<Integer, Double>> out = new TreeMap<>();
    for (Observation o : PennWorldTable.observations()) {
      if (o.indicator().equals("POPULATION")) {
        out.computeIfAbsent(o.area(), k -> new TreeMap<>()).put(o.period().year(), o.value());
      }
    }
    return out;
  }

  /** The population of a year, the last published one for a later year. */
  static double people(Map<String, Map<Integer, Double>> population, String state, int year) {
    TreeMap<Integer, Double> years = new TreeMap<>(population.getOrDefault(state, Map.of()));
    Map.Entry<Integer, Double> e = years.floorEntry(year);
    if (e == null) {
      throw new IllegalStateException("No population of " + state + " in or before " + year);
    }
    return e.getValue();
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static Observation obs(
      String indicator, String area, Period p, double value, Ownership owner) {
    return new Observation(indicator, area, p, value, "", SOURCE, 0, null, owner);
  }
}

package org.vigil.app.water;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vigil.app.Vigil;
import org.vigil.app.water.InflowForecasts.SourceForecast;
import org.vigil.model.AccessContext;
import org.vigil.model.InvalidInputException;
import org.vigil.model.NotFoundException;
import org.vigil.model.Ownership;
import org.vigil.model.water.WaterRun;
import org.vigil.model.water.WaterRunRepository;
import org.vigil.store.JdbcWaterRunRepository;
import org.vigil.water.AllocationProgress;
import org.vigil.water.AllocationResult;
import org.vigil.water.AllocationSpec;
import org.vigil.water.Basin;
import org.vigil.water.FairnessRule;
import org.vigil.water.Monthly;
import org.vigil.water.WaterAllocator;
import org.vigil.water.WaterInputException;

/**
 * Water allocation scenarios (issue 12): the demo basins, runs of a basin under dry, normal or wet
 * inflows with a fairness rule, stored with their inputs and results, read back, and compared side
 * by side. A run belongs to the organisation of the user who ran it, classified SHARED unless the
 * request says otherwise; the store audits every stored run and filters every read. Bad input
 * ({@link InvalidInputException}) is refused before anything is computed or stored. Thread-safe.
 */
public final class WaterService {
  private final WaterRunRepository runs;
  private final Clock clock;
  private final WaterAllocator allocator = new WaterAllocator();

  public WaterService(Vigil vigil) {
    this(JdbcWaterRunRepository.open(vigil.dataSource(), vigil.clock()), vigil.clock());
  }

  public WaterService(WaterRunRepository runs, Clock clock) {
    this.runs = runs;
    this.clock = clock;
  }

  /** The demo basins (public reference data: structure real, volumes synthetic). */
  public List<DemoBasin> basins() {
    return DemoBasins.all();
  }

  /**
   * One demo basin.
   *
   * @throws NotFoundException when no basin has that code
   */
  public DemoBasin basin(String code) {
    return DemoBasins.find(code)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "No water basin '"
                        + code
                        + "': expected one of "
                        + basins().stream().map(DemoBasin::code).toList()));
  }

  /** A basin's network for a horizon under an inflow scenario (for a schematic or a preview). */
  public Basin network(String code, YearMonth start, int months, InflowScenario scenario) {
    DemoBasin b = basin(code);
    return DemoBasins.network(b, start, months, inflowMap(b, start, months, scenario));
  }

  /**
   * Allocates a demo basin's water under an inflow scenario without storing anything (for the
   * situation report: the basin is public reference data, so no access rule applies).
   *
   * @throws NotFoundException when no basin has that code
   * @throws InvalidInputException when the horizon is not covered
   */
  public AllocationResult preview(
      String code, YearMonth start, int months, InflowScenario scenario, FairnessRule fairness) {
    Basin basin = network(code, start, months, scenario);
    AllocationSpec spec = AllocationSpec.builder(start).months(months).fairness(fairness).build();
    try {
      return allocator.allocate(basin, spec, AllocationProgress.NONE);
    } catch (WaterInputException e) {
      throw new InvalidInputException(e.getMessage());
    }
  }

  /** The default first month of a run: the month after the clock's. */
  public YearMonth defaultStart() {
    return YearMonth.now(clock.withZone(ZoneOffset.UTC)).plusMonths(1);
  }

  /**
   * Runs a scenario and stores it with its inputs and result, owned by the caller's organisation.
   * An infeasible scenario is stored too, with its explanation.
   *
   * @param progress told of the relief and explanation re-solves (a progress bar)
   * @throws org.vigil.model.AccessDeniedException when the caller may not run scenarios (anonymous
   *     or viewer)
   */
  public StoredWaterRun run(
      AccessContext ctx, WaterRunRequest request, AllocationProgress progress) {
    Ownership owner =
        new Ownership(ctx.organisation(), request.classification(), request.sharedWith());
    runs.checkMayStore(ctx, owner);
    DemoBasin b = DemoBasins.find(request.basin()).orElseThrow();
    List<SourceForecast> forecasts =
        InflowForecasts.inflows(b, request.start(), request.months(), request.scenario());
    Map<String, Monthly> inflows = new LinkedHashMap<>();
    forecasts.forEach(f -> inflows.put(f.source(), f.inflow()));
    Basin basin = DemoBasins.network(b, request.start(), request.months(), inflows);
    AllocationSpec spec =
        AllocationSpec.builder(request.start())
            .months(request.months())
            .fairness(request.fairness())
            .build();
    AllocationResult result;
    try {
      result = allocator.allocate(basin, spec, progress);
    } catch (WaterInputException e) {
      throw new InvalidInputException(e.getMessage());
    }
    WaterRun draft =
        new WaterRun(
            0,
            b.code(),
            request.scenario().label(),
            request.fairness().name(),
            request.start().toString(),
            request.months(),
            result.status().name(),
            result.isFeasible() ? result.totalShortfall() : Double.NaN,
            WaterJson.write(inputs(b, basin, spec, request, forecasts)),
            WaterJson.write(result),
            ctx.user(),
            clock.instant(),
            owner);
    return new StoredWaterRun(runs.save(ctx, draft), result);
  }

  /** What the scenario's inflows are, in words: the scenario says where its numbers come from. */
  public static String scenarioText(InflowScenario s) {
    return s.label()
        + ": each source's inflow in each month is the "
        + Math.round(s.quantile() * 100)
        + "% quantile of its forecast by the forecasting engine (automatic method: mean of ETS,"
        + " ARIMA and Theta, fitted on "
        + InflowForecasts.HISTORY_MONTHS
        + " months of synthetic inflow history)";
  }

  private static Map<String, Object> inputs(
      DemoBasin b,
      Basin basin,
      AllocationSpec spec,
      WaterRunRequest request,
      List<SourceForecast> forecasts) {
    Map<String, Object> scenario = new LinkedHashMap<>();
    scenario.put("name", request.scenario().label());
    scenario.put("quantile", request.scenario().quantile());
    scenario.put("text", scenarioText(request.scenario()));
    scenario.put("historyMonths", InflowForecasts.HISTORY_MONTHS);
    scenario.put(
        "models",
        forecasts.stream().map(f -> Map.of("source", f.source(), "model", f.model())).toList());
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("start", spec.start().toString());
    s.put("months", spec.months());
    s.put("fairness", spec.fairness().name());
    s.put("stateWeights", spec.stateWeights());
    s.put("reliefStep", spec.reliefStep());
    s.put("maxReliefChecks", spec.maxReliefChecks());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("basin", b.code());
    out.put("synthetic", true);
    out.put("generatorSeed", DemoBasins.SEED);
    out.put("notes", b.notes());
    out.put("scenario", scenario);
    out.put("spec", s);
    out.put("network", WaterJson.network(basin));
    return out;
  }

  /** The stored runs ctx may read, newest first, of one basin or all. */
  public List<WaterRun> runs(AccessContext ctx, Optional<String> basin) {
    return runs.list(ctx, basin.map(c -> basin(c).code()));
  }

  /**
   * One stored run with its result read back.
   *
   * @throws NotFoundException when absent or not readable by ctx
   */
  public StoredWaterRun get(AccessContext ctx, long id) {
    WaterRun r = runs.get(ctx, id);
    return new StoredWaterRun(r, WaterJson.result(r.result()));
  }

  /** Two stored runs side by side per state. */
  public WaterComparison compare(AccessContext ctx, long a, long b) {
    StoredWaterRun ra = get(ctx, a);
    StoredWaterRun rb = get(ctx, b);
    Map<String, double[]> ta = totals(ra.result());
    Map<String, double[]> tb = totals(rb.result());
    TreeSet<String> states = new TreeSet<>(ta.keySet());
    states.addAll(tb.keySet());
    double[] none = {Double.NaN, Double.NaN, Double.NaN};
    return new WaterComparison(
        ra.run(),
        rb.run(),
        states.stream()
            .map(
                s -> {
                  double[] x = ta.getOrDefault(s, none);
                  double[] y = tb.getOrDefault(s, none);
                  return new WaterComparison.StateRow(
                      s, x[0], x[1], x[2], relative(x), y[0], y[1], y[2], relative(y));
                })
            .toList());
  }

  /** Per state over the horizon: demand, delivered, shortfall. */
  public static Map<String, double[]> totals(AllocationResult r) {
    Map<String, double[]> out = new TreeMap<>();
    for (AllocationResult.StateMonth m : r.states()) {
      double[] t = out.computeIfAbsent(m.state(), k -> new double[3]);
      t[0] += m.demand();
      t[1] += m.delivered();
      t[2] += m.shortfall();
    }
    return out;
  }

  private static double relative(double[] t) {
    return t[0] > 0 ? t[2] / t[0] : t[0] == 0 ? 0 : Double.NaN;
  }

  private static Map<String, Monthly> inflowMap(
      DemoBasin b, YearMonth start, int months, InflowScenario scenario) {
    Map<String, Monthly> out = new LinkedHashMap<>();
    InflowForecasts.inflows(b, start, months, scenario)
        .forEach(f -> out.put(f.source(), f.inflow()));
    return out;
  }

  /** A stored run and its result as the engine's record. */
  public record StoredWaterRun(WaterRun run, AllocationResult result) {}
}

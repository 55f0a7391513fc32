package org.vigil.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.vigil.app.Vigil;
import org.vigil.app.water.DemoBasin;
import org.vigil.app.water.InflowScenario;
import org.vigil.app.water.WaterComparison;
import org.vigil.app.water.WaterRunRequest;
import org.vigil.app.water.WaterService;
import org.vigil.app.water.WaterService.StoredWaterRun;
import org.vigil.model.water.WaterRun;
import org.vigil.water.AllocationResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil water basins|run|runs|compare}: the demo basins, allocation scenarios stored with
 * their inputs, and two runs side by side. {@code run} needs a login ({@code --user} or a token):
 * the run belongs to the user's organisation. Volumes are hm³; the demo's volumes are synthetic.
 */
@Command(
    name = "water",
    mixinStandardHelpOptions = true,
    description = "Water allocation scenarios for the shared basins (Syr Darya, Amu Darya).",
    subcommands = {
      WaterCommand.Basins.class,
      WaterCommand.Run.class,
      WaterCommand.Runs.class,
      WaterCommand.Compare.class
    })
final class WaterCommand implements Runnable {
  @Spec CommandSpec spec;

  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public void run() {
    spec.commandLine().usage(VigilCommand.of(spec).out());
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: choose one of " + spec.subcommands().keySet());
  }

  static double round1(double v) {
    return Double.isFinite(v) ? Math.round(v * 10) / 10.0 : v;
  }

  static void printJson(PrintStream out, Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write JSON: " + e.getMessage(), e);
    }
  }

  /** {@code water basins}. */
  @Command(
      name = "basins",
      mixinStandardHelpOptions = true,
      description = "List the demo basins: riparian states, sources, reservoirs, withdrawals.")
  static final class Basins implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      Table t =
          Table.of(
              "code",
              "name",
              "name_ru",
              "states",
              "sources",
              "reservoirs",
              "withdrawals",
              "mean_inflow_km3",
              "outlets");
      List<DemoBasin> basins;
      try (Vigil vigil = root.openVigil()) {
        basins = new WaterService(vigil).basins();
      }
      for (DemoBasin b : basins) {
        t.row(
            b.code(),
            b.nameEn(),
            b.nameRu(),
            String.join(" ", b.shares().keySet().stream().sorted().toList()),
            b.sources().size(),
            String.join(", ", b.reservoirs().stream().map(DemoBasin.ReservoirSpec::name).toList()),
            b.withdrawals().size(),
            round1(b.sources().stream().mapToDouble(DemoBasin.SourceSpec::annual).sum() / 1000),
            String.join(", ", b.outlets()));
      }
      root.renderer().print(t);
      root.renderer().note("Structure real; flows, demands and shares synthetic (demo data).");
      return VigilCommand.OK;
    }
  }

  /** {@code water run}. */
  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description =
          "Allocate a basin's water month by month under dry, normal or wet inflows and store the"
              + " run (needs --user or a token).")
  static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--basin", required = true, paramLabel = "CODE", description = "SYR_DARYA, …")
    String basin;

    @Option(
        names = "--scenario",
        defaultValue = "normal",
        paramLabel = "dry|normal|wet",
        description = "Inflows: the 10%, 50% or 90% quantile of the inflow forecasts.")
    String scenario;

    @Option(
        names = "--fairness",
        defaultValue = "proportional",
        paramLabel = "RULE",
        description = "proportional (to agreed shares) or max-min.")
    String fairness;

    @Option(
        names = "--start",
        paramLabel = "yyyy-MM",
        description = "First month (default: next month).")
    String start;

    @Option(
        names = "--months",
        defaultValue = "12",
        paramLabel = "N",
        description = "Horizon, 1-36.")
    int months;

    @Option(
        names = "--classification",
        defaultValue = "SHARED",
        paramLabel = "CLASS",
        description = "Who may read the stored run: NATIONAL, SHARED (default) or PUBLIC.")
    String classification;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      try (Vigil vigil = root.openVigil()) {
        WaterService water = new WaterService(vigil);
        WaterRunRequest request =
            WaterRunRequest.parse(
                basin, start, months, fairness, scenario, classification, water.defaultStart());
        var caller = root.caller(vigil);
        StoredWaterRun run;
        try (WaterProgress bar = new WaterProgress(root.err())) {
          run = water.run(caller, request, bar);
        }
        print(root, run, request.scenario());
      }
      return VigilCommand.OK;
    }
  }

  static void print(VigilCommand root, StoredWaterRun stored, InflowScenario scenario) {
    WaterRun run = stored.run();
    AllocationResult r = stored.result();
    Renderer out = root.renderer();
    switch (out.format()) {
      case JSON -> printJson(root.out(), runJson(stored));
      case CSV -> out.print(longTable(r));
      case TABLE -> {
        PrintStream p = root.out();
        p.println(heading(run, r));
        p.println(
            "Inflows: " + WaterService.scenarioText(scenario) + ". Volumes synthetic (demo).");
        if (!r.isFeasible()) {
          p.println(r.explanation());
          return;
        }
        p.println();
        p.println("Shortfall by state and month (hm³):");
        out.print(monthTable(r));
        p.println();
        out.print(totalsTable(r));
        p.println();
        p.println("Binding constraints (" + r.reliefs().size() + "):");
        r.reliefs().forEach(x -> p.println("  - " + x.constraintText()));
        p.println("Relief:");
        r.reliefs().forEach(x -> p.println("  - " + x.suggestion()));
        r.diagnostics().forEach(d -> p.println("Note: " + d));
      }
    }
  }

  static String heading(WaterRun run, AllocationResult r) {
    return String.format(
        java.util.Locale.ROOT,
        "Run %d: %s, %s inflows, %s, %s for %d months: %s, total shortfall %s hm³; owner %s (%s)",
        run.id(),
        r.basin(),
        run.scenario(),
        run.fairness(),
        run.start(),
        run.months(),
        run.status(),
        Renderer.display(round1(run.totalShortfall())),
        run.ownership().owner(),
        run.ownership().classification());
  }

  static Table monthTable(AllocationResult r) {
    List<String> cols = new ArrayList<>();
    cols.add("state");
    for (int t = 0; t < r.months(); t++) {
      cols.add(r.start().plusMonths(t).toString().substring(2));
    }
    cols.add("total");
    Table t = Table.of(cols);
    Map<String, double[]> byState = new TreeMap<>();
    for (AllocationResult.StateMonth m : r.states()) {
      byState.computeIfAbsent(m.state(), k -> new double[r.months()])[m.month()] = m.shortfall();
    }
    byState.forEach(
        (state, v) -> {
          List<Object> row = new ArrayList<>();
          row.add(state);
          double sum = 0;
          for (double x : v) {
            row.add(Math.round(x));
            sum += x;
          }
          row.add(Math.round(sum));
          t.row(row);
        });
    return t;
  }

  static Table totalsTable(AllocationResult r) {
    Table t = Table.of("state", "demand", "delivered", "shortfall", "relative_%");
    WaterService.totals(r)
        .forEach(
            (s, v) ->
                t.row(
                    s,
                    round1(v[0]),
                    round1(v[1]),
                    round1(v[2]),
                    v[0] > 0 ? round1(100 * v[2] / v[0]) : 0.0));
    return t;
  }

  static Table longTable(AllocationResult r) {
    Table t = Table.of("state", "month", "demand", "delivered", "shortfall");
    for (AllocationResult.StateMonth m : r.states()) {
      t.row(m.state(), m.period().toString(), m.demand(), m.delivered(), m.shortfall());
    }
    return t;
  }

  static Map<String, Object> runJson(StoredWaterRun s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run", summary(s.run()));
    m.put("result", s.result());
    return m;
  }

  static Map<String, Object> summary(WaterRun run) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", run.id());
    m.put("basin", run.basin());
    m.put("scenario", run.scenario());
    m.put("fairness", run.fairness());
    m.put("start", run.start());
    m.put("months", run.months());
    m.put("status", run.status());
    m.put("totalShortfall", Double.isFinite(run.totalShortfall()) ? run.totalShortfall() : null);
    m.put("owner", run.ownership().owner());
    m.put("classification", run.ownership().classification().name());
    m.put("createdBy", run.createdBy());
    m.put("createdAt", run.createdAt().toString());
    return m;
  }

  /** {@code water runs}. */
  @Command(
      name = "runs",
      mixinStandardHelpOptions = true,
      description = "List the stored runs you may read, newest first.")
  static final class Runs implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--basin", paramLabel = "CODE", description = "Only this basin's runs.")
    String basin;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      try (Vigil vigil = root.openVigil()) {
        List<WaterRun> runs =
            new WaterService(vigil).runs(root.caller(vigil), Optional.ofNullable(basin));
        Table t =
            Table.of(
                "id",
                "basin",
                "scenario",
                "fairness",
                "start",
                "months",
                "status",
                "shortfall",
                "owner",
                "classification",
                "by",
                "at");
        for (WaterRun r : runs) {
          t.row(
              r.id(),
              r.basin(),
              r.scenario(),
              r.fairness(),
              r.start(),
              r.months(),
              r.status(),
              round1(r.totalShortfall()),
              r.ownership().owner(),
              r.ownership().classification().name(),
              r.createdBy(),
              r.createdAt().toString());
        }
        root.renderer().print(t);
      }
      return VigilCommand.OK;
    }
  }

  /** {@code water compare A B}. */
  @Command(
      name = "compare",
      mixinStandardHelpOptions = true,
      description = "Two stored runs side by side per state: delivered, shortfall, relative.")
  static final class Compare implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "The first run's id.")
    long a;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "The second run's id.")
    long b;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      try (Vigil vigil = root.openVigil()) {
        WaterComparison c = new WaterService(vigil).compare(root.caller(vigil), a, b);
        Table t =
            Table.of(
                "state",
                "delivered_a",
                "shortfall_a",
                "relative_a_%",
                "delivered_b",
                "shortfall_b",
                "relative_b_%",
                "shortfall_b_minus_a");
        for (WaterComparison.StateRow r : c.states()) {
          t.row(
              r.state(),
              round1(r.deliveredA()),
              round1(r.shortfallA()),
              round1(100 * r.relativeShortfallA()),
              round1(r.deliveredB()),
              round1(r.shortfallB()),
              round1(100 * r.relativeShortfallB()),
              round1(r.shortfallChange()));
        }
        if (root.renderer().format() == OutputFormat.TABLE) {
          root.out().println("A: " + describe(c.a()));
          root.out().println("B: " + describe(c.b()));
        }
        root.renderer().print(t);
      }
      return VigilCommand.OK;
    }

    private static String describe(WaterRun r) {
      return String.format(
          java.util.Locale.ROOT,
          "run %d, %s, %s inflows, %s, %s for %d months, %s",
          r.id(),
          r.basin(),
          r.scenario(),
          r.fairness(),
          r.start(),
          r.months(),
          r.status());
    }
  }
}

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
import org.vigil.app.water.WaterWords;
import org.vigil.model.InvalidInputException;
import org.vigil.model.water.WaterRun;
import org.vigil.water.AllocationResult;
import org.vigil.water.Node;
import org.vigil.water.Reliefs;
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

  /** The words of {@code --lang}: en (default) or ru; anything else is bad input. */
  static WaterWords words(String lang) {
    if (lang == null || lang.isBlank()) {
      return WaterWords.of("en");
    }
    String l = lang.trim().toLowerCase(java.util.Locale.ROOT);
    if (!WaterWords.LANGUAGES.contains(l)) {
      throw new InvalidInputException("Option --lang must be en or ru, found '" + lang + "'");
    }
    return WaterWords.of(l);
  }

  /** Table headings in the language for a table on screen; the stable names for CSV and JSON. */
  static Table table(VigilCommand root, WaterWords w, String... columns) {
    return table(root, w, List.of(columns));
  }

  static Table table(VigilCommand root, WaterWords w, List<String> columns) {
    if (root.renderer().format() != OutputFormat.TABLE) {
      return Table.of(columns);
    }
    return Table.of(columns.stream().map(c -> heading(w, c)).toList());
  }

  private static final Map<String, Node.Kind> KIND_COLUMNS =
      Map.of(
          "sources", Node.Kind.SOURCE,
          "reservoirs", Node.Kind.RESERVOIR,
          "withdrawals", Node.Kind.WITHDRAWAL,
          "outlets", Node.Kind.OUTLET);

  private static String heading(WaterWords w, String column) {
    if (column.matches("\\d\\d-\\d\\d")) {
      return column;
    }
    Node.Kind kind = KIND_COLUMNS.get(column);
    return kind != null ? w.kinds(kind) : w.column(column);
  }

  /** {@code water basins}. */
  @Command(
      name = "basins",
      mixinStandardHelpOptions = true,
      description = "List the demo basins: riparian states, sources, reservoirs, withdrawals.")
  static final class Basins implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--lang", paramLabel = "LANG", description = "Output in en (default) or ru.")
    String lang;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      WaterWords w = words(lang);
      boolean ru = w.language().equals("ru");
      Table t =
          table(
              root,
              w,
              List.of(
                  "code",
                  "name",
                  "name_ru",
                  "states",
                  "sources",
                  "reservoirs",
                  "withdrawals",
                  "mean_inflow_km3",
                  "outlets"));
      List<DemoBasin> basins;
      try (Vigil vigil = root.openVigil()) {
        basins = new WaterService(vigil).basins();
      }
      for (DemoBasin b : basins) {
        t.row(
            b.code(),
            ru ? b.nameRu() : b.nameEn(),
            ru ? b.nameEn() : b.nameRu(),
            String.join(" ", b.shares().keySet().stream().sorted().toList()),
            b.sources().size(),
            String.join(", ", b.reservoirs().stream().map(DemoBasin.ReservoirSpec::name).toList()),
            b.withdrawals().size(),
            round1(b.sources().stream().mapToDouble(DemoBasin.SourceSpec::annual).sum() / 1000),
            String.join(", ", b.outlets()));
      }
      root.renderer().print(t);
      root.renderer().note(w.text("basins.note"));
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
        description = "Inflows: the 10%%, 50%% or 90%% quantile of the inflow forecasts.")
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

    @Option(names = "--lang", paramLabel = "LANG", description = "Output in en (default) or ru.")
    String lang;

    @Option(
        names = "--all",
        description = "Every relief (default: the " + TOP_RELIEFS + " largest per state).")
    boolean all;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      WaterWords w = words(lang);
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
        print(root, run, request.scenario(), w, all, water);
      }
      return VigilCommand.OK;
    }
  }

  /** Reliefs shown per state unless {@code --all}. */
  static final int TOP_RELIEFS = 3;

  static void print(
      VigilCommand root,
      StoredWaterRun stored,
      InflowScenario scenario,
      WaterWords w,
      boolean all,
      WaterService water) {
    WaterRun run = stored.run();
    AllocationResult r = stored.result();
    Renderer out = root.renderer();
    switch (out.format()) {
      case JSON -> printJson(root.out(), runJson(stored));
      case CSV -> out.print(longTable(r));
      case TABLE -> {
        PrintStream p = root.out();
        p.println(heading(run, r, w, water));
        p.println(
            w.text(
                "run.inflows",
                Map.of(
                    "scenario",
                    w.scenario(scenario.label()),
                    "quantile",
                    Math.round(scenario.quantile() * 100),
                    "history",
                    org.vigil.app.water.InflowForecasts.HISTORY_MONTHS)));
        if (!r.isFeasible()) {
          p.println(w.explanation(r));
          return;
        }
        p.println();
        p.println(w.text("run.monthTable"));
        out.print(monthTable(root, w, r));
        p.println();
        out.print(totalsTable(root, w, r));
        p.println();
        p.println(w.text("run.binding", Map.of("count", r.reliefs().size())));
        r.reliefs().forEach(x -> p.println("  - " + w.constraint(x.constraint(), r.start())));
        reliefs(p, w, r, all);
        r.diagnostics().forEach(d -> p.println(w.note(d)));
      }
    }
  }

  /**
   * The reliefs grouped by the state whose shortfall they cut, the largest cut first; at most
   * {@link #TOP_RELIEFS} per group unless {@code all}.
   */
  static void reliefs(PrintStream p, WaterWords w, AllocationResult r, boolean all) {
    if (r.reliefs().isEmpty()) {
      p.println(w.text("run.reliefNone"));
      return;
    }
    Map<String, Double> before = new TreeMap<>();
    WaterService.totals(r).forEach((s, v) -> before.put(s, v[2]));
    Map<String, List<Reliefs.Ranked>> groups = new LinkedHashMap<>(Reliefs.byState(r));
    List<Reliefs.Ranked> other =
        Reliefs.ranked(r).stream().filter(x -> !(x.removed() > 0)).toList();
    int limit = all ? Integer.MAX_VALUE : TOP_RELIEFS;
    java.util.Set<AllocationResult.Relief> shown = new java.util.HashSet<>();
    StringBuilder body = new StringBuilder();
    groups.forEach(
        (state, list) -> {
          body.append("  ")
              .append(
                  w.text(
                      "run.reliefState",
                      Map.of(
                          "state", state, "shortfall", w.number(before.getOrDefault(state, 0.0)))))
              .append('\n');
          list.stream().limit(limit).forEach(x -> line(body, w, r, x, before, shown));
        });
    if (!other.isEmpty()) {
      body.append("  ").append(w.text("run.reliefOther")).append('\n');
      other.stream().limit(limit).forEach(x -> line(body, w, r, x, before, shown));
    }
    boolean more = shown.size() < r.reliefs().size();
    p.println(
        w.text(
            "run.relief",
            Map.of(
                "shown",
                shown.size(),
                "count",
                r.reliefs().size(),
                "more",
                more ? w.text("run.reliefMore") : "")));
    p.print(body);
  }

  private static void line(
      StringBuilder body,
      WaterWords w,
      AllocationResult r,
      Reliefs.Ranked x,
      Map<String, Double> before,
      java.util.Set<AllocationResult.Relief> shown) {
    shown.add(x.relief());
    body.append("    - ").append(w.relief(x.relief(), r.start(), before)).append('\n');
  }

  static String heading(WaterRun run, AllocationResult r, WaterWords w, WaterService water) {
    boolean ru = w.language().equals("ru");
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("id", run.id());
    args.put("basin", ru ? water.basin(run.basin()).nameRu() : r.basin());
    args.put("scenario", w.scenario(run.scenario()));
    args.put("fairness", w.text("fairness." + run.fairness()));
    args.put("start", run.start());
    args.put("months", run.months());
    args.put("status", w.text("status." + run.status()));
    args.put(
        "shortfall", Double.isFinite(run.totalShortfall()) ? w.number(run.totalShortfall()) : "—");
    args.put("owner", run.ownership().owner());
    args.put("classification", run.ownership().classification());
    return w.text("run.heading", args);
  }

  static Table monthTable(VigilCommand root, WaterWords w, AllocationResult r) {
    List<String> cols = new ArrayList<>();
    cols.add("state");
    for (int t = 0; t < r.months(); t++) {
      cols.add(r.start().plusMonths(t).toString().substring(2));
    }
    cols.add("total");
    Table t = table(root, w, cols);
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

  static Table totalsTable(VigilCommand root, WaterWords w, AllocationResult r) {
    Table t = table(root, w, "state", "demand", "delivered", "shortfall", "relative_%");
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

    @Option(names = "--lang", paramLabel = "LANG", description = "Output in en (default) or ru.")
    String lang;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      WaterWords w = words(lang);
      try (Vigil vigil = root.openVigil()) {
        WaterService water = new WaterService(vigil);
        WaterComparison c = water.compare(root.caller(vigil), a, b);
        Table t =
            table(
                root,
                w,
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
          root.out().println(describe("compare.a", c.a(), w));
          root.out().println(describe("compare.b", c.b(), w));
        }
        root.renderer().print(t);
      }
      return VigilCommand.OK;
    }

    private static String describe(String key, WaterRun r, WaterWords w) {
      Map<String, Object> args = new LinkedHashMap<>();
      args.put("id", r.id());
      args.put("basin", r.basin());
      args.put("scenario", w.scenario(r.scenario()));
      args.put("fairness", w.text("fairness." + r.fairness()));
      args.put("start", r.start());
      args.put("months", r.months());
      args.put("status", w.text("status." + r.status()));
      return w.text(key, args);
    }
  }
}

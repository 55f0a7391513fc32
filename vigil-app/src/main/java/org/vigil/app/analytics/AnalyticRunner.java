package org.vigil.app.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.vigil.analytics.risk.Driver;
import org.vigil.analytics.risk.Goalposts;
import org.vigil.analytics.risk.InputValue;
import org.vigil.analytics.risk.Methodology;
import org.vigil.analytics.risk.RiskEngine;
import org.vigil.analytics.risk.RiskNode;
import org.vigil.analytics.risk.RiskResult;
import org.vigil.analytics.risk.RiskScore;
import org.vigil.analytics.risk.RiskSpec;
import org.vigil.analytics.risk.Snapshot;
import org.vigil.analytics.run.SeriesOutcome;
import org.vigil.analytics.run.SeriesStage;
import org.vigil.analytics.run.SeriesTask;
import org.vigil.app.Vigil;
import org.vigil.forecast.Forecast;
import org.vigil.forecast.ForecastMethod;
import org.vigil.model.AccessContext;
import org.vigil.model.Aggregation;
import org.vigil.model.Classification;
import org.vigil.model.Observation;
import org.vigil.model.Ownership;
import org.vigil.model.run.AnalyticResult;
import org.vigil.model.run.AnalyticRun;
import org.vigil.model.run.AnalyticRunRepository;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * The analytic run: computed once per data vintage in the system context (every state's data),
 * stored with the owner and the most restrictive classification of its inputs, read by everyone
 * filtered by access. Per input series: the forecast (model, median and 95% quantiles) and the
 * trend; per state, domain and month: the risk score now (every month of the history) and projected
 * 1..{@value #HORIZON} months ahead, against the methodology's fixed goalposts; per series of every
 * indicator, its anomalies ({@link PublishedAnomalies}).
 *
 * <p>Incremental: a series whose vintage (the id of the batch of its latest value) is unchanged
 * since the previous run keeps its forecast and trend; the risk index is rescored (it is cheap) and
 * only the results that differ are stored. A failed series is stored as an ERROR result and never
 * fails the run.
 */
public final class AnalyticRunner {
  /** Months projected by every run. */
  public static final int HORIZON = SeriesStage.HORIZON;

  /** Result kinds. */
  public static final String RISK = "RISK";

  public static final String FORECAST = "FORECAST";
  public static final String TREND = "TREND";
  public static final String ERROR = "ERROR";
  public static final String NOTES = "NOTES";

  static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private final Vigil vigil;
  private final AnalyticRunRepository repo;
  private final SeriesSource source;
  private final ForecastMethod method;
  private final Engine engine;

  public AnalyticRunner(Vigil vigil) {
    this(vigil, ForecastMethod.ETS);
  }

  public AnalyticRunner(Vigil vigil, ForecastMethod method) {
    this(vigil, method, Engine.IN_PROCESS);
  }

  /**
   * A runner whose per-series stage runs on {@code engine} (in process, or a Spark job); the
   * publication (risk, ownership, storage) is the same whichever engine computed the series.
   */
  public AnalyticRunner(Vigil vigil, ForecastMethod method, Engine engine) {
    this.vigil = vigil;
    this.repo = vigil.store().analyticRuns();
    this.source = new SeriesSource(vigil);
    this.method = method;
    this.engine = engine;
  }

  /**
   * Where the per-series stage runs: it gets every task of a run and returns one outcome per task
   * (any order), each {@link SeriesStage#run} of the task, or throws when it could not run at all
   * (nothing is published then).
   */
  public interface Engine {
    /** A name for messages and the run's trigger, such as {@code spark local[2]}. */
    String name();

    List<SeriesOutcome> compute(SeriesStage stage, List<SeriesTask> tasks, Progress progress);

    /** The stage in a loop in this process. */
    Engine IN_PROCESS =
        new Engine() {
          @Override
          public String name() {
            return "in-process";
          }

          @Override
          public List<SeriesOutcome> compute(
              SeriesStage stage, List<SeriesTask> tasks, Progress progress) {
            List<SeriesOutcome> out = new ArrayList<>(tasks.size());
            progress.update(0, tasks.size());
            for (SeriesTask t : tasks) {
              out.add(stage.run(t));
              progress.update(out.size(), tasks.size());
            }
            return out;
          }
        };
  }

  /** Progress of a run: series done of the series to compute. */
  public interface Progress {
    void update(int done, int total);

    Progress NONE = (d, t) -> {};
  }

  /** Runs (one at a time per process) and returns the finished run. */
  public AnalyticRun run(String trigger, boolean full, Progress progress) {
    synchronized (AnalyticRunner.class) {
      return runLocked(trigger, full, progress);
    }
  }

  /**
   * An incremental run only when there is something new to publish: no run yet, another methodology
   * version, or an input series whose vintage (the batch of its latest value) differs from the
   * latest run's. Otherwise it records nothing and returns empty (the scheduled run: an idle system
   * does not pile up identical runs).
   */
  public Optional<AnalyticRun> runIfNewData(String trigger, Progress progress) {
    synchronized (AnalyticRunner.class) {
      AccessContext sys = AccessContext.system();
      Methodology m = RiskService.methodology("vigil-default");
      Optional<AnalyticRun> prev = repo.latest(sys, Instant.MAX);
      Inputs in = Inputs.load(vigil, source, m);
      if (prev.isPresent() && !newData(prev.get(), m, in)) {
        return Optional.empty();
      }
      return Optional.of(runLocked(trigger, false, progress, prev, in));
    }
  }

  /** True when the inputs or methodology differ from what run {@code prev} read. */
  static boolean newData(AnalyticRun prev, Methodology m, Inputs in) {
    Map<String, Long> now = new TreeMap<>();
    in.series().forEach((k, d) -> now.put(k, d.vintage()));
    return !prev.methodology().equals(m.id())
        || !prev.methodologyVersion().equals(m.version())
        || !prev.spec().equals(specText(RiskSpec.DEFAULT))
        || !prev.inputs().equals(now)
        || !prev.period().equals(in.latestMonth().map(Period::toString));
  }

  private AnalyticRun runLocked(String trigger, boolean full, Progress progress) {
    AccessContext sys = AccessContext.system();
    Optional<AnalyticRun> prev = repo.latest(sys, Instant.MAX);
    Inputs in = Inputs.load(vigil, source, RiskService.methodology("vigil-default"));
    return runLocked(trigger, full, progress, prev, in);
  }

  private AnalyticRun runLocked(
      String trigger, boolean full, Progress progress, Optional<AnalyticRun> prev, Inputs in) {
    AccessContext sys = AccessContext.system();
    Methodology m = RiskService.methodology("vigil-default");
    RiskSpec spec = RiskSpec.DEFAULT;
    AnalyticRun run = repo.begin(sys, trigger, full, m.id(), m.version(), specText(spec));
    Period period = in.latestMonth().orElse(null);
    boolean reuse =
        !full
            && prev.isPresent()
            && prev.get().period().isPresent()
            && period != null
            && prev.get().period().get().equals(period.toString());
    Map<String, AnalyticResult> oldForecasts = new HashMap<>();
    if (reuse) {
      for (AnalyticResult r : repo.results(sys, FORECAST, prev.get().id())) {
        oldForecasts.put(r.subject(), r);
      }
    }
    Map<String, Long> prevInputs = prev.map(AnalyticRun::inputs).orElse(Map.of());
    List<AnalyticResult> results = new ArrayList<>();
    Map<String, ForecastValues> forecasts = new HashMap<>();
    Map<String, ForecastValues> reused = new HashMap<>();
    List<String> toCompute = new ArrayList<>();
    for (Map.Entry<String, SeriesData> e : in.series().entrySet()) {
      String subject = e.getKey();
      boolean same = reuse && e.getValue().vintage() == prevInputs.getOrDefault(subject, -1L);
      if (same) {
        AnalyticResult old = oldForecasts.get(subject);
        if (old != null) {
          reused.put(subject, ForecastValues.parse(old.payload()));
        }
      } else {
        toCompute.add(subject);
      }
    }
    Map<String, AnalyticResult> oldAnomalies = new HashMap<>();
    if (!full && prev.isPresent()) {
      for (AnalyticResult r : repo.results(sys, PublishedAnomalies.KIND, prev.get().id())) {
        oldAnomalies.put(r.subject(), r);
      }
    }
    List<PublishedAnomalies.Series> anomalySeries = PublishedAnomalies.series(vigil);
    SeriesStage stage = new SeriesStage(method, Optional.ofNullable(period));
    Map<String, SeriesOutcome> outcomes =
        computed(stage, tasks(in, toCompute, anomalySeries, oldAnomalies), progress);
    int failures = 0;
    for (String subject : toCompute) {
      SeriesData d = in.series().get(subject);
      SeriesOutcome o = outcomes.get(subject);
      if (!o.forecast().isEmpty()) {
        forecasts.put(subject, ForecastValues.parse(o.forecast()));
        results.add(result(FORECAST, subject, d, "", o.forecast()));
      }
      if (!o.trend().isEmpty()) {
        results.add(result(TREND, subject, d, "", o.trend()));
      }
      failures += o.failed() ? 1 : 0;
      results.add(result(ERROR, subject, d, "", o.error()));
    }
    Map<String, ForecastValues> fv = new HashMap<>(reused);
    fv.putAll(forecasts);
    String notes = "";
    // Incremental: only the months from the first one a changed series touches are re-scored
    // (with the projections); earlier months keep the scores in force (same inputs, same stream).
    Optional<Period> from = Optional.empty();
    if (reuse) {
      Period first = null;
      boolean all = false;
      for (String subject : toCompute) {
        long since = prevInputs.getOrDefault(subject, -1L);
        if (since < 0) {
          all = true;
          break;
        }
        Optional<Period> f = in.series().get(subject).firstMonthAfter(since);
        if (f.isPresent() && (first == null || f.get().compareTo(first) < 0)) {
          first = f.get();
        }
      }
      if (!all) {
        from = Optional.of(first == null ? period.plus(1) : first);
      }
    }
    if (period != null) {
      Goalposts g = goalposts(sys, m, in);
      RiskResult rr = score(m, g, spec, in, fv, period, from);
      List<AnalyticResult> risk = riskResults(m, in, rr);
      if (from.isPresent()) {
        Period f = from.get();
        // The month before the first re-scored one is scored only for the changes; not stored.
        risk.removeIf(r -> r.horizon() == 0 && Period.parse(r.period()).compareTo(f) < 0);
      }
      results.addAll(risk);
      notes = String.join("\n", rr.diagnostics());
    }
    results.addAll(PublishedAnomalies.results(anomalySeries, oldAnomalies, outcomes));
    if (from.isEmpty()) {
      // The diagnostics of a full scoring; an incremental run keeps those in force.
      results.add(
          new AnalyticResult(
              0,
              NOTES,
              "risk",
              "",
              "",
              "",
              0,
              notes,
              Ownership.of(AccessContext.SYSTEM_ORG, Classification.PUBLIC)));
    }
    int changed = repo.publish(sys, run.id(), results);
    Map<String, Long> inputs = new TreeMap<>();
    in.series().forEach((k, d) -> inputs.put(k, d.vintage()));
    AnalyticRun finished =
        new AnalyticRun(
            run.id(),
            trigger,
            full,
            m.id(),
            m.version(),
            specText(spec),
            run.startedAt(),
            Optional.empty(),
            in.dataAsOf(),
            Optional.ofNullable(period).map(Period::toString),
            "DONE",
            toCompute.size(),
            changed,
            failures,
            inputs);
    return repo.finish(sys, finished);
  }

  private static String specText(RiskSpec spec) {
    return "ETS forecasts to "
        + HORIZON
        + " months, "
        + spec.draws()
        + " Monte Carlo draws, seed "
        + spec.seed()
        + ", robust-z anomalies |z| > "
        + PublishedAnomalies.SPEC.zThreshold();
  }

  /**
   * The tasks of a run: every risk input to refit (forecast and trend of its monthly form) and
   * every series whose anomalies are not those of the previous run, one task per subject.
   */
  static List<SeriesTask> tasks(
      Inputs in,
      List<String> toCompute,
      List<PublishedAnomalies.Series> anomalySeries,
      Map<String, AnalyticResult> oldAnomalies) {
    Map<String, SeriesTask> tasks = new LinkedHashMap<>();
    for (String subject : toCompute) {
      SeriesData d = in.series().get(subject);
      TimeSeries raw = SeriesSource.toSeries(d.observations()).orElseThrow();
      tasks.put(subject, new SeriesTask(subject, raw, d.vintage(), true, d.sum(), false));
    }
    for (PublishedAnomalies.Series a : anomalySeries) {
      if (!a.reusable(oldAnomalies)) {
        SeriesTask t = tasks.get(a.subject());
        tasks.put(
            a.subject(),
            t == null
                ? new SeriesTask(a.subject(), a.ts(), a.vintage(), false, false, true)
                : new SeriesTask(t.subject(), t.series(), t.vintage(), true, t.sum(), true));
      }
    }
    return List.copyOf(tasks.values());
  }

  private Map<String, SeriesOutcome> computed(
      SeriesStage stage, List<SeriesTask> tasks, Progress progress) {
    Map<String, SeriesOutcome> out = new HashMap<>();
    for (SeriesOutcome o : engine.compute(stage, tasks, progress)) {
      out.put(o.subject(), o);
    }
    for (SeriesTask t : tasks) {
      if (!out.containsKey(t.subject())) {
        throw new IllegalStateException(
            "The "
                + engine.name()
                + " engine returned no outcome for series "
                + t.subject()
                + " of "
                + tasks.size()
                + ": expected one per series; the run was not published, run it again");
      }
    }
    return out;
  }

  /** Stored goalposts of the methodology version, derived once from every state's data. */
  Goalposts goalposts(AccessContext sys, Methodology m, Inputs in) {
    Optional<String> stored = repo.goalposts(sys, m.id(), m.version());
    if (stored.isPresent()) {
      return GoalpostsJson.parse(stored.get());
    }
    Goalposts g = derive(m, in);
    repo.saveGoalposts(sys, m.id(), m.version(), GoalpostsJson.write(g));
    return g;
  }

  static Goalposts derive(Methodology m, Inputs in) {
    List<Snapshot> history = new ArrayList<>();
    Optional<Period> last = in.latestMonth();
    Optional<Period> first = in.firstMonth();
    if (last.isPresent()) {
      for (Period p = first.get(); p.compareTo(last.get()) <= 0; p = p.plus(1)) {
        history.add(new Snapshot(p, 0, in.observed(p)));
      }
    }
    String from =
        in.states().size()
            + " states' observations"
            + first.map(p -> " of " + p + ".." + last.get()).orElse("")
            + in.dataAsOf().map(t -> ", data as of " + t).orElse("");
    return Goalposts.derive(m, history, from);
  }

  /** Every month of the history now, and 1..HORIZON months ahead of the latest month. */
  static RiskResult score(
      Methodology m,
      Goalposts g,
      RiskSpec spec,
      Inputs in,
      Map<String, ForecastValues> forecasts,
      Period period) {
    return score(m, g, spec, in, forecasts, period, Optional.empty());
  }

  /**
   * Every month of the history now and 1..HORIZON months ahead; with {@code from}, only the months
   * from the one before {@code from} (for the changes) and the projections, each with the random
   * stream of its place in the full list, so the scores equal those of a full scoring.
   */
  static RiskResult score(
      Methodology m,
      Goalposts g,
      RiskSpec spec,
      Inputs in,
      Map<String, ForecastValues> forecasts,
      Period period,
      Optional<Period> from) {
    List<Snapshot> snaps = new ArrayList<>();
    List<Integer> streams = new ArrayList<>();
    int index = 0;
    Period keepFrom = from.map(f -> f.plus(-1)).orElse(null);
    for (Period p = in.firstMonth().orElse(period); p.compareTo(period) <= 0; p = p.plus(1)) {
      if (keepFrom == null || p.compareTo(keepFrom) >= 0) {
        snaps.add(new Snapshot(p, 0, in.observed(p)));
        streams.add(index);
      }
      index++;
    }
    for (int h = 1; h <= HORIZON; h++) {
      snaps.add(new Snapshot(period.plus(h), h, in.projected(forecasts, period, h)));
      streams.add(index++);
    }
    return RiskEngine.run(
        m, g, snaps, spec, streams.stream().mapToInt(Integer::intValue).toArray());
  }

  private List<AnalyticResult> riskResults(Methodology m, Inputs in, RiskResult rr) {
    Map<String, Set<String>> keysByDomain = new HashMap<>();
    m.domains().forEach((d, tree) -> keysByDomain.put(d, keys(tree, new HashSet<>())));
    List<AnalyticResult> out = new ArrayList<>();
    for (RiskScore s : rr.scores()) {
      if (Double.isNaN(s.score())) {
        continue;
      }
      Ownership o = in.ownership(s.area(), keysByDomain.get(s.domain()));
      out.add(
          new AnalyticResult(
              0,
              RISK,
              s.area() + "|" + s.domain() + "|" + s.period() + "|" + s.horizon(),
              s.area(),
              s.domain(),
              s.period().toString(),
              s.horizon(),
              ScoreJson.write(s),
              o));
    }
    return out;
  }

  static Set<String> keys(RiskNode n, Set<String> out) {
    if (n instanceof RiskNode.Group g) {
      g.children().forEach(c -> keys(c, out));
    } else if (n instanceof RiskNode.IndicatorLeaf l) {
      out.add(l.indicator());
      if (!l.per().isEmpty()) {
        out.add(l.per());
      }
    } else if (n instanceof RiskNode.ScoreLeaf s) {
      out.add(s.key());
    }
    return out;
  }

  private AnalyticResult result(
      String kind, String subject, SeriesData d, String domain, String payload) {
    String area = subject.substring(subject.indexOf('|') + 1);
    return new AnalyticResult(
        0,
        kind,
        subject,
        area,
        domain.isEmpty() ? d.domain() : domain,
        d.ts().trim().end().toString(),
        0,
        payload,
        d.ownership());
  }

  // ---------------------------------------------------------------------------------------------

  /** One input series with its vintage and ownership. */
  record SeriesData(
      TimeSeries ts,
      long vintage,
      Instant recordedAt,
      Ownership ownership,
      String domain,
      List<Observation> observations,
      boolean sum) {

    /**
     * The first month touched by values recorded after vintage {@code since} (a yearly value
     * touches the months from its January), or empty when none was.
     */
    Optional<Period> firstMonthAfter(long since) {
      Period first = null;
      for (Observation o : observations) {
        if (o.batch() > since) {
          Period p = Period.containing(o.period().start(), Frequency.MONTHLY);
          first = first == null || p.compareTo(first) < 0 ? p : first;
        }
      }
      return Optional.ofNullable(first);
    }
  }

  /** Every state's input series of a methodology, read once in the system context. */
  record Inputs(List<String> states, Map<String, SeriesData> series) {
    static Inputs load(Vigil vigil, SeriesSource source, Methodology m) {
      AccessContext sys = AccessContext.system();
      List<String> states = source.states(sys);
      Set<String> stateSet = new HashSet<>(states);
      Map<String, SeriesData> series = new TreeMap<>();
      java.time.LocalDate today =
          java.time.LocalDate.ofInstant(vigil.clock().instant(), java.time.ZoneOffset.UTC);
      for (String key : m.inputKeys()) {
        Optional<org.vigil.model.Indicator> indicator = vigil.reference().indicator(sys, key);
        String domain = indicator.map(i -> i.domain().name()).orElse("");
        // A weekly or daily input enters the monthly risk run as its complete months: summed for
        // counts, averaged otherwise (TimeSeries.toMonthly).
        boolean sum = indicator.map(i -> i.aggregation() == Aggregation.SUM).orElse(true);
        Map<String, List<Observation>> byArea = new TreeMap<>();
        for (Observation o : vigil.observations().latestByIndicator(sys, key, Instant.MAX)) {
          // Periods after today are projections (flag F), not inputs of the run.
          if (stateSet.contains(o.area()) && !o.period().start().isAfter(today)) {
            byArea.computeIfAbsent(o.area(), a -> new ArrayList<>()).add(o);
          }
        }
        byArea.forEach(
            (area, obs) ->
                SeriesSource.toSeries(obs)
                    .map(ts -> ts.toMonthly(sum))
                    .ifPresent(
                        ts -> {
                          long vintage = 0;
                          Instant at = Instant.EPOCH;
                          for (Observation o : obs) {
                            vintage = Math.max(vintage, o.batch());
                            at = at.isAfter(o.recordedAt()) ? at : o.recordedAt();
                          }
                          series.put(
                              key + "|" + area,
                              new SeriesData(
                                  ts,
                                  vintage,
                                  at,
                                  mostRestrictive(obs),
                                  domain,
                                  List.copyOf(obs),
                                  sum));
                        }));
      }
      return new Inputs(states, series);
    }

    Optional<Instant> dataAsOf() {
      return series.values().stream().map(SeriesData::recordedAt).max(Instant::compareTo);
    }

    Optional<Period> latestMonth() {
      return series.values().stream()
          .map(SeriesData::ts)
          .filter(ts -> ts.frequency() == Frequency.MONTHLY)
          .map(ts -> ts.trim().end())
          .max(Period::compareTo);
    }

    Optional<Period> firstMonth() {
      return series.values().stream()
          .map(SeriesData::ts)
          .filter(ts -> ts.frequency() == Frequency.MONTHLY)
          .map(ts -> ts.trim().start())
          .min(Period::compareTo);
    }

    Map<String, Map<String, InputValue>> observed(Period p) {
      Map<String, Map<String, InputValue>> out = new HashMap<>();
      for (String s : states) {
        out.put(s, new HashMap<>());
      }
      series.forEach(
          (subject, d) -> {
            double v = RiskService.valueAt(d.ts(), p);
            if (!Double.isNaN(v)) {
              String[] ka = subject.split("\\|", 2);
              out.get(ka[1]).put(ka[0], InputValue.exact(v));
            }
          });
      return out;
    }

    Map<String, Map<String, InputValue>> projected(
        Map<String, ForecastValues> forecasts, Period from, int h) {
      Map<String, Map<String, InputValue>> out = new HashMap<>();
      for (String s : states) {
        out.put(s, new HashMap<>());
      }
      series.forEach(
          (subject, d) -> {
            String[] ka = subject.split("\\|", 2);
            if (d.ts().frequency() != Frequency.MONTHLY) {
              double v = RiskService.valueAt(d.ts(), from);
              if (!Double.isNaN(v)) {
                out.get(ka[1]).put(ka[0], InputValue.exact(v));
              }
              return;
            }
            ForecastValues f = forecasts.get(subject);
            if (f == null) {
              return;
            }
            InputValue v = f.at(from.plus(h));
            if (v != null) {
              out.get(ka[1]).put(ka[0], v);
            }
          });
      return out;
    }

    /** The owner and most restrictive classification of a state's inputs among keys. */
    Ownership ownership(String area, Set<String> keys) {
      Ownership worst = null;
      for (String k : keys) {
        SeriesData d = series.get(k + "|" + area);
        if (d != null) {
          worst = worst == null ? d.ownership() : stricter(worst, d.ownership());
        }
      }
      return worst == null ? Ownership.of(area, Classification.NATIONAL) : worst;
    }
  }

  static Ownership mostRestrictive(List<Observation> obs) {
    Ownership worst = obs.get(0).ownership();
    for (Observation o : obs) {
      worst = stricter(worst, o.ownership());
    }
    return worst;
  }

  /** The stricter of two ownerships (NATIONAL before RESTRICTED before SHARED before PUBLIC). */
  static Ownership stricter(Ownership a, Ownership b) {
    int ca = a.classification().ordinal();
    int cb = b.classification().ordinal();
    if (ca != cb) {
      return ca < cb ? a : b;
    }
    if (a.classification() == Classification.RESTRICTED) {
      Set<String> both = new HashSet<>(a.sharedWith());
      both.retainAll(b.sharedWith());
      return both.isEmpty()
          ? Ownership.of(a.owner(), Classification.NATIONAL)
          : Ownership.restricted(a.owner(), both);
    }
    return a;
  }

  /** A forecast's median and 95% bounds per month. */
  record ForecastValues(String model, Period start, double[] median, double[] lo, double[] hi) {
    static ForecastValues of(Forecast f) {
      int n = f.horizon();
      double[] med = new double[n];
      double[] lo = new double[n];
      double[] hi = new double[n];
      double[] l = f.lower(0.95);
      double[] u = f.upper(0.95);
      for (int k = 1; k <= n; k++) {
        med[k - 1] = f.point(k);
        lo[k - 1] = Math.min(med[k - 1], l[k - 1]);
        hi[k - 1] = Math.max(med[k - 1], u[k - 1]);
      }
      return new ForecastValues(f.model(), f.start(), med, lo, hi);
    }

    InputValue at(Period p) {
      int k = (int) start.until(p);
      if (k < 0 || k >= median.length) {
        return null;
      }
      return new InputValue(median[k], lo[k], hi[k]);
    }

    static ForecastValues parse(String json) {
      try {
        JsonNode n = JSON.readTree(json);
        int len = n.get("median").size();
        double[] med = new double[len];
        double[] lo = new double[len];
        double[] hi = new double[len];
        for (int i = 0; i < len; i++) {
          med[i] = n.get("median").get(i).asDouble();
          lo[i] = n.get("lower95").get(i).asDouble();
          hi[i] = n.get("upper95").get(i).asDouble();
        }
        return new ForecastValues(
            n.get("model").asText(), Period.parse(n.get("start").asText()), med, lo, hi);
      } catch (java.io.IOException e) {
        throw new IllegalStateException("Stored forecast is not valid JSON: " + e.getMessage(), e);
      }
    }
  }

  /** Risk scores to and from JSON (NaN as null). */
  static final class ScoreJson {
    private ScoreJson() {}

    static String write(RiskScore s) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("score", num(s.score()));
      m.put("lower", num(s.lower()));
      m.put("upper", num(s.upper()));
      m.put("rank", s.rank());
      m.put("rankLower", s.rankLower());
      m.put("rankUpper", s.rankUpper());
      m.put("reliability", num(s.reliability()));
      m.put("change", num(s.change()));
      m.put("reference", s.reference());
      Map<String, Object> comps = new TreeMap<>();
      s.components().forEach((k, v) -> comps.put(k, num(v)));
      m.put("components", comps);
      List<Map<String, Object>> drivers = new ArrayList<>();
      for (Driver d : s.drivers()) {
        Map<String, Object> dm = new LinkedHashMap<>();
        dm.put("id", d.id());
        dm.put("name", d.name());
        dm.put("key", d.key());
        dm.put("value", num(d.value()));
        dm.put("score", num(d.score()));
        dm.put("contribution", num(d.contribution()));
        dm.put("change", num(d.change()));
        drivers.add(dm);
      }
      m.put("drivers", drivers);
      try {
        return JSON.writeValueAsString(m);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    /**
     * Scores decoded from stored results, keyed by the whole result (run, subject, payload and
     * ownership; a stored version never changes), so a read of a published run decodes each score
     * once, not once per request. Bounded; least recently used dropped first.
     */
    private static final Map<AnalyticResult, RiskScore> DECODED =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<AnalyticResult, RiskScore> eldest) {
            return size() > 20_000;
          }
        };

    static RiskScore read(AnalyticResult r) {
      synchronized (DECODED) {
        RiskScore known = DECODED.get(r);
        if (known != null) {
          return known;
        }
      }
      RiskScore s = decode(r);
      synchronized (DECODED) {
        DECODED.put(r, s);
      }
      return s;
    }

    private static RiskScore decode(AnalyticResult r) {
      try {
        JsonNode n = JSON.readTree(r.payload());
        Map<String, Double> comps = new HashMap<>();
        n.get("components").fields().forEachRemaining(e -> comps.put(e.getKey(), d(e.getValue())));
        List<Driver> drivers = new ArrayList<>();
        for (JsonNode dn : n.get("drivers")) {
          drivers.add(
              new Driver(
                  dn.get("id").asText(),
                  dn.get("name").asText(),
                  dn.get("key").asText(),
                  d(dn.get("value")),
                  d(dn.get("score")),
                  d(dn.get("contribution")),
                  d(dn.get("change"))));
        }
        return new RiskScore(
            r.area(),
            r.domain(),
            Period.parse(r.period()),
            r.horizon(),
            d(n.get("score")),
            d(n.get("lower")),
            d(n.get("upper")),
            n.get("rank").asInt(),
            n.get("rankLower").asInt(),
            n.get("rankUpper").asInt(),
            d(n.get("reliability")),
            comps,
            drivers,
            d(n.get("change")),
            n.get("reference").asText());
      } catch (java.io.IOException e) {
        throw new IllegalStateException(
            "Stored risk score is not valid JSON: " + e.getMessage(), e);
      }
    }

    private static Object num(double v) {
      return Double.isNaN(v) ? null : v;
    }

    private static double d(JsonNode n) {
      return n == null || n.isNull() ? Double.NaN : n.asDouble();
    }
  }

  /** Goalposts to and from JSON (infinite winsorising bounds as null). */
  static final class GoalpostsJson {
    private GoalpostsJson() {}

    static String write(Goalposts g) {
      ObjectNode n = JSON.createObjectNode();
      n.put("methodology", g.methodology());
      n.put("version", g.version());
      n.put("derivedFrom", g.derivedFrom());
      ArrayNode notes = n.putArray("notes");
      g.notes().forEach(notes::add);
      ObjectNode b = n.putObject("bounds");
      g.bounds()
          .forEach(
              (k, v) -> {
                ObjectNode x = b.putObject(k);
                put(x, "clipLow", v.clipLow());
                put(x, "clipHigh", v.clipHigh());
                put(x, "min", v.min());
                put(x, "max", v.max());
              });
      return n.toString();
    }

    private static void put(ObjectNode x, String f, double v) {
      if (Double.isFinite(v)) {
        x.put(f, v);
      } else {
        x.putNull(f);
      }
    }

    static Goalposts parse(String json) {
      try {
        JsonNode n = JSON.readTree(json);
        Map<String, Goalposts.Bound> bounds = new LinkedHashMap<>();
        n.get("bounds")
            .fields()
            .forEachRemaining(
                e ->
                    bounds.put(
                        e.getKey(),
                        new Goalposts.Bound(
                            or(e.getValue().get("clipLow"), Double.NEGATIVE_INFINITY),
                            or(e.getValue().get("clipHigh"), Double.POSITIVE_INFINITY),
                            or(e.getValue().get("min"), Double.NaN),
                            or(e.getValue().get("max"), Double.NaN))));
        List<String> notes = new ArrayList<>();
        n.get("notes").forEach(x -> notes.add(x.asText()));
        return new Goalposts(
            n.get("methodology").asText(),
            n.get("version").asText(),
            n.get("derivedFrom").asText(),
            bounds,
            notes);
      } catch (java.io.IOException e) {
        throw new IllegalStateException(
            "Stored goalposts are not valid JSON: " + e.getMessage(), e);
      }
    }

    private static double or(JsonNode n, double dflt) {
      return n == null || n.isNull() ? dflt : n.asDouble();
    }
  }
}

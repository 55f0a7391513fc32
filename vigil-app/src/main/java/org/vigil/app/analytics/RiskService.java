package org.vigil.app.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.vigil.analytics.risk.Composite;
import org.vigil.analytics.risk.Goalposts;
import org.vigil.analytics.risk.InputValue;
import org.vigil.analytics.risk.Methodology;
import org.vigil.analytics.risk.RiskResult;
import org.vigil.analytics.risk.RiskScore;
import org.vigil.analytics.risk.RiskSpec;
import org.vigil.app.Vigil;
import org.vigil.forecast.Forecast;
import org.vigil.forecast.ForecastMethod;
import org.vigil.forecast.ForecastSpec;
import org.vigil.forecast.Forecaster;
import org.vigil.model.AccessContext;
import org.vigil.model.InvalidInputException;
import org.vigil.model.NotFoundException;
import org.vigil.model.Ownership;
import org.vigil.model.run.AnalyticResult;
import org.vigil.model.run.AnalyticRun;
import org.vigil.model.run.AnalyticRunRepository;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * The risk index over the states the caller can read: the period asked (default: the latest month
 * with data), the month before it (for the change) and projections from forecasts.
 *
 * <p>Inputs at a month: a monthly indicator's value of that month (or the latest of the three
 * before it); a yearly indicator's value of that year or the latest of the ten years before it.
 * Projections: monthly indicators are forecast with the forecast engine (median and 2.5%/97.5%
 * quantiles at the horizon); yearly indicators are carried forward as known values.
 */
public final class RiskService {
  /** Months a monthly value may be carried forward. */
  static final int MONTHS_CARRIED = 3;

  /**
   * Years a yearly value may be carried forward: structural indicators (population, GDP) change
   * slowly and their public sources lag (the Penn World Table 9.1 extract ends in 2017).
   */
  static final int YEARS_CARRIED = 10;

  private final Vigil vigil;
  private final SeriesSource source;
  private final AnalyticRunRepository repo;
  private final ForecastMethod forecastMethod;

  public RiskService(Vigil vigil) {
    this(vigil, ForecastMethod.ETS);
  }

  public RiskService(Vigil vigil, ForecastMethod forecastMethod) {
    this.vigil = vigil;
    this.source = new SeriesSource(vigil);
    this.repo = vigil.store().analyticRuns();
    this.forecastMethod = forecastMethod;
  }

  /**
   * What to compute.
   *
   * @param methodology the methodology (Methodology.vigilDefault() unless a file is given)
   * @param period the month to score, or empty for the latest month with data
   * @param horizons months ahead to project (e.g. 6 and 12; empty for none)
   * @param spec Monte Carlo spec
   */
  public record RiskRequest(
      Methodology methodology,
      Optional<Period> period,
      List<Integer> horizons,
      RiskSpec spec,
      Optional<Instant> asOf) {
    public RiskRequest {
      horizons = List.copyOf(horizons);
      for (int h : horizons) {
        if (h < 1 || h > AnalyticRunner.HORIZON) {
          throw new InvalidInputException(
              "Risk horizon must be 1.."
                  + AnalyticRunner.HORIZON
                  + " months (what every analytic run projects), found "
                  + h
                  + ": use 6 or 12");
        }
      }
      if (period.isPresent() && period.get().frequency() != Frequency.MONTHLY) {
        throw new InvalidInputException(
            "Risk period must be a month such as 2025-06, found " + period.get());
      }
    }

    /** The results as published now. */
    public RiskRequest(
        Methodology methodology, Optional<Period> period, List<Integer> horizons, RiskSpec spec) {
      this(methodology, period, horizons, spec, Optional.empty());
    }

    /** The default methodology, latest month, 6 and 12 months ahead, 1,000 draws. */
    public static RiskRequest defaults() {
      return new RiskRequest(
          Methodology.vigilDefault(), Optional.empty(), List.of(6, 12), RiskSpec.DEFAULT);
    }
  }

  /** The methodology by name: the one place that maps names to methodologies. */
  public static Methodology methodology(String name) {
    if (name.equalsIgnoreCase("vigil-default")) {
      return Methodology.vigilDefault();
    }
    if (name.equalsIgnoreCase("inform")) {
      return Methodology.inform();
    }
    throw new InvalidInputException(
        "Unknown methodology '" + name + "': expected vigil-default or inform");
  }

  /**
   * What a figure covers.
   *
   * @param statesShown states with a score the reader may see at the period
   * @param statesTotal member states
   * @param methodology methodology id
   * @param version methodology version
   * @param dataAsOf the latest vintage among the inputs, if known
   * @param runId the analytic run that published the scores (0 when computed on request)
   */
  public record Coverage(
      int statesShown,
      int statesTotal,
      String methodology,
      String version,
      Optional<Instant> dataAsOf,
      long runId) {
    /** "7 of 10 states, methodology vigil-default 1.0.0, data as of 2026-11-30, run 3". */
    public String text() {
      return statesShown
          + " of "
          + statesTotal
          + " states, methodology "
          + methodology
          + " "
          + version
          + dataAsOf.map(t -> ", data as of " + t.toString().substring(0, 10)).orElse("")
          + (runId > 0 ? ", analytic run " + runId : ", computed on request (no analytic run yet)");
    }
  }

  /**
   * The result, the period that was scored and what it covers.
   *
   * @param domainsTotal the methodology's domains (what a composite counts its coverage against)
   * @param restricted the keys ({@link RiskService#key}) of the scores this reader sees that not
   *     every member organisation may read (NATIONAL or RESTRICTED inputs): they stay out of the
   *     composite, so that a state's composite is the same for every member reader
   */
  public record RiskRun(
      Period period,
      RiskResult result,
      Coverage coverage,
      int domainsTotal,
      Set<String> restricted) {
    public RiskRun {
      restricted = Set.copyOf(restricted);
    }

    /** Whether every member organisation may read this score (its inputs are SHARED or PUBLIC). */
    public boolean common(RiskScore s) {
      return !restricted.contains(key(s));
    }

    /** The scores every member may read, at one period and horizon (what a composite averages). */
    public List<RiskScore> commonAt(Period at, int horizon) {
      return result.at(at, horizon).stream().filter(this::common).toList();
    }
  }

  /** A score's identity within a run: area, domain, period and horizon. */
  public static String key(RiskScore s) {
    return s.area() + "|" + s.domain() + "|" + s.period() + "|" + s.horizon();
  }

  /**
   * A state's composite at one period and horizon, with the domain score that weighs most.
   *
   * @param composite the {@link Composite} of the state's domain scores that every member
   *     organisation may read: the same figure for every member reader (NaN with "0 of 11 domains"
   *     when the reader sees only restricted domains of the state)
   * @param top the highest domain score among them (among the restricted ones when none is common)
   * @param withRestricted the composite of every domain score this reader may read, when that
   *     includes NATIONAL or RESTRICTED domains (the state's own reader, or a state it shares
   *     with): a second, labelled figure, never the composite itself
   */
  public record StateComposite(
      String area,
      Period period,
      int horizon,
      Composite composite,
      RiskScore top,
      Optional<Composite> withRestricted) {}

  /**
   * Each state's composite at every period and horizon of a run from its period on (the scores of
   * the month before are left out), ordered by area, period and horizon: what the API, CLI and web
   * UI show. The composite averages the domains every member may read, so every member reader gets
   * the same number; a reader who also sees restricted domains of a state gets them as {@link
   * StateComposite#withRestricted}. States without a scored domain are left out.
   */
  public static List<StateComposite> composites(RiskRun run) {
    Map<String, List<RiskScore>> groups = new TreeMap<>();
    for (RiskScore s : run.result().scores()) {
      if (s.period().compareTo(run.period()) >= 0) {
        String key =
            s.area()
                + "|"
                + s.period()
                + "|"
                + String.format(java.util.Locale.ROOT, "%02d", s.horizon());
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
      }
    }
    List<StateComposite> out = new ArrayList<>();
    for (List<RiskScore> l : groups.values()) {
      Composite all = Composite.of(l, run.domainsTotal());
      if (all.domains() == 0) {
        continue;
      }
      List<RiskScore> common = l.stream().filter(run::common).toList();
      Composite c = Composite.of(common, run.domainsTotal());
      RiskScore top =
          (c.domains() > 0 ? common : l)
              .stream()
                  .filter(s -> !Double.isNaN(s.score()))
                  .max(Comparator.comparingDouble(RiskScore::score))
                  .orElseThrow();
      Optional<Composite> fuller =
          all.domains() > c.domains() ? Optional.of(all) : Optional.empty();
      out.add(new StateComposite(top.area(), top.period(), top.horizon(), c, top, fuller));
    }
    return out;
  }

  /**
   * The scores as published by the latest analytic run (or the one in force at asOf), filtered by
   * what ctx may read: the same number for every reader, horizon and surface. Without a run (or for
   * another methodology or spec) the same computation runs on request in the system context, writes
   * nothing, and is filtered the same way.
   */
  public RiskRun risk(AccessContext ctx, RiskRequest req) {
    AccessContext sys = AccessContext.system();
    int total = source.states(sys).size();
    Methodology def = Methodology.vigilDefault();
    boolean published =
        req.methodology().id().equals(def.id())
            && req.methodology().version().equals(def.version())
            && req.spec().equals(RiskSpec.DEFAULT);
    Optional<AnalyticRun> run =
        published
            ? repo.latest(ctx, req.asOf().orElse(Instant.MAX)).filter(r -> r.period().isPresent())
            : Optional.empty();
    if (published && req.asOf().isPresent() && run.isEmpty()) {
      throw new NotFoundException(
          "No analytic run had been published by "
              + req.asOf().get()
              + ": ask for a later date, or leave out the date for the latest run");
    }
    List<RiskScore> all = new ArrayList<>();
    Set<String> restricted = new HashSet<>();
    List<String> notes = new ArrayList<>();
    Period runPeriod;
    Optional<Instant> dataAsOf;
    long runId = 0;
    if (run.isPresent()) {
      runPeriod = Period.parse(run.get().period().get());
      dataAsOf = run.get().dataAsOf();
      runId = run.get().id();
      Period at = req.period().orElse(runPeriod);
      Set<String> periods = new HashSet<>(List.of(at.toString(), at.plus(-1).toString()));
      if (at.equals(runPeriod)) {
        req.horizons().forEach(h -> periods.add(at.plus(h).toString()));
      }
      for (AnalyticResult r : repo.results(ctx, AnalyticRunner.RISK, runId, periods)) {
        RiskScore score = AnalyticRunner.ScoreJson.read(r);
        all.add(score);
        if (!r.ownership().classification().everyMemberReads()) {
          restricted.add(key(score));
        }
      }
      for (AnalyticResult r : repo.results(sys, AnalyticRunner.NOTES, runId)) {
        notes.addAll(List.of(r.payload().split("\n")));
      }
    } else {
      AnalyticRunner.Inputs in = AnalyticRunner.Inputs.load(vigil, source, req.methodology());
      runPeriod =
          in.latestMonth()
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "No monthly indicator of the methodology has values: load data"
                              + " (./vigil demo) or pass --period"));
      dataAsOf = in.dataAsOf();
      Goalposts g =
          repo.goalposts(sys, req.methodology().id(), req.methodology().version())
              .map(AnalyticRunner.GoalpostsJson::parse)
              .orElseGet(() -> AnalyticRunner.derive(req.methodology(), in));
      Map<String, AnalyticRunner.ForecastValues> fv = new HashMap<>();
      if (!req.horizons().isEmpty() && req.period().map(runPeriod::equals).orElse(true)) {
        in.series()
            .forEach(
                (k, d) -> {
                  if (d.ts().frequency() == Frequency.MONTHLY) {
                    Forecast f = forecast(d.ts(), runPeriod);
                    if (f != null) {
                      fv.put(k, AnalyticRunner.ForecastValues.of(f));
                    }
                  }
                });
      }
      RiskResult rr = AnalyticRunner.score(req.methodology(), g, req.spec(), in, fv, runPeriod);
      notes.addAll(rr.diagnostics());
      Map<String, Set<String>> keysByDomain = new HashMap<>();
      req.methodology()
          .domains()
          .forEach((d, tree) -> keysByDomain.put(d, AnalyticRunner.keys(tree, new HashSet<>())));
      for (RiskScore s : rr.scores()) {
        Ownership o = in.ownership(s.area(), keysByDomain.get(s.domain()));
        if (ctx.canRead(o)) {
          all.add(s);
          if (!o.classification().everyMemberReads()) {
            restricted.add(key(s));
          }
        }
      }
    }
    Period period = req.period().orElse(runPeriod);
    boolean projections = period.equals(runPeriod);
    if (!projections && !req.horizons().isEmpty()) {
      notes.add(
          "Projections are made from the latest month with data ("
              + runPeriod
              + ") only; none shown for "
              + period);
    }
    Set<Integer> horizons = new HashSet<>(req.horizons());
    List<RiskScore> kept = new ArrayList<>();
    Set<String> shown = new HashSet<>();
    for (RiskScore s : all) {
      boolean now =
          s.horizon() == 0 && (s.period().equals(period) || s.period().equals(period.plus(-1)));
      boolean ahead =
          projections
              && horizons.contains(s.horizon())
              && s.period().equals(period.plus(s.horizon()));
      if (now || ahead) {
        kept.add(s);
      }
      if (s.horizon() == 0 && s.period().equals(period) && !Double.isNaN(s.score())) {
        shown.add(s.area());
      }
    }
    Coverage cov =
        new Coverage(
            shown.size(),
            total,
            req.methodology().id(),
            req.methodology().version(),
            dataAsOf,
            runId);
    return new RiskRun(
        period,
        new RiskResult(
            req.methodology().id(), req.methodology().version(), req.spec(), kept, notes),
        cov,
        req.methodology().domains().size(),
        restricted);
  }

  private Forecast forecast(TimeSeries ts, Period period) {
    TimeSeries upTo = cut(ts, period);
    if (upTo.countPresent() < 12) {
      return null;
    }
    int steps = (int) upTo.trim().end().until(period.plus(AnalyticRunner.HORIZON));
    return Forecaster.forecast(
        upTo,
        ForecastSpec.builder()
            .method(forecastMethod)
            .horizon(Math.max(1, steps))
            .levels(0.95)
            .nonNegative(allNonNegative(upTo))
            .build());
  }

  static Map<String, Map<String, InputValue>> observed(
      Map<String, Map<String, TimeSeries>> data, List<String> states, Period p) {
    Map<String, Map<String, InputValue>> out = new HashMap<>();
    for (String s : states) {
      Map<String, InputValue> row = new HashMap<>();
      data.forEach(
          (key, perState) -> {
            TimeSeries ts = perState.get(s);
            double v = ts == null ? Double.NaN : valueAt(ts, p);
            if (!Double.isNaN(v)) {
              row.put(key, InputValue.exact(v));
            }
          });
      out.put(s, row);
    }
    return out;
  }

  /** The value in force at month p: same period, or carried forward a little. */
  static double valueAt(TimeSeries ts, Period p) {
    Period target = Period.containing(p.start(), ts.frequency());
    int carry = ts.frequency() == Frequency.MONTHLY ? MONTHS_CARRIED : YEARS_CARRIED;
    for (int back = 0; back <= carry; back++) {
      long i = ts.start().until(target.plus(-back));
      if (i >= 0 && i < ts.size() && !Double.isNaN(ts.get((int) i))) {
        return ts.get((int) i);
      }
    }
    return Double.NaN;
  }

  static TimeSeries cut(TimeSeries ts, Period last) {
    long n = ts.start().until(last) + 1;
    return n >= ts.size() ? ts : ts.head((int) Math.max(1, n));
  }

  static boolean allNonNegative(TimeSeries ts) {
    for (double v : ts.values()) {
      if (v < 0) {
        return false;
      }
    }
    return true;
  }
}

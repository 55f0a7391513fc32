package org.vigil.app.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import org.vigil.analytics.anomaly.Anomaly;
import org.vigil.analytics.anomaly.AnomalyDetector;
import org.vigil.analytics.anomaly.AnomalySpec;
import org.vigil.analytics.trend.TrendAnalyser;
import org.vigil.analytics.trend.TrendResult;
import org.vigil.analytics.trend.TrendSpec;
import org.vigil.app.Vigil;
import org.vigil.forecast.Forecast;
import org.vigil.forecast.ForecastSpec;
import org.vigil.forecast.Forecaster;
import org.vigil.model.AccessContext;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Event;
import org.vigil.model.Indicator;
import org.vigil.model.NotFoundException;
import org.vigil.report.AnomalyRow;
import org.vigil.report.Counts;
import org.vigil.report.EventRow;
import org.vigil.report.IndicatorChart;
import org.vigil.report.IndicatorRow;
import org.vigil.report.Marking;
import org.vigil.report.ReportRenderer;
import org.vigil.report.Section;
import org.vigil.report.SituationReport;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * Assembles situation reports from the store and the engines, reading everything with the caller's
 * access context (a report never shows what its reader may not see), and renders them. The period
 * defaults to the latest month with data. Thread-safe.
 */
public final class ReportService {
  /** The group whose members form the regional map when a state report is made. */
  static final String REGION = "CIS";

  private static final int CHARTS = 4;
  private static final int HISTORY = 36;

  /** At most this many weekly or daily charts, after the monthly ones. */
  private static final int FAST_CHARTS = 2;

  private static final int HORIZON = 12;
  private static final int TABLE_ROWS = 14;
  private static final int EVENT_ROWS = 12;
  private static final int ANOMALY_ROWS = 12;
  private static final int ANOMALY_MONTHS = 3;

  /**
   * The report scans every series of every state, so it uses the robust z-score only: the
   * forecast-interval detector refits a model for each checked value, which took tens of seconds
   * over the demo data.
   */
  private static final AnomalySpec ANOMALIES =
      AnomalySpec.DEFAULT.withMethods(java.util.EnumSet.of(Anomaly.Method.ROBUST_Z));

  private final Vigil vigil;
  private final ReportSupplements supplements;
  private final WaterReportSection water;
  private final ReportRenderer renderer = ReportRenderer.create();
  private final org.vigil.app.forecast.RegionalForecasts regional;
  private final java.util.Deque<ReportRecord> recent = new java.util.ArrayDeque<>();
  private static final int RECENT = 50;

  public ReportService(Vigil vigil, ReportSupplements supplements) {
    this.vigil = vigil;
    this.supplements = supplements;
    this.regional = org.vigil.app.forecast.RegionalForecasts.create(vigil);
    this.water = new WaterReportSection(vigil);
  }

  /** A service whose risk, priority and programme sections come from the installed engines. */
  public static ReportService create(Vigil vigil) {
    return new ReportService(vigil, new InstalledSupplements(vigil));
  }

  /** Assembles and renders; the time taken is in the result. */
  public RenderedReport render(AccessContext ctx, ReportRequest request, ReportFormat format) {
    long start = System.nanoTime();
    SituationReport report = assemble(ctx, request);
    byte[] bytes =
        switch (format) {
          case PDF -> renderer.pdf(report);
          case DOCX -> renderer.docx(report);
          case HTML -> renderer.html(report).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        };
    String name =
        String.format(
            Locale.ROOT,
            "vigil-report-%s-%s-%s.%s",
            report.area().code(),
            report.period(),
            report.language().code(),
            format.extension());
    long millis = (System.nanoTime() - start) / 1_000_000;
    remember(
        new ReportRecord(
            report.area().code(),
            report.period().toString(),
            report.language().code(),
            format.extension(),
            ctx.user(),
            ctx.organisation(),
            vigil.clock().instant(),
            millis));
    return new RenderedReport(bytes, format, name, millis);
  }

  /**
   * Reports made by this service since it started, newest first: the caller's organisation's own
   * (all of them for internal jobs). Kept in memory only; the audit log has the durable record.
   */
  public List<ReportRecord> recent(AccessContext ctx) {
    synchronized (recent) {
      return recent.stream()
          .filter(r -> ctx.isSystem() || r.organisation().equals(ctx.organisation()))
          .toList();
    }
  }

  private void remember(ReportRecord record) {
    synchronized (recent) {
      recent.addFirst(record);
      while (recent.size() > RECENT) {
        recent.removeLast();
      }
    }
  }

  /**
   * Gathers the report's data.
   *
   * @throws NotFoundException when the area is unknown or not readable
   * @throws org.vigil.model.InvalidInputException when no period is given and there is no data
   */
  public SituationReport assemble(AccessContext ctx, ReportRequest request) {
    Area area =
        vigil
            .reference()
            .area(ctx, request.area())
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "Unknown area '"
                            + request.area()
                            + "': expected a state code such as KAZ or the group CIS;"
                            + " list them with ./vigil areas"));
    List<Area> mapStates = mapStates(ctx, area);
    List<String> covered =
        area.kind() == AreaKind.GROUP
            ? mapStates.stream().map(Area::code).toList()
            : List.of(area.code());
    ReportSeries series =
        ReportSeries.load(
            vigil.observations(),
            ctx,
            vigil.reference().indicators(ctx),
            covered,
            LocalDate.now(vigil.clock()));
    Period period =
        request
            .period()
            .or(series::latestMonth)
            .orElseThrow(
                () ->
                    new org.vigil.model.InvalidInputException(
                        "No data for "
                            + area.code()
                            + " to choose a report period from: give --period (e.g. 2026-10)"
                            + " or load data first"));
    ReportSupplements.Priorities priorities =
        supplements.priorities(ctx, area, period, request.language());
    return SituationReport.builder(area, period, request.language())
        .states(mapStates)
        .generatedAt(vigil.clock().instant())
        .marking(marking(ctx, area, mapStates))
        .risk(supplements.risk(ctx, mapStates, period, request.language()))
        .priorities(priorities.ranked())
        .notSharedPriorities(priorities.notShared())
        .programmes(supplements.programmes(ctx, area, period, request.language()))
        .indicators(indicatorTable(series, area, covered, period, request.language()))
        .charts(charts(ctx, series, area, covered, period))
        .anomalies(anomalies(ctx, series, covered, period))
        .events(events(ctx, area, covered, period))
        .water(water.build(ctx, area, period, request.language()))
        .build();
  }

  /**
   * Who made the report and whose data it may show: the states of its map and risk table (the
   * region's members the reader may see), the subject state first in its own report.
   */
  private static Marking marking(AccessContext ctx, Area area, List<Area> mapStates) {
    List<Area> dataOf = new ArrayList<>();
    if (area.kind() == AreaKind.COUNTRY) {
      dataOf.add(area);
    }
    mapStates.stream().filter(a -> !dataOf.contains(a)).forEach(dataOf::add);
    boolean anonymous = ctx.user().equals(AccessContext.anonymous().user());
    return new Marking(anonymous ? "" : ctx.user(), ctx.organisation(), dataOf);
  }

  private List<Area> mapStates(AccessContext ctx, Area area) {
    String group = area.kind() == AreaKind.GROUP ? area.code() : REGION;
    LocalDate today = LocalDate.now(vigil.clock());
    List<Area> states = new ArrayList<>();
    for (String code : vigil.reference().members(ctx, group, today)) {
      vigil.reference().area(ctx, code).ifPresent(states::add);
    }
    if (states.isEmpty() && area.kind() == AreaKind.COUNTRY) {
      states.add(area);
    }
    return states;
  }

  /**
   * The latest value of each indicator; for a group, the regional total or mean over the member
   * states whose values the reader may read, and the coverage says, per indicator, how many states
   * that is ("DEMO_TERROR_INCIDENTS 1 of 10 states"): never an unlabelled subset.
   */
  private static Section<IndicatorRow> indicatorTable(
      ReportSeries series,
      Area area,
      List<String> covered,
      Period period,
      org.vigil.report.ReportLanguage lang) {
    List<IndicatorRow> rows = new ArrayList<>();
    for (Indicator ind : series.indicatorsWithData()) {
      SortedMap<Period, Double> s = series.series(ind, covered, period);
      if (s.isEmpty()) {
        continue;
      }
      Period last = s.lastKey();
      Double yearAgo = s.get(last.plus(-last.frequency().periodsPerYear()));
      rows.add(
          new IndicatorRow(
              ind,
              area,
              last,
              s.get(last),
              yearAgo == null ? Double.NaN : yearAgo,
              coverage(series, area, ind, covered, last)));
      if (rows.size() == TABLE_ROWS) {
        break;
      }
    }
    if (rows.isEmpty()) {
      return Section.unavailable("gap.noData");
    }
    if (area.kind() != AreaKind.GROUP) {
      return Section.of(rows);
    }
    return Section.of(rows)
        .withCoverage(org.vigil.report.ReportText.of(lang).get("coverage.indicators"));
  }

  /** For a group, the member states with a value of the indicator in the period; none otherwise. */
  private static IndicatorRow.Coverage coverage(
      ReportSeries series, Area area, Indicator ind, List<String> covered, Period period) {
    return area.kind() == AreaKind.GROUP
        ? new IndicatorRow.Coverage(series.statesWithValue(ind, covered, period), covered.size())
        : IndicatorRow.Coverage.NONE;
  }

  /**
   * One chart per threat domain (monthly indicators with a year of data), then up to {@link
   * #FAST_CHARTS} weekly or daily series (the early-warning pace: two years of weeks with 13 weeks
   * ahead, 120 days with 28 ahead). A group's chart shows the published regional figure: the
   * aggregate over every covered member state and its forecast reconciled with the states' (so it
   * is the sum of theirs), labelled with what it covers; a state's chart its own series and
   * forecast.
   */
  private Section<IndicatorChart> charts(
      AccessContext ctx, ReportSeries series, Area area, List<String> covered, Period period) {
    List<IndicatorChart> charts = new ArrayList<>();
    List<org.vigil.model.ThreatDomain> shown = new ArrayList<>();
    int fast = 0;
    for (Indicator ind : series.indicatorsWithData()) {
      boolean monthly = ind.frequency() == Frequency.MONTHLY;
      boolean weeklyOrDaily =
          ind.frequency() == Frequency.WEEKLY || ind.frequency() == Frequency.DAILY;
      if (monthly ? shown.contains(ind.domain()) || shown.size() == CHARTS : !weeklyOrDaily) {
        continue;
      }
      if (weeklyOrDaily && fast == FAST_CHARTS) {
        continue;
      }
      Optional<TimeSeries> ts =
          ReportSeries.tail(series.series(ind, covered, period), history(ind.frequency()));
      if (ts.isEmpty() || ts.get().countPresent() < 12) {
        continue;
      }
      charts.add(
          area.kind() == AreaKind.GROUP
              ? regionalChart(ctx, ind, area, ts.get(), period)
              : chart(
                  ind,
                  area,
                  ts.get(),
                  coverage(series, area, ind, covered, ts.get().periodAt(ts.get().size() - 1))));
      if (monthly) {
        shown.add(ind.domain());
      } else {
        fast++;
      }
    }
    // The monthly charts first, in domain order; the weekly and daily ones after them.
    charts.sort(
        Comparator.comparing((IndicatorChart c) -> c.indicator().frequency() != Frequency.MONTHLY));
    return charts.isEmpty() ? Section.unavailable("gap.noData") : Section.of(charts);
  }

  /** How many periods of history a chart shows. */
  private static int history(Frequency f) {
    return switch (f) {
      case WEEKLY -> 104;
      case DAILY -> 120;
      default -> HISTORY;
    };
  }

  /** How many periods ahead a chart forecasts. */
  private static int horizon(Frequency f) {
    return switch (f) {
      case WEEKLY -> 13;
      case DAILY -> 28;
      default -> HORIZON;
    };
  }

  private static IndicatorChart chart(
      Indicator ind, Area area, TimeSeries ts, IndicatorRow.Coverage coverage) {
    Forecast f = null;
    try {
      // A count gets count intervals: whole numbers, never below zero.
      boolean count = Counts.isCount(ind) || org.vigil.app.forecast.ForecastService.isCounts(ts);
      f =
          Forecaster.forecast(
              ts, ForecastSpec.builder().horizon(horizon(ind.frequency())).counts(count).build());
    } catch (RuntimeException e) {
      // The chart still shows the history; the renderer says there is no forecast.
      f = null;
    }
    return chart(ind, area, ts, f, coverage);
  }

  /**
   * The group's figure over the member states the reader may read: its history up to the report
   * period and the reconciled forecast (when the data end in the report period; an older report
   * shows no forecast rather than one made from later data).
   */
  private IndicatorChart regionalChart(
      AccessContext ctx, Indicator ind, Area area, TimeSeries visible, Period period) {
    org.vigil.app.forecast.RegionalForecast r;
    try {
      r = regional.forecast(ctx, ind.code(), area.code(), horizon(ind.frequency()));
    } catch (RuntimeException e) {
      return chart(ind, area, visible, null, IndicatorRow.Coverage.NONE);
    }
    SortedMap<Period, Double> points = new java.util.TreeMap<>();
    TimeSeries h = r.history();
    for (int i = 0; i < h.size(); i++) {
      // Up to the report month's end (a weekly or daily series has its own periods).
      if (!Double.isNaN(h.get(i)) && !h.periodAt(i).start().isAfter(period.end())) {
        points.put(h.periodAt(i), h.get(i));
      }
    }
    Optional<TimeSeries> ts = ReportSeries.tail(points, history(ind.frequency()));
    if (ts.isEmpty()) {
      return chart(ind, area, visible, null, IndicatorRow.Coverage.NONE);
    }
    boolean current = r.total().start().equals(ts.get().periodAt(ts.get().size() - 1).plus(1));
    return chart(
        ind,
        area,
        ts.get(),
        current ? r.total() : null,
        new IndicatorRow.Coverage(r.covered().size(), r.members().size()));
  }

  private static IndicatorChart chart(
      Indicator ind, Area area, TimeSeries ts, Forecast f, IndicatorRow.Coverage coverage) {
    List<IndicatorChart.Point> history = new ArrayList<>();
    for (int i = 0; i < ts.size(); i++) {
      history.add(new IndicatorChart.Point(ts.periodAt(i), ts.get(i)));
    }
    List<IndicatorChart.FanPoint> fan = new ArrayList<>();
    String model = "";
    if (f != null) {
      try {
        // The line is the point forecast (for a region, the sum of its states'); the bands are the
        // 80% and 95% intervals.
        double[] mean = f.points();
        double[] l80 = f.lower(0.8);
        double[] u80 = f.upper(0.8);
        double[] l95 = f.lower(0.95);
        double[] u95 = f.upper(0.95);
        for (int h = 0; h < f.horizon(); h++) {
          fan.add(
              new IndicatorChart.FanPoint(
                  f.periods().get(h), mean[h], l80[h], u80[h], l95[h], u95[h]));
        }
        model = f.model();
      } catch (RuntimeException e) {
        fan.clear();
      }
    }
    TrendResult t = TrendAnalyser.analyse(ts, TrendSpec.DEFAULT, ind.unit());
    return new IndicatorChart(
        ind, area, history, fan, model, "trend." + t.direction().name(), coverage);
  }

  private Section<AnomalyRow> anomalies(
      AccessContext ctx, ReportSeries series, List<String> covered, Period period) {
    List<AnomalyRow> rows = new ArrayList<>();
    Period from = period.plus(-(ANOMALY_MONTHS - 1));
    for (Indicator ind : series.indicatorsWithData()) {
      if (ind.frequency() != Frequency.MONTHLY) {
        continue;
      }
      for (String code : covered) {
        Optional<TimeSeries> ts =
            ReportSeries.tail(series.series(ind, List.of(code), period), HISTORY);
        if (ts.isEmpty() || ts.get().countPresent() < 24) {
          continue;
        }
        for (Anomaly a : AnomalyDetector.detect(ts.get(), ANOMALIES)) {
          if (a.period().compareTo(from) >= 0) {
            Area area = vigil.reference().area(ctx, code).orElseThrow();
            rows.add(new AnomalyRow(ind, area, a.period(), a.value(), a.expected(), a.score()));
          }
        }
      }
    }
    rows.sort(Comparator.comparingDouble((AnomalyRow r) -> -Math.abs(r.score())));
    return Section.of(rows.subList(0, Math.min(ANOMALY_ROWS, rows.size())));
  }

  private Section<EventRow> events(
      AccessContext ctx, Area area, List<String> covered, Period period) {
    String filter = area.kind() == AreaKind.GROUP ? "" : area.code();
    List<EventRow> rows = new ArrayList<>();
    for (Event e : vigil.events().events(ctx, period.start(), period.end(), filter, null)) {
      if (!covered.contains(e.area()) || e.domain() == null) {
        continue;
      }
      Optional<Area> a = vigil.reference().area(ctx, e.area());
      a.ifPresent(
          x ->
              rows.add(
                  new EventRow(
                      e.date(), x, e.domain(), e.ploverCategory(), e.fatalities(), e.summary())));
    }
    rows.sort(
        Comparator.comparingInt(EventRow::fatalities)
            .reversed()
            .thenComparing(EventRow::date, Comparator.reverseOrder()));
    return Section.of(rows.subList(0, Math.min(EVENT_ROWS, rows.size())));
  }
}

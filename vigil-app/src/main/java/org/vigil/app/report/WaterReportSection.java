package org.vigil.app.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.vigil.app.Vigil;
import org.vigil.app.water.DemoBasin;
import org.vigil.app.water.DemoBasins;
import org.vigil.app.water.InflowForecasts;
import org.vigil.app.water.InflowScenario;
import org.vigil.app.water.WaterService;
import org.vigil.app.water.WaterWords;
import org.vigil.model.AccessContext;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Indicator;
import org.vigil.model.VigilException;
import org.vigil.report.ReportLanguage;
import org.vigil.report.Section;
import org.vigil.report.WaterBasinRow;
import org.vigil.timeseries.Period;
import org.vigil.water.AllocationResult;
import org.vigil.water.FairnessRule;
import org.vigil.water.Reliefs;
import org.vigil.water.WaterIndicators;

/**
 * The report's water section: the basins the area shares (a state's, every basin for a group, the
 * basin itself for a basin), the latest water indicators of the basin and its riparian states read
 * with the reader's access context like every other series of the report, and a dry-scenario
 * allocation of the twelve months after the report period computed from the demo basin (public
 * reference data: structure real, volumes synthetic; nothing stored): shortfall per state, worst
 * month, the top reliefs worded in the report's language, and the monthly shortfall for the chart.
 */
final class WaterReportSection {
  /** The water indicators in the order the section shows them. */
  static final List<String> INDICATORS =
      List.of("WATER_STRESS", "WATER_PER_CAPITA", "WATER_DEFICIT_MONTHS", "RESERVOIR_LEVEL");

  static final int MONTHS = 12;
  static final int RELIEFS = 5;

  /**
   * Dry-scenario allocations by basin and first month: the same inputs always give the same result
   * (the demo basins are fixed data and the engines are deterministic), and a report should not
   * solve them again for every reader.
   */
  private static final Map<String, AllocationResult> KEPT =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final Vigil vigil;
  private final WaterService water;

  WaterReportSection(Vigil vigil) {
    this.vigil = vigil;
    this.water = new WaterService(vigil);
  }

  Section<WaterBasinRow> build(AccessContext ctx, Area area, Period period, ReportLanguage lang) {
    List<DemoBasin> basins = basinsOf(area);
    if (basins.isEmpty()) {
      // Not a gap in the data: the section does not concern the area, so reports leave it out.
      return Section.notApplicable("gap.noBasin");
    }
    List<Indicator> indicators =
        vigil.reference().indicators(ctx).stream()
            .filter(i -> INDICATORS.contains(i.code()))
            .sorted(java.util.Comparator.comparingInt(i -> INDICATORS.indexOf(i.code())))
            .toList();
    YearMonth start = YearMonth.from(period.start()).plusMonths(1);
    List<WaterBasinRow> rows = new ArrayList<>();
    for (DemoBasin b : basins) {
      Optional<Area> basinArea = vigil.reference().area(ctx, b.code());
      if (basinArea.isEmpty()) {
        continue;
      }
      List<String> states = b.shares().keySet().stream().sorted().toList();
      List<Area> riparian =
          states.stream()
              .map(
                  s ->
                      vigil
                          .reference()
                          .area(ctx, s)
                          .orElse(new Area(s, AreaKind.COUNTRY, s, s, "", "")))
              .toList();
      List<String> areas = new ArrayList<>();
      areas.add(b.code());
      if (area.kind() == AreaKind.COUNTRY) {
        areas.add(area.code());
      } else {
        areas.addAll(states);
      }
      rows.add(basinRow(ctx, basinArea.get(), b, riparian, areas, indicators, period, start, lang));
    }
    return rows.isEmpty() ? Section.unavailable("gap.noData") : Section.of(rows);
  }

  private static List<DemoBasin> basinsOf(Area area) {
    return switch (area.kind()) {
      case GROUP -> DemoBasins.all();
      case BASIN -> DemoBasins.find(area.code()).stream().toList();
      default ->
          DemoBasins.all().stream().filter(b -> b.shares().containsKey(area.code())).toList();
    };
  }

  private WaterBasinRow basinRow(
      AccessContext ctx,
      Area basinArea,
      DemoBasin b,
      List<Area> states,
      List<String> areas,
      List<Indicator> indicators,
      Period period,
      YearMonth start,
      ReportLanguage lang) {
    List<WaterBasinRow.Value> values = values(ctx, indicators, areas, period);
    WaterWords w =
        WaterWords.of(lang.code())
            .withStateNames(
                states.stream()
                    .collect(
                        java.util.stream.Collectors.toMap(Area::code, a -> a.name(lang.code()))));
    InflowScenario dry = InflowScenario.DRY;
    String scenario =
        w.text(
            "run.inflows",
            Map.of(
                "scenario", w.scenario(dry.label()),
                "quantile", Math.round(dry.quantile() * 100),
                "history", InflowForecasts.HISTORY_MONTHS));
    AllocationResult r;
    if (KEPT.size() > 64) {
      KEPT.clear();
    }
    try {
      r =
          KEPT.computeIfAbsent(
              b.code() + "|" + start,
              k -> water.preview(b.code(), start, MONTHS, dry, FairnessRule.PROPORTIONAL));
    } catch (VigilException | IllegalArgumentException e) {
      return new WaterBasinRow(
          basinArea,
          states,
          values,
          scenario,
          start,
          MONTHS,
          List.of(),
          List.of(),
          0,
          List.of(),
          e.getMessage());
    }
    if (!r.isFeasible()) {
      return new WaterBasinRow(
          basinArea,
          states,
          values,
          scenario,
          start,
          MONTHS,
          List.of(),
          List.of(),
          0,
          List.of(),
          w.explanation(r));
    }
    Map<String, Double> before = new TreeMap<>();
    WaterService.totals(r).forEach((s, v) -> before.put(s, v[2]));
    List<String> reliefs =
        Reliefs.ranked(r).stream()
            .limit(RELIEFS)
            .map(x -> w.relief(x.relief(), r.start(), before))
            .toList();
    return new WaterBasinRow(
        basinArea,
        states,
        values,
        scenario,
        start,
        MONTHS,
        shortfalls(r),
        reliefs,
        r.reliefs().size(),
        r.states().stream()
            .map(s -> new WaterBasinRow.MonthShortfall(s.state(), s.period(), s.shortfall()))
            .toList(),
        "");
  }

  private List<WaterBasinRow.Value> values(
      AccessContext ctx, List<Indicator> indicators, List<String> areas, Period period) {
    ReportSeries series =
        ReportSeries.load(
            vigil.observations(), ctx, indicators, areas, LocalDate.now(vigil.clock()));
    List<WaterBasinRow.Value> out = new ArrayList<>();
    for (String code : areas) {
      Optional<Area> a = vigil.reference().area(ctx, code);
      for (Indicator ind : indicators) {
        SortedMap<Period, Double> s = series.series(ind, List.of(code), period);
        if (a.isEmpty() || s.isEmpty()) {
          continue;
        }
        double v = s.get(s.lastKey());
        out.add(new WaterBasinRow.Value(ind, a.get(), s.lastKey(), v, level(ind.code(), v)));
      }
    }
    return out;
  }

  /** The class of a value against its indicator's thresholds, as a report message key. */
  static String level(String indicator, double v) {
    return switch (indicator) {
      case "WATER_STRESS" -> "water.stress." + WaterIndicators.StressLevel.of(v).name();
      case "WATER_PER_CAPITA" -> "water.falkenmark." + WaterIndicators.Falkenmark.of(v).name();
      default -> "";
    };
  }

  private static List<WaterBasinRow.StateShortfall> shortfalls(AllocationResult r) {
    Map<String, double[]> totals = WaterService.totals(r);
    List<WaterBasinRow.StateShortfall> out = new ArrayList<>();
    totals.forEach(
        (state, t) -> {
          Optional<AllocationResult.StateMonth> worst =
              r.states().stream()
                  .filter(s -> s.state().equals(state) && s.shortfall() > 1e-6)
                  .max(
                      java.util.Comparator.comparingDouble(AllocationResult.StateMonth::shortfall));
          out.add(
              new WaterBasinRow.StateShortfall(
                  state,
                  t[0],
                  t[2],
                  worst.map(AllocationResult.StateMonth::period),
                  worst.map(AllocationResult.StateMonth::shortfall).orElse(0.0)));
        });
    return out;
  }
}

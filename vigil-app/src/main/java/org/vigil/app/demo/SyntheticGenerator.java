package org.vigil.app.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.vigil.model.Classification;
import org.vigil.model.Indicator;
import org.vigil.model.Ownership;
import org.vigil.model.ThreatDomain;
import org.vigil.timeseries.Period;

/**
 * The seeded generator of the demo's monthly security indicators: one series per CIS state and
 * synthetic indicator, plus river flow per basin. Each series gets, from its own random stream
 * (seed mixed with indicator and area): a base level scaled by population, a linear trend in about
 * half the series (3-8% of the base per year, either sign), a yearly cycle, in about a third of the
 * series one or two shocks (a one-month spike or a step), in about one series in eight a recent
 * event at the end of the series (placed by the spec's last month, from a stream of its own so the
 * rest of the plan does not move), in a quarter of them reporting gaps of one to three months, and
 * independent noise (Poisson-like for counts, 6% for levels). The last three months are first
 * released as provisional (flag P) and revised later; one series in seven also has its 2022 values
 * revised by a few per cent. Pure: no clock, no I/O.
 */
public final class SyntheticGenerator {
  /** Population in millions (about 2020), which scales count series. */
  private static final Map<String, Double> POPULATION =
      Map.of(
          "ARM", 3.0, "AZE", 10.1, "BLR", 9.4, "KAZ", 18.8, "KGZ", 6.6, "MDA", 2.6, "RUS", 146.0,
          "TJK", 9.5, "TKM", 6.0, "UZB", 34.2);

  /** Monthly level for a state of 10 million people. */
  private static final Map<String, Double> BASE =
      Map.ofEntries(
          Map.entry("DEMO_TERROR_INCIDENTS", 4.0),
          Map.entry("DEMO_EXTREMISM_OFFENCES", 25.0),
          Map.entry("DEMO_ORGANISED_CRIME_OFFENCES", 60.0),
          Map.entry("DEMO_DRUG_TRAFFICKING_OFFENCES", 150.0),
          Map.entry("DEMO_ILLEGAL_CROSSINGS", 300.0),
          Map.entry("DEMO_FIREARMS_SEIZED", 40.0),
          Map.entry("DEMO_ECONOMIC_OFFENCES", 400.0),
          Map.entry("DEMO_CYBER_INCIDENTS", 800.0),
          Map.entry("DEMO_INDUSTRIAL_ACCIDENTS", 20.0),
          Map.entry("DEMO_OUTBREAKS", 8.0),
          Map.entry("DEMO_WATER_DEFICIT", 8.0));

  private static final Map<String, Double> BASIN_FLOW =
      Map.of("AMU_DARYA", 1500.0, "SYR_DARYA", 1100.0, "IRTYSH", 950.0, "KURA_ARAKS", 580.0);
  private static final Period PLAN_FROM = Period.month(2015, 6);
  private static final int PLAN_MONTHS = 121; // 2015-06 .. 2025-06

  /**
   * The one series with a planted trend onset, the case for the "trend start" and "forecast to
   * exceed" rules: a series chosen because nothing else was planted in it (no trend, shock, recent
   * event or gap) and its yearly cycle is weak (7%). From {@link #ONSET_MONTHS} months before the
   * end (the end month included) its expected level rises by {@link #ONSET_PER_MONTH} of the level
   * each month: +72% by the end. Placed by the spec's last month, like the recent events.
   */
  public static final String ONSET_SERIES = "DEMO_ECONOMIC_OFFENCES/BLR";

  static final int ONSET_MONTHS = 24;
  static final double ONSET_PER_MONTH = 0.03;

  /** Share of series given a recent event: the news the alert rules should raise. */
  static final double RECENT_SHARE = 0.125;

  private final DemoSpec spec;

  public SyntheticGenerator(DemoSpec spec) {
    this.spec = spec;
  }

  /** Every series, state series first (by indicator, then state), then the basins. */
  public List<GeneratedSeries> generate() {
    List<GeneratedSeries> out = new ArrayList<>();
    for (Indicator ind : DemoIndicators.synthetic()) {
      if (ind.code().equals("DEMO_RIVER_FLOW")) {
        for (String basin : BASIN_FLOW.keySet().stream().sorted().toList()) {
          out.add(series(ind, basin, BASIN_FLOW.get(basin), true, secretariatShared()));
        }
      } else {
        boolean level = ind.unit().startsWith("%");
        for (String state : WorldAreas.CIS_STATES) {
          double base =
              level
                  ? BASE.get(ind.code())
                  : BASE.get(ind.code()) * Math.pow(POPULATION.get(state) / 10.0, 0.8);
          out.add(series(ind, state, base, level, ownership(ind.domain(), state)));
        }
      }
    }
    return out;
  }

  /** Who owns a state's series and how it is shared: the classifications in use in the demo. */
  static Ownership ownership(ThreatDomain domain, String state) {
    String owner = DemoOrganisations.councilOf(state);
    return switch (domain) {
      case TERRORISM, EXTREMISM ->
          Ownership.restricted(owner, java.util.Set.of(DemoOrganisations.SECRETARIAT));
      case INFORMATION -> Ownership.of(owner, Classification.NATIONAL);
      case TECHNOLOGICAL, BIOLOGICAL -> Ownership.of(owner, Classification.PUBLIC);
      default -> Ownership.of(owner, Classification.SHARED);
    };
  }

  private static Ownership secretariatShared() {
    return Ownership.of(DemoOrganisations.SECRETARIAT, Classification.SHARED);
  }

  private GeneratedSeries series(
      Indicator ind, String area, double base, boolean level, Ownership ownership) {
    SplittableRandom plan =
        new SplittableRandom(spec.seed() * 1_000_003L + (ind.code() + "/" + area).hashCode());
    SplittableRandom noise = plan.split();
    SplittableRandom release = plan.split();
    boolean trend = plan.nextDouble() < 0.5;
    double trendPerYear =
        trend ? (plan.nextBoolean() ? 1 : -1) * (0.03 + 0.05 * plan.nextDouble()) : 0;
    boolean river = ind.code().equals("DEMO_RIVER_FLOW");
    double amplitude = river ? 0.6 : 0.25 * plan.nextDouble();
    int peak = river ? 6 : 1 + plan.nextInt(12);
    List<PlantedShock> shocks = shocks(plan);
    List<PlantedShock> recent = recentShocks(ind.code() + "/" + area);
    List<Period> gaps = gaps(plan, shocks);
    boolean revise2022 = plan.nextInt(7) == 0;
    double revision2022 = 1 + (0.02 + 0.03 * plan.nextDouble()) * (plan.nextBoolean() ? 1 : -1);

    TreeMap<Period, Double> values = new TreeMap<>();
    TreeMap<Period, Double> first = new TreeMap<>();
    Period start = Period.month(spec.first().getYear(), spec.first().getMonthValue());
    int n = spec.months();
    java.util.Optional<Period> onset =
        ONSET_SERIES.equals(ind.code() + "/" + area)
            ? java.util.Optional.of(start.plus(n - ONSET_MONTHS))
            : java.util.Optional.empty();
    int onsetAt = n - ONSET_MONTHS;
    for (int t = 0; t < n; t++) {
      Period p = start.plus(t);
      double season = 1 + amplitude * Math.sin(2 * Math.PI * (p.sub() - peak + 3) / 12.0);
      double mean =
          base
              * (1 + trendPerYear * t / 12.0)
              * season
              * shockFactor(shocks, p)
              * shockFactor(recent, p)
              * (onset.isPresent() && t >= onsetAt ? 1 + ONSET_PER_MONTH * (t - onsetAt + 1) : 1);
      double v = level ? round2(mean * (1 + 0.06 * noise.nextGaussian())) : count(mean, noise);
      if (gaps.contains(p)) {
        continue;
      }
      values.put(p, Math.max(0, v));
      if (t >= n - 3) {
        first.put(p, firstRelease(v, level, release));
      } else if (revise2022 && p.year() == 2022) {
        double f = level ? round2(v / revision2022) : Math.round(v / revision2022);
        first.put(p, f == Math.max(0, v) ? f + (level ? 0.01 : 1) : Math.max(0, f));
      }
    }
    PlantedSeries truth =
        new PlantedSeries(
            ind.code(),
            area,
            base,
            trend,
            trendPerYear,
            base * trendPerYear / 12.0,
            amplitude,
            peak,
            shocks,
            recent,
            gaps,
            List.copyOf(first.keySet()),
            onset,
            onset.isPresent() ? ONSET_PER_MONTH : 0);
    return new GeneratedSeries(truth, values, first, ownership);
  }

  private static List<PlantedShock> shocks(SplittableRandom r) {
    List<PlantedShock> out = new ArrayList<>();
    int count = r.nextDouble() < 0.35 ? (r.nextDouble() < 0.3 ? 2 : 1) : 0;
    int lastAt = -100;
    for (int i = 0; i < count; i++) {
      int at = r.nextInt(PLAN_MONTHS - 6) + 6;
      if (Math.abs(at - lastAt) < 12) {
        at = (lastAt + 24) % (PLAN_MONTHS - 6) + 6;
      }
      lastAt = at;
      boolean spike = r.nextBoolean();
      double factor = spike ? 2.0 + 1.5 * r.nextDouble() : 1.4 + 0.4 * r.nextDouble();
      out.add(
          new PlantedShock(
              PLAN_FROM.plus(at), spike ? ShockKind.SPIKE : ShockKind.LEVEL_SHIFT, factor));
    }
    out.sort((a, b) -> a.period().compareTo(b.period()));
    return out;
  }

  /**
   * The recent event of one series, or none: drawn from a stream seeded by the spec's seed and the
   * series alone (whether there is one, its kind and size do not depend on the end month; only its
   * months do). A spike (x2.5-3.5) falls in the last or the second-to-last month; a level shift
   * (x1.6-2.0) starts two or three months before the end and lasts to it.
   */
  private List<PlantedShock> recentShocks(String key) {
    SplittableRandom r = new SplittableRandom(spec.seed() * 7_919L + ("recent/" + key).hashCode());
    if (r.nextDouble() >= RECENT_SHARE) {
      return List.of();
    }
    boolean spike = r.nextBoolean();
    int back = spike ? r.nextInt(2) : 1 + r.nextInt(2);
    double factor = spike ? 2.5 + r.nextDouble() : 1.6 + 0.4 * r.nextDouble();
    Period last = Period.month(spec.last().getYear(), spec.last().getMonthValue());
    return List.of(
        new PlantedShock(
            last.plus(-back), spike ? ShockKind.SPIKE : ShockKind.LEVEL_SHIFT, factor));
  }

  private static List<Period> gaps(SplittableRandom r, List<PlantedShock> shocks) {
    List<Period> out = new ArrayList<>();
    if (r.nextDouble() >= 0.25) {
      return out;
    }
    int runs = 1 + r.nextInt(2);
    for (int i = 0; i < runs; i++) {
      int at = r.nextInt(PLAN_MONTHS - 3);
      int length = 1 + r.nextInt(3);
      for (int k = 0; k < length; k++) {
        Period p = PLAN_FROM.plus(at + k);
        if (shocks.stream().noneMatch(s -> s.period().equals(p)) && !out.contains(p)) {
          out.add(p);
        }
      }
    }
    out.sort(Period::compareTo);
    return out;
  }

  private static double shockFactor(List<PlantedShock> shocks, Period p) {
    double f = 1;
    for (PlantedShock s : shocks) {
      if (s.kind() == ShockKind.SPIKE ? s.period().equals(p) : p.compareTo(s.period()) >= 0) {
        f *= s.factor();
      }
    }
    return f;
  }

  /** Poisson-like counts: exact Poisson below 30, else normal, with 5% extra spread. */
  private static double count(double mean, SplittableRandom r) {
    double m = Math.max(0, mean * (1 + 0.05 * r.nextGaussian()));
    if (m < 30) {
      double limit = Math.exp(-m);
      double prod = r.nextDouble();
      int k = 0;
      while (prod > limit) {
        prod *= r.nextDouble();
        k++;
      }
      return k;
    }
    return Math.max(0, Math.round(m + Math.sqrt(m) * r.nextGaussian()));
  }

  private static double firstRelease(double v, boolean level, SplittableRandom r) {
    double f =
        Math.max(
            0,
            level
                ? round2(v * (1 + 0.04 * r.nextGaussian()))
                : Math.round(v * (1 + 0.04 * r.nextGaussian())));
    // A revision must change the value, or the store would keep no second vintage.
    return f == Math.max(0, v) ? f + (level ? 0.01 : 1) : f;
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }
}

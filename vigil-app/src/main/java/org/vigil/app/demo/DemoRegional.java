package org.vigil.app.demo;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vigil.model.Aggregation;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Classification;
import org.vigil.model.Indicator;
import org.vigil.model.Observation;
import org.vigil.model.Ownership;
import org.vigil.model.Polarity;
import org.vigil.model.ThreatDomain;
import org.vigil.timeseries.Period;

/**
 * The demo's region-level series (synthetic, marked so): drug-trafficking offences recorded per
 * month by region, {@value #INDICATOR}, for Kazakhstan and Tajikistan, each reported by the state's
 * council for its own regions.
 *
 * <p>Kazakhstan reports 13 of its 20 ISO 3166-2 regions: of the 17 that existed before 2022 the
 * first 12 in code order SHARED, the 13th NATIONAL (only Kazakhstan's council reads it), the last 4
 * not at all; the three regions created in 2022 ({@link #KAZ_2022}: Abai, Jetisu, Ulytau) have no
 * demo series, since a five-year series would predate them. A state figure made of regions says "12
 * of 20 regions" to readers of other states and "13 of 20" to Kazakhstan's. Tajikistan reports all
 * 5 of its regions, SHARED. Five years of months ending with the demo's last month; Poisson counts
 * around a level per region with a mild yearly cycle, drawn from their own generator (seed {@code
 * spec.seed() + 11}) so the other series' draws are unchanged.
 */
final class DemoRegional {
  static final String INDICATOR = "DEMO_DRUG_OFFENCES_REGIONAL";
  static final String FILE = "demo:synthetic-regions";
  static final int KAZ_SHARED = 12;
  static final int MONTHS = 60;

  /** Kazakhstan's regions created by the decree of 8 June 2022 (ISO 3166-2 codes of 2022). */
  static final java.util.Set<String> KAZ_2022 = java.util.Set.of("KZ-10", "KZ-33", "KZ-62");

  private DemoRegional() {}

  static List<Indicator> indicators() {
    return List.of(
        new Indicator(
            INDICATOR,
            "Drug-trafficking offences recorded, by region",
            "Зарегистрированные преступления, связанные с наркотрафиком, по регионам",
            ThreatDomain.DRUG_TRAFFICKING,
            "offences",
            org.vigil.timeseries.Frequency.MONTHLY,
            "",
            Polarity.RISE_IS_BAD,
            Aggregation.SUM,
            DemoIndicators.SYNTHETIC_SOURCE,
            true));
  }

  static List<Observation> observations(DemoSpec spec) {
    SplittableRandom random = new SplittableRandom(spec.seed() + 11);
    List<Area> registry = Subdivisions.registry();
    List<Observation> out = new ArrayList<>();
    List<Area> kaz =
        regionsOf(registry, "KAZ").stream().filter(a -> !KAZ_2022.contains(a.code())).toList();
    for (int i = 0; i < KAZ_SHARED + 1 && i < kaz.size(); i++) {
      Classification c = i < KAZ_SHARED ? Classification.SHARED : Classification.NATIONAL;
      out.addAll(series(spec, random, kaz.get(i).code(), Ownership.of("KAZ-SC", c)));
    }
    for (Area r : regionsOf(registry, "TJK")) {
      out.addAll(series(spec, random, r.code(), Ownership.of("TJK-SC", Classification.SHARED)));
    }
    return out;
  }

  static List<Area> regionsOf(List<Area> registry, String state) {
    return registry.stream()
        .filter(a -> a.kind() == AreaKind.REGION && a.parent().equals(state))
        .toList();
  }

  private static List<Observation> series(
      DemoSpec spec, SplittableRandom random, String area, Ownership own) {
    double level = 8 + 30 * random.nextDouble();
    YearMonth first = spec.last().minusMonths(MONTHS - 1L);
    List<Observation> out = new ArrayList<>();
    for (int i = 0; i < MONTHS; i++) {
      YearMonth m = first.plusMonths(i);
      double mean = level * (1 + 0.15 * Math.sin(2 * Math.PI * (m.getMonthValue() - 4) / 12.0));
      out.add(
          new Observation(
              INDICATOR,
              area,
              Period.month(m.getYear(), m.getMonthValue()),
              poisson(random, mean),
              "",
              DemoIndicators.SYNTHETIC_SOURCE,
              0,
              null,
              own));
    }
    return out;
  }

  /** Knuth's multiplication method: exact for the small means used here. */
  private static double poisson(SplittableRandom r, double mean) {
    double limit = Math.exp(-mean);
    double p = 1;
    int k = -1;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > limit);
    return k;
  }
}

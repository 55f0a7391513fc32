package org.vigil.analytics.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.vigil.model.programme.Budget;
import org.vigil.model.programme.Kpi;
import org.vigil.model.programme.KpiDirection;
import org.vigil.model.programme.Measure;
import org.vigil.model.programme.MeasureStatus;
import org.vigil.model.programme.Objective;
import org.vigil.model.programme.Programme;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

final class Fixtures {
  private Fixtures() {}

  /** Monthly 2016-01..2024-12: level 100 rising 0.5 a month, noise sd 2, seeded. */
  static TimeSeries rising(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] v = new double[108];
    for (int i = 0; i < v.length; i++) {
      v[i] = 100 + 0.5 * i + 2 * gaussian(r);
    }
    return TimeSeries.of(Period.month(2016, 1), v);
  }

  static double gaussian(SplittableRandom r) {
    double u = r.nextDouble();
    double w = r.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * w);
  }

  static Kpi kpi(String code, double target, KpiDirection direction, Period deadline) {
    return new Kpi(
        code,
        "O1",
        "Offences " + code,
        "",
        "OFFENCES",
        "KAZ",
        150,
        Period.year(2023),
        target,
        deadline,
        direction,
        0,
        true);
  }

  static Measure measure(String code, LocalDate start, LocalDate deadline, String... kpis) {
    return new Measure(
        code,
        "O1",
        "Measure " + code,
        "",
        List.of("KAZ"),
        List.of("RUS"),
        "",
        start,
        deadline,
        MeasureStatus.IN_PROGRESS,
        Budget.NOT_GIVEN,
        List.of(kpis),
        false,
        true);
  }

  static Programme programme(List<Measure> measures, List<Kpi> kpis) {
    return new Programme(
        "P1",
        "Test programme",
        "",
        LocalDate.of(2024, 1, 1),
        LocalDate.of(2028, 12, 31),
        "",
        LocalDate.MIN,
        List.of("KAZ", "RUS"),
        Frequency.YEARLY,
        "test",
        List.of(new Objective("O1", "Objective", "", true)),
        measures,
        kpis);
  }
}

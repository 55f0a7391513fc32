package org.vigil.model.programme;

import java.time.LocalDate;
import java.util.List;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;

final class Samples {
  private Samples() {}

  static Kpi kpi(String code, double target) {
    return new Kpi(
        code,
        "O1",
        "Drug seizures",
        "",
        "DRUG_SEIZURES",
        "KAZ",
        100,
        Period.year(2023),
        target,
        Period.year(2028),
        KpiDirection.AT_LEAST,
        0,
        true);
  }

  static Measure measure(String code, String... kpis) {
    return new Measure(
        code,
        "O1",
        "Joint operation",
        "",
        List.of("KAZ"),
        List.of("RUS"),
        "CCID",
        LocalDate.of(2024, 1, 1),
        LocalDate.of(2025, 12, 31),
        MeasureStatus.IN_PROGRESS,
        Budget.NOT_GIVEN,
        List.of(kpis),
        false,
        true);
  }

  static Programme programme() {
    return new Programme(
        "P1",
        "Programme",
        "Программа",
        LocalDate.of(2024, 1, 1),
        LocalDate.of(2028, 12, 31),
        "Council",
        LocalDate.MIN,
        List.of("KAZ", "RUS", "KGZ"),
        Frequency.YEARLY,
        "example",
        List.of(new Objective("O1", "Objective", "", true)),
        List.of(measure("M1", "K1"), measure("M2")),
        List.of(kpi("K1", 150), kpi("K2", 10)));
  }
}

package org.vigil.app.programme;

import java.time.LocalDate;
import java.util.List;
import org.vigil.analytics.programme.KpiDrift;

/**
 * Plan drift of a programme version.
 *
 * @param programme the programme code
 * @param version the version assessed (the one in force)
 * @param asOf the day of the assessment
 * @param kpis one verdict per KPI, in the programme's order
 */
public record ProgrammeDrift(String programme, int version, LocalDate asOf, List<KpiDrift> kpis) {
  public ProgrammeDrift {
    kpis = List.copyOf(kpis);
  }

  /** The KPIs with a warning. */
  public List<KpiDrift> warnings() {
    return kpis.stream().filter(KpiDrift::warning).toList();
  }
}
